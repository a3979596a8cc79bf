"""Intent stage, training: rebuild the three LightGBM heads and write the shipped bundle.

Deterministic for a given seed: the synthetic set is regenerated from its seeds, LightGBM runs with fixed
seeds and `deterministic=True`. `cailos classifier train` calls `train()`.
"""

from __future__ import annotations

import json
import logging
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import scipy.sparse as sp

from cailos_litellm.intent.classifier import DEFAULT_MODEL_PATH
from cailos_litellm.intent.datasets import (
    LabelledRequest,
    PairRow,
    arena_split,
    load_arena_hard,
    load_routerarena,
    routerarena_task,
)
from cailos_litellm.intent.features import (
    FEATURE_VERSION,
    N_FEATURES,
    STRUCT_NAMES,
    STRUCT_OFF,
    FeatureVector,
    extract,
    hashed_ngrams,
    request_text,
)
from cailos_litellm.intent.feedback import labels_from_record, read_records
from cailos_litellm.intent.forest import forest_from_lightgbm
from cailos_litellm.intent.linear import LinearHead, design_matrix, fit_softmax, task_p
from cailos_litellm.intent.synth.generate import Example, generate
from cailos_litellm.types import STRATEGIES, TASK_CLASSES

__all__ = ["TaskRows", "TrainReport", "balanced_weights", "blind_to_topics", "complexity_rows", "fit_complexity",
           "fit_multiclass", "fit_task_head", "linear_start", "matrix", "synthetic_complexity_rows", "task_rows",
           "train", "tree_start", "with_task_p"]

logger = logging.getLogger(__name__)
SEED = 20240601
# depth and rounds are capped for latency: every tree is walked on every request
TASK_PARAMS: dict[str, Any] = {"num_leaves": 15, "max_depth": 5, "learning_rate": 0.12, "min_data_in_leaf": 10,
                               "feature_fraction": 0.1, "extra_trees": True, "lambda_l2": 1.0, "rounds": 80}
LINEAR_L2 = 1e-5  # the task head's linear start (linear.py); 3e-6 and 3e-5 scored the same in grouped CV
INNER_FOLDS = 4  # out-of-fold linear logits the trees are boosted from
ARENA_WEIGHT = 3.0  # real prompts count more than synthetic ones
# every class gets the same total weight in the task head: Arena-Hard is half code, and without this the head
# learnt "long technical prompt -> code_generation" (debugging, sql and chat leaked into code). Chosen by grouped
# 4-fold CV on the train part only (see docs/intent-data.md).
BALANCE_TASK_CLASSES = True
STRATEGY_PARAMS: dict[str, Any] = {"num_leaves": 7, "max_depth": 4, "learning_rate": 0.1, "min_data_in_leaf": 10,
                                   "feature_fraction": 0.5, "lambda_l2": 1.0, "rounds": 60}
COMPLEXITY_PARAMS: dict[str, Any] = {"num_leaves": 7, "max_depth": 4, "learning_rate": 0.04, "min_data_in_leaf": 20,
                                     "feature_fraction": 0.5, "bagging_fraction": 0.8, "bagging_freq": 1,
                                     "lambda_l2": 5.0, "rounds": 120}
SYNTH_COMPLEXITY_WEIGHT = 0.3
TOPIC_PHRASE_COLUMNS = [STRUCT_OFF + i for i, name in enumerate(STRUCT_NAMES)
                        if name.startswith(("topic_", "phrase_", "ask_topic_", "ask_phrase_"))]


@dataclass
class TrainReport:
    rows: dict[str, int] = field(default_factory=dict)
    trees: int = 0
    bytes: int = 0
    path: str = ""
    max_abs_diff: float = 0.0


def matrix(fvs: Sequence[FeatureVector]) -> sp.csr_matrix:
    """CSR matrix of sparse feature vectors."""
    indptr = np.cumsum([0] + [len(f.indices) for f in fvs])
    idx = np.concatenate([f.indices for f in fvs]) if fvs else np.zeros(0, np.int32)
    val = np.concatenate([f.values for f in fvs]) if fvs else np.zeros(0, np.float32)
    return sp.csr_matrix((val, idx, indptr), shape=(len(fvs), N_FEATURES), dtype=np.float32)


def _lgb_params(p: dict[str, Any], objective: str, seed: int, num_class: int | None = None) -> dict[str, Any]:
    params = {k: v for k, v in p.items() if k != "rounds"}
    params.update(objective=objective, seed=seed, deterministic=True, force_col_wise=True, num_threads=2,
                  verbosity=-1)
    if num_class:
        params["num_class"] = num_class
    return params


