"""Intent classifier quality: task macro-F1 on held-out sets, complexity APGR on the RouterArena pair.

Run: PYTHONPATH=. python bench/bench_intent_quality.py [--skip-complexity] [--skip-litellm] [--model BUNDLE]
Held-out: the project's test split (templated seeds and hand-written prompts training never saw, reported apart
and together) and the Arena-Hard topic clusters held out of training. Also reported apart: the evaluation-only
hand-written prompts in the chat-arena register (`data/handwritten_eval/`, round 4, `data/register_eval/`, round 6,
and `data/mainstream_eval/`, round 7), which no head trains on.
Complexity: 5-fold CV (random and grouped by source benchmark) of the complexity head trained exactly as in
`cailos classifier train`, against prompt length, TF-IDF + logistic regression-free baselines that need no
extra package (random, length) and LiteLLM's built-in complexity_router heuristic.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter

import numpy as np

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from cailos_litellm.intent import load_classifier  # noqa: E402
from cailos_litellm.intent.datasets import PairRow, arena_split, load_arena_hard, load_routerarena  # noqa: E402
from cailos_litellm.intent.synth.generate import generate, generate_eval_only  # noqa: E402
from cailos_litellm.types import TASK_CLASSES  # noqa: E402

SEED = 7
ABBR = {"extraction": "ext", "classification": "cls", "summarization": "sum", "translation": "tra", "chat": "cht",
        "creative_writing": "cre", "code_generation": "cod", "debugging": "dbg", "sql": "sql",
        "math_reasoning": "mat", "analysis": "ana", "tool_use": "too", "vision": "vis"}


def macro_f1(y_true: list[str], y_pred: list[str]) -> tuple[float, dict[str, float]]:
    """Macro-F1 over the classes present in y_true."""
    per: dict[str, float] = {}
    for c in sorted(set(y_true)):
        tp = sum(t == c and p == c for t, p in zip(y_true, y_pred))
        fp = sum(t != c and p == c for t, p in zip(y_true, y_pred))
        fn = sum(t == c and p != c for t, p in zip(y_true, y_pred))
        per[c] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return float(np.mean(list(per.values()))), per


def confusion(y_true: list[str], y_pred: list[str]) -> str:
    labels = [c for c in TASK_CLASSES if c in set(y_true) | set(y_pred)]
    cnt = Counter(zip(y_true, y_pred))
    lines = ["true\\pred " + " ".join(f"{ABBR[c]:>4}" for c in labels) + "     n"]
    for t in labels:
        row = [cnt.get((t, p), 0) for p in labels]
        lines.append(f"{ABBR[t]:>9} " + " ".join(f"{v:>4}" for v in row) + f" {sum(row):>5}")
    return "\n".join(lines)


def weighted_f1(y_true: list[str], per: dict[str, float]) -> float:
    """Per-class F1 averaged by support: the figure a small class cannot swing."""
    support = Counter(y_true)
    return sum(per[c] * n for c, n in support.items()) / len(y_true)


def report_task(name: str, y_true: list[str], y_pred: list[str]) -> float:
    f1, per = macro_f1(y_true, y_pred)
    acc = float(np.mean([t == p for t, p in zip(y_true, y_pred)]))
    print(f"\n== task class on {name}: n={len(y_true)} macro-F1={f1:.3f} accuracy={acc:.3f} "
          f"weighted-F1={weighted_f1(y_true, per):.3f}")
    support = Counter(y_true)
    print("per-class F1 (support): " + ", ".join(f"{ABBR[c]}={v:.2f} ({support[c]})" for c, v in per.items()))
    small = sorted(c for c, n in support.items() if n < 5)
    if small:
        print(f"note: {len(small)} of {len(support)} classes have fewer than 5 examples here "
              f"({', '.join(ABBR[c] for c in small)}); each weighs 1/{len(support)} of the macro-F1, so one prompt "
              "more or less right moves it by several points. Accuracy and weighted-F1 are the steadier figures.")
    print(confusion(y_true, y_pred))
    return f1


def apgr(score: np.ndarray, pairs: list[PairRow]) -> tuple[float, float, float]:
    """(APGR, strong-call share needed for 95% of strong quality, cost saved there vs always-strong)."""
    weak = np.array([p.weak_score for p in pairs])
    strong = np.array([p.strong_score for p in pairs])
    wc = np.array([p.weak_cost for p in pairs])
    sc = np.array([p.strong_cost for p in pairs])
    order = np.argsort(-score, kind="stable")  # highest "needs strong" first
    n = len(pairs)
    gain = np.concatenate(([0.0], np.cumsum((strong - weak)[order])))
    quality = (weak.sum() + gain) / n  # quality when the top-k go to the strong model, k = 0..n
    q_w, q_s = weak.mean(), strong.mean()
    pgr = (quality - q_w) / (q_s - q_w)
    area = float(np.trapezoid(pgr, dx=1.0 / n))
    ok = np.flatnonzero(quality >= 0.95 * q_s)
    k = int(ok[0]) if ok.size else n
    cost = wc.sum() + np.concatenate(([0.0], np.cumsum((sc - wc)[order])))[k]
    return area, k / n, 1.0 - cost / sc.sum()


def complexity_cv(pairs: list[PairRow], grouped: bool) -> np.ndarray:
    """Out-of-fold complexity scores, training exactly like `train()`: RouterArena rows + synthetic easy/hard rows,
    each with the task probabilities of the topic-blind linear view (`train.tree_start`). That view is refit per
    fold without the held-out prompts' task rows, so nothing of a held-out benchmark reaches its own score."""
    from cailos_litellm.intent import train as T
    from cailos_litellm.intent.features import extract

    fvs, y = T.complexity_rows(pairs)
    train_ex = [e for e in generate() if e.split == "train"]
    syn_fv = [extract(e.messages, e.tools, e.stream) for e in train_ex]
    rows = T.task_rows(train_ex, syn_fv, pairs, fvs, load_arena_hard())
    syn_c_fv, syn_y = T.synthetic_complexity_rows(train_ex, syn_fv)
    row_of = {id(fv): i for i, fv in enumerate(rows.fvs)}
    rng = np.random.default_rng(SEED)
    if grouped:
        groups = sorted({p.source.split("_")[0].split("-")[0] for p in pairs})
        rng.shuffle(groups)
        gfold = {g: i % 5 for i, g in enumerate(groups)}
        fold = np.array([gfold[p.source.split("_")[0].split("-")[0]] for p in pairs])
    else:
        fold = rng.permutation(len(pairs)) % 5
    out = np.zeros(len(pairs))
    for f in range(5):
        tr = np.flatnonzero(fold != f)
        te = np.flatnonzero(fold == f)
        held = {row_of[id(fvs[i])] for i in te if id(fvs[i]) in row_of}
        sub = rows.subset([i for i in range(len(rows.fvs)) if i not in held])
        oof, linear = T.tree_start(T.matrix(sub.fvs), sub.y, sub.weights(), sub.group)
        x = T.with_task_p([fvs[i] for i in tr] + syn_c_fv, sub, oof, linear)
        w = [1.0] * len(tr) + [T.SYNTH_COMPLEXITY_WEIGHT] * len(syn_c_fv)
        booster = T.fit_complexity(x, [y[i] for i in tr] + syn_y, w)
        out[te] = booster.predict(T.with_task_p([fvs[i] for i in te], sub, oof, linear))
        print(f"  complexity fold {f + 1}/5 ({'grouped' if grouped else 'random'}) done", flush=True)
    return out


