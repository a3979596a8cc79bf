"""Recent routing decisions in the shared store, so `cailos explain <decision-id>` and feedback can find them.

One bounded list of the newest decisions (JSON, metadata only): one store write per request, and storage that
cannot grow past `keep` however busy the proxy is. Looking one up scans that list; it is rare (explain, feedback).
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
    def __init__(self, store: StateStore, *, ttl_s: float = 7 * 86_400, keep: int = 2000,
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.ttl_s = ttl_s
        self.keep = keep
        self.clock = clock

    async def record(self, decision: Decision) -> None:
        if not DECISION_ID.match(decision.id):
            raise ValueError("decision id must be 1-64 letters, digits, '_' or '-'")
        await self.store.list_push(key("decisions"), [decision_to_json(decision, self.clock())], self.keep, self.ttl_s)

    async def get(self, decision_id: str) -> tuple[Decision, float] | None:
        """(decision, when) or None if unknown, expired, or not a valid id."""
        if not DECISION_ID.match(decision_id):
            return None
        needle = f'"id":"{decision_id}"'
        for raw in await self.store.list_range(key("decisions"), self.keep):
            if needle in raw:
                return decision_from_json(raw)
        return None

    async def recent(self, count: int = 20) -> list[tuple[Decision, float]]:
        return [decision_from_json(raw) for raw in await self.store.list_range(key("decisions"), count)]
