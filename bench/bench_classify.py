"""Intent classifier latency, in-process, single thread, per prompt (features + all heads).

Run: PYTHONPATH=. python bench/bench_classify.py
Prompts: the 500 Arena-Hard prompts as they are, then synthetic long prompts of ~1k, 2k and 4k tokens.
Baseline measured in the same run: LightGBM's own `Booster.predict` (num_threads=1) on the same features for the
task head, and LiteLLM's complexity_router heuristic `classify()`. Targets: p50 <= 0.3 ms, p99 <= 2 ms.
"""

from __future__ import annotations

import os
import random
import sys
import time

import numpy as np

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from cailos_litellm.intent import load_classifier  # noqa: E402
from cailos_litellm.intent.datasets import load_arena_hard  # noqa: E402
from cailos_litellm.intent.features import dense_features, request_text  # noqa: E402

SEED = 11
REPEATS = 3


def pct(ts: list[float]) -> str:
    a = np.array(ts) * 1e3
    return f"p50={np.percentile(a, 50):.3f} ms  p95={np.percentile(a, 95):.3f} ms  p99={np.percentile(a, 99):.3f} ms"


def timed(fn, items) -> list[float]:
    out = []
    for _ in range(REPEATS):
        for it in items:
            t = time.perf_counter()
            fn(it)
            out.append(time.perf_counter() - t)
    return out


def main() -> int:
    clf = load_classifier()
    arena = [r.messages for r in load_arena_hard()]
    rng = random.Random(SEED)
    words = " ".join(m[0]["content"] for m in arena).split()
    long = [[{"role": "user", "content": " ".join(rng.choice(words) for _ in range(n))}]
            for n in (750, 1500, 3000) for _ in range(30)]  # ~1k / 2k / 4k tokens
    for m in arena[:50]:
        clf.classify(m)
    print(f"intent classifier: {len(clf.forest.roots)} trees, depth {clf.forest.depth}")
    ts = timed(clf.classify, arena)
    print(f"cailos classify, Arena-Hard prompts (n={len(arena)}x{REPEATS}):  {pct(ts)}")
    tl = timed(clf.classify, long)
    print(f"cailos classify, 1k-4k token prompts (n={len(long)}x{REPEATS}): {pct(tl)}")
    tf = timed(lambda m: dense_features(request_text(m)), arena)
    print(f"  of which features only (Arena-Hard):            {pct(tf)}")

    try:
        import lightgbm as lgb  # noqa: F401

        from cailos_litellm.intent.train import TASK_PARAMS  # noqa: F401
        from cailos_litellm.intent.features import N_FEATURES  # noqa: F401
        booster = _lightgbm_booster(clf)
        if booster is not None:
            x = [dense_features(request_text(m)).reshape(1, -1) for m in arena[:200]]
            tb = timed(lambda r: booster.predict(r, num_threads=1), x)
            print(f"baseline: LightGBM Booster.predict, 1 row, task-size forest (n=200x{REPEATS}): {pct(tb)}")
    except ImportError:
        pass
    try:
        from litellm.router_strategy.complexity_router.complexity_router import ComplexityRouter

        router = ComplexityRouter(model_name="bench", litellm_router_instance=None, derive_savings_baseline=False,
                                  complexity_router_config={"tiers": {"SIMPLE": "a", "MEDIUM": "a", "COMPLEX": "b",
                                                                      "REASONING": "b"}})
        texts = [m[0]["content"] for m in arena]
        tr = timed(router.classify, texts)
        print(f"baseline: litellm complexity_router.classify (n={len(texts)}x{REPEATS}):  {pct(tr)}")
        print(f"ratio cailos/litellm at p50: {np.percentile(ts, 50) / np.percentile(tr, 50):.2f}")
    except ImportError as exc:
        print(f"litellm complexity_router unavailable: {exc}")
    return 0


def _lightgbm_booster(clf):
    """A LightGBM booster of the same shape as the task head (same data, same params) for the baseline."""
    import lightgbm as lgb

    from cailos_litellm.intent.features import extract
    from cailos_litellm.intent.synth.generate import generate
    from cailos_litellm.intent.train import TASK_PARAMS, _lgb_params, matrix
    from cailos_litellm.types import TASK_CLASSES

    ex = [e for e in generate() if e.split == "train"]
    x = matrix([extract(e.messages, e.tools, e.stream) for e in ex])
    y = [TASK_CLASSES.index(e.task) for e in ex]
    return lgb.train(_lgb_params(TASK_PARAMS, "multiclass", 1, len(TASK_CLASSES)), lgb.Dataset(x, label=y),
                     num_boost_round=TASK_PARAMS["rounds"])


if __name__ == "__main__":
    sys.exit(main())
