"""Health over a real store: breaker lifecycle, windows and feedback in the snapshot, two instances on one Redis."""

from __future__ import annotations

import asyncio
import time

import pytest

from cailos_litellm.config import ModelFacts, build_registry
from cailos_litellm.health import BreakerPolicy, Health
from cailos_litellm.state import MemoryStore, open_store


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def dep(name, dep_id):
    return {"model_name": name, "litellm_params": {"model": f"openai/{name}"}, "model_info": {"id": dep_id}}


REGISTRY = build_registry([dep("a", "a@1"), dep("a", "a@2"), dep("b", "b@1")], lambda m: ModelFacts())


def test_breaker_lifecycle_closed_open_probe_closed_or_reopened():
    clock = Clock()
    health = Health(MemoryStore(), policy=BreakerPolicy(cooloff_s=30), clock=clock)

    async def main():
        for kind in ("error", "rate_limit"):
            await health.record_outcome("a@1", "a", False, None, kind)
        assert await health.allow_attempt("a@1")  # two failures: still closed
        await health.record_outcome("a@1", "a", False, None, "client_error")  # our fault: does not count
        assert (await health.verdicts(["a@1"]))["a@1"] == "closed"
        await health.record_outcome("a@1", "a", False, None, "timeout")
        assert (await health.verdicts(["a@1", "a@2"])) == {"a@1": "open", "a@2": "closed"}
        assert not await health.allow_attempt("a@1")  # open: zero attempts
        clock.now += 30
        assert (await health.verdicts(["a@1"]))["a@1"] == "probe_ready"
        assert await health.allow_attempt("a@1")  # the single probe
        assert not await health.allow_attempt("a@1")
        assert (await health.verdicts(["a@1"]))["a@1"] == "half_open"
        await health.record_outcome("a@1", "a", False, None, "error")  # probe fails: open again
        assert not await health.allow_attempt("a@1")
        clock.now += 30
        assert await health.allow_attempt("a@1")
        await health.record_outcome("a@1", "a", True, 120.0)  # probe succeeds: closed
        assert (await health.verdicts(["a@1"]))["a@1"] == "closed"
        assert await health.allow_attempt("a@1")

    asyncio.run(main())


def test_snapshot_carries_windows_breakers_and_feedback():
    clock = Clock()
    health = Health(MemoryStore(), clock=clock)

    async def main():
        for i in range(18):
            await health.record_outcome("a@1", "a", True, 200.0 + i)
        for _ in range(2):
            await health.record_outcome("a@2", "a", False, None, "error")
        for _ in range(3):
            await health.record_outcome("b@1", "b", False, None, "timeout")
        await health.record_feedback("a", "chat", True)
        await health.record_feedback("a", "chat", True)
        await health.record_feedback("a", "sql", False)
        snap = await health.snapshot(REGISTRY, task="chat")
        a, b = snap.endpoint("a"), snap.endpoint("b")
        assert (a.samples, a.success_rate) == (20, 0.9)
        assert a.p95_ms == pytest.approx(217, rel=0.08)
        assert a.satisfaction == pytest.approx(3 / 4)  # chat votes: 2 up, smoothed
        assert (b.samples, b.success_rate, b.p95_ms, b.satisfaction) == (3, 0.0, None, None)
        assert snap.breakers == {"b@1": "open"}
        assert snap.blocked("b@1") and not snap.blocked("a@1")
        assert (await health.snapshot(REGISTRY, task="translation")).endpoint("a").satisfaction == pytest.approx(0.6)
        clock.now += 301
        assert (await health.snapshot(REGISTRY)).endpoint("a").samples == 0  # the 5-minute window moved on

    asyncio.run(main())


def test_unknown_outcome_kind_is_refused():
    with pytest.raises(ValueError, match="unknown outcome kind"):
        asyncio.run(Health(MemoryStore()).record_outcome("a@1", "a", False, None, "boom"))


@pytest.mark.redis
def test_two_instances_share_breakers_through_redis(redis_url):
    policy = BreakerPolicy(cooloff_s=0.3)

    async def main():
        store_1, store_2 = await open_store(redis_url, timeout_s=0.5), await open_store(redis_url, timeout_s=0.5)
        one, two = Health(store_1, policy=policy), Health(store_2, policy=policy)
        try:
            for _ in range(3):
                await one.record_outcome("a@1", "a", False, None, "error")
            assert not await two.allow_attempt("a@1")  # instance two sees instance one's breaker
            assert (await two.snapshot(REGISTRY)).breakers == {"a@1": "open"}
            assert (await two.snapshot(REGISTRY)).endpoint("a").samples == 3
            await asyncio.sleep(0.35)
            claims = await asyncio.gather(*(h.allow_attempt("a@1") for h in (one, two, one, two, one, two)))
            assert sum(claims) == 1  # exactly one probe across both instances
            await two.record_outcome("a@1", "a", True, 50.0)
            assert await one.allow_attempt("a@1")
        finally:
            await store_1.close()
            await store_2.close()

    asyncio.run(main())


def test_sqlite_probe_claim_is_single_across_clients(tmp_path):
    policy = BreakerPolicy(cooloff_s=0.0)
    url = f"sqlite:///{tmp_path}/s.sqlite3"

    async def main():
        stores = [await open_store(url) for _ in range(3)]
        healths = [Health(s, policy=policy) for s in stores]
        for _ in range(3):
            await healths[0].record_outcome("b@1", "b", False, None, "error")
        started = time.monotonic()
        claims = await asyncio.gather(*(h.allow_attempt("b@1") for h in healths * 3))
        assert sum(claims) == 1 and time.monotonic() - started < 5
        for s in stores:
            await s.close()

    asyncio.run(main())
