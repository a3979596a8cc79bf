"""Intent stage: the default-strategy policy linking task class, complexity and request context.

This is the written policy of docs/taxonomy.md. It labels the synthetic set's strategy head and is the
fallback the classifier applies when no learned strategy head is present.
"""

from __future__ import annotations

__all__ = ["LIGHT_TASKS", "LONG_CONTEXT_TOKENS", "REASONING_TASKS", "default_strategy"]

# Tasks a small model usually does as well as a flagship.
LIGHT_TASKS = frozenset({"extraction", "classification", "translation", "summarization", "chat"})
# Tasks where a wrong answer is expensive and strength shows.
REASONING_TASKS = frozenset({"math_reasoning", "analysis", "debugging", "code_generation", "sql"})
LONG_CONTEXT_TOKENS = 6000


def default_strategy(task: str, complexity: float, *, stream: bool = False, input_tokens: int = 0,
                     has_tools: bool = False) -> str:
    """Pick cost / speed / quality / balanced for one request (first matching rule wins)."""
    if complexity >= 0.7:
        return "quality"  # the strong-model score says it needs one, whatever the class
    if stream and task in ("chat", "creative_writing", "translation") and complexity < 0.5:
        return "speed"  # a person is watching tokens arrive: time-to-first-token matters most
    if input_tokens >= LONG_CONTEXT_TOKENS:
        return "cost"  # long inputs make price per token dominate
    if task in LIGHT_TASKS and complexity < 0.6:
        return "cost"
    if task in REASONING_TASKS and complexity >= 0.45:
        return "quality"
    if task in ("tool_use", "vision") or has_tools:
        return "balanced"  # capability-gated tasks: reliability and price both matter
    if stream:
        return "speed"
    return "balanced"
