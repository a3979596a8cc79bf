"""In-process state store: the default for tests and the fallback while Redis is unreachable.

Every method runs without awaiting anything, so on one event loop each operation is atomic by construction.
State is per process: two proxy instances with a MemoryStore do not see each other's breakers.
"""

from __future__ import annotations

import time
from collections import deque
from typing import Callable, Sequence

from .window import BUCKET_S, WindowSample, WindowStats, bucket_counts, bucket_of, cutoff_bucket, stats_from_counts

__all__ = ["MemoryStore"]


class MemoryStore:
    def __init__(self, *, clock: Callable[[], float] = time.monotonic, url: str = "memory://") -> None:
        self.url = url
        self._clock = clock
        self._values: dict[str, tuple[str, float | None]] = {}  # key -> (value, expires at)
        self._windows: dict[str, dict[int, dict[str, int]]] = {}  # key -> bucket -> field -> count
        self._lists: dict[str, tuple[deque[str], float | None]] = {}

    # -- plain values -----------------------------------------------------------------------------------------
    def _live(self, key: str) -> str | None:
        item = self._values.get(key)
        if item is None:
            return None
        value, expires = item
        if expires is not None and expires <= self._clock():
            del self._values[key]
            return None
        return value

    def _expiry(self, ttl_s: float | None) -> float | None:
        return None if ttl_s is None else self._clock() + ttl_s

    async def get(self, key: str) -> str | None:
        return self._live(key)

    async def get_many(self, keys: Sequence[str]) -> list[str | None]:
        return [self._live(k) for k in keys]

    async def set(self, key: str, value: str, ttl_s: float | None = None) -> None:
        self._values[key] = (value, self._expiry(ttl_s))

    async def delete(self, key: str) -> None:
        self._values.pop(key, None)
        self._lists.pop(key, None)
        self._windows.pop(key, None)

    async def incr(self, key: str, amount: int = 1, ttl_s: float | None = None) -> int:
        current = self._live(key)
        if current is None:
            value, expires = amount, self._expiry(ttl_s)
        else:
            value, expires = int(current) + amount, self._values[key][1]
            if expires is None:
                expires = self._expiry(ttl_s)
        self._values[key] = (str(value), expires)
        return value

    async def compare_and_set(self, key: str, expected: str | None, new: str | None, ttl_s: float | None = None) -> bool:
        if self._live(key) != expected:
            return False
        if new is None:
            self._values.pop(key, None)
        else:
            self._values[key] = (new, self._expiry(ttl_s))
        return True

    # -- windows ----------------------------------------------------------------------------------------------
    async def window_add(self, samples: Sequence[WindowSample]) -> None:
        for (key, bucket), fields in bucket_counts(samples).items():
            buckets = self._windows.setdefault(key, {})
            counts = buckets.get(bucket)
            if counts is None:
                cutoff = cutoff_bucket(bucket * BUCKET_S)
                for old in [b for b in buckets if b < cutoff]:
                    del buckets[old]
                counts = buckets[bucket] = {}
            for name, n in fields.items():
                counts[name] = counts.get(name, 0) + n

    async def window_read(self, keys: Sequence[str], now: float) -> list[WindowStats]:
        cutoff, last = cutoff_bucket(now), bucket_of(now)
        result = []
        for k in keys:
            merged: dict[str, int] = {}
            for bucket, counts in self._windows.get(k, {}).items():
                if cutoff <= bucket <= last:
                    for name, count in counts.items():
                        merged[name] = merged.get(name, 0) + count
            result.append(stats_from_counts(merged))
        return result

    # -- bounded lists ----------------------------------------------------------------------------------------
    async def list_push(self, key: str, values: Sequence[str], max_len: int, ttl_s: float | None = None) -> None:
        items, expires = self._lists.get(key, (None, None))
        if items is None or (expires is not None and expires <= self._clock()):
            items = deque()
        if items.maxlen != max_len:
            items = deque(items, maxlen=max_len)
        items.extendleft(values)
        self._lists[key] = (items, self._expiry(ttl_s) if ttl_s is not None else expires)

    async def list_range(self, key: str, count: int) -> list[str]:
        items, expires = self._lists.get(key, (None, None))
        if items is None or (expires is not None and expires <= self._clock()):
            return []
        return list(items)[:count]

    async def ping(self) -> None:
        return None

    async def close(self) -> None:
        return None
