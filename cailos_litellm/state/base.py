"""The state store interface every stage that shares state across proxy instances talks to.

Values are short strings (ids, numbers, compact JSON of metadata). The operations are the minimum the bundle needs:
plain get/set with TTL, an atomic counter, compare-and-set (breaker transitions), a rolling window of outcomes and a
bounded list (recent decisions). Each backend makes its operations atomic in its own way (Lua, SQL transactions,
the event loop).
"""

from __future__ import annotations

from typing import Protocol, Sequence, runtime_checkable

from .window import WindowSample, WindowStats

__all__ = ["StateStore"]


@runtime_checkable
class StateStore(Protocol):
    url: str  # for messages: the location without any password

    async def get(self, key: str) -> str | None: ...

    async def get_many(self, keys: Sequence[str]) -> list[str | None]: ...

    async def set(self, key: str, value: str, ttl_s: float | None = None) -> None: ...

    async def delete(self, key: str) -> None: ...

    async def incr(self, key: str, amount: int = 1, ttl_s: float | None = None) -> int:
        """Add `amount` atomically and return the new value; `ttl_s` is applied when the key has none yet."""
        ...

    async def compare_and_set(self, key: str, expected: str | None, new: str | None, ttl_s: float | None = None) -> bool:
        """Replace the value only if it still is `expected` (None: absent). `new` None deletes. True if replaced."""
        ...

    async def window_add(self, samples: Sequence[WindowSample]) -> None:
        """Count outcomes in their rolling 5-minute windows (one write for the whole batch)."""
        ...

    async def window_read(self, keys: Sequence[str], now: float) -> list[WindowStats]:
        """Stats of each window over the 5 minutes before `now`, in the order of `keys`."""
        ...

    async def list_push(self, key: str, values: Sequence[str], max_len: int, ttl_s: float | None = None) -> None:
        """Add `values` (oldest first) to a list that keeps only its newest `max_len` items."""
        ...

    async def list_range(self, key: str, count: int) -> list[str]:
        """The newest `count` items, newest first."""
        ...

    async def ping(self) -> None: ...

    async def close(self) -> None: ...
