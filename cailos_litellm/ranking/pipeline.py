"""The ranking pipeline: filters in order, then strategy-weighted scores, out comes a Decision.

Built once at start-up; `rank` is pure and synchronous (health was read before it runs), so it is cheap enough to
run on every request (see bench/bench_rank.py) and trivially testable.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping, Sequence

from ..config.registry import Registry
from ..errors import EndpointsUnavailable, NoEligibleEndpoint
from ..types import Decision, Endpoint, HealthSnapshot, ModelSpec, RequestFacts, StageTrace
from .base import Filter, Scorer
from .context import RankContext
from .registry import FILTERS, SCORERS
from .strategies import WEIGHTS

__all__ = ["Pipeline", "build_pipeline", "rank"]


@dataclass(frozen=True, slots=True)
class Pipeline:
    filters: tuple[Filter, ...]
    scorers: tuple[Scorer, ...]
    weights: Mapping[str, Mapping[str, float]]
    max_chain: int | None = None  # None: every eligible endpoint (LiteLLM caps fallbacks itself)

    def rank(self, endpoints: Sequence[Endpoint], ctx: RankContext, decision_id: str | None = None) -> Decision:
        candidates = list(endpoints)
        trace: list[StageTrace] = []
        for stage in self.filters:
            candidates, step = stage.run(candidates, ctx)
            trace.append(step)
            if not candidates:
                # Emptied by open breakers: the request was fine, the providers are down for now (503, not 4xx).
                error = EndpointsUnavailable if stage.name == "breaker" else NoEligibleEndpoint
                raise error(_nothing_left(ctx, self.filters, trace))
        weights = self.weights[ctx.strategy]
        names = [scorer.name for scorer in self.scorers]
        columns = [scorer.scores(candidates, ctx) for scorer in self.scorers]
        factors = [weights.get(name, 0.0) for name in names]
        sums = [0.0] * len(candidates)
        for factor, column in zip(factors, columns):
            if factor:
                sums = [total + factor * value for total, value in zip(sums, column)]
        totals = {ep.name: total for ep, total in zip(candidates, sums)}
        components = {ep.name: dict(zip(names, row)) for ep, row in zip(candidates, zip(*columns))}
        ordered = sorted(candidates, key=lambda e: (-totals[e.name], e.name))
        if ctx.spec.kind == "endpoint":  # transparent gateway: the named endpoint leads while it is allowed
            named = [e for e in ordered if e.name == ctx.spec.target]
            ordered = named + [e for e in ordered if e.name != ctx.spec.target]
        if self.max_chain is not None:
            ordered = ordered[: self.max_chain]
        chain = tuple(e.name for e in ordered)
        trace.append(StageTrace("score", note=f"strategy {ctx.strategy}: " + ", ".join(
            f"{name} {w:g}" for name, w in weights.items() if w)))
        return Decision(
            id=decision_id or uuid.uuid4().hex,
            spec=ctx.spec,
            strategy=ctx.strategy,
            chain=chain,
            task=ctx.task,
            complexity=ctx.complexity,
            task_confidence=ctx.task_confidence,
            trace=tuple(trace),
            scores={name: totals[name] for name in chain},
            components={name: components[name] for name in chain},
        )


def _nothing_left(ctx: RankContext, filters: Sequence[Filter], trace: Sequence[StageTrace]) -> str:
    by_name = {f.name: f for f in filters}
    biting = [step.stage for step in trace if step.removed]
    if not biting:  # the scope itself was empty
        return f"no endpoint in scope for model {ctx.spec.raw!r}"
    wants = " with ".join(by_name[name].describe(ctx) for name in biting)
    return f"no endpoint for model {ctx.spec.raw!r} satisfies {wants} (removed by: {', '.join(biting)})"


def build_pipeline(
    filters: Iterable[str] = tuple(FILTERS),
    scorers: Iterable[str] = tuple(SCORERS),
    weights: Mapping[str, Mapping[str, float]] = WEIGHTS,
    max_chain: int | None = None,
) -> Pipeline:
    """Instantiate stages by name (unknown names raise KeyError at start-up, not per request)."""
    return Pipeline(
        filters=tuple(FILTERS[name]() for name in filters),
        scorers=tuple(SCORERS[name]() for name in scorers),
        weights=weights,
        max_chain=max_chain,
    )


_DEFAULT: Pipeline | None = None


def rank(
    registry: Registry,
    spec: ModelSpec,
    facts: RequestFacts,
    *,
    strategy: str,
    task: str | None = None,
    complexity: float | None = None,
    task_confidence: float | None = None,
    health: HealthSnapshot | None = None,
    today: date | None = None,
    decision_id: str | None = None,
) -> Decision:
    """Rank with the default pipeline (built on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = build_pipeline()
    ctx = RankContext(spec=spec, facts=facts, strategy=strategy, today=today or date.today(), task=task,
                      complexity=complexity, task_confidence=task_confidence, health=health or HealthSnapshot())
    return _DEFAULT.rank(registry.endpoints, ctx, decision_id)
