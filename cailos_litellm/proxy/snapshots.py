"""The health snapshot the ranking reads, shared by a process's requests for a fraction of a second.

Reading it costs three store round trips per request, a visible share of the pre-call path under load. Ranking on a
snapshot up to `ttl_s` old is safe: the per-attempt guard re-reads breakers before every attempt, so a breaker that
opened meanwhile still gets zero attempts. Concurrent misses share one read (single flight).
"""

from __future__ import annotations

import asyncio
import time
from typing import Callable

from ..config.registry import Registry
from ..health import Health
from ..types import HealthSnapshot

__all__ = ["SnapshotCache"]


class SnapshotCache:
    def __init__(self, health: Health, registry: Registry, ttl_s: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.health = health
        self.registry = registry
        self.ttl_s = ttl_s
        self.clock = clock
        self._entries: dict[str | None, tuple[float, HealthSnapshot]] = {}  # task -> (read at, snapshot)
        self._inflight: dict[str | None, asyncio.Future[HealthSnapshot]] = {}

    async def get(self, task: str | None) -> HealthSnapshot:
        if self.ttl_s <= 0:
            return await self.health.snapshot(self.registry, task)
        entry = self._entries.get(task)
        if entry is not None and self.clock() - entry[0] < self.ttl_s:
            return entry[1]
        pending = self._inflight.get(task)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[HealthSnapshot] = asyncio.get_running_loop().create_future()
        self._inflight[task] = future
        try:
            started = self.clock()
            snapshot = await self.health.snapshot(self.registry, task)
            self._entries[task] = (started, snapshot)
            future.set_result(snapshot)
            return snapshot
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: waiters get it, nobody logs "never retrieved"
            raise
        finally:
            del self._inflight[task]

    def clear(self) -> None:
        self._entries.clear()
