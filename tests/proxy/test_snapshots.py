"""The per-process snapshot cache: reuse within the TTL, re-read after, one read for concurrent misses."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from cailos_litellm.config import load_bundle_config
from cailos_litellm.health import Health
from cailos_litellm.proxy.facts import litellm_facts
from cailos_litellm.proxy.snapshots import SnapshotCache
from cailos_litellm.state.memory import MemoryStore

REGISTRY = load_bundle_config(Path(__file__).resolve().parents[2] / "proxy_config.yaml", litellm_facts, {}).registry


class CountingHealth(Health):
    """The real Health on a real MemoryStore, counting snapshot reads (and slow enough to overlap)."""

    reads = 0

    async def snapshot(self, registry, task=None):
        self.reads += 1
        await asyncio.sleep(0.01)
        return await super().snapshot(registry, task)


@pytest.mark.parametrize(
    "ttl, steps, reads",
    [
        (0.5, [0.0, 0.1, 0.49], 1),  # within the TTL: one read
        (0.5, [0.0, 0.5, 0.6, 1.2], 3),  # expired at 0.5 and again at 1.2
        (0.0, [0.0, 0.0, 0.0], 3),  # 0 turns the cache off
    ],
)
def test_reuse_within_ttl(ttl, steps, reads):
    now = [0.0]
    health = CountingHealth(MemoryStore())
    cache = SnapshotCache(health, REGISTRY, ttl, clock=lambda: now[0])

    async def run():
        for t in steps:
            now[0] = t
            await cache.get(None)

    asyncio.run(run())
    assert health.reads == reads


def test_tasks_are_cached_apart_and_concurrent_misses_share_one_read():
    health = CountingHealth(MemoryStore())
    cache = SnapshotCache(health, REGISTRY, 10.0)

    async def run():
        results = await asyncio.gather(*(cache.get(t) for t in ["chat", "chat", None, "chat", None]))
        return results

    results = asyncio.run(run())
    assert health.reads == 2
    assert results[0] is results[1] is results[3] and results[2] is results[4]


def test_a_breaker_opened_meanwhile_shows_after_the_ttl():
    now = [0.0]
    store = MemoryStore()
    health = Health(store)
    cache = SnapshotCache(health, REGISTRY, 0.5, clock=lambda: now[0])

    async def run():
        before = await cache.get(None)
        for _ in range(3):
            await health.record_outcome("gpt-4o@openai", "gpt-4o", False, None, "error")
        cached = await cache.get(None)
        now[0] = 0.6
        return before, cached, await cache.get(None)

    before, cached, fresh = asyncio.run(run())
    assert not before.blocked("gpt-4o@openai") and not cached.blocked("gpt-4o@openai")
    assert fresh.blocked("gpt-4o@openai")
