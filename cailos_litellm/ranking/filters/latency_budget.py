"""Stage `latency_budget`: the endpoint's rolling p95 latency stays within the request's `max_latency_ms`."""

from __future__ import annotations

from ...types import Endpoint
from ..base import Filter
from ..context import RankContext

__all__ = ["LatencyBudgetFilter"]


class LatencyBudgetFilter(Filter):
    name = "latency_budget"

    def skip(self, ctx: RankContext) -> str | None:
        return None if ctx.facts.max_latency_ms is not None else "no max_latency_ms"

    def keep(self, ep: Endpoint, ctx: RankContext) -> bool | str:
        p95 = ctx.health.endpoint(ep.name).p95_ms
        limit = ctx.facts.max_latency_ms or 0.0
        if p95 is None or p95 <= limit:
            return True  # not measured yet: no evidence against it
        return f"p95 {p95:.0f} ms > {limit:.0f} ms"

    def describe(self, ctx: RankContext) -> str:
        return f"max_latency_ms {ctx.facts.max_latency_ms:g}"
