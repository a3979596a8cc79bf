"""Stage `trust_floor`: every deployment of the endpoint is trusted at least as much as the request requires."""

from __future__ import annotations

from ...types import Endpoint
from ..base import Filter
from ..context import RankContext

__all__ = ["TrustFloorFilter"]


class TrustFloorFilter(Filter):
    name = "trust_floor"

    def skip(self, ctx: RankContext) -> str | None:
        return "trust_level 0: every endpoint qualifies" if ctx.facts.trust_level <= 0 else None

    def keep(self, ep: Endpoint, ctx: RankContext) -> bool | str:
        # Endpoint.trust_level is the weakest deployment's: the group never promises more than that.
        floor = ctx.facts.trust_level
        return True if ep.trust_level >= floor else f"trust {ep.trust_level} < {floor}"

    def describe(self, ctx: RankContext) -> str:
        return f"trust_level {ctx.facts.trust_level}"
