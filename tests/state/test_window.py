from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cailos_litellm.state.window import latency_bin, sample_fields, stats_from_counts
from cailos_litellm.state.keys import key


@pytest.mark.parametrize(
    "ok, latency, fields",
    [(True, 120.0, ("n", "ok", f"l{latency_bin(120.0)}")), (False, None, ("n",)), (False, 0.2, ("n", "l0"))],
)
def test_sample_fields(ok, latency, fields):
    assert sample_fields(ok, latency) == fields


@given(st.lists(st.floats(min_value=1.5, max_value=60_000), min_size=1, max_size=300))
def test_p95_is_within_a_bin_of_the_exact_value(latencies):
    counts: dict[str, int] = {}
    for value in latencies:
        for name in sample_fields(True, value):
            counts[name] = counts.get(name, 0) + 1
    stats = stats_from_counts(counts)
    ordered = sorted(latencies)
    exact = ordered[-(-len(ordered) * 95 // 100) - 1]  # nearest-rank p95
    assert exact / 1.16 <= stats.p95_ms <= exact * 1.16
    assert stats.samples == stats.successes == len(latencies)


@pytest.mark.parametrize("parts", [("breaker", "gpt-4o@openai"), ("win", "ep", "claude:x")])
def test_keys_are_namespaced(parts):
    assert key(*parts) == "cailos:" + ":".join(parts)


@pytest.mark.parametrize("bad", ["hello world", "", "x" * 201, "line\nbreak"])
def test_keys_refuse_free_text(bad):
    with pytest.raises(ValueError):
        key("decision", bad)
