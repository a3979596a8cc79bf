"""The breaker state machine, pure: table of transitions plus a property over random event sequences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cailos_litellm.health import BreakerPolicy, BreakerState, claim_probe, on_outcome, view

P = BreakerPolicy(failures_to_open=3, cooloff_s=30, probe_timeout_s=60)
CLOSED = BreakerState()


@pytest.mark.parametrize(
    "state, ok, expected",
    [
        (CLOSED, True, CLOSED),
        (CLOSED, False, BreakerState("closed", 1, 0.0)),
        (BreakerState("closed", 2), True, CLOSED),  # consecutive: a success resets
        (BreakerState("closed", 2), False, BreakerState("open", 3, 100.0)),
        (BreakerState("open", 3, 50.0), True, BreakerState("open", 3, 50.0)),
        (BreakerState("open", 3, 50.0), False, BreakerState("open", 3, 50.0)),
        (BreakerState("half_open", 3, 90.0), True, CLOSED),
        (BreakerState("half_open", 3, 90.0), False, BreakerState("open", 3, 100.0)),
    ],
)
def test_on_outcome(state, ok, expected):
    assert on_outcome(state, ok, 100.0, P) == expected


@pytest.mark.parametrize(
    "state, now, seen, claim",
    [
        (CLOSED, 0, "closed", None),
        (BreakerState("open", 3, 100.0), 129.9, "open", None),
        (BreakerState("open", 3, 100.0), 130.0, "probe_ready", BreakerState("half_open", 3, 130.0)),
        (BreakerState("half_open", 3, 100.0), 159.0, "half_open", None),
        (BreakerState("half_open", 3, 100.0), 160.0, "probe_ready", BreakerState("half_open", 3, 160.0)),
    ],
)
def test_view_and_claim(state, now, seen, claim):
    assert view(state, now, P) == seen
    assert claim_probe(state, now, P) == claim


@pytest.mark.parametrize("state", [CLOSED, BreakerState("closed", 2, 0.0), BreakerState("open", 3, 12.5),
                                   BreakerState("half_open", 3, 1e9)])
def test_encoding_round_trips(state):
    assert BreakerState.decode(state.encode()) == state


@pytest.mark.parametrize("raw", [None, "", "garbage", "open|x|1", "weird|1|1"])
def test_unreadable_state_is_closed(raw):
    assert BreakerState.decode(raw) == CLOSED


events = st.lists(st.tuples(st.sampled_from(["ok", "fail", "claim"]), st.floats(0, 40)), max_size=60)


@given(events)
def test_random_sequences_keep_the_invariants(seq):
    state, now, streak = CLOSED, 0.0, 0
    for event, dt in seq:
        now += dt
        before = state
        if event == "claim":
            claimed = claim_probe(state, now, P)
            if claimed is not None:
                state = claimed
                assert claim_probe(state, now, P) is None  # one probe at a time
            # a probe is only ever granted when the cool-off (or a stale probe) has passed
            assert claimed is None or view(before, now, P) == "probe_ready"
            continue
        ok = event == "ok"
        state = on_outcome(state, ok, now, P)
        if before.state == "closed":
            streak = 0 if ok else streak + 1
            assert (state.state == "open") == (streak >= 3)
        if state.state == "open" and before.state != "open":
            streak = 0
        if state.state == "closed" and before.state != "closed":
            streak = 0
    assert state.state in ("closed", "open", "half_open")
