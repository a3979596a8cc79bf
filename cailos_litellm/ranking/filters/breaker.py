"""Stage `breaker`: an endpoint whose every deployment has an open circuit breaker gets no place in the chain."""

from __future__ import annotations

from ...types import Endpoint
from ..base import Filter
from ..context import RankContext

__all__ = ["BreakerFilter"]


class BreakerFilter(Filter):
    name = "breaker"

    def skip(self, ctx: RankContext) -> str | None:
        return None if ctx.health.breakers else "all breakers closed"

    def keep(self, ep: Endpoint, ctx: RankContext) -> bool | str:
        # "probe_ready" is not blocked: the endpoint stays so its single half-open probe can happen.
        if any(not ctx.health.blocked(d.id) for d in ep.deployments):
            return True
        return "breaker open on " + ", ".join(d.id for d in ep.deployments)

    def describe(self, ctx: RankContext) -> str:
        return "a closed circuit breaker"
