"""Quality targets on the project's labelled set (span-level, see cailos_litellm.pii.evaluate)."""

from __future__ import annotations

from pathlib import Path

from cailos_litellm.pii import Shield
from cailos_litellm.pii.evaluate import STRUCTURED, load_labelled, score

DATA = Path(__file__).parent / "data" / "labelled.jsonl"


def test_labelled_set_is_large_and_covers_every_type() -> None:
    rows = load_labelled(DATA)
    assert len(rows) >= 600
    types = {s["type"] for r in rows for s in r["spans"]}  # type: ignore[attr-defined]
    assert types >= {"PERSON", "ORG", "LOCATION", "EMAIL", "PHONE", "CARD", "IBAN", "SSN", "NATIONAL_ID", "PASSPORT", "IP", "SECRET", "ADDRESS", "POSTCODE"}
    assert sum(1 for r in rows if not r["spans"]) >= 80  # negatives


def test_quality_targets(shield: Shield) -> None:
    rows = load_labelled(DATA)
    preds = [[(s.start, s.end, s.entity) for s in shield.analyzer.analyze(r["text"])] for r in rows]  # type: ignore[arg-type]
    q = score([r["spans"] for r in rows], preds)  # type: ignore[misc]
    for t in STRUCTURED:
        assert q.recall(t) >= 0.99, (t, q.table())
    assert q.recall("PERSON") >= 0.92, q.table()
    assert q.recall("ADDRESS", "POSTCODE") >= 0.85, q.table()
    assert q.precision() >= 0.90, q.table()
