"""Keep serving when the shared store goes away mid-run.

FallbackStore forwards every operation to the primary (Redis) under a hard deadline. The first outage error
(a refused connection, or `timeouts_to_degrade` timeouts in a row: one slow answer on a busy machine is served
from memory but does not split the state) switches it to an in-process MemoryStore: one warning (then at most one every `warn_every_s`), no further calls to
the primary on the hot path, and a background task that pings the primary until it answers again. State written
during the outage stays local to this process; breakers re-learn from live traffic.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Sequence

from .base import StateStore
from .memory import MemoryStore
from .window import WindowSample, WindowStats

__all__ = ["FallbackStore"]

log = logging.getLogger(__name__)


class FallbackStore:
    def __init__(
        self,
        primary: StateStore,
        *,
        fallback: StateStore | None = None,
        outage_errors: tuple[type[BaseException], ...] = (OSError, TimeoutError),
        deadline_s: float = 0.15,
        retry_every_s: float = 1.0,
        warn_every_s: float = 300.0,
        timeouts_to_degrade: int = 3,
    ) -> None:
        self.primary = primary
        self.fallback = fallback or MemoryStore(url="memory:// (fallback)")
        self.url = primary.url
        self._outage_errors = outage_errors
        self._deadline_s = deadline_s
        self._retry_every_s = retry_every_s
        self._warn_every_s = warn_every_s
        self._timeouts_to_degrade = timeouts_to_degrade
        self._timeouts = 0
        self._last_warning = float("-inf")
        self._reconnect: asyncio.Task[None] | None = None
        self.degraded = False

    async def _call(self, name: str, *args: Any) -> Any:
        if not self.degraded:
            try:
                async with asyncio.timeout(self._deadline_s):
                    result = await getattr(self.primary, name)(*args)
                self._timeouts = 0
                return result
            except self._outage_errors as exc:
                timed_out = isinstance(exc, TimeoutError) or "Timeout" in type(exc).__name__
                self._timeouts = self._timeouts + 1 if timed_out else self._timeouts_to_degrade
                if self._timeouts >= self._timeouts_to_degrade:
                    self._degrade(exc)
        return await getattr(self.fallback, name)(*args)

    def _degrade(self, exc: BaseException) -> None:
        self.degraded = True
        now = time.monotonic()
        if now - self._last_warning >= self._warn_every_s:
            self._last_warning = now
            log.warning("state store %s unreachable (%s); serving from process memory and retrying in the "
                        "background", self.url, type(exc).__name__)
        if self._reconnect is None or self._reconnect.done():
            self._reconnect = asyncio.get_running_loop().create_task(self._retry_until_back())

    async def _retry_until_back(self) -> None:
        while self.degraded:
            await asyncio.sleep(self._retry_every_s)
            try:
                async with asyncio.timeout(self._deadline_s * 2):
                    await self.primary.ping()
            except self._outage_errors:
                continue
            self.degraded = False
            self._timeouts = 0
            log.warning("state store %s reachable again; shared state resumes", self.url)

    # -- the StateStore surface -------------------------------------------------------------------------------
    async def get(self, key: str) -> str | None:
        return await self._call("get", key)

    async def get_many(self, keys: Sequence[str]) -> list[str | None]:
        return await self._call("get_many", keys)

    async def set(self, key: str, value: str, ttl_s: float | None = None) -> None:
        await self._call("set", key, value, ttl_s)

    async def delete(self, key: str) -> None:
        await self._call("delete", key)

    async def incr(self, key: str, amount: int = 1, ttl_s: float | None = None) -> int:
        return await self._call("incr", key, amount, ttl_s)

    async def compare_and_set(self, key: str, expected: str | None, new: str | None, ttl_s: float | None = None) -> bool:
        return await self._call("compare_and_set", key, expected, new, ttl_s)

    async def window_add(self, samples: Sequence[WindowSample]) -> None:
        await self._call("window_add", samples)

    async def window_read(self, keys: Sequence[str], now: float) -> list[WindowStats]:
        return await self._call("window_read", keys, now)

    async def list_push(self, key: str, values: Sequence[str], max_len: int, ttl_s: float | None = None) -> None:
        await self._call("list_push", key, values, max_len, ttl_s)

    async def list_range(self, key: str, count: int) -> list[str]:
        return await self._call("list_range", key, count)

    async def ping(self) -> None:
        await self._call("ping")

    async def close(self) -> None:
        if self._reconnect is not None:
            self._reconnect.cancel()
        await self.primary.close()
        await self.fallback.close()
