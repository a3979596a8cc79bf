"""Stage `trust_floor`: the endpoint has at least one deployment trusted as much as the request requires.

A mixed group (e.g. gpt-4o 9:1 over a trust-1 and a trust-2 deployment) stays in the chain of a trust-2 request; the
per-attempt guard then lets LiteLLM use only its trusted deployments, on the first pick, the in-group failover and
every retry.
"""

from __future__ import annotations

from ...types import Endpoint
from ..base import Filter
from ..context import RankContext

__all__ = ["TrustFloorFilter", "trusted_deployments"]


def trusted_deployments(ep: Endpoint, floor: int) -> tuple[str, ...]:
    """Ids of the endpoint's deployments that may serve a request with this trust floor."""
    return tuple(d.id for d in ep.deployments if d.trust_level >= floor)


class TrustFloorFilter(Filter):
    name = "trust_floor"

    def skip(self, ctx: RankContext) -> str | None:
        return "trust_level 0: every endpoint qualifies" if ctx.facts.trust_level <= 0 else None

    def keep(self, ep: Endpoint, ctx: RankContext) -> bool | str:
        floor = ctx.facts.trust_level
        if ep.trust_level >= floor:  # Endpoint.trust_level is the weakest deployment's: all qualify
            return True
        best = max(d.trust_level for d in ep.deployments)
        return True if best >= floor else f"trust {best} < {floor}"

    def describe(self, ctx: RankContext) -> str:
        return f"trust_level {ctx.facts.trust_level}"
