from __future__ import annotations

import asyncio

import pytest

from cailos_litellm.decisions import DecisionLog
from cailos_litellm.state import open_store
from cailos_litellm.types import Decision, ModelSpec, StageTrace

SPEC = ModelSpec("gpt-4-legacy", "family", "gpt-4o", None, substituted_from="gpt-4-legacy")


def decision(i: int) -> Decision:
    return Decision(id=f"d{i:04d}", spec=SPEC, strategy="cost", chain=("gpt-4o", "gpt-5"), task="sql",
                    complexity=0.4, trace=(StageTrace("trust_floor", (("mini", "trust 1 < 2"),)),
                                           StageTrace("score", note="strategy cost")),
                    scores={"gpt-4o": 0.8, "gpt-5": 0.7}, components={"gpt-4o": {"cost": 1.0}, "gpt-5": {"cost": 0.5}})


@pytest.mark.parametrize("scheme", ["memory", "sqlite"])
def test_round_trip_recent_and_bounds(scheme, tmp_path):
    url = "memory://" if scheme == "memory" else f"sqlite:///{tmp_path}/s.sqlite3"

    async def main():
        store = await open_store(url)
        log = DecisionLog(store, keep=3, clock=lambda: 1234.5)
        for i in range(5):
            await log.record(decision(i))
        got, at = await log.get("d0004")
        assert got == decision(4) and at == 1234.5
        assert [d.id for d, _ in await log.recent(10)] == ["d0004", "d0003", "d0002"]
        assert await log.get("nope") is None
        assert await log.get("../../etc passwd") is None
        with pytest.raises(ValueError):
            await log.record(Decision(id="has space", spec=SPEC, strategy="cost", chain=("a",)))
        await store.close()

    asyncio.run(main())