def fit_multiclass(x: sp.csr_matrix, y: Sequence[int], num_class: int, params: dict[str, Any],
                   weight: Sequence[float] | None = None, seed: int = SEED,
                   init_score: np.ndarray | None = None) -> Any:
    import lightgbm as lgb

    ds = lgb.Dataset(x, label=np.asarray(y), weight=None if weight is None else np.asarray(weight),
                     init_score=None if init_score is None else init_score.ravel(order="F"), free_raw_data=False)
    return lgb.train(_lgb_params(params, "multiclass", seed, num_class), ds, num_boost_round=params["rounds"])


def linear_start(x: sp.csr_matrix, y: Sequence[int], weight: Sequence[float],
                 groups: Sequence[str]) -> tuple[np.ndarray, LinearHead]:
    """Out-of-fold logits of the softmax regression (folds by `groups`, so variants of one prompt share a side),
    and the regression fit on every row."""
    ya, wa = np.asarray(y), np.asarray(weight, dtype=np.float64)
    k = len(TASK_CLASSES)
    inner = np.array([zlib.crc32(f"inner:{g}".encode("utf-8")) % INNER_FOLDS for g in groups])
    design = design_matrix(x)
    oof = np.zeros((x.shape[0], k))
    for f in range(INNER_FOLDS):
        fit, held = inner != f, inner == f
        if held.any():
            oof[held] = design[held] @ fit_softmax(x[fit], ya[fit], wa[fit], k, LINEAR_L2).weight
    return oof, fit_softmax(x, ya, wa, k, LINEAR_L2)


def fit_task_head(x: sp.csr_matrix, y: Sequence[int], weight: Sequence[float], groups: Sequence[str],
                  params: dict[str, Any] | None = None, seed: int = SEED) -> tuple[Any, LinearHead]:
    """Softmax regression on every feature, then LightGBM trees boosted from its out-of-fold logits: boosting
    from in-sample logits would teach them to trust an overconfident start."""
    oof, linear = linear_start(x, y, weight, groups)
    booster = fit_multiclass(x, y, len(TASK_CLASSES), params or TASK_PARAMS, weight, seed, init_score=oof)
    return booster, linear


def blind_to_topics(x: sp.csr_matrix) -> sp.csr_matrix:
    """`x` with the topic and phrase counts zeroed."""
    keep = np.ones(x.shape[1])
    keep[TOPIC_PHRASE_COLUMNS] = 0.0
    return (x @ sp.diags(keep)).tocsr()


def tree_start(x: sp.csr_matrix, y: Sequence[int], weight: Sequence[float],
               groups: Sequence[str]) -> tuple[np.ndarray, LinearHead]:
    """`linear_start` blind to the topic and phrase counts: the task probabilities the strategy and complexity
    trees read. Those counts help the task head but shift its probabilities on RouterArena's benchmark prompts
    (complexity CV, random / grouped, mean of 4 seeds: 0.651 / 0.590 reading the task head, 0.660 / 0.590 this).
    Its weights on the zeroed columns stay exactly 0 (L-BFGS from zero sees no gradient there), so inference
    applies it to the full row."""
    oof, head = linear_start(blind_to_topics(x), y, weight, groups)
    if np.any(head.weight[TOPIC_PHRASE_COLUMNS]):
        raise RuntimeError("the topic-blind linear view has weight on topic or phrase columns")
    return oof, head


def with_task_p(fvs: Sequence[FeatureVector], rows: "TaskRows", oof: np.ndarray,
                linear: LinearHead) -> sp.csr_matrix:
    """Strategy and complexity rows: the features, then the class probabilities of `linear` (columns
    N_FEATURES..), the `tree_start` view.

    Rows the linear view trained on get their out-of-fold probabilities, as a new prompt would at inference; the
    rest get the full view's. (A row is recognised by its FeatureVector object, shared with the task rows.)"""
    x = matrix(fvs)
    logits = design_matrix(x) @ linear.weight
    at = {id(fv): i for i, fv in enumerate(rows.fvs)}
    for j, fv in enumerate(fvs):
        i = at.get(id(fv))
        if i is not None:
            logits[j] = oof[i]
    return sp.hstack([x, sp.csr_matrix(task_p(logits))], format="csr")


def fit_complexity(x: sp.csr_matrix, y: Sequence[float], weight: Sequence[float] | None = None,
                   seed: int = SEED, params: dict[str, Any] | None = None) -> Any:
    """Binary cross-entropy trees over the features and task probabilities, blind to the topic and phrase counts:
    those columns are zeroed, so no tree splits on them (RouterArena CV random / grouped, task probabilities of
    the task head: 0.646 / 0.586 with them, 0.646 / 0.594 without)."""
    import lightgbm as lgb

    p = params or COMPLEXITY_PARAMS
    x = blind_to_topics(x)
    ds = lgb.Dataset(x, label=np.asarray(y, dtype=np.float64),
                     weight=None if weight is None else np.asarray(weight), free_raw_data=False)
    return lgb.train(_lgb_params(p, "cross_entropy", seed), ds, num_boost_round=p["rounds"])


