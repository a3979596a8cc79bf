"""Base classes of the ranking stages: they own the loop over endpoints and the trace, a stage owns one rule."""

from __future__ import annotations

import math
from typing import ClassVar, Sequence

from ..types import Endpoint, StageTrace
from .context import RankContext

__all__ = ["Filter", "NormalisedScorer", "Scorer"]


class Filter:
    """Removes endpoints that must not serve the request. `keep` returns True, or False / a reason to remove."""

    name: ClassVar[str] = "filter"
    default_reason: ClassVar[str] = "removed"
    # A soft rule is our own preference, not the client's constraint: when it would remove every endpoint
    # still standing, it removes none and says so in the trace (the best of what is allowed still serves).
    soft: ClassVar[bool] = False

    def skip(self, ctx: RankContext) -> str | None:
        """A note when the rule does not apply to this request (the stage then keeps everything)."""
        return None

    def keep(self, ep: Endpoint, ctx: RankContext) -> bool | str:
        raise NotImplementedError

    def describe(self, ctx: RankContext) -> str:
        """The constraint in words, for the error when nothing is left ("trust_level 3")."""
        return self.name

    def run(self, eps: Sequence[Endpoint], ctx: RankContext) -> tuple[list[Endpoint], StageTrace]:
        note = self.skip(ctx)
        if note is not None:
            return list(eps), StageTrace(self.name, note=note)
        kept: list[Endpoint] = []
        removed: list[tuple[str, str]] = []
        keep = self.keep  # bound once: this loop runs for every endpoint of every request
        for ep in eps:
            verdict = keep(ep, ctx)
            if verdict is True:
                kept.append(ep)
            else:
                removed.append((ep.name, verdict or self.default_reason))
        if not kept and self.soft:
            return list(eps), StageTrace(self.name, note=f"relaxed: no endpoint meets {self.describe(ctx)}")
        return kept, StageTrace(self.name, removed=tuple(removed))


class Scorer:
    """Rates an endpoint 0-1 for one aspect (1 is best); the strategy weighs the aspects."""

    name: ClassVar[str] = "scorer"

    def score(self, ep: Endpoint, ctx: RankContext) -> float:
        raise NotImplementedError

    def scores(self, eps: Sequence[Endpoint], ctx: RankContext) -> list[float]:
        return [self.score(ep, ctx) for ep in eps]


class NormalisedScorer(Scorer):
    """Scores a measure where lower is better (cost, latency) against the best candidate, on a fixed log scale:
    the best gets 1 and an endpoint `span` times worse gets 0. Fixed, so adding one very slow or very expensive
    endpoint does not squeeze the differences between the others; logarithmic, so "2x the price" weighs the same
    at any price level."""

    span: ClassVar[float] = 100.0

    def measure(self, ep: Endpoint, ctx: RankContext) -> float:
        raise NotImplementedError

    def score(self, ep: Endpoint, ctx: RankContext) -> float:
        return self.scores([ep], ctx)[0]

    def scores(self, eps: Sequence[Endpoint], ctx: RankContext) -> list[float]:
        values = [self.measure(ep, ctx) for ep in eps]
        positive = [v for v in values if v > 0]
        if not positive:
            return [1.0] * len(values)
        best = min(positive)
        floor = best / 2  # zero (a free endpoint) counts as half the cheapest paid one: better, not infinitely
        if len(positive) < len(values):
            best = floor
        scale = math.log(self.span)
        return [max(0.0, 1.0 - math.log(max(v, floor) / best) / scale) for v in values]
