"""Stage `context_window`: input tokens plus the requested output fit the endpoint's window and output limit."""

from __future__ import annotations

from ...types import Endpoint
from ..base import Filter
from ..context import RankContext

__all__ = ["ContextWindowFilter"]


class ContextWindowFilter(Filter):
    name = "context_window"

    def keep(self, ep: Endpoint, ctx: RankContext) -> bool | str:
        facts = ctx.facts
        wanted_out = facts.max_output_tokens or 0
        need = facts.input_tokens + wanted_out
        if ep.max_input_tokens is not None and need > ep.max_input_tokens:
            return f"needs ~{need} tokens, window {ep.max_input_tokens}"
        if ep.max_output_tokens is not None and wanted_out > ep.max_output_tokens:
            return f"max output {wanted_out} > limit {ep.max_output_tokens}"
        return True  # unknown limits: let the provider decide

    def describe(self, ctx: RankContext) -> str:
        facts = ctx.facts
        return f"a context window of ~{facts.input_tokens + (facts.max_output_tokens or 0)} tokens"