def balanced_weights(y: Sequence[int], w: Sequence[float], num_class: int) -> list[float]:
    """Rescale row weights so every class present carries the same total weight (mean row weight kept)."""
    ya, wa = np.asarray(y), np.asarray(w, dtype=np.float64)
    tot = np.bincount(ya, weights=wa, minlength=num_class)
    present = np.count_nonzero(tot)
    scale = wa.sum() / present / np.where(tot > 0, tot, 1.0)
    return (wa * scale[ya]).tolist()


def complexity_rows(pairs: Sequence[PairRow]) -> tuple[list[FeatureVector], list[int]]:
    fvs = [extract([{"role": "user", "content": r.prompt}]) for r in pairs]
    return fvs, [r.needs_strong for r in pairs]


def synthetic_complexity_rows(train_ex: Sequence[Example],
                              syn_fv: Sequence[FeatureVector]) -> tuple[list[FeatureVector], list[int]]:
    """Easy (label 0) and hard (label 1) synthetic rows; medium ones say little about needing a strong model.
    Register prompts teach the task head only: with their tiers, RouterArena CV fell below its target."""
    keep = [i for i, e in enumerate(train_ex) if abs(e.complexity - 0.5) > 0.2 and e.source != "register"]
    return [syn_fv[i] for i in keep], [int(train_ex[i].complexity > 0.5) for i in keep]


@dataclass
class TaskRows:
    """Task-head training rows, with the CV group and data part of each row."""

    fvs: list[FeatureVector] = field(default_factory=list)
    y: list[int] = field(default_factory=list)
    w: list[float] = field(default_factory=list)
    group: list[str] = field(default_factory=list)  # seed, hand prompt, Arena cluster or RouterArena source
    part: list[str] = field(default_factory=list)  # synthetic | handwritten | arena | routerarena

    def add(self, fv: FeatureVector, task: str, weight: float, group: str, part: str) -> None:
        self.fvs.append(fv)
        self.y.append(TASK_CLASSES.index(task))
        self.w.append(weight)
        self.group.append(group)
        self.part.append(part)

    def subset(self, keep: Sequence[int]) -> "TaskRows":
        return TaskRows(*([getattr(self, f)[i] for i in keep] for f in ("fvs", "y", "w", "group", "part")))

    def weights(self) -> list[float]:
        """Row weights as the task head trains with them."""
        return balanced_weights(self.y, self.w, len(TASK_CLASSES)) if BALANCE_TASK_CLASSES else list(self.w)


def task_rows(train_ex: Sequence[Example], syn_fv: Sequence[FeatureVector], pairs: Sequence[PairRow],
              pair_fv: Sequence[FeatureVector], arena: Sequence[LabelledRequest]) -> TaskRows:
    """The task head's rows: synthetic train split, RouterArena sources with an unambiguous class and the
    Arena-Hard train clusters (the test clusters are dropped here)."""
    rows = TaskRows()
    for e, fv in zip(train_ex, syn_fv):
        rows.add(fv, e.task, 1.0, e.seed, e.source)
    for r, fv in zip(pairs, pair_fv):
        task = routerarena_task(r.source)
        if task:
            rows.add(fv, task, 0.5, r.source, "routerarena")
    for r in arena:
        if arena_split(r.group) == "train":
            rows.add(extract(r.messages), r.task, ARENA_WEIGHT, r.group, "arena")
    return rows


def _feature_names(examples: Sequence[Example]) -> dict[str, str]:
    """Readable names for word buckets, from the project's own synthetic text only."""
    counts: Counter[str] = Counter()
    for e in examples:
        rt = request_text(e.messages, e.tools, e.stream)
        counts.update(w for w in rt.main.lower().split() if w.isalpha() and len(w) < 20)
    names: dict[str, str] = {}
    for word, _ in counts.most_common(4000):
        h = hashed_ngrams(word)  # one word: the word, the first word, its char n-grams, the last word
        names.setdefault(str(int(h[0])), f"word:{word}")
        names.setdefault(str(int(h[1])), f"first:{word}")
        names.setdefault(str(int(h[-1])), f"last:{word}")
    return names


