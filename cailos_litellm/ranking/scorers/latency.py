"""Scorer `latency`: rolling p95 latency (tier prior before anything was measured), fastest = 1."""

from __future__ import annotations

from ...types import Endpoint
from ..base import NormalisedScorer
from ..context import LATENCY_PRIOR_MS, RankContext

__all__ = ["LatencyScorer"]


class LatencyScorer(NormalisedScorer):
    name = "latency"
    span = 10.0  # ten times the fastest p95 scores 0

    def measure(self, ep: Endpoint, ctx: RankContext) -> float:
        p95 = ctx.health.endpoint(ep.name).p95_ms
        return p95 if p95 is not None else LATENCY_PRIOR_MS.get(ep.tier, LATENCY_PRIOR_MS["standard"])
