"""What every ranking stage may look at for one request, and the small estimates several stages share."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date

from ..types import Endpoint, HealthSnapshot, ModelSpec, RequestFacts

__all__ = [
    "DEFAULT_OUTPUT_TOKENS",
    "LATENCY_PRIOR_MS",
    "QUALITY_PRIOR",
    "RankContext",
    "eval_bar",
    "expected_cost",
    "expected_output_tokens",
    "quality_estimate",
]

# Output length assumed when the request sets no max_tokens (cost estimates only; caps use the real max).
DEFAULT_OUTPUT_TOKENS = 400
# What we assume about an endpoint with no eval for the task, and before any latency was measured.
QUALITY_PRIOR = {"small": 0.6, "standard": 0.7, "strong": 0.8, "frontier": 0.88}
LATENCY_PRIOR_MS = {"small": 900.0, "standard": 1500.0, "strong": 2500.0, "frontier": 4000.0}
# Eval threshold: the bar a task's eval score must reach rises linearly with the complexity (0-1).
EVAL_BAR_MIN = 0.55
EVAL_BAR_MAX = 0.9


@dataclass(frozen=True, slots=True)
class RankContext:
    spec: ModelSpec
    facts: RequestFacts
    strategy: str
    today: date
    task: str | None = None
    complexity: float | None = None
    task_confidence: float | None = None  # the classifier's, carried into the decision for its trace and headers
    health: HealthSnapshot = field(default_factory=HealthSnapshot)


def expected_output_tokens(ep: Endpoint, facts: RequestFacts) -> int:
    tokens = facts.max_output_tokens if facts.max_output_tokens is not None else DEFAULT_OUTPUT_TOKENS
    return min(tokens, ep.max_output_tokens) if ep.max_output_tokens else tokens


def expected_cost(ep: Endpoint, facts: RequestFacts) -> float:
    """USD for this request on this endpoint: known input tokens plus the expected (or capped) output."""
    return facts.input_tokens * ep.input_cost_per_token + expected_output_tokens(ep, facts) * ep.output_cost_per_token


def quality_estimate(ep: Endpoint, task: str | None) -> tuple[float, bool]:
    """(score 0-1, measured?) for the task: the eval when there is one, else the tier prior."""
    if task is not None and task in ep.evals:
        return ep.evals[task], True
    return QUALITY_PRIOR.get(ep.tier, QUALITY_PRIOR["standard"]), False


@lru_cache(maxsize=256)
def eval_bar(complexity: float | None) -> float:
    c = min(1.0, max(0.0, complexity or 0.0))
    return round(EVAL_BAR_MIN + (EVAL_BAR_MAX - EVAL_BAR_MIN) * c, 3)
