"""Stage `budget`: the expected cost of this request stays within the request's `max_cost_usd`."""

from __future__ import annotations

from ...types import Endpoint
from ..base import Filter
from ..context import RankContext, expected_cost

__all__ = ["BudgetFilter"]


class BudgetFilter(Filter):
    name = "budget"

    def skip(self, ctx: RankContext) -> str | None:
        return None if ctx.facts.max_cost_usd is not None else "no max_cost_usd"

    def keep(self, ep: Endpoint, ctx: RankContext) -> bool | str:
        cost = expected_cost(ep, ctx.facts)
        limit = ctx.facts.max_cost_usd or 0.0
        return True if cost <= limit else f"expected ${cost:.6f} > max ${limit:.6f}"

    def describe(self, ctx: RankContext) -> str:
        return f"max_cost_usd {ctx.facts.max_cost_usd:g}"
