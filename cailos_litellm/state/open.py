"""Pick a state backend from its URL: `redis://…`, `sqlite:///path`, `memory://`."""

from __future__ import annotations

import asyncio

from ..errors import StateStoreError
from .base import StateStore
from .memory import MemoryStore
from .sqlite import SQLiteStore

__all__ = ["open_store", "open_store_sync"]


async def open_store(url: str, *, fallback: bool = True, timeout_s: float = 0.08) -> StateStore:
    """Open and check the store once, at start-up.

    Redis must answer now (StateStoreError otherwise, naming the URL without its password); later outages are
    absorbed by a FallbackStore unless `fallback=False`.
    """
    if url.startswith("memory://"):
        return MemoryStore()
    if url.startswith("sqlite:///"):
        return await SQLiteStore(_sqlite_path(url)).open()
    if url.startswith(("redis://", "rediss://", "unix://")):
        from .redis import OUTAGE_ERRORS, RedisStore

        store = RedisStore(url, timeout_s=timeout_s)
        try:
            async with asyncio.timeout(max(1.0, timeout_s * 10)):
                await store.ping()
        except OUTAGE_ERRORS as exc:
            await store.close()
            raise StateStoreError(
                f"cannot reach the state store {store.url} ({type(exc).__name__}); start Redis, fix CAILOS_STATE_URL, "
                "or use sqlite:///path for one machine"
            ) from None
        except Exception as exc:  # e.g. AuthenticationError: still a start-up problem, named without secrets
            await store.close()
            raise StateStoreError(f"the state store {store.url} refused the connection ({type(exc).__name__})") from None
        return _wrap(store, fallback, timeout_s)
    raise StateStoreError("unknown state URL scheme: use redis://host:port/db, sqlite:///path or memory://")


def _sqlite_path(url: str) -> str:
    path = url[len("sqlite:///"):]
    if not path:
        raise StateStoreError("sqlite state URL needs a path: sqlite:///relative/path or sqlite:////abs/path")
    return path


def _wrap(store: StateStore, fallback: bool, timeout_s: float) -> StateStore:
    from .fallback import FallbackStore
    from .redis import OUTAGE_ERRORS

    return FallbackStore(store, outage_errors=OUTAGE_ERRORS, deadline_s=max(0.15, 2 * timeout_s)) if fallback else store


def open_store_sync(url: str, *, fallback: bool = True, timeout_s: float = 0.08) -> StateStore:
    """Like `open_store`, for start-up code without a running event loop (LiteLLM builds callbacks synchronously).

    Reachability is checked now with a short-lived synchronous client; the returned store connects lazily on the
    event loop that first uses it (redis-py asyncio connections belong to one loop).
    """
    if url.startswith("memory://"):
        return MemoryStore()
    if url.startswith("sqlite:///"):
        return SQLiteStore(_sqlite_path(url)).open_sync()
    if url.startswith(("redis://", "rediss://", "unix://")):
        import redis

        from .redis import RedisStore, redact_url

        probe = redis.Redis.from_url(url, socket_timeout=max(0.5, timeout_s), socket_connect_timeout=max(0.5, timeout_s))
        try:
            probe.ping()
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as exc:
            raise StateStoreError(
                f"cannot reach the state store {redact_url(url)} ({type(exc).__name__}); start Redis, fix "
                "CAILOS_STATE_URL, or use sqlite:///path for one machine"
            ) from None
        except Exception as exc:
            raise StateStoreError(f"the state store {redact_url(url)} refused the connection ({type(exc).__name__})") from None
        finally:
            probe.close()
        return _wrap(RedisStore(url, timeout_s=timeout_s), fallback, timeout_s)
    raise StateStoreError("unknown state URL scheme: use redis://host:port/db, sqlite:///path or memory://")
