"""Scorer `quality`: the endpoint's eval score for the task class (tier prior when unmeasured)."""

from __future__ import annotations

from ...types import Endpoint
from ..base import Scorer
from ..context import RankContext, quality_estimate

__all__ = ["QualityScorer"]


class QualityScorer(Scorer):
    name = "quality"

    def score(self, ep: Endpoint, ctx: RankContext) -> float:
        return quality_estimate(ep, ctx.task)[0]
