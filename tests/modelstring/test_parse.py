from __future__ import annotations

from datetime import date

import pytest

from cailos_litellm.config import build_registry
from cailos_litellm.errors import ModelStringError
from cailos_litellm.modelstring import parse_model_string
from cailos_litellm.types import STRATEGIES

from ..config.test_registry import BASE, lookup

REG = build_registry(BASE, lookup)
TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    "raw, kind, target, strategy",
    [
        ("auto", "auto", None, None),
        ("auto:cost", "auto", None, "cost"),
        (" auto:quality ", "auto", None, "quality"),
        ("gpt-4o", "endpoint", "gpt-4o", None),  # transparent gateway
        ("gpt-4o:speed", "family", "gpt-4o", "speed"),
        ("gpt-4o-mini", "family", "gpt-4o-mini", None),  # codename only
        ("mini", "endpoint", "mini", None),
        ("mini:cost", "endpoint", "mini", "cost"),  # an endpoint outside any same-named family
    ],
)
def test_valid_strings(raw, kind, target, strategy):
    spec = parse_model_string(raw, REG, TODAY)
    assert (spec.kind, spec.target, spec.strategy) == (kind, target, strategy)


@pytest.mark.parametrize("raw", ["", "   ", None, 42, "auto:cheap", "gpt-4o:", "gpt-9", "auto:cost:x", ":cost", "a b", "x" * 500])
def test_invalid_strings_list_valid_choices(raw):
    with pytest.raises(ModelStringError) as err:
        parse_model_string(raw, REG, TODAY)
    message = str(err.value)
    assert err.value.status_code == 400
    assert all(s in message for s in STRATEGIES)
    assert "gpt-4o-mini" in message and "legacy" in message
    assert len(message) < 600  # a huge model string is clipped, not echoed


@pytest.mark.parametrize("raw, strategy", [("legacy", None), ("old", None), ("legacy:cost", "cost")])
def test_deprecated_codename_is_served_by_successor(raw, strategy):
    spec = parse_model_string(raw, REG, TODAY)
    assert (spec.kind, spec.target, spec.substituted_from, spec.strategy) == ("family", "gpt-4o", raw.split(":")[0], strategy)


def test_not_yet_deprecated_is_served_as_is():
    spec = parse_model_string("legacy", REG, date(2024, 1, 1))
    assert spec.substituted_from is None and spec.target == "legacy"
