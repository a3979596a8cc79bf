"""Start-up errors, Redis lost and regained mid-run, and the SQLite file shared by several processes."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import time

import pytest

from cailos_litellm.errors import StateStoreError
from cailos_litellm.state import FallbackStore, WindowSample, open_store
from cailos_litellm.state.redis import redact_url
from tests._support.redis_server import free_port, start_on, throwaway_redis


@pytest.mark.parametrize(
    "url, shown",
    [
        ("redis://:s3cret@127.0.0.1:6379/0", "redis://***@127.0.0.1:6379/0"),
        ("redis://user:s3cret@host:1/2", "redis://user:***@host:1/2"),
        ("redis://127.0.0.1:6379/13", "redis://127.0.0.1:6379/13"),
    ],
)
def test_redact_url(url, shown):
    assert redact_url(url) == shown


def test_unreachable_redis_at_start_is_a_clear_error_without_password():
    url = f"redis://:hunter2@127.0.0.1:{free_port()}/0"
    started = time.monotonic()
    with pytest.raises(StateStoreError) as info:
        asyncio.run(open_store(url))
    assert "hunter2" not in info.value.message
    assert f"127.0.0.1:{url.rsplit(':', 1)[1].split('/')[0]}" in info.value.message
    assert info.value.status_code == 503
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("url", ["ftp://x", "sqlite:///"])
def test_bad_state_urls(url):
    with pytest.raises(StateStoreError):
        asyncio.run(open_store(url))


@pytest.mark.redis
def test_redis_lost_mid_run_degrades_to_memory_and_recovers(caplog):
    caplog.set_level(logging.WARNING, logger="cailos_litellm.state.fallback")
    with throwaway_redis() as (url, proc):
        port = int(url.rsplit(":", 1)[1].split("/")[0])

        async def main():
            store = await open_store(url)
            assert isinstance(store, FallbackStore)
            store._retry_every_s = 0.1
            await store.set("cailos:t:k", "shared")
            assert await store.get("cailos:t:k") == "shared"
            proc.kill()
            proc.wait(5)
            started = time.monotonic()
            for i in range(20):  # the first call pays at most one deadline, the rest go straight to memory
                assert await store.incr("cailos:t:n") == i + 1
            await store.window_add([WindowSample("cailos:t:w", time.time(), True, 12.0)])
            assert (await store.window_read(["cailos:t:w"], time.time()))[0].samples == 1
            assert time.monotonic() - started < 1.0
            assert store.degraded
            warnings = [r for r in caplog.records if "unreachable" in r.getMessage()]
            assert len(warnings) == 1 and "127.0.0.1" in warnings[0].getMessage()

            revived = await asyncio.to_thread(start_on, port)
            try:
                deadline = time.monotonic() + 5
                while store.degraded and time.monotonic() < deadline:
                    await asyncio.sleep(0.05)
                assert not store.degraded
                await store.set("cailos:t:back", "yes")
                assert await store.primary.get("cailos:t:back") == "yes"
            finally:
                revived.kill()
                revived.wait(5)
            await store.close()

        asyncio.run(main())


def _hammer(path: str, n: int) -> None:
    async def main():
        store = await open_store(f"sqlite:///{path}")
        for _ in range(n):
            await store.incr("cailos:t:count")
            # a read-modify-write through compare-and-set, retried on conflict
            while True:
                current = await store.get("cailos:t:cas")
                nxt = str(int(current or 0) + 1)
                if await store.compare_and_set("cailos:t:cas", current, nxt):
                    break
            await store.window_add([WindowSample("cailos:t:w", time.time(), True, 5.0)])
        await store.close()

    asyncio.run(main())


def test_sqlite_store_is_shared_by_processes(tmp_path):
    path = str(tmp_path / "shared.sqlite3")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_hammer, args=(path, 100)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0

    async def check():
        store = await open_store(f"sqlite:///{path}")
        assert await store.get_many(["cailos:t:count", "cailos:t:cas"]) == ["300", "300"]
        assert (await store.window_read(["cailos:t:w"], time.time()))[0].samples == 300
        await store.close()

    asyncio.run(check())


@pytest.mark.parametrize("kind", ["sqlite", "redis"])
def test_open_store_sync_checks_now_and_serves_later_on_the_proxy_loop(kind, tmp_path, request):
    from cailos_litellm.state import open_store_sync

    url = f"sqlite:///{tmp_path}/s.sqlite3" if kind == "sqlite" else request.getfixturevalue("redis_url")
    store = open_store_sync(url)  # no event loop running here

    async def use():
        await store.set("cailos:t:sync", "ok")
        assert await store.get("cailos:t:sync") == "ok"
        await store.close()

    asyncio.run(use())


def test_open_store_sync_refuses_unreachable_redis():
    from cailos_litellm.state import open_store_sync

    with pytest.raises(StateStoreError, match="cannot reach"):
        open_store_sync(f"redis://:pw@127.0.0.1:{free_port()}/0")


class _Slow:
    """A primary that times out on demand (stands in for a stalled Redis)."""

    url = "redis://stub"

    def __init__(self) -> None:
        self.stall = False
        self.value: str | None = "primary"

    async def get(self, key):
        if self.stall:
            raise TimeoutError
        return self.value

    async def ping(self):
        if self.stall:
            raise TimeoutError

    async def close(self):
        return None


def test_single_timeouts_are_absorbed_and_repeated_ones_degrade():
    async def main():
        slow = _Slow()
        store = FallbackStore(slow, retry_every_s=0.05, timeouts_to_degrade=3)
        slow.stall = True
        assert await store.get("cailos:t:k") is None  # served from memory, but not degraded yet
        assert not store.degraded
        slow.stall = False
        assert await store.get("cailos:t:k") == "primary"
        slow.stall = True
        for _ in range(3):
            await store.get("cailos:t:k")
        assert store.degraded
        slow.stall = False
        await asyncio.sleep(0.2)
        assert not store.degraded and await store.get("cailos:t:k") == "primary"
        await store.close()

    asyncio.run(main())
