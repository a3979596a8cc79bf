"""Write-behind for the two writes every request makes: outcome windows and the recent-decisions list.

Both are additive (counts merge by addition, list items only append), so batching changes when they land, not what
lands. The proxy's hot path then costs a dict append instead of a store round trip (a SQLite transaction on a
worker thread, or a Redis call), and the store sees one write per kind every `interval_s`. Everything else — reads,
counters, compare-and-set for breakers — goes straight through. Reads of windows and lists flush first, so this
process always reads its own writes; other processes see them within `interval_s`. A proxy that stops loses at most
the last `interval_s` of samples and decisions (LiteLLM gives callbacks no shutdown hook).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Sequence

from .base import StateStore
from .window import WindowSample, WindowStats

__all__ = ["BufferedStore"]

log = logging.getLogger(__name__)


class BufferedStore:
    def __init__(self, inner: StateStore, *, interval_s: float = 0.1, max_pending: int = 5000) -> None:
        self.inner = inner
        self.url = inner.url
        self.interval_s = interval_s
        self.max_pending = max_pending
        self._samples: list[WindowSample] = []
        self._lists: dict[tuple[str, int, float | None], list[str]] = {}  # (key, max_len, ttl) -> values
        self._pending = 0
        self._timer: asyncio.Task[None] | None = None
        self._urgent: asyncio.Task[None] | None = None
        self._flushing = asyncio.Lock()

    # -- buffered writes --------------------------------------------------------------------------------------
    async def window_add(self, samples: Sequence[WindowSample]) -> None:
        self._samples.extend(samples)
        self._added(len(samples))

    async def list_push(self, key: str, values: Sequence[str], max_len: int, ttl_s: float | None = None) -> None:
        self._lists.setdefault((key, max_len, ttl_s), []).extend(values)
        self._added(len(values))

    def _added(self, count: int) -> None:
        self._pending += count
        if self._pending >= self.max_pending and (self._urgent is None or self._urgent.done()):
            self._urgent = asyncio.get_running_loop().create_task(self.flush())  # a burst: don't wait
        elif self._timer is None or self._timer.done():
            self._timer = asyncio.get_running_loop().create_task(self._flush_after(self.interval_s))

    async def _flush_after(self, delay: float) -> None:
        await asyncio.sleep(delay)
        await self.flush()

    async def flush(self) -> None:
        """Write everything buffered so far. A failed write is logged (kinds and counts only) and dropped."""
        async with self._flushing:
            samples, lists = self._samples, self._lists
            self._samples, self._lists, self._pending = [], {}, 0
            try:
                if samples:
                    await self.inner.window_add(samples)
                for (key, max_len, ttl_s), values in lists.items():
                    await self.inner.list_push(key, values, max_len, ttl_s)
            except Exception as exc:  # noqa: BLE001 - a lost batch of metrics must not break serving
                log.warning("state store %s: dropped %d window samples and %d list items (%s)", self.url,
                            len(samples), sum(map(len, lists.values())), type(exc).__name__)

    # -- reads see this process's own writes ------------------------------------------------------------------
    async def window_read(self, keys: Sequence[str], now: float) -> list[WindowStats]:
        if self._samples:
            await self.flush()
        return await self.inner.window_read(keys, now)

    async def list_range(self, key: str, count: int) -> list[str]:
        if self._lists:
            await self.flush()
        return await self.inner.list_range(key, count)

    # -- straight through -------------------------------------------------------------------------------------
    async def get(self, key: str) -> str | None:
        return await self.inner.get(key)

    async def get_many(self, keys: Sequence[str]) -> list[str | None]:
        return await self.inner.get_many(keys)

    async def set(self, key: str, value: str, ttl_s: float | None = None) -> None:
        await self.inner.set(key, value, ttl_s)

    async def delete(self, key: str) -> None:
        await self.flush()
        await self.inner.delete(key)

    async def incr(self, key: str, amount: int = 1, ttl_s: float | None = None) -> int:
        return await self.inner.incr(key, amount, ttl_s)

    async def compare_and_set(self, key: str, expected: str | None, new: str | None, ttl_s: float | None = None) -> bool:
        return await self.inner.compare_and_set(key, expected, new, ttl_s)

    async def ping(self) -> None:
        await self.inner.ping()

    async def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        await self.flush()
        await self.inner.close()
