from __future__ import annotations

import pytest

from cailos_litellm.ranking.filters import ScopeFilter
from cailos_litellm.types import ModelSpec
from tests.ranking.helpers import ctx, endpoint

EPS = [endpoint("gpt-4o", codename="gpt-4o"), endpoint("gpt-4o-eu", codename="gpt-4o"), endpoint("mini")]


@pytest.mark.parametrize(
    "spec, kept, note",
    [
        (ModelSpec("auto", "auto", None, None), ["gpt-4o", "gpt-4o-eu", "mini"], "auto: 3 of 3 endpoints"),
        (ModelSpec("gpt-4o:cost", "family", "gpt-4o", "cost"), ["gpt-4o", "gpt-4o-eu"], "family gpt-4o: 2 of 3"),
        (ModelSpec("gpt-4o-eu", "endpoint", "gpt-4o-eu", None), ["gpt-4o", "gpt-4o-eu"], "endpoint gpt-4o-eu"),
        (ModelSpec("mini", "endpoint", "mini", None), ["mini"], "1 of 3"),
        (ModelSpec("legacy", "family", "gpt-4o", None, substituted_from="legacy"), ["gpt-4o", "gpt-4o-eu"],
         "replaces deprecated legacy"),
    ],
)
def test_scope(spec, kept, note):
    names, trace = ScopeFilter().run(EPS, ctx(spec=spec))
    assert [e.name for e in names] == kept
    assert note in trace.note and trace.removed == ()
