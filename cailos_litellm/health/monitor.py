"""Health of endpoints and deployments in the shared store: breakers, rolling windows, feedback (stage: health).

The glue calls `record_outcome` after every attempt, `allow_attempt` (through the guard) before one, and
`snapshot` once per request before ranking. Every instance reads and writes the same keys, so a breaker opened by
one proxy keeps the others away too.
"""

from __future__ import annotations

import logging
import time
from typing import Callable, Iterable, Sequence

from ..config.registry import Registry
from ..state import StateStore, WindowSample, key
from ..types import EndpointHealth, HealthSnapshot
from .breaker import BreakerPolicy, BreakerState, View, claim_probe, on_outcome, view

__all__ = ["FAILURE_KINDS", "OUTCOME_KINDS", "Health"]

log = logging.getLogger(__name__)

FAILURE_KINDS = ("error", "rate_limit", "timeout")  # count against the breaker and the success rate
OUTCOME_KINDS = ("ok", *FAILURE_KINDS, "client_error")  # client_error (a 400 we caused) counts for nothing
_BREAKER_TTL_S = 86_400.0  # a breaker nobody touched for a day is forgotten (closed)
_CAS_TRIES = 8


class Health:
    def __init__(self, store: StateStore, *, policy: BreakerPolicy | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.policy = policy or BreakerPolicy()
        self.clock = clock
        # Deployments this process last saw closed with no failures and has not seen fail since: a success there
        # changes nothing, so it skips the breaker read. Any non-closed verdict or local failure drops the id.
        # (A failure counted by another instance is then not reset by a success here: slightly eager, never lax.)
        self._clean: set[str] = set()

    # -- writes -----------------------------------------------------------------------------------------------
    async def record_outcome(self, deployment_id: str, endpoint: str, ok: bool, latency_ms: float | None,
                             kind: str = "ok") -> None:
        """One attempt's result. `kind` is "ok" or one of FAILURE_KINDS; "client_error" is ignored."""
        if kind not in OUTCOME_KINDS:
            raise ValueError(f"unknown outcome kind {kind!r} (valid: {', '.join(OUTCOME_KINDS)})")
        if not ok and kind == "client_error":
            return
        now = self.clock()
        await self.store.window_add([WindowSample(key("win", endpoint), now, ok, latency_ms if ok else None)])
        if ok and deployment_id in self._clean:
            return
        self._clean.discard(deployment_id)
        state = await self._move(deployment_id, lambda state: on_outcome(state, ok, now, self.policy))
        if ok and state is not None and state.state == "closed" and not state.failures:
            self._clean.add(deployment_id)

    async def record_feedback(self, endpoint: str, task: str | None, positive: bool) -> None:
        vote = "up" if positive else "down"
        for scope in {task or "all", "all"}:
            await self.store.incr(key("fb", endpoint, scope, vote))

    async def allow_attempt(self, deployment_id: str) -> bool:
        """May this deployment be tried now? Closed: yes. Cool-off over: yes for exactly one caller across all
        instances (it claims the half-open probe). Otherwise no."""
        k = key("breaker", deployment_id)
        for _ in range(_CAS_TRIES):
            raw = await self.store.get(k)
            current = BreakerState.decode(raw)
            if current.state == "closed":
                return True
            claimed = claim_probe(current, self.clock(), self.policy)
            if claimed is None:
                return False
            if await self.store.compare_and_set(k, raw, claimed.encode(), _BREAKER_TTL_S):
                log.info("breaker %s: half-open, probe claimed", deployment_id)
                return True
        return False

    async def _move(self, deployment_id: str, step: Callable[[BreakerState], BreakerState]) -> BreakerState | None:
        """Apply `step` atomically; the state it left, or None when contention won."""
        k = key("breaker", deployment_id)
        for _ in range(_CAS_TRIES):
            raw = await self.store.get(k)
            current = BreakerState.decode(raw)
            nxt = step(current)
            encoded = nxt.encode()
            if encoded == raw:
                return nxt
            if await self.store.compare_and_set(k, raw, encoded, _BREAKER_TTL_S):
                if nxt.state != current.state:
                    log.warning("breaker %s: %s -> %s", deployment_id, current.state, nxt.state)
                return nxt
        log.warning("breaker %s: gave up after %d contended updates", deployment_id, _CAS_TRIES)
        return None

    # -- reads ------------------------------------------------------------------------------------------------
    async def verdicts(self, deployment_ids: Sequence[str]) -> dict[str, View]:
        """Breaker views for the guard (read-only; `allow_attempt` claims probes)."""
        raws = await self.store.get_many([key("breaker", d) for d in deployment_ids])
        now = self.clock()
        views = {d: view(BreakerState.decode(raw), now, self.policy) for d, raw in zip(deployment_ids, raws)}
        self._clean.difference_update(d for d, v in views.items() if v != "closed")
        return views

    async def snapshot(self, registry: Registry, task: str | None = None) -> HealthSnapshot:
        """Everything the ranking reads, in three store round trips."""
        now = self.clock()
        endpoints = [e.name for e in registry.endpoints]
        deployment_ids = [d.id for e in registry.endpoints for d in e.deployments]
        breakers = {d: v for d, v in (await self.verdicts(deployment_ids)).items() if v != "closed"}
        windows = await self.store.window_read([key("win", e) for e in endpoints], now)
        scopes = [s for s in (task, "all") if s]
        fb_keys = [key("fb", e, s, vote) for e in endpoints for s in scopes for vote in ("up", "down")]
        votes = dict(zip(fb_keys, await self.store.get_many(fb_keys)))
        health = {}
        for name, stats in zip(endpoints, windows):
            health[name] = EndpointHealth(samples=stats.samples, success_rate=stats.success_rate,
                                          p95_ms=stats.p95_ms, satisfaction=_satisfaction(votes, name, scopes))
        return HealthSnapshot(endpoints=health, breakers=breakers, taken_at=now)


def _satisfaction(votes: dict[str, str | None], endpoint: str, scopes: Iterable[str]) -> float | None:
    # The task's own votes when it has any, else all of the endpoint's; smoothed (one up and one down assumed).
    for scope in scopes:
        up = int(votes.get(key("fb", endpoint, scope, "up")) or 0)
        down = int(votes.get(key("fb", endpoint, scope, "down")) or 0)
        if up + down:
            return (up + 1) / (up + down + 2)
    return None
