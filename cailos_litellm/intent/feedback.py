"""Intent stage, learning loop: the decision-log record the proxy writes and training reads back.

A record carries the hashed feature vector (sparse indices and values), the prediction, the endpoint and its
tier, the outcome and any thumbs up/down; never the prompt text. `cailos classifier train --from-feedback`
turns records into extra labelled rows (see docs/intent-data.md for the rules).
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import numpy as np

from cailos_litellm.intent.classifier import Intent
from cailos_litellm.intent.features import FEATURE_VERSION, N_FEATURES, extract

__all__ = [
    "DecisionRecord",
    "build_record",
    "labels_from_record",
    "read_records",
    "write_record",
]

_WEAK_TIERS = frozenset({"economy", "small", "cheap", "weak", "mini", "fast"})
_STRONG_TIERS = frozenset({"flagship", "premium", "strong", "frontier"})


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """One routed request as the decision log keeps it (JSONL, one object per line)."""

    decision_id: str
    ts: float
    feature_version: int
    indices: tuple[int, ...]
    values: tuple[float, ...]
    task: str
    task_confidence: float
    strategy: str
    complexity: float
    endpoint: str
    tier: str  # the endpoint's tier from model_info.cailos.tier
    outcome: str = "success"  # success | error | timeout | refused
    feedback: int | None = None  # +1 thumbs up, -1 thumbs down, None none yet
    corrected_task: str | None = None  # set by a reviewer who knows the right class

    def to_json(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def from_json(cls, line: str) -> "DecisionRecord":
        d = json.loads(line)
        d["indices"] = tuple(int(i) for i in d["indices"])
        d["values"] = tuple(float(v) for v in d["values"])
        return cls(**d)

    def dense(self) -> np.ndarray:
        x = np.zeros(N_FEATURES, dtype=np.float32)
        x[list(self.indices)] = self.values
        return x


def build_record(decision_id: str, messages: Sequence[Mapping[str, Any]], intent: Intent, *, endpoint: str,
                 tier: str, tools: Iterable[Any] | None = None, stream: bool = False, outcome: str = "success",
                 feedback: int | None = None, ts: float | None = None) -> DecisionRecord:
    """The log record for one request: features are recomputed here, the text is dropped."""
    fv = extract(messages, tools, stream)
    return DecisionRecord(decision_id=decision_id, ts=time.time() if ts is None else ts,
                          feature_version=FEATURE_VERSION, indices=tuple(int(i) for i in fv.indices),
                          values=tuple(round(float(v), 5) for v in fv.values), task=intent.task,
                          task_confidence=round(intent.task_confidence, 4), strategy=intent.strategy,
                          complexity=round(intent.complexity, 4), endpoint=endpoint, tier=tier, outcome=outcome,
                          feedback=feedback)


def write_record(path: str | Path, record: DecisionRecord) -> None:
    with open(path, "a", encoding="utf-8") as f:
        f.write(record.to_json() + "\n")


def read_records(path: str | Path) -> Iterator[DecisionRecord]:
    """Records of the current feature version; other versions and broken lines are skipped."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                rec = DecisionRecord.from_json(line)
            except (ValueError, TypeError, KeyError):
                continue
            if rec.feature_version == FEATURE_VERSION:
                yield rec


def labels_from_record(rec: DecisionRecord) -> dict[str, Any]:
    """Training labels a record supports: {'task': ..., 'strategy': ..., 'complexity': 0|1}, any subset."""
    out: dict[str, Any] = {}
    bad = rec.feedback == -1 or rec.outcome != "success"
    good = rec.feedback == 1 and rec.outcome == "success"
    if rec.corrected_task:
        out["task"] = rec.corrected_task
    elif good and rec.task_confidence >= 0.5:
        out["task"] = rec.task  # a confirmed prediction is a (soft) label
    tier = rec.tier.lower()
    if tier in _WEAK_TIERS:
        if good:
            out["complexity"] = 0  # the cheap model was enough
        elif rec.feedback == -1:
            out["complexity"] = 1  # it was not
    elif tier in _STRONG_TIERS and rec.feedback == -1 and rec.complexity < 0.3:
        pass  # a strong model failing says nothing about the weak one
    if good:
        out["strategy"] = rec.strategy
    elif bad and rec.strategy in ("cost", "speed"):
        out["strategy"] = "quality"
    return out
