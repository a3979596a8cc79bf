"""Stage `scope`: the endpoints the model string allows (auto: all; a codename: its family; a name: it + family)."""

from __future__ import annotations

from typing import Sequence

from ...types import Endpoint, StageTrace
from ..base import Filter
from ..context import RankContext

__all__ = ["ScopeFilter"]


class ScopeFilter(Filter):
    name = "scope"

    def run(self, eps: Sequence[Endpoint], ctx: RankContext) -> tuple[list[Endpoint], StageTrace]:
        # Out-of-scope endpoints were never candidates: the trace counts them instead of listing each one.
        spec = ctx.spec
        if spec.kind == "auto":
            kept = list(eps)
        elif spec.kind == "family":
            kept = [e for e in eps if e.codename == spec.target]
        else:
            named = next((e for e in eps if e.name == spec.target), None)
            family = named.codename if named is not None else spec.target
            kept = [e for e in eps if e.name == spec.target or e.codename == family]
        label = spec.kind if spec.target is None else f"{spec.kind} {spec.target}"
        if spec.substituted_from:
            label += f" (replaces deprecated {spec.substituted_from})"
        return kept, StageTrace(self.name, note=f"{label}: {len(kept)} of {len(eps)} endpoints")

    def describe(self, ctx: RankContext) -> str:
        return f"model {ctx.spec.raw!r}"
