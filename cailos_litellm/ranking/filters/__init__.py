"""Ranking filters, one rule per module, in pipeline order."""

from .breaker import BreakerFilter
from .budget import BudgetFilter
from .capability import CapabilityFilter
from .context_window import ContextWindowFilter
from .deprecation import DeprecationFilter
from .eval_threshold import EvalThresholdFilter
from .latency_budget import LatencyBudgetFilter
from .scope import ScopeFilter
from .trust_floor import TrustFloorFilter

__all__ = [
    "BreakerFilter",
    "BudgetFilter",
    "CapabilityFilter",
    "ContextWindowFilter",
    "DeprecationFilter",
    "EvalThresholdFilter",
    "LatencyBudgetFilter",
    "ScopeFilter",
    "TrustFloorFilter",
]
