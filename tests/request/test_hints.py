from __future__ import annotations

import pytest

from cailos_litellm.errors import BadRequestHint
from cailos_litellm.request import Hints, read_hints


def test_empty_means_no_hints():
    assert read_hints(None, None) == Hints()


def test_metadata_and_headers_header_wins():
    hints = read_hints(
        {"strategy": "cost", "trust_level": 1, "feature": "support-bot", "required_capabilities": ["tools"]},
        {"X-Cailos-Strategy": "quality", "x-cailos-max-cost-usd": "0.02", "x-cailos-required-capabilities": "vision,tools"},
    )
    assert hints == Hints(strategy="quality", trust_level=1, feature="support-bot", max_cost_usd=0.02,
                          required_capabilities=frozenset({"vision", "tools"}))


@pytest.mark.parametrize(
    "metadata, fragment",
    [
        ({"strategy": "cheap"}, "metadata.strategy: must be one of cost"),
        ({"trust_level": 4}, "metadata.trust_level: must be an integer 0-3"),
        ({"trust_level": True}, "metadata.trust_level"),
        ({"trust_level": "1.5"}, "metadata.trust_level"),
        ({"max_cost_usd": 0}, "metadata.max_cost_usd: must be a positive number"),
        ({"max_cost_usd": "nan"}, "metadata.max_cost_usd"),
        ({"max_latency_ms": "fast"}, "metadata.max_latency_ms"),
        ({"max_latency_ms": [1]}, "metadata.max_latency_ms: has the wrong type"),
        ({"required_capabilities": ["tools", "telepathy"]}, "unknown capability 'telepathy'"),
        ({"feature": "a b"}, "metadata.feature"),
        ({"feature": "x" * 65}, "metadata.feature"),
        ({"cache": "-5"}, "metadata.cache"),
    ],
)
def test_bad_values_name_the_hint(metadata, fragment):
    with pytest.raises(BadRequestHint) as err:
        read_hints(metadata, {})
    assert fragment in str(err.value)
    assert err.value.status_code == 400


def test_cache_hint_forms():
    assert read_hints({"cache": "off"}, {}).cache == "off"
    assert read_hints({}, {"x-cailos-cache": "600"}).cache == 600
