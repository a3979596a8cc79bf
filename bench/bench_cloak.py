"""Bench: PII shield cloak latency per message (hot path of the pre-call hook).

    PYTHONPATH=. python bench/bench_cloak.py [--n 300]
New content: unique ~200-word messages assembled from the labelled set (PII-dense business prose, chat, JSON,
code). Repeated history: the same messages again (what a multi-turn conversation resends every turn).
Baselines in the same run: NER on the whole text (no candidate windows) and the regex detectors alone.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from cailos_litellm.pii import ShieldPolicy, SpacyNer, load_shield
from cailos_litellm.pii.evaluate import load_labelled

DATA = Path(__file__).resolve().parent.parent / "tests" / "pii" / "data" / "labelled.jsonl"
SEED = 7


def messages(n: int, words: int = 200) -> list[str]:
    rows = [str(r["text"]) for r in load_labelled(DATA)]
    rng = random.Random(SEED)
    out = []
    for _ in range(n):
        parts: list[str] = []
        count = 0
        while count < words:
            t = rng.choice(rows)
            parts.append(t)
            count += len(t.split())
        out.append("\n".join(parts))
    return out


def pct(xs: list[float]) -> str:
    xs = sorted(xs)
    q = lambda p: xs[min(len(xs) - 1, int(p * len(xs)))]  # noqa: E731
    return f"p50 {statistics.median(xs):7.3f} ms  p95 {q(0.95):7.3f} ms  p99 {q(0.99):7.3f} ms"


def run(shield, msgs: list[str]) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for m in msgs:
        t0 = time.perf_counter()
        shield.cloak_request([{"role": "user", "content": m}])
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args()
    msgs = messages(args.n)
    print(f"{len(msgs)} messages, mean {statistics.mean(len(m.split()) for m in msgs):.0f} words")
    windowed = load_shield(ner=SpacyNer.load())
    full = load_shield(ner=SpacyNer.load(windowed=False))
    regex_only = load_shield(ShieldPolicy(entities=frozenset({"EMAIL", "PHONE", "CARD", "IBAN", "SSN", "NATIONAL_ID", "PASSPORT", "IP", "SECRET", "ADDRESS", "POSTCODE"})))
    run(windowed, msgs[:10])  # warm up
    run(full, msgs[:10])
    windowed.analyzer._cache.clear()
    full.analyzer._cache.clear()
    new = run(windowed, msgs)
    hist = run(windowed, msgs)
    base_full = run(full, msgs)
    base_regex = run(regex_only, msgs)
    print(f"shield (windowed NER), new content : {pct(new)}")
    print(f"shield, repeated history           : {pct(hist)}")
    print(f"baseline: NER on whole text        : {pct(base_full)}")
    print(f"baseline: regex detectors only     : {pct(base_regex)}")
    print(f"ratio new/whole-text NER p50 {statistics.median(new) / statistics.median(base_full):.2f}; "
          f"history/new p50 {statistics.median(hist) / statistics.median(new):.4f}")


if __name__ == "__main__":
    main()
