"""Stage `deprecation`: endpoints past their `deprecated_after` date no longer serve (their successor does)."""

from __future__ import annotations

from ...types import Endpoint
from ..base import Filter
from ..context import RankContext

__all__ = ["DeprecationFilter"]


class DeprecationFilter(Filter):
    name = "deprecation"

    def keep(self, ep: Endpoint, ctx: RankContext) -> bool | str:
        if not ep.is_deprecated(ctx.today):
            return True
        succ = f"; successor {ep.successor}" if ep.successor else ""
        return f"deprecated after {ep.deprecated_after}{succ}"

    def describe(self, ctx: RankContext) -> str:
        return "a model that is not deprecated"
