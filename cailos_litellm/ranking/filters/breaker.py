"""Stage `breaker`: an endpoint whose every usable deployment (trusted enough for the request) has an open circuit
breaker gets no place in the chain: the guard would refuse each attempt on it anyway."""

from __future__ import annotations

from typing import Sequence

from ...types import Endpoint, StageTrace
from ..base import Filter
from ..context import RankContext

__all__ = ["BreakerFilter"]


class BreakerFilter(Filter):
    name = "breaker"

    def skip(self, ctx: RankContext) -> str | None:
        return None if ctx.health.breakers else "all breakers closed"

    def run(self, eps: Sequence[Endpoint], ctx: RankContext) -> tuple[list[Endpoint], StageTrace]:
        # Hot path: look the few blocked deployments up in a set instead of asking the snapshot per deployment.
        note = self.skip(ctx)
        if note is not None:
            return list(eps), StageTrace(self.name, note=note)
        blocked = {d for d in ctx.health.breakers if ctx.health.blocked(d)}
        if not blocked:
            return list(eps), StageTrace(self.name, note="no breaker open")
        kept: list[Endpoint] = []
        removed: list[tuple[str, str]] = []
        floor = ctx.facts.trust_level
        for e in eps:
            if len(e.deployments) == 1 and e.deployments[0].id not in blocked:
                kept.append(e)  # the common case, without a generator
            elif any(d.id not in blocked and d.trust_level >= floor for d in e.deployments):
                kept.append(e)
            else:
                removed.append((e.name, self._reason(e)))
        return kept, StageTrace(self.name, removed=tuple(removed))

    def keep(self, ep: Endpoint, ctx: RankContext) -> bool | str:
        # "probe_ready" is not blocked: the endpoint stays so its single half-open probe can happen.
        if any(not ctx.health.blocked(d.id) and d.trust_level >= ctx.facts.trust_level for d in ep.deployments):
            return True
        return self._reason(ep)

    @staticmethod
    def _reason(ep: Endpoint) -> str:
        return "breaker open on " + ", ".join(d.id for d in ep.deployments)

    def describe(self, ctx: RankContext) -> str:
        return "a closed circuit breaker"
