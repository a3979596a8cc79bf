"""Scorer `reliability`: rolling 5-minute success rate, smoothed towards a prior while there are few samples."""

from __future__ import annotations

from ...types import Endpoint
from ..base import Scorer
from ..context import RankContext

__all__ = ["ReliabilityScorer"]

PRIOR_RATE = 0.98  # what an unmeasured endpoint is assumed to deliver
PRIOR_WEIGHT = 20  # worth this many samples: three failures in a quiet minute move it, one does not dominate


class ReliabilityScorer(Scorer):
    name = "reliability"

    def score(self, ep: Endpoint, ctx: RankContext) -> float:
        health = ctx.health.endpoint(ep.name)
        successes = (health.success_rate or 0.0) * health.samples
        return (successes + PRIOR_RATE * PRIOR_WEIGHT) / (health.samples + PRIOR_WEIGHT)
