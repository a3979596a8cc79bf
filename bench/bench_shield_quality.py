"""Bench: PII shield quality (span precision/recall per type) on the project's labelled set.

    PYTHONPATH=. python bench/bench_shield_quality.py [--full-ner] [--misses N]
Baseline in the same run: the structured detectors alone (no NER, no context rules).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cailos_litellm.pii import ShieldPolicy, SpacyNer, load_shield
from cailos_litellm.pii.evaluate import STRUCTURED, load_labelled, score

DATA = Path(__file__).resolve().parent.parent / "tests" / "pii" / "data" / "labelled.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--full-ner", action="store_true", help="run NER on whole texts instead of candidate windows")
    ap.add_argument("--misses", type=int, default=0, help="print up to N missed gold spans and N false positives")
    args = ap.parse_args()
    rows = load_labelled(DATA)
    shield = load_shield(ner=SpacyNer.load(windowed=not args.full_ner))
    t0 = time.perf_counter()
    preds = [[(s.start, s.end, s.entity) for s in shield.analyzer.analyze(r["text"])] for r in rows]  # type: ignore[arg-type]
    elapsed = time.perf_counter() - t0
    q = score([r["spans"] for r in rows], preds)  # type: ignore[misc]
    print(f"labelled set: {len(rows)} texts, {sum(len(r['spans']) for r in rows)} gold spans; NER {'full' if args.full_ner else 'windowed'}")  # type: ignore[arg-type]
    print(q.table())
    print(f"\nstructured recall {q.recall(*STRUCTURED):.3f} | person recall {q.recall('PERSON'):.3f} | "
          f"address recall {q.recall('ADDRESS', 'POSTCODE'):.3f} | overall precision {q.precision():.3f} | "
          f"protected {q.protected():.3f} | {elapsed / len(rows) * 1000:.2f} ms/text")
    base = load_shield(ShieldPolicy(entities=frozenset(STRUCTURED) | {"NATIONAL_ID", "PASSPORT", "ADDRESS", "POSTCODE"}))
    bq = score([r["spans"] for r in rows], [[(s.start, s.end, s.entity) for s in base.analyzer.analyze(r["text"])] for r in rows])  # type: ignore[misc, arg-type]
    print(f"baseline (regex detectors only): recall {bq.recall():.3f} precision {bq.precision():.3f} protected {bq.protected():.3f}")
    if args.misses:
        shown_m = shown_f = 0
        for r, p in zip(rows, preds):
            text = r["text"]
            for g in r["spans"]:  # type: ignore[attr-defined]
                if shown_m < args.misses and not any(s < g["end"] and g["start"] < e and t == g["type"] for s, e, t in p):
                    print(f"MISS {g['type']:<10} {text[g['start']:g['end']]!r:<40} in {text[max(0, g['start'] - 40):g['end'] + 20]!r}")
                    shown_m += 1
            for s, e, t in p:
                if shown_f < args.misses and not any(s < g["end"] and g["start"] < e and t == g["type"] for g in r["spans"]):  # type: ignore[attr-defined]
                    print(f"FP   {t:<10} {text[s:e]!r:<40} in {text[max(0, s - 40):e + 20]!r}")
                    shown_f += 1


if __name__ == "__main__":
    main()
