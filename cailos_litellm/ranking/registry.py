"""Every ranking stage by name, in default pipeline order. Plain dicts: add a stage by adding a line."""

from __future__ import annotations

from .base import Filter, Scorer
from .filters import (
    BreakerFilter,
    BudgetFilter,
    CapabilityFilter,
    ContextWindowFilter,
    DeprecationFilter,
    EvalThresholdFilter,
    LatencyBudgetFilter,
    ScopeFilter,
    TrustFloorFilter,
)
from .scorers import CostScorer, LatencyScorer, QualityScorer, ReliabilityScorer, SatisfactionScorer

__all__ = ["FILTERS", "SCORERS"]

# Cheap, request-only rules first; rules that read health last (their trace then explains only what is left).
FILTERS: dict[str, type[Filter]] = {
    "scope": ScopeFilter,
    "capability": CapabilityFilter,
    "context_window": ContextWindowFilter,
    "trust_floor": TrustFloorFilter,
    "deprecation": DeprecationFilter,
    "eval_threshold": EvalThresholdFilter,
    "budget": BudgetFilter,
    "breaker": BreakerFilter,
    "latency_budget": LatencyBudgetFilter,
}
SCORERS: dict[str, type[Scorer]] = {
    "quality": QualityScorer,
    "reliability": ReliabilityScorer,
    "satisfaction": SatisfactionScorer,
    "cost": CostScorer,
    "latency": LatencyScorer,
}
