"""PII shield: span-level quality against a labelled set (used by the quality bench and its test).

A gold span is *found* when predicted spans of the same type cover at least `cover` of its characters (so a
half-cloaked name is a miss), and *protected* when predicted spans of any type cover that much. A predicted span
is *correct* when it overlaps a gold span of the same type.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

__all__ = ["STRUCTURED", "Quality", "load_labelled", "score"]

STRUCTURED = ("EMAIL", "PHONE", "CARD", "IBAN", "SSN", "IP", "SECRET")


@dataclass(slots=True)
class _Counts:
    gold: int = 0
    found: int = 0
    protected: int = 0
    pred: int = 0
    correct: int = 0


@dataclass(slots=True)
class Quality:
    """Per-type and overall counts with precision/recall helpers."""

    by_type: dict[str, _Counts] = field(default_factory=dict)

    def _c(self, t: str) -> _Counts:
        return self.by_type.setdefault(t, _Counts())

    def recall(self, *types: str) -> float:
        cs = [self.by_type[t] for t in types if t in self.by_type] if types else list(self.by_type.values())
        gold = sum(c.gold for c in cs)
        return sum(c.found for c in cs) / gold if gold else 1.0

    def protected(self, *types: str) -> float:
        cs = [self.by_type[t] for t in types if t in self.by_type] if types else list(self.by_type.values())
        gold = sum(c.gold for c in cs)
        return sum(c.protected for c in cs) / gold if gold else 1.0

    def precision(self, *types: str) -> float:
        cs = [self.by_type[t] for t in types if t in self.by_type] if types else list(self.by_type.values())
        pred = sum(c.pred for c in cs)
        return sum(c.correct for c in cs) / pred if pred else 1.0

    def table(self) -> str:
        lines = [f"{'type':<12} {'gold':>5} {'pred':>5} {'recall':>7} {'prec':>6} {'protected':>9}"]
        for t in sorted(self.by_type):
            c = self.by_type[t]
            lines.append(
                f"{t:<12} {c.gold:>5} {c.pred:>5} {self.recall(t):>7.3f} {self.precision(t):>6.3f} {self.protected(t):>9.3f}"
            )
        lines.append(f"{'ALL':<12} {sum(c.gold for c in self.by_type.values()):>5} {sum(c.pred for c in self.by_type.values()):>5} "
                     f"{self.recall():>7.3f} {self.precision():>6.3f} {self.protected():>9.3f}")
        return "\n".join(lines)


def _covered(start: int, end: int, spans: Iterable[tuple[int, int]]) -> int:
    chars = set()
    for s, e in spans:
        chars.update(range(max(s, start), min(e, end)))
    return len(chars)


def score(
    gold: Sequence[Sequence[Mapping[str, object]]], pred: Sequence[Sequence[tuple[int, int, str]]], *, cover: float = 0.8
) -> Quality:
    """Compare per-text gold spans ({start, end, type}) with predicted (start, end, type) triples."""
    q = Quality()
    for g_spans, p_spans in zip(gold, pred, strict=True):
        for g in g_spans:
            gs, ge, gt = int(g["start"]), int(g["end"]), str(g["type"])  # type: ignore[call-overload]
            c = q._c(gt)
            c.gold += 1
            need = cover * (ge - gs)
            if _covered(gs, ge, [(s, e) for s, e, t in p_spans if t == gt]) >= need:
                c.found += 1
            if _covered(gs, ge, [(s, e) for s, e, _ in p_spans]) >= need:
                c.protected += 1
        for s, e, t in p_spans:
            c = q._c(t)
            c.pred += 1
            if any(s < int(g["end"]) and int(g["start"]) < e and g["type"] == t for g in g_spans):  # type: ignore[call-overload]
                c.correct += 1
    return q


def load_labelled(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
