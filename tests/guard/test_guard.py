"""The per-attempt guard: never a deployment below the trust floor or behind an open breaker."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cailos_litellm.guard import AttemptCandidate as C
from cailos_litellm.guard import check_attempt, guard_attempt
from cailos_litellm.health import BreakerPolicy, Health
from cailos_litellm.state import MemoryStore


@pytest.mark.parametrize(
    "candidates, floor, verdicts, allowed, probes, removed",
    [
        ([C("a", 1), C("b", 2)], 0, {}, ("a", "b"), (), ()),
        ([C("a", 1), C("b", 2)], 2, {}, ("b",), (), ("a",)),
        ([C("a", 3), C("b", 3)], 3, {"a": "open", "b": "half_open"}, (), (), ("a", "b")),
        ([C("a", 3), C("b", 3)], 1, {"a": "probe_ready"}, ("b",), ("a",), ()),
        ([C("x", None)], 1, {}, (), (), ("x",)),  # not in the registry: trust 0
        ([C("x", None)], 0, {}, ("x",), (), ()),
        ([C("a", 1)], 2, {"a": "probe_ready"}, (), (), ("a",)),  # trust is checked before any probe
    ],
)
def test_check_attempt(candidates, floor, verdicts, allowed, probes, removed):
    result = check_attempt(candidates, floor, verdicts)
    assert (result.allowed, result.probes, tuple(i for i, _ in result.removed)) == (allowed, probes, removed)


@given(
    st.lists(st.tuples(st.integers(0, 3), st.sampled_from(["closed", "open", "half_open", "probe_ready"])),
             max_size=8),
    st.integers(0, 3),
)
def test_never_below_floor_or_open(specs, floor):
    candidates = [C(f"d{i}", t) for i, (t, _) in enumerate(specs)]
    verdicts = {f"d{i}": v for i, (_, v) in enumerate(specs)}
    result = check_attempt(candidates, floor, verdicts)
    trust = {c.id: c.trust_level for c in candidates}
    for dep in result.allowed + result.probes:
        assert trust[dep] >= floor
        assert verdicts[dep] not in ("open", "half_open")
    assert len(result.allowed) + len(result.probes) + len(result.removed) == len(candidates)


def test_guard_attempt_routes_the_due_probe_once():
    now = [0.0]
    health = Health(MemoryStore(), policy=BreakerPolicy(cooloff_s=10), clock=lambda: now[0])
    candidates = [C("primary", 2), C("secondary", 2), C("cheap", 1)]

    async def main():
        assert await guard_attempt(health, candidates, 2) == ["primary", "secondary"]
        for _ in range(3):
            await health.record_outcome("primary", "ep", False, None, "error")
        assert await guard_attempt(health, candidates, 2) == ["secondary"]
        now[0] = 10.0
        assert await guard_attempt(health, candidates, 2) == ["primary"]  # this attempt is the probe
        assert await guard_attempt(health, candidates, 2) == ["secondary"]  # probe in flight: nobody else
        await health.record_outcome("primary", "ep", False, None, "timeout")
        await health.record_outcome("secondary", "ep", False, None, "error")
        for _ in range(2):
            await health.record_outcome("secondary", "ep", False, None, "error")
        assert await guard_attempt(health, candidates, 2) == []  # the glue refuses this attempt

    asyncio.run(main())