def train(out_path: Path | None = None, *, shared_dir: Path | None = None, feedback: Path | None = None,
          data_out: Path | None = None, seed: int = SEED) -> TrainReport:
    """Rebuild every head from the project's data (+ optional feedback log) and write the bundle."""
    out_path = out_path or DEFAULT_MODEL_PATH
    report = TrainReport(path=str(out_path))
    examples = generate()
    if data_out is not None:
        data_out.parent.mkdir(parents=True, exist_ok=True)
        data_out.write_text("".join(e.to_json() + "\n" for e in examples), encoding="utf-8")
    train_ex = [e for e in examples if e.split == "train"]
    syn_fv = [extract(e.messages, e.tools, e.stream) for e in train_ex]
    pairs = load_routerarena(shared_dir)
    pair_fv, pair_y = complexity_rows(pairs)

    rows = task_rows(train_ex, syn_fv, pairs, pair_fv, load_arena_hard(shared_dir))
    arena_train = rows.part.count("arena")
    s_fv = list(syn_fv)
    s_y = [STRATEGIES.index(e.strategy) for e in train_ex]
    syn_c_fv, syn_c_y = synthetic_complexity_rows(train_ex, syn_fv)
    c_fv, c_y = list(pair_fv) + syn_c_fv, list(pair_y) + syn_c_y
    c_w = [1.0] * len(pair_fv) + [SYNTH_COMPLEXITY_WEIGHT] * len(syn_c_fv)

    if feedback is not None:
        for i, rec in enumerate(read_records(feedback)):
            labels = labels_from_record(rec)
            fv = FeatureVector(np.asarray(rec.indices, np.int32), np.asarray(rec.values, np.float32))
            if labels.get("task") in TASK_CLASSES:
                rows.add(fv, labels["task"], 1.0, f"feedback:{i}", "feedback")
            if labels.get("strategy") in STRATEGIES:
                s_fv.append(fv), s_y.append(STRATEGIES.index(labels["strategy"]))
            if "complexity" in labels:
                c_fv.append(fv), c_y.append(int(labels["complexity"])), c_w.append(1.0)

    report.rows = {"synthetic_total": len(examples), "synthetic_train": len(train_ex),
                   "handwritten_train": sum(e.source == "handwritten" for e in train_ex),
                   "register_train": sum(e.source == "register" for e in train_ex),
                   "arena_train": arena_train, "task": len(rows.fvs),
                   "strategy": len(s_fv), "complexity": len(c_fv)}
    x, w = matrix(rows.fvs), rows.weights()
    task_b, linear = fit_task_head(x, rows.y, w, rows.group, seed=seed)
    oof, view = tree_start(x, rows.y, w, rows.group)
    strat_b = fit_multiclass(with_task_p(s_fv, rows, oof, view), s_y, len(STRATEGIES), STRATEGY_PARAMS, None, seed)
    cx_b = fit_complexity(with_task_p(c_fv, rows, oof, view), c_y, c_w, seed)

    n_t, n_s = len(TASK_CLASSES), len(STRATEGIES)
    forest = forest_from_lightgbm([(task_b.dump_model(), 0), (strat_b.dump_model(), n_t),
                                   (cx_b.dump_model(), n_t + n_s)])
    meta = {"feature_version": FEATURE_VERSION, "tasks": list(TASK_CLASSES), "strategies": list(STRATEGIES),
            "slots": {"task": [0, n_t], "strategy": [n_t, n_t + n_s], "complexity": [n_t + n_s, n_t + n_s + 1]},
            "seed": seed, "rows": report.rows, "feature_names": _feature_names(train_ex)}
    # the exported trees must agree with LightGBM's own predictions
    probe = with_task_p(syn_fv[:200], rows, oof, view)
    ref = np.hstack([task_b.predict(probe[:, :N_FEATURES], raw_score=True), strat_b.predict(probe, raw_score=True),
                     cx_b.predict(probe, raw_score=True)[:, None]])
    got = np.stack([forest.raw(probe[i].toarray()[0]) for i in range(probe.shape[0])])
    report.max_abs_diff = float(np.abs(ref - got).max())
    if report.max_abs_diff > 1e-3:
        raise RuntimeError(f"exported forest disagrees with LightGBM (max diff {report.max_abs_diff:.2g})")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    arrays = forest.arrays()
    arrays["linear_task"] = np.hstack((linear.weight, view.weight))  # one gather per request reads both
    arrays["meta_json"] = np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), dtype=np.uint8)
    with open(out_path, "wb") as f:
        np.savez_compressed(f, **arrays)
    report.trees = int(len(forest.roots))
    report.bytes = out_path.stat().st_size
    logger.info("intent model written: %d trees, %d bytes", report.trees, report.bytes)
    return report
