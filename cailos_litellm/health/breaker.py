"""Circuit breaker per deployment, as a pure state machine (stage: failover).

    closed --3 consecutive failures--> open --cool-off--> probe_ready --one claimed probe--> half_open
    half_open --probe ok--> closed          half_open --probe fails--> open (cool-off again)

Failures are errors, 429s and timeouts. The state is encoded as one short string so the Health class can move it
with compare-and-set in the shared store: two proxy instances can never both claim the single probe.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["BreakerPolicy", "BreakerState", "View", "claim_probe", "on_outcome", "view"]

State = Literal["closed", "open", "half_open"]
View = Literal["closed", "open", "half_open", "probe_ready"]


@dataclass(frozen=True, slots=True)
class BreakerPolicy:
    failures_to_open: int = 3
    cooloff_s: float = 30.0
    # A probe that never reports back (its proxy died) is offered again after this long.
    probe_timeout_s: float = 30.0


@dataclass(frozen=True, slots=True)
class BreakerState:
    state: State = "closed"
    failures: int = 0  # consecutive failures
    since: float = 0.0  # open: when it opened; half_open: when the probe was claimed

    def encode(self) -> str | None:
        """None for a clean closed breaker: nothing to store (absent means closed)."""
        if self.state == "closed" and self.failures == 0:
            return None
        return f"{self.state}|{self.failures}|{self.since:.3f}"

    @classmethod
    def decode(cls, raw: str | None) -> BreakerState:
        if not raw:
            return CLOSED
        try:
            state, failures, since = raw.split("|")
            if state not in ("closed", "open", "half_open"):
                raise ValueError(state)
            return cls(state, int(failures), float(since))  # type: ignore[arg-type]
        except ValueError:
            return CLOSED  # unreadable state (an older format): fail open to closed, traffic re-learns


CLOSED = BreakerState()


def on_outcome(current: BreakerState, ok: bool, now: float, policy: BreakerPolicy) -> BreakerState:
    if current.state == "half_open":
        # The probe decides (any outcome reported while half-open is the probe or just as telling).
        return CLOSED if ok else BreakerState("open", policy.failures_to_open, now)
    if current.state == "open":
        return current  # late results of requests started before it opened do not move it
    if ok:
        return CLOSED
    failures = current.failures + 1
    if failures >= policy.failures_to_open:
        return BreakerState("open", failures, now)
    return BreakerState("closed", failures, current.since)


def view(current: BreakerState, now: float, policy: BreakerPolicy) -> View:
    if current.state == "open":
        return "probe_ready" if now - current.since >= policy.cooloff_s else "open"
    if current.state == "half_open":
        return "probe_ready" if now - current.since >= policy.probe_timeout_s else "half_open"
    return "closed"


def claim_probe(current: BreakerState, now: float, policy: BreakerPolicy) -> BreakerState | None:
    """The half-open state to store if this caller may send the probe, else None."""
    if view(current, now, policy) != "probe_ready":
        return None
    return BreakerState("half_open", current.failures, now)
