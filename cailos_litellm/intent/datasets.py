"""Intent stage, training data: the project's labelled sets and the public data in ../shared/data.

Arena-Hard prompts are read from shared/data at run time and joined with the project's hand labels
(`data/arena_hard_labels.jsonl`, id -> class); half of the topic clusters train, the other half is
held out (`arena_split`). RouterArena gives the complexity label
(the stronger model succeeded where the cheaper one did not) and, for sources with an unambiguous class,
extra train-only task rows.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cailos_litellm.errors import ConfigError

__all__ = [
    "ARENA_LABELS_PATH",
    "arena_split",
    "LabelledRequest",
    "PairRow",
    "default_shared_dir",
    "load_arena_hard",
    "load_routerarena",
    "routerarena_task",
]

ARENA_LABELS_PATH = Path(__file__).parent / "data" / "arena_hard_labels.jsonl"
ARENA_FILE = "arena_hard_v0.1_questions.jsonl"
WEAK_FILE = "routerarena_sub10_claude-3-haiku.jsonl"
STRONG_FILE = "routerarena_sub10_gemini-2.0-flash.jsonl"
# RouterArena sources whose task class is unambiguous (used as extra train-only task rows)
_SOURCE_TASK = {"AIME": "math_reasoning", "MATH": "math_reasoning", "GSM8K": "math_reasoning",
                "MathQA": "math_reasoning", "AsDiv": "math_reasoning", "MMLUPro_math": "math_reasoning",
                "LiveCodeBench": "code_generation", "WMT19": "translation"}


@dataclass(frozen=True, slots=True)
class LabelledRequest:
    id: str
    messages: list[dict[str, Any]]
    task: str
    group: str  # split / CV group (seed, cluster or source benchmark)


@dataclass(frozen=True, slots=True)
class PairRow:
    """One RouterArena prompt answered by both models."""

    id: str
    source: str  # benchmark, from the id prefix
    prompt: str
    weak_score: float
    strong_score: float
    weak_cost: float
    strong_cost: float

    @property
    def needs_strong(self) -> int:
        return int(self.strong_score > self.weak_score)


def default_shared_dir() -> Path:
    """`<repo>/../shared/data` (CI clones the repo with shared/ beside it); a worktree deeper down finds the
    nearest ancestor that has `shared/data`."""
    repo = Path(__file__).resolve().parents[2]
    for parent in repo.parents:
        candidate = parent / "shared" / "data"
        if (candidate / ARENA_FILE).exists():
            return candidate
    return repo.parent / "shared" / "data"


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise ConfigError(f"data file missing: {path}")
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_arena_hard(shared_dir: Path | None = None) -> list[LabelledRequest]:
    """The 500 Arena-Hard prompts with the project's hand labels (test-only)."""
    labels = {r["question_id"]: r["task"] for r in _read_jsonl(ARENA_LABELS_PATH)}
    rows = _read_jsonl((shared_dir or default_shared_dir()) / ARENA_FILE)
    out = []
    for r in rows:
        msgs = [{"role": "user", "content": t["content"]} for t in r["turns"]]
        out.append(LabelledRequest(id=r["question_id"], messages=msgs, task=labels[r["question_id"]],
                                   group=r["cluster"]))
    return out


def arena_split(cluster: str) -> str:
    """Half of the Arena-Hard topic clusters train, the other half is held out (both prompts of a cluster
    land on the same side, so the test half has no near-duplicate in training)."""
    return "train" if zlib.crc32(cluster.encode("utf-8")) % 2 == 0 else "test"


def source_of(row_id: str) -> str:
    return row_id.rsplit("_", 1)[0]


def routerarena_task(source: str) -> str | None:
    """Task class of a RouterArena source benchmark, when unambiguous."""
    return _SOURCE_TASK.get(source) or _SOURCE_TASK.get(source.split("-", 1)[0])


def load_routerarena(shared_dir: Path | None = None) -> list[PairRow]:
    d = shared_dir or default_shared_dir()
    weak = {r["id"]: r for r in _read_jsonl(d / WEAK_FILE)}
    strong = {r["id"]: r for r in _read_jsonl(d / STRONG_FILE)}
    out = []
    for rid in sorted(weak):
        if rid not in strong:
            continue
        w, s = weak[rid], strong[rid]
        out.append(PairRow(id=rid, source=source_of(rid), prompt=w["question"], weak_score=float(w["score"]),
                           strong_score=float(s["score"]), weak_cost=float(w["inference_cost"]),
                           strong_cost=float(s["inference_cost"])))
    return out
