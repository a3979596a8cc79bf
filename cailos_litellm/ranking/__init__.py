"""Ranking pipeline: filters (scope, capability, context window, trust, deprecation, eval bar, budget, breaker,
latency budget), then scorers weighted by strategy; output a Decision with the chain and the trace."""

from .base import Filter, NormalisedScorer, Scorer
from .context import RankContext
from .pipeline import Pipeline, build_pipeline, rank
from .registry import FILTERS, SCORERS
from .strategies import WEIGHTS, choose_strategy

__all__ = [
    "FILTERS",
    "Filter",
    "NormalisedScorer",
    "Pipeline",
    "RankContext",
    "SCORERS",
    "Scorer",
    "WEIGHTS",
    "build_pipeline",
    "choose_strategy",
    "rank",
]
