"""The sandbox's built-in eval items: prompts with a known answer, graded by `cailos evals run`.

A request whose last user message equals an item's prompt is answered correctly with probability equal to the
model's skill for the item's task (deterministic per seed, model and item), otherwise with the item's wrong answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

from cailos_litellm.errors import ConfigError
from cailos_litellm.types import TASK_CLASSES

__all__ = ["EVAL_ITEMS_PATH", "EvalItem", "load_eval_items"]

EVAL_ITEMS_PATH = Path(__file__).with_name("eval_items.jsonl")


@dataclass(frozen=True, slots=True)
class EvalItem:
    id: str
    task: str
    prompt: str
    answer: str  # for tool_use items: the name of the tool that should be called
    wrong: str  # the plausible wrong answer a model gives when it misses
    tools: tuple[Any, ...] = ()  # OpenAI-format tool definitions to send with the prompt (tool_use items)


@lru_cache(maxsize=4)
def load_eval_items(path: str | Path | None = None) -> tuple[EvalItem, ...]:
    """The eval items, in file order."""
    path = Path(path) if path is not None else EVAL_ITEMS_PATH
    items: list[EvalItem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        raw = orjson.loads(line)
        if raw.get("task") not in TASK_CLASSES:
            raise ConfigError("unknown task class", where=f"{path}:{number}", field="task")
        items.append(
            EvalItem(
                id=raw["id"],
                task=raw["task"],
                prompt=raw["prompt"],
                answer=raw["answer"],
                wrong=raw["wrong"],
                tools=tuple(raw.get("tools", ())),
            )
        )
    return tuple(items)
