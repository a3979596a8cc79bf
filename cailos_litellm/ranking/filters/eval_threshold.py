"""Stage `eval_threshold`: the endpoint's eval score for the task class reaches a bar that rises with complexity.

Applies to `auto` only: a client that names a model or family has chosen its quality. Endpoints without an eval
for the task are judged by their tier's prior (see context.QUALITY_PRIOR). Soft: when the trust floor or the
request's needs leave only endpoints under the bar, they still serve (ranked by quality), not a refusal.
"""

from __future__ import annotations

from ...types import Endpoint
from ..base import Filter
from ..context import RankContext, eval_bar, quality_estimate

__all__ = ["EvalThresholdFilter"]


class EvalThresholdFilter(Filter):
    name = "eval_threshold"
    soft = True

    def skip(self, ctx: RankContext) -> str | None:
        if ctx.spec.kind != "auto":
            return "explicit model: no eval bar"
        if ctx.task is None:
            return "no task class"
        return None

    def keep(self, ep: Endpoint, ctx: RankContext) -> bool | str:
        bar = eval_bar(ctx.complexity)
        score, measured = quality_estimate(ep, ctx.task)
        if score >= bar:
            return True
        what = f"eval {score:.2f}" if measured else f"no {ctx.task} eval, tier {ep.tier} prior {score:.2f}"
        return f"{what} < bar {bar:.2f}"

    def describe(self, ctx: RankContext) -> str:
        return f"eval >= {eval_bar(ctx.complexity):.2f} for {ctx.task}"
