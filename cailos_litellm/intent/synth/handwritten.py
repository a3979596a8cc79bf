"""Intent stage, training data: the hand-written prompts in `intent/data/handwritten/<class>.txt`, and the folders
in the same format (`register/`, and the evaluation-only `handwritten_eval/`, `register_eval/` and
`mainstream_eval/`).

Each file holds one block per prompt, written by hand for this project (no template, no slots):

    === <tier> [flags]          tier: e | m | h (easy / medium / hard, feeds complexity and strategy labels)
    free text of the prompt     flags: img, img2 (attach images), tools (attach tool definitions),
                                       notools (tool_use block whose tools are described in the text)

A body whose lines start with `@system:`, `@user:` or `@assistant:` is split into those messages; otherwise
the whole body is one user message. Lines before the first `===` are a file comment. The block index decides
the split (`i % TEST_EVERY == 2` is held out), so every prompt lands on exactly one side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cailos_litellm.types import TASK_CLASSES

__all__ = ["HANDWRITTEN_DIR", "HANDWRITTEN_EVAL_DIR", "MAINSTREAM_EVAL_DIR", "REGISTER_DIR", "REGISTER_EVAL_DIR",
           "HandPrompt", "load_handwritten", "parse_blocks"]

_DATA = Path(__file__).resolve().parents[1] / "data"
HANDWRITTEN_DIR = _DATA / "handwritten"
# typical requests in the chat-arena register (round 6), split like the hand-written ones
REGISTER_DIR = _DATA / "register"
# evaluation only (same format): training never reads these. Round 4's boundary cases, round 6's second batch
# of register prompts on topics the first batch does not cover, and round 7's typical prompts on mainstream topics
HANDWRITTEN_EVAL_DIR = _DATA / "handwritten_eval"
REGISTER_EVAL_DIR = _DATA / "register_eval"
MAINSTREAM_EVAL_DIR = _DATA / "mainstream_eval"
_ROLE_RE = re.compile(r"^@(system|user|assistant):[ ]?", re.MULTILINE)
_TIERS = ("e", "m", "h")


@dataclass(frozen=True, slots=True)
class HandPrompt:
    """One hand-written prompt: its messages as written, tier and flags."""

    task: str
    index: int
    tier: str
    flags: frozenset[str]
    messages: tuple[tuple[str, str], ...]  # (role, text)

    def openai_messages(self) -> list[dict[str, Any]]:
        return [{"role": role, "content": text} for role, text in self.messages]


def _messages(body: str) -> tuple[tuple[str, str], ...]:
    marks = list(_ROLE_RE.finditer(body))
    if not marks:
        return (("user", body.strip()),)
    out = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(body)
        out.append((m.group(1), body[m.end():end].strip()))
    return tuple(out)


def parse_blocks(task: str, text: str) -> list[HandPrompt]:
    """Blocks of one class file, in file order."""
    out: list[HandPrompt] = []
    parts = re.split(r"^===[ ]?(.*)$", text, flags=re.MULTILINE)
    # parts: [preamble, header1, body1, header2, body2, ...]
    for k in range(1, len(parts), 2):
        head = parts[k].split()
        tier = next((h for h in head if h in _TIERS), "m")
        flags = frozenset(h for h in head if h not in _TIERS)
        body = parts[k + 1].strip("\n")
        if not body.strip():
            continue
        msgs = _messages(body)
        if msgs[-1][0] != "user":
            raise ValueError(f"handwritten {task} block {len(out)}: last message must be from the user")
        out.append(HandPrompt(task=task, index=len(out), tier=tier, flags=flags, messages=msgs))
    return out


def load_handwritten(directory: Path | None = None) -> dict[str, list[HandPrompt]]:
    """Every class file that exists (class -> prompts)."""
    d = directory or HANDWRITTEN_DIR
    out: dict[str, list[HandPrompt]] = {}
    for task in TASK_CLASSES:
        path = d / f"{task}.txt"
        if path.exists():
            out[task] = parse_blocks(task, path.read_text(encoding="utf-8"))
    return out
