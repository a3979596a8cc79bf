"""Rolling-window arithmetic shared by every state backend (stage: health windows).

A window is a set of time buckets (10 s each, 5 min kept); each bucket counts samples, successes and a latency
histogram with log-spaced bins. Counts merge by addition, so the Redis, SQLite and memory backends store the same
small integers and the percentile maths lives here once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Mapping, NamedTuple, Sequence

__all__ = [
    "BUCKET_S",
    "HORIZON_S",
    "WindowSample",
    "WindowStats",
    "bucket_of",
    "bucket_counts",
    "cutoff_bucket",
    "latency_bin",
    "sample_fields",
    "stats_from_counts",
]

BUCKET_S = 10  # bucket width in seconds
HORIZON_S = 300  # the rolling window: last 5 minutes
_RATIO = 1.15  # latency bins grow by 15 %: the p95 is exact to about ±7 %
_MAX_BIN = 120  # 1.15**120 ms is far beyond any timeout


@dataclass(frozen=True, slots=True)
class WindowStats:
    """Samples in the window; rates are None when there is nothing to measure."""

    samples: int = 0
    successes: int = 0
    p95_ms: float | None = None

    @property
    def success_rate(self) -> float | None:
        return self.successes / self.samples if self.samples else None


class WindowSample(NamedTuple):
    """One outcome for the window `key` at `at` (epoch seconds); latency only for successes that have one."""

    key: str
    at: float
    ok: bool
    latency_ms: float | None = None


def bucket_counts(samples: Sequence[WindowSample]) -> dict[tuple[str, int], dict[str, int]]:
    """Samples summed per (window key, bucket) into counter fields: what a backend adds in one write."""
    merged: dict[tuple[str, int], dict[str, int]] = {}
    for sample in samples:
        counts = merged.setdefault((sample.key, bucket_of(sample.at)), {})
        for name in sample_fields(sample.ok, sample.latency_ms):
            counts[name] = counts.get(name, 0) + 1
    return merged


def bucket_of(now: float) -> int:
    return int(now // BUCKET_S)


def cutoff_bucket(now: float) -> int:
    """Oldest bucket still inside the window."""
    return bucket_of(now) - HORIZON_S // BUCKET_S + 1


def latency_bin(latency_ms: float) -> int:
    if latency_ms <= 1.0:
        return 0
    return min(_MAX_BIN, int(math.log(latency_ms) / math.log(_RATIO)) + 1)


def _bin_value(index: int) -> float:
    # geometric middle of the bin; bin 0 holds everything up to 1 ms
    return 1.0 if index == 0 else _RATIO ** (index - 0.5)


def sample_fields(ok: bool, latency_ms: float | None) -> tuple[str, ...]:
    """Counter fields one sample increments: always "n", "ok" on success, "l<bin>" when a latency is known."""
    fields = ["n"]
    if ok:
        fields.append("ok")
    if latency_ms is not None:
        fields.append(f"l{latency_bin(latency_ms)}")
    return tuple(fields)


def stats_from_counts(counts: Mapping[str, int] | Iterable[tuple[str, int]]) -> WindowStats:
    """Merge counter fields (already summed over the window's buckets) into WindowStats."""
    items = counts.items() if isinstance(counts, Mapping) else counts
    samples = successes = 0
    bins: dict[int, int] = {}
    for name, count in items:
        if name == "n":
            samples += int(count)
        elif name == "ok":
            successes += int(count)
        elif name.startswith("l"):
            index = int(name[1:])
            bins[index] = bins.get(index, 0) + int(count)
    total = sum(bins.values())
    p95 = None
    if total:
        rank = math.ceil(0.95 * total)
        seen = 0
        for index in sorted(bins):
            seen += bins[index]
            if seen >= rank:
                p95 = _bin_value(index)
                break
    return WindowStats(samples=samples, successes=successes, p95_ms=p95)
