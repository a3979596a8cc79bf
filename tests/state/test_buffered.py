"""Write-behind: windows and lists land in one batch per interval; reads see this process's own writes."""

from __future__ import annotations

import asyncio
import logging
import time

from cailos_litellm.state import BufferedStore, MemoryStore, WindowSample


def sample(ok: bool = True) -> WindowSample:
    return WindowSample("cailos:t:w", time.time(), ok, 10.0 if ok else None)


def test_writes_land_together_after_the_interval():
    async def main():
        inner = MemoryStore()
        store = BufferedStore(inner, interval_s=0.05)
        for _ in range(30):
            await store.window_add([sample()])
            await store.list_push("cailos:t:l", ["x"], max_len=10)
        assert (await inner.window_read(["cailos:t:w"], time.time()))[0].samples == 0  # nothing yet
        assert await inner.list_range("cailos:t:l", 5) == []
        await asyncio.sleep(0.1)
        assert (await inner.window_read(["cailos:t:w"], time.time()))[0].samples == 30
        assert len(await inner.list_range("cailos:t:l", 50)) == 10  # the bound still holds

    asyncio.run(main())


def test_reads_flush_first_and_close_flushes():
    async def main():
        inner = MemoryStore()
        store = BufferedStore(inner, interval_s=60)
        await store.window_add([sample(), sample(False)])
        [stats] = await store.window_read(["cailos:t:w"], time.time())
        assert stats.samples == 2 and stats.successes == 1
        await store.list_push("cailos:t:l", ["a", "b"], max_len=5)
        assert await store.list_range("cailos:t:l", 5) == ["b", "a"]
        await store.list_push("cailos:t:l", ["c"], max_len=5)
        await store.close()
        assert await inner.list_range("cailos:t:l", 5) == ["c", "b", "a"]

    asyncio.run(main())


def test_a_full_buffer_flushes_at_once():
    async def main():
        inner = MemoryStore()
        store = BufferedStore(inner, interval_s=60, max_pending=10)
        await store.window_add([sample()] * 9)
        await asyncio.sleep(0.01)
        assert (await inner.window_read(["cailos:t:w"], time.time()))[0].samples == 0
        await store.window_add([sample()])  # reaches max_pending: flushed without waiting for the timer
        await asyncio.sleep(0.01)
        assert (await inner.window_read(["cailos:t:w"], time.time()))[0].samples == 10

    asyncio.run(main())


class Broken(MemoryStore):
    async def window_add(self, samples):
        raise ConnectionError("store gone")


def test_a_failed_flush_is_logged_without_values_and_serving_goes_on(caplog):
    async def main():
        store = BufferedStore(Broken(), interval_s=60)
        await store.window_add([sample()])
        await store.list_push("cailos:t:l", ['{"id":"secret-ish"}'], max_len=5)
        with caplog.at_level(logging.WARNING):
            await store.flush()
        await store.window_add([sample()])  # still accepts writes

    asyncio.run(main())
    [record] = [r for r in caplog.records if "dropped" in r.getMessage()]
    assert "1 window samples" in record.getMessage() and "ConnectionError" in record.getMessage()
    assert "secret-ish" not in caplog.text
