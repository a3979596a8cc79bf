"""Every backend honours the same StateStore contract (memory, SQLite, Redis, Redis behind FallbackStore, and the
write-behind BufferedStore in front of SQLite and Redis)."""

from __future__ import annotations

import asyncio
import time

import pytest

from cailos_litellm.state import BufferedStore, FallbackStore, MemoryStore, WindowSample, open_store
from cailos_litellm.state.window import BUCKET_S, HORIZON_S

BACKENDS = ["memory", "sqlite", "redis", "redis-fallback", "buffered-sqlite", "buffered-redis"]
BUFFERED = "buffered+"  # prefix: run_with puts a BufferedStore in front
BARE = "bare+"  # prefix: no FallbackStore, so a Redis error or timeout fails the test instead of hiding in memory


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    kind = request.param.removeprefix("buffered-")
    if kind == "memory":
        url = "memory://"
    elif kind == "sqlite":
        url = f"sqlite:///{tmp_path}/state.sqlite3"
    else:
        url = request.getfixturevalue("redis_url")
    if request.param == "redis":
        return BARE + url
    return BUFFERED + url if request.param.startswith("buffered-") else url


def run_with(url: str, body, *, fallback: bool = True):
    async def main():
        buffered = url.startswith(BUFFERED)
        target = url.removeprefix(BARE).removeprefix(BUFFERED)
        # the contract, not a deadline: a stall of this shared VM must not switch a Redis test to the fallback memory
        store = await open_store(target, fallback=fallback and not url.startswith(BARE), timeout_s=5.0)
        if buffered:
            store = BufferedStore(store)
        try:
            return await body(store)
        finally:
            await store.close()

    return asyncio.run(main())


def test_redis_and_redis_fallback_are_different_stacks(redis_url):
    async def kind(s):
        return type(s).__name__

    assert run_with(BARE + redis_url, kind) != FallbackStore.__name__
    assert run_with(redis_url, kind) == FallbackStore.__name__


def test_get_set_delete_and_ttl(store_url):
    async def body(s):
        assert await s.get("cailos:t:a") is None
        await s.set("cailos:t:a", "1")
        await s.set("cailos:t:b", "2", ttl_s=0.05)
        assert await s.get_many(["cailos:t:a", "cailos:t:b", "cailos:t:c"]) == ["1", "2", None]
        await asyncio.sleep(0.12)
        assert await s.get("cailos:t:b") is None
        await s.delete("cailos:t:a")
        assert await s.get("cailos:t:a") is None

    run_with(store_url, body)


def test_incr_is_atomic_and_sets_ttl_once(store_url):
    async def body(s):
        results = await asyncio.gather(*(s.incr("cailos:t:n", 1, ttl_s=5) for _ in range(50)))
        assert sorted(results) == list(range(1, 51))
        assert await s.incr("cailos:t:n", 10) == 60
        assert await s.incr("cailos:t:short", 1, ttl_s=0.05) == 1
        await asyncio.sleep(0.12)
        assert await s.incr("cailos:t:short", 1, ttl_s=0.05) == 1  # expired: starts again

    run_with(store_url, body)


@pytest.mark.parametrize(
    "initial, expected, new, swapped, final",
    [
        (None, None, "a", True, "a"),
        ("a", None, "b", False, "a"),
        ("a", "a", "b", True, "b"),
        ("a", "x", "b", False, "a"),
        ("a", "a", None, True, None),
        (None, "a", "b", False, None),
    ],
)
def test_compare_and_set(store_url, initial, expected, new, swapped, final):
    async def body(s):
        if initial is not None:
            await s.set("cailos:t:cas", initial)
        assert await s.compare_and_set("cailos:t:cas", expected, new, ttl_s=10) is swapped
        assert await s.get("cailos:t:cas") == final

    run_with(store_url, body)


def test_compare_and_set_has_one_winner(store_url):
    async def body(s):
        wins = await asyncio.gather(*(s.compare_and_set("cailos:t:race", None, f"w{i}") for i in range(20)))
        assert sum(wins) == 1

    run_with(store_url, body)


def test_window_counts_the_last_five_minutes(store_url):
    async def body(s):
        now = time.time()
        old = now - HORIZON_S - 2 * BUCKET_S
        await s.window_add([WindowSample("cailos:t:w", old, False, 5000)] * 5)  # outside the window when read
        for i in range(0, 100, 25):  # batches spanning several buckets, and another window in the same batch
            await s.window_add([WindowSample("cailos:t:w", now - j, j % 10 != 0, 100 + j * 10) for j in range(i, i + 25)]
                               + [WindowSample("cailos:t:w2", now, True, 50)])
        await s.window_add([WindowSample("cailos:t:w", now, False, None)])  # a failure without latency
        await s.window_add([])
        [stats, empty, other] = await s.window_read(["cailos:t:w", "cailos:t:none", "cailos:t:w2"], now)
        assert stats.samples == 101 and stats.successes == 90
        assert stats.success_rate == pytest.approx(90 / 101)
        assert stats.p95_ms == pytest.approx(1050, rel=0.08)  # true p95 of 100..1090
        assert empty.samples == 0 and empty.success_rate is None and empty.p95_ms is None
        assert other.samples == 4 and other.successes == 4

    run_with(store_url, body)


def test_bounded_list_keeps_newest(store_url):
    async def body(s):
        for i in range(10):
            await s.list_push("cailos:t:l", [f"d{i}"], max_len=5, ttl_s=60)
        await s.list_push("cailos:t:l", ["d10", "d11"], max_len=5, ttl_s=60)  # oldest first
        await s.list_push("cailos:t:l", [], max_len=5, ttl_s=60)
        assert await s.list_range("cailos:t:l", 3) == ["d11", "d10", "d9"]
        assert await s.list_range("cailos:t:l", 50) == ["d11", "d10", "d9", "d8", "d7"]
        assert await s.list_range("cailos:t:empty", 5) == []

    run_with(store_url, body)


def test_memory_store_clock_is_injectable():
    now = [100.0]
    store = MemoryStore(clock=lambda: now[0])

    async def body():
        await store.set("k", "v", ttl_s=10)
        now[0] = 109.9
        assert await store.get("k") == "v"
        now[0] = 110.0
        assert await store.get("k") is None

    asyncio.run(body())
