"""How far a reader can get on the Arena-Hard labels: two blind relabels of the train half against the stored labels.

Run: PYTHONPATH=. python bench/arena_label_agreement.py
Two annotators (helpers of round 6) each labelled the 246 Arena-Hard train-half prompts from `docs/taxonomy.md`
alone, without seeing the stored labels, any model output or each other's work (`data/intent/arena_relabel/`: ids
and labels, no text). If they scored near the classifier against the stored labels, the 0.75 target would be
out of reach for label noise alone; the figures say how much of the gap is the model's. The test half is not
relabelled, so nothing here reads or tunes on it.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from bench.bench_intent_quality import macro_f1
from cailos_litellm.intent.datasets import arena_split, load_arena_hard

RELABEL_DIR = Path(__file__).resolve().parents[1] / "data" / "intent" / "arena_relabel"


def kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa: agreement beyond what the two label distributions give by chance."""
    po = float(np.mean([x == y for x, y in zip(a, b)]))
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[c] * cb[c] for c in ca) / len(a) ** 2
    return (po - pe) / (1 - pe)


def _relabel(name: str, ids: list[str]) -> tuple[list[str], list[bool]]:
    rows = [json.loads(line) for line in (RELABEL_DIR / f"annotator_{name}.jsonl").read_text().splitlines()]
    if [r["id"] for r in rows] != ids:
        raise SystemExit(f"annotator_{name}.jsonl does not list the train-half ids in order")
    return [r["task"] for r in rows], [bool(r["sure"]) for r in rows]


def main() -> int:
    train = [r for r in load_arena_hard() if arena_split(r.group) == "train"]
    ids, stored = [r.id for r in train], [r.task for r in train]
    a, sure_a = _relabel("a", ids)
    b, sure_b = _relabel("b", ids)
    print(f"Arena-Hard train half: {len(ids)} prompts")
    for name, truth, other in (("annotator A vs stored", stored, a), ("annotator B vs stored", stored, b),
                               ("annotator B vs annotator A", a, b)):
        acc = float(np.mean([x == y for x, y in zip(truth, other)]))
        print(f"  {name:<28} macro-F1 {macro_f1(truth, other)[0]:.3f}  accuracy {acc:.3f}  "
              f"kappa {kappa(truth, other):.3f}")
    agree = [i for i in range(len(ids)) if a[i] == b[i]]
    differ = [i for i in agree if stored[i] != a[i]]
    print(f"  A and B agree on {len(agree)}; the stored label differs on {len(differ)} of those, "
          f"{sum(sure_a[i] and sure_b[i] for i in differ)} of which both annotators marked sure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