def litellm_complexity(pairs: list[PairRow]) -> np.ndarray | None:
    """LiteLLM's own complexity_router heuristic score, called in-process."""
    try:
        from litellm.router_strategy.complexity_router.complexity_router import ComplexityRouter
    except ImportError as exc:
        print(f"litellm complexity_router unavailable: {exc}")
        return None
    router = ComplexityRouter(model_name="bench", litellm_router_instance=None,
                              complexity_router_config={"tiers": {"SIMPLE": "weak", "MEDIUM": "weak",
                                                                  "COMPLEX": "strong", "REASONING": "strong"}},
                              derive_savings_baseline=False)
    return np.array([router.classify(p.prompt)[1] for p in pairs])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-complexity", action="store_true")
    ap.add_argument("--skip-litellm", action="store_true")
    ap.add_argument("--model", help="score another bundle (e.g. the previous release) on the same split")
    args = ap.parse_args()
    clf = load_classifier(args.model)

    test = [e for e in generate() if e.split == "test"]
    reg_test = [e for e in test if e.source == "register"]
    report_task("register-style held-out prompts (round 6; apart, like the evaluation-only set)",
                [e.task for e in reg_test], [clf.classify(e.messages, e.tools, e.stream).task for e in reg_test])
    # the project split as in earlier rounds: templated seeds and hand-written prompts
    syn_test = [e for e in test if e.source != "register"]
    pred = [clf.classify(e.messages, e.tools, e.stream) for e in syn_test]
    for source, name in (("synthetic", "templated held-out seeds"), ("handwritten", "hand-written held-out prompts")):
        idx = [i for i, e in enumerate(syn_test) if e.source == source]
        report_task(name, [syn_test[i].task for i in idx], [pred[i].task for i in idx])
    f1_syn = report_task("project held-out split (templated + hand-written)", [e.task for e in syn_test],
                         [p.task for p in pred])
    strat_acc = float(np.mean([p.strategy == e.strategy for p, e in zip(pred, syn_test)]))
    print(f"strategy head accuracy vs policy labels (synthetic held-out): {strat_acc:.3f}")
    arena = [r for r in load_arena_hard() if arena_split(r.group) == "test"]
    t0 = time.perf_counter()
    a_pred = [clf.classify(r.messages).task for r in arena]
    f1_arena = report_task("Arena-Hard held-out clusters (hand labels)", [r.task for r in arena], a_pred)
    print(f"({(time.perf_counter() - t0) / len(arena) * 1e3:.3f} ms per prompt)")
    both_true = [e.task for e in syn_test] + [r.task for r in arena]
    both_pred = [p.task for p in pred] + a_pred
    f1_all, per_all = macro_f1(both_true, both_pred)
    acc_all = float(np.mean([t == p for t, p in zip(both_true, both_pred)]))
    acc_arena = float(np.mean([r.task == p for r, p in zip(arena, a_pred)]))
    print(f"\nheld-out split total (synthetic test + Arena-Hard): n={len(both_true)} macro-F1={f1_all:.3f} "
          f"(target >= 0.85), accuracy={acc_all:.3f}, weighted-F1={weighted_f1(both_true, per_all):.3f}; "
          f"Arena-Hard alone macro-F1={f1_arena:.3f} (target >= 0.75), accuracy={acc_arena:.3f}")
    held = generate_eval_only()
    for source, name in (("handwritten_eval", "evaluation-only chat-arena-register prompts (hand-written, round 4)"),
                         ("register_eval", "evaluation-only register prompts on new topics (round 6, second batch)"),
                         ("mainstream_eval", "evaluation-only typical prompts on mainstream topics (round 7)")):
        rows = [e for e in held if e.source == source]
        report_task(name, [e.task for e in rows], [clf.classify(e.messages, e.tools, e.stream).task for e in rows])

    if args.skip_complexity:
        return 0
    pairs = load_routerarena()
    rng = np.random.default_rng(SEED)
    print(f"\n== complexity on RouterArena pair: n={len(pairs)}, strong needed (strong > weak) on "
          f"{np.mean([p.needs_strong for p in pairs]):.1%}")
    print(f"{'scorer':<42} {'APGR':>6} {'strong@95%':>11} {'cost saved@95%':>15}")
    rows: list[tuple[str, np.ndarray]] = [
        ("random", rng.random(len(pairs))),
        ("prompt length", np.array([len(p.prompt) for p in pairs], dtype=float)),
    ]
    if not args.skip_litellm:
        lit = litellm_complexity(pairs)
        if lit is not None:
            rows.append(("litellm complexity_router heuristic", lit))
    rows.append(("cailos complexity head, 5-fold random CV", complexity_cv(pairs, grouped=False)))
    rows.append(("cailos complexity head, 5-fold by benchmark", complexity_cv(pairs, grouped=True)))
    shipped = np.array([clf.classify([{"role": "user", "content": p.prompt}]).complexity for p in pairs])
    rows.append(("shipped head (trained on all; in-sample)", shipped))
    for name, score in rows:
        a, share, saved = apgr(score, pairs)
        print(f"{name:<42} {a:>6.3f} {share:>10.1%} {saved:>14.1%}")
    print("note: in this pair the 'strong' model (gemini-2.0-flash) is ~4x cheaper per call than the 'weak' one "
          "(claude-3-haiku), so routing to the weak one costs money; strong@95% is the share of calls that must "
          "go to the strong model to reach 95% of its quality.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
