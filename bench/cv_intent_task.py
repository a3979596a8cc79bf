"""Task-head settings, compared by grouped 4-fold cross-validation on the TRAIN part only.

Run: PYTHONPATH=. python bench/cv_intent_task.py [--set KEY=VALUE ...] [--confusion]
Rows are exactly the task head's training rows (`train.task_rows`): templated train seeds, hand-written train
prompts, round-6 register train prompts, RouterArena task rows and the Arena-Hard train clusters. Folds are
`crc32(group) % 4`, so every variant of a seed, both rows of a hand-written prompt and both prompts of an Arena
cluster stay on one side. The held-out test split is never read here. KEY is a LightGBM task parameter (`rounds`,
`num_leaves`, `learning_rate`, …), `arena_weight`, `hand_weight`, `register_weight`, `balance` (power of the
class-balancing factor: 1 = full, 0 = none) or `seed` (the trees' random seed).
"""

from __future__ import annotations

import argparse
import os
import sys
import zlib

import numpy as np

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from bench.bench_intent_quality import confusion, macro_f1  # noqa: E402
from cailos_litellm.intent import train as T  # noqa: E402
from cailos_litellm.intent.datasets import load_arena_hard, load_routerarena  # noqa: E402
from cailos_litellm.intent.features import extract  # noqa: E402
from cailos_litellm.intent.linear import design_matrix  # noqa: E402
from cailos_litellm.intent.synth.generate import generate  # noqa: E402
from cailos_litellm.types import TASK_CLASSES  # noqa: E402

FOLDS = 4
PARTS = (("synthetic", "templated"), ("handwritten", "hand-written"), ("register", "register (round 6)"),
         ("arena", "Arena (train half)"))


def _value(text: str) -> float | int | bool:
    if text in ("True", "False"):
        return text == "True"
    return int(text) if text.lstrip("-").isdigit() else float(text)


def weights(rows: T.TaskRows, arena_weight: float, hand_weight: float, balance: float,
            register_weight: float = 1.0) -> np.ndarray:
    """Row weights as `train()` sets them, with the weighting knobs exposed."""
    base = {"arena": arena_weight, "handwritten": hand_weight, "register": register_weight}
    w = np.array([base.get(p, w) for p, w in zip(rows.part, rows.w)], dtype=np.float64)
    if balance:
        bal = np.asarray(T.balanced_weights(rows.y, w, len(TASK_CLASSES)))
        w = w * (bal / w) ** balance
    return w


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--confusion", action="store_true", help="print the Arena train-half out-of-fold confusion")
    args = ap.parse_args()
    knobs = {"arena_weight": T.ARENA_WEIGHT, "hand_weight": 1.0, "balance": float(T.BALANCE_TASK_CLASSES),
             "register_weight": 1.0}
    seed = T.SEED
    params = dict(T.TASK_PARAMS)
    for kv in args.set:
        k, v = kv.split("=", 1)
        if k == "seed":  # the trees' seed: how far a result moves when only the randomness does
            seed = int(v)
        else:
            (knobs if k in knobs else params)[k] = _value(v)

    rows = cv_rows()[0]
    x = T.matrix(rows.fvs)
    y = np.asarray(rows.y)
    w = weights(rows, **knobs)
    fold = np.array([zlib.crc32(g.encode("utf-8")) % FOLDS for g in rows.group])
    pred = np.zeros(len(y), dtype=np.int64)
    for f in range(FOLDS):
        tr, te = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        booster, linear = T.fit_task_head(x[tr], y[tr], w[tr], [rows.group[i] for i in tr], params, seed=seed)
        raw = booster.predict(x[te], raw_score=True) + design_matrix(x[te]) @ linear.weight
        pred[te] = raw.argmax(axis=1)

    print(f"settings: {knobs} {params} seed={seed}")
    print(report(rows, y, pred, arena_confusion=args.confusion))
    return 0


def cv_rows() -> tuple[T.TaskRows, list, list, list]:
    """(the task head's training rows, the synthetic train examples, the RouterArena pairs, the Arena-Hard
    prompts they were built from)."""
    train_ex = [e for e in generate() if e.split == "train"]
    syn_fv = [extract(e.messages, e.tools, e.stream) for e in train_ex]
    pairs = load_routerarena()
    pair_fv, _ = T.complexity_rows(pairs)
    arena = load_arena_hard()
    return T.task_rows(train_ex, syn_fv, pairs, pair_fv, arena), train_ex, pairs, arena


def report(rows: T.TaskRows, y: np.ndarray, pred: np.ndarray, arena_confusion: bool = False) -> str:
    """Out-of-fold macro-F1 and accuracy per data part, then the same as one table row."""
    lines, cells = [], []
    for part, name in PARTS:
        idx = [i for i, p in enumerate(rows.part) if p == part]
        if not idx:
            continue
        yt = [TASK_CLASSES[y[i]] for i in idx]
        yp = [TASK_CLASSES[pred[i]] for i in idx]
        f1 = macro_f1(yt, yp)[0]
        acc = float(np.mean([a == b for a, b in zip(yt, yp)]))
        cells.append(f"{f1:.3f} / {acc:.3f}")
        lines.append(f"{name:<20} n={len(idx):>5}  macro-F1={f1:.3f}  accuracy={acc:.3f}")
        if part == "arena" and arena_confusion:
            lines.append(confusion(yt, yp))
    return "\n".join(lines + ["| " + " | ".join(cells) + " |"])


if __name__ == "__main__":
    sys.exit(main())
