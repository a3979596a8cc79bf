"""Bench: added delay per streamed chunk by the incremental uncloaker (post-call streaming hook).

    PYTHONPATH=. python bench/bench_stream_uncloak.py
A 2,000-token answer full of placeholders, cut into chunks of 1-8 characters (worse than real SSE deltas).
Baseline in the same run: a pass-through that only concatenates the chunk (what the hook costs without us).
"""

from __future__ import annotations

import random
import statistics
import time

from cailos_litellm.pii import CloakMap

SEED = 11


def main() -> None:
    rng = random.Random(SEED)
    originals = {(t, n): f"value-{t}-{n}" for t in ("PERSON", "EMAIL", "PHONE", "ORG", "ADDRESS") for n in range(1, 6)}
    cmap = CloakMap(originals=originals, counts={})
    words = ["the", "report", "for", "customer", "was", "sent", "yesterday", "and", "PERSON", "Please", "<b>", "[note]"]
    parts = []
    for _ in range(2000):
        if rng.random() < 0.12:
            t, n = rng.choice(list(originals))
            parts.append(rng.choice([f"<{t}_{n}>", f"<{t.title()}_{n}>", f"{t}_{n}", f"< {t}_{n} >"]))
        else:
            parts.append(rng.choice(words))
    answer = " ".join(parts)
    chunks, i = [], 0
    while i < len(answer):
        k = rng.randint(1, 8)
        chunks.append(answer[i : i + k])
        i += k
    runs: list[float] = []
    base: list[float] = []
    for _ in range(5):
        s = cmap.stream()
        sink = []
        for c in chunks:
            t0 = time.perf_counter_ns()
            sink.append(s.feed(c))
            runs.append((time.perf_counter_ns() - t0) / 1e6)
        sink.append(s.flush())
        assert "".join(sink) == cmap.uncloak(answer)
        acc = ""
        for c in chunks:
            t0 = time.perf_counter_ns()
            acc += c
            base.append((time.perf_counter_ns() - t0) / 1e6)
    q = lambda xs, p: sorted(xs)[int(p * (len(xs) - 1))]  # noqa: E731
    print(f"{len(chunks)} chunks x5, answer {len(answer)} chars")
    print(f"stream uncloak per chunk: p50 {statistics.median(runs):.4f} ms  p95 {q(runs, 0.95):.4f} ms  p99 {q(runs, 0.99):.4f} ms  max {max(runs):.4f} ms")
    print(f"baseline pass-through   : p50 {statistics.median(base):.4f} ms  p95 {q(base, 0.95):.4f} ms  p99 {q(base, 0.99):.4f} ms")
    print(f"whole-answer uncloak (non-streaming) for reference: ", end="")
    t0 = time.perf_counter()
    cmap.uncloak(answer)
    print(f"{(time.perf_counter() - t0) * 1000:.3f} ms")


if __name__ == "__main__":
    main()
