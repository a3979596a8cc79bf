"""Scorer `satisfaction`: users' thumbs up/down for this endpoint (and task); neutral 0.5 without feedback."""

from __future__ import annotations

from ...types import Endpoint
from ..base import Scorer
from ..context import RankContext

__all__ = ["SatisfactionScorer"]

NEUTRAL = 0.5


class SatisfactionScorer(Scorer):
    name = "satisfaction"

    def score(self, ep: Endpoint, ctx: RankContext) -> float:
        value = ctx.health.endpoint(ep.name).satisfaction
        return NEUTRAL if value is None else value
