from __future__ import annotations

import pytest

from cailos_litellm.intent import default_strategy
from cailos_litellm.types import STRATEGIES, TASK_CLASSES


@pytest.mark.parametrize(
    ("task", "complexity", "kw", "expected"),
    [
        ("chat", 0.2, {"stream": True}, "speed"),
        ("extraction", 0.2, {}, "cost"),
        ("math_reasoning", 0.9, {}, "quality"),
        ("debugging", 0.5, {}, "quality"),
        ("tool_use", 0.3, {"has_tools": True}, "balanced"),
        ("analysis", 0.3, {"input_tokens": 20000}, "cost"),
        ("creative_writing", 0.5, {}, "balanced"),
    ],
)
def test_policy_table(task, complexity, kw, expected) -> None:
    assert default_strategy(task, complexity, **kw) == expected


@pytest.mark.parametrize("task", TASK_CLASSES)
@pytest.mark.parametrize("complexity", [0.0, 0.5, 1.0])
def test_policy_is_total(task, complexity) -> None:
    assert default_strategy(task, complexity) in STRATEGIES
