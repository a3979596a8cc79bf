"""Scorer `cost`: expected cost of this request (input tokens × price + expected output × price), cheapest = 1."""

from __future__ import annotations

from ...types import Endpoint
from ..base import NormalisedScorer
from ..context import RankContext, expected_cost

__all__ = ["CostScorer"]


class CostScorer(NormalisedScorer):
    name = "cost"
    span = 100.0  # a hundred times the cheapest scores 0

    def measure(self, ep: Endpoint, ctx: RankContext) -> float:
        return expected_cost(ep, ctx.facts)
