"""Recent routing decisions in the shared store, so `cailos explain <decision-id>` and feedback can find them.

One key per decision (with a TTL) plus a bounded list of the newest ids. Metadata only.
"""

from __future__ import annotations

import re
import time
from typing import Callable

from ..state import StateStore, key
from ..types import Decision
from .codec import decision_from_json, decision_to_json

__all__ = ["DECISION_ID", "DecisionLog"]

DECISION_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class DecisionLog:
    def __init__(self, store: StateStore, *, ttl_s: float = 7 * 86_400, keep: int = 1000,
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.ttl_s = ttl_s
        self.keep = keep
        self.clock = clock

    async def record(self, decision: Decision) -> None:
        if not DECISION_ID.match(decision.id):
            raise ValueError("decision id must be 1-64 letters, digits, '_' or '-'")
        await self.store.set(key("decision", decision.id), decision_to_json(decision, self.clock()), self.ttl_s)
        await self.store.list_push(key("decisions"), decision.id, self.keep, self.ttl_s)

    async def get(self, decision_id: str) -> tuple[Decision, float] | None:
        """(decision, when) or None if unknown, expired, or not a valid id."""
        if not DECISION_ID.match(decision_id):
            return None
        raw = await self.store.get(key("decision", decision_id))
        return decision_from_json(raw) if raw is not None else None

    async def recent(self, count: int = 20) -> list[tuple[Decision, float]]:
        ids = await self.store.list_range(key("decisions"), count)
        raws = await self.store.get_many([key("decision", i) for i in ids])
        return [decision_from_json(r) for r in raws if r is not None]
