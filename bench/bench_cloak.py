"""Bench: PII shield cloak latency per message (hot path of the pre-call hook).

    PYTHONPATH=. python bench/bench_cloak.py [--n 300]
Two text sets, ~200 words a message:
- dense: messages assembled from the labelled set (PII-dense business prose, chat, JSON, code; ~20 names each);
- realistic: support chat, business e-mail, JSON payload, code snippet with a few entities each
  (bench/realistic_texts.py).
New content: unique messages. Repeated history: the same messages again (what a multi-turn conversation resends
every turn). Conversation: a 12-turn chat sent turn by turn (history + one new message per request).
Baselines in the same run: NER on the whole text (no candidate windows) and the regex detectors alone.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from realistic_texts import realistic

from cailos_litellm.pii import ShieldPolicy, SpacyNer, load_shield
from cailos_litellm.pii.evaluate import load_labelled

DATA = Path(__file__).resolve().parent.parent / "tests" / "pii" / "data" / "labelled.jsonl"
SEED = 7
STRUCTURED_ONLY = frozenset({"EMAIL", "PHONE", "CARD", "IBAN", "SSN", "NATIONAL_ID", "PASSPORT", "IP", "SECRET", "ADDRESS", "POSTCODE"})


def dense(n: int, words: int = 200) -> list[str]:
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


def run(shield, msgs: list[str], cpu: list[float] | None = None) -> list[float]:  # type: ignore[no-untyped-def]
    """Wall ms per message; CPU ms of this thread into `cpu` (the fair figure when other jobs share the cores)."""
    out = []
    for m in msgs:
        c0 = time.thread_time()
        t0 = time.perf_counter()
        shield.cloak_request([{"role": "user", "content": m}])
        out.append((time.perf_counter() - t0) * 1000)
        if cpu is not None:
            cpu.append((time.thread_time() - c0) * 1000)
    return out


def conversation(shield, msgs: list[str], turns: int = 12) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """Per request: total ms, and ms per resent history message (request time minus the new message's time)."""
    total, per_hist = [], []
    for c in range(0, len(msgs) - turns, turns):
        history: list[dict[str, str]] = []
        for k in range(turns):
            new = {"role": "user" if k % 2 == 0 else "assistant", "content": msgs[c + k]}
            t0 = time.perf_counter()
            shield.cloak_request(history + [new])
            total.append((time.perf_counter() - t0) * 1000)
            history.append(new)
            if history[:-1]:
                t0 = time.perf_counter()
                shield.cloak_request(history)  # everything cached now: the history cost alone
                per_hist.append((time.perf_counter() - t0) * 1000 / len(history))
    return total, per_hist


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args()
    sets = {"dense": dense(args.n), "realistic": realistic(args.n, random.Random(SEED))}
    windowed = load_shield(ner=SpacyNer.load())
    full = load_shield(ner=SpacyNer.load(windowed=False))
    regex_only = load_shield(ShieldPolicy(entities=STRUCTURED_ONLY))
    warm = dense(10) + realistic(10, random.Random(SEED + 1))
    run(windowed, warm)
    run(full, warm)
    windowed.analyzer._cache.clear()
    full.analyzer._cache.clear()
    for name, msgs in sets.items():
        print(f"\n== {name}: {len(msgs)} messages, mean {statistics.mean(len(m.split()) for m in msgs):.0f} words")
        cpu: list[float] = []
        new = run(windowed, msgs, cpu)
        hist = run(windowed, msgs)
        base_full = run(full, msgs)
        base_regex = run(regex_only, msgs)
        print(f"shield, new content             : {pct(new)}")
        print(f"  same, CPU time of the thread  : {pct(cpu)}")
        print(f"shield, repeated history        : {pct(hist)}")
        print(f"baseline: NER on whole text     : {pct(base_full)}")
        print(f"baseline: regex detectors only  : {pct(base_regex)}")
        print(f"ratio new/whole-text NER p50 {statistics.median(new) / statistics.median(base_full):.2f}; "
              f"history/new p50 {statistics.median(hist) / statistics.median(new):.4f}")
    windowed.analyzer._cache.clear()
    total, per_hist = conversation(windowed, realistic(120, random.Random(SEED + 2)))
    print("\n== conversation (realistic, 12 turns, history resent every turn)")
    print(f"request (history + 1 new)       : {pct(total)}")
    print(f"per resent history message      : {pct(per_hist)}")


if __name__ == "__main__":
    main()
