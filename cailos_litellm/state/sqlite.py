"""Embedded state store: one local SQLite file, the default for a single machine.

Several processes (proxy workers, `cailos` commands) may open the same file: WAL journal, a busy timeout, and
`BEGIN IMMEDIATE` around every read-modify-write so counters and compare-and-set stay atomic across processes.
All SQL runs on one worker thread per store, so the event loop only ever waits on a future.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Sequence, TypeVar

from ..errors import StateStoreError
from .window import (BUCKET_S, HORIZON_S, WindowSample, WindowStats, bucket_counts, bucket_of, cutoff_bucket,
                     stats_from_counts)

__all__ = ["SQLiteStore"]

T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires REAL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS win (key TEXT NOT NULL, bucket INTEGER NOT NULL, field TEXT NOT NULL,
                                n INTEGER NOT NULL, PRIMARY KEY (key, bucket, field)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lists (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, value TEXT NOT NULL,
                                  expires REAL);
CREATE INDEX IF NOT EXISTS lists_key ON lists (key, seq);
"""
_PURGE_EVERY_S = 60.0
_LIVE = "(expires IS NULL OR expires > ?)"


class SQLiteStore:
    def __init__(self, path: str | Path, *, busy_timeout_ms: int = 2000) -> None:
        self.path = Path(path)
        self.url = f"sqlite:///{path}"
        self._busy_timeout_ms = busy_timeout_ms
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cailos-sqlite")
        self._conn: sqlite3.Connection | None = None
        self._next_purge = 0.0

    # -- plumbing ---------------------------------------------------------------------------------------------
    async def open(self) -> SQLiteStore:
        try:
            await self._run(self._connect)
        except (OSError, sqlite3.Error) as exc:
            raise StateStoreError(f"cannot open the state store {self.url}: {exc}") from None
        return self

    def open_sync(self) -> SQLiteStore:
        """`open` for callers without a running event loop (proxy start-up builds its handler synchronously)."""
        try:
            self._executor.submit(self._connect).result()
        except (OSError, sqlite3.Error) as exc:
            raise StateStoreError(f"cannot open the state store {self.url}: {exc}") from None
        return self

    def _connect(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                   timeout=self._busy_timeout_ms / 1000)
            conn.execute(f"PRAGMA busy_timeout={self._busy_timeout_ms}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across crashes of the process
            with _immediate(conn):
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    conn.execute(statement)
            self._conn = conn
        return self._conn

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, fn, *args)

    async def _tx(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(conn, now, *args)` inside one write transaction on the worker thread."""

        def work() -> T:
            conn = self._connect()
            now = time.time()
            with _immediate(conn):
                result = fn(conn, now, *args)
                if now >= self._next_purge:
                    self._purge(conn, now)
            return result

        return await self._run(work)

    async def _read(self, fn: Callable[..., T], *args: Any) -> T:
        return await self._run(lambda: fn(self._connect(), time.time(), *args))

    def _purge(self, conn: sqlite3.Connection, now: float) -> None:
        self._next_purge = now + _PURGE_EVERY_S
        conn.execute("DELETE FROM kv WHERE expires IS NOT NULL AND expires <= ?", (now,))
        conn.execute("DELETE FROM lists WHERE expires IS NOT NULL AND expires <= ?", (now,))
        conn.execute("DELETE FROM win WHERE bucket < ?", (bucket_of(now) - HORIZON_S // BUCKET_S - 1,))

    # -- plain values -----------------------------------------------------------------------------------------
    async def get(self, key: str) -> str | None:
        return (await self.get_many([key]))[0]

    async def get_many(self, keys: Sequence[str]) -> list[str | None]:
        def read(conn: sqlite3.Connection, now: float) -> list[str | None]:
            marks = ",".join("?" * len(keys))
            rows = dict(conn.execute(f"SELECT key, value FROM kv WHERE key IN ({marks}) AND {_LIVE}", (*keys, now)))
            return [rows.get(k) for k in keys]

        return await self._read(read) if keys else []

    async def set(self, key: str, value: str, ttl_s: float | None = None) -> None:
        await self._tx(lambda c, now: _put(c, key, value, now, ttl_s))

    async def delete(self, key: str) -> None:
        def work(conn: sqlite3.Connection, now: float) -> None:
            for table in ("kv", "win", "lists"):
                conn.execute(f"DELETE FROM {table} WHERE key = ?", (key,))

        await self._tx(work)

    async def incr(self, key: str, amount: int = 1, ttl_s: float | None = None) -> int:
        def work(conn: sqlite3.Connection, now: float) -> int:
            row = conn.execute(f"SELECT value, expires FROM kv WHERE key = ? AND {_LIVE}", (key, now)).fetchone()
            if row is None:
                value, expires = amount, (now + ttl_s if ttl_s is not None else None)
            else:
                value = int(row[0]) + amount
                expires = row[1] if row[1] is not None or ttl_s is None else now + ttl_s
            conn.execute("INSERT OR REPLACE INTO kv (key, value, expires) VALUES (?, ?, ?)", (key, str(value), expires))
            return value

        return await self._tx(work)

    async def compare_and_set(self, key: str, expected: str | None, new: str | None, ttl_s: float | None = None) -> bool:
        def work(conn: sqlite3.Connection, now: float) -> bool:
            row = conn.execute(f"SELECT value FROM kv WHERE key = ? AND {_LIVE}", (key, now)).fetchone()
            if (row[0] if row else None) != expected:
                return False
            if new is None:
                conn.execute("DELETE FROM kv WHERE key = ?", (key,))
            else:
                _put(conn, key, new, now, ttl_s)
            return True

        return await self._tx(work)

    # -- windows ----------------------------------------------------------------------------------------------
    async def window_add(self, samples: Sequence[WindowSample]) -> None:
        rows = [(key, bucket, name, n) for (key, bucket), fields in bucket_counts(samples).items()
                for name, n in fields.items()]

        def work(conn: sqlite3.Connection, _: float) -> None:
            conn.executemany(
                "INSERT INTO win (key, bucket, field, n) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (key, bucket, field) DO UPDATE SET n = n + excluded.n",
                rows,
            )

        if rows:
            await self._tx(work)

    async def window_read(self, keys: Sequence[str], now: float) -> list[WindowStats]:
        def read(conn: sqlite3.Connection, _: float) -> list[WindowStats]:
            marks = ",".join("?" * len(keys))
            merged: dict[str, list[tuple[str, int]]] = {k: [] for k in keys}
            for k, field, count in conn.execute(
                f"SELECT key, field, SUM(n) FROM win WHERE key IN ({marks}) AND bucket BETWEEN ? AND ? "
                "GROUP BY key, field",
                (*keys, cutoff_bucket(now), bucket_of(now)),
            ):
                merged[k].append((field, count))
            return [stats_from_counts(merged[k]) for k in keys]

        return await self._read(read) if keys else []

    # -- bounded lists ----------------------------------------------------------------------------------------
    async def list_push(self, key: str, values: Sequence[str], max_len: int, ttl_s: float | None = None) -> None:
        def work(conn: sqlite3.Connection, now: float) -> None:
            expires = now + ttl_s if ttl_s is not None else None
            conn.executemany("INSERT INTO lists (key, value, expires) VALUES (?, ?, ?)",
                             [(key, value, expires) for value in values])
            conn.execute(
                "DELETE FROM lists WHERE key = ? AND seq <= "
                "(SELECT seq FROM lists WHERE key = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)",
                (key, key, max_len),
            )

        if values:
            await self._tx(work)

    async def list_range(self, key: str, count: int) -> list[str]:
        def read(conn: sqlite3.Connection, now: float) -> list[str]:
            rows = conn.execute(
                f"SELECT value FROM lists WHERE key = ? AND {_LIVE} ORDER BY seq DESC LIMIT ?", (key, now, count)
            )
            return [r[0] for r in rows]

        return await self._read(read)

    async def ping(self) -> None:
        await self._read(lambda conn, now: conn.execute("SELECT 1").fetchone())

    async def close(self) -> None:
        def shut() -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

        await self._run(shut)
        self._executor.shutdown(wait=False)


def _put(conn: sqlite3.Connection, key: str, value: str, now: float, ttl_s: float | None) -> None:
    expires = now + ttl_s if ttl_s is not None else None
    conn.execute("INSERT OR REPLACE INTO kv (key, value, expires) VALUES (?, ?, ?)", (key, value, expires))


class _immediate:
    """`BEGIN IMMEDIATE … COMMIT`: take the write lock up front so two processes never deadlock on an upgrade."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
