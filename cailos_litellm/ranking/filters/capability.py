"""Stage `capability`: the endpoint supports what the request needs (tools, vision, json_schema)."""

from __future__ import annotations

from ...types import Endpoint
from ..base import Filter
from ..context import RankContext

__all__ = ["CapabilityFilter"]


class CapabilityFilter(Filter):
    name = "capability"

    def skip(self, ctx: RankContext) -> str | None:
        return None if ctx.facts.required_capabilities else "no capability required"

    def keep(self, ep: Endpoint, ctx: RankContext) -> bool | str:
        missing = ctx.facts.required_capabilities - ep.capabilities
        return True if not missing else "lacks " + ", ".join(sorted(missing))

    def describe(self, ctx: RankContext) -> str:
        caps = sorted(ctx.facts.required_capabilities)
        return ("capability " if len(caps) == 1 else "capabilities ") + ", ".join(caps)
