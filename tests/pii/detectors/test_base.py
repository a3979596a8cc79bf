"""The detector base: start hints (Rx.lead, Rx.digits) must find exactly what a full scan finds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cailos_litellm.pii.detectors.base import Detector, Rx, TextView
from cailos_litellm.pii.evaluate import load_labelled
from cailos_litellm.pii.registry import DETECTORS

DATA = Path(__file__).resolve().parent.parent / "data" / "labelled.jsonl"


def _texts() -> list[str]:
    rows = [str(r["text"]) for r in load_labelled(DATA)]
    rng = random.Random(3)
    joined = ["\n".join(rng.sample(rows, 8)) for _ in range(60)]  # longer texts: several entities, many digit runs
    return rows + joined


@pytest.mark.parametrize("name", sorted(DETECTORS))
def test_hints_change_nothing(name: str) -> None:
    cls = DETECTORS[name]
    hinted = cls()
    plain = cls([p.pattern if isinstance(p, Rx) else p for p in cls.PATTERNS])
    for text in _texts():
        view = TextView(text)
        assert [(s.start, s.end) for s in hinted.detect(text, view)] == [(s.start, s.end) for s in plain.detect(text)], text


def test_text_view() -> None:
    view = TextView("Call +44 20 7946 0958 or 2025-07-08; İstanbul office")
    assert view.folded is None  # "İ".lower() is two characters: offsets would move, so no folded copy
    assert [(view.text[a:b], d) for a, b, d in view.clusters] == [("+44 20 7946 0958", 12), ("2025-07-08", 8)]
    assert TextView("Hello").folded == "hello"


def test_lead_each_keeps_finditer_semantics() -> None:
    class Keyed(Detector):
        entity = "SECRET"
        PATTERNS = (Rx(r"(?i:token)\s*=\s*(?P<value>\w+)", lead="token", folded=True),)

    text = "TOKEN=abc token = def tokentoken=ghi"
    assert [text[s.start : s.end] for s in Keyed().detect(text)] == ["abc", "def", "ghi"]
