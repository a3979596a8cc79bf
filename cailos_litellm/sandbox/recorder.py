"""Request recordings and per-model, per-lane counters, read through the control API.

Bodies are recorded on purpose: tests use them to prove that no PII reached a provider. Keys are not: only a
short fingerprint of each key is kept.
"""

from __future__ import annotations

import hashlib
from collections import deque
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Recorder", "Recording", "key_fingerprint"]


def key_fingerprint(key: str | None) -> str | None:
    if not key:
        return None
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()[:12]


@dataclass(slots=True)
class Recording:
    """One received request; `status`, `outcome` and `responded_at` are filled when the answer is sent."""

    id: int
    model: str
    lane: str
    api: str  # "openai" | "anthropic"
    key_fingerprint: str | None
    stream: bool
    body: Any
    received_at: float
    responded_at: float | None = None
    status: int | None = None
    outcome: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "model": self.model, "lane": self.lane, "api": self.api,
            "key_fingerprint": self.key_fingerprint, "stream": self.stream, "body": self.body,
            "received_at": self.received_at, "responded_at": self.responded_at, "status": self.status,
            "outcome": self.outcome, "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens, **self.extra,
        }


class Recorder:
    """A ring buffer of the last requests plus outcome counters by model and lane."""

    def __init__(self, capacity: int = 500) -> None:
        self._ring: deque[Recording] = deque(maxlen=capacity)
        self._next_id = 1
        # model -> lane -> outcome -> count
        self._stats: dict[str, dict[str, dict[str, int]]] = {}
        self._cost: dict[str, float] = {}

    def start(self, *, model: str, lane: str, api: str, key: str | None, stream: bool, body: Any,
              received_at: float) -> Recording:
        rec = Recording(self._next_id, model, lane, api, key_fingerprint(key), stream, body, received_at)
        self._next_id += 1
        self._ring.append(rec)
        return rec

    def finish(self, rec: Recording, *, status: int, outcome: str, responded_at: float, cost_usd: float = 0.0) -> None:
        rec.status, rec.outcome, rec.responded_at = status, outcome, responded_at
        lanes = self._stats.setdefault(rec.model, {})
        counts = lanes.setdefault(rec.lane, {})
        counts[outcome] = counts.get(outcome, 0) + 1
        if cost_usd:
            self._cost[rec.model] = self._cost.get(rec.model, 0.0) + cost_usd

    def stats(self) -> dict[str, Any]:
        totals: dict[str, int] = {}
        for lanes in self._stats.values():
            for counts in lanes.values():
                for outcome, n in counts.items():
                    totals[outcome] = totals.get(outcome, 0) + n
        return {
            "models": {m: {lane: dict(c) for lane, c in lanes.items()} for m, lanes in self._stats.items()},
            "cost_usd": dict(self._cost),
            "totals": totals,
        }

    def recent(self, *, model: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """The newest recordings last, optionally for one model."""
        rows = [r for r in self._ring if model is None or r.model == model]
        if limit is not None:
            rows = rows[-limit:] if limit > 0 else []
        return [r.to_json() for r in rows]

    def reset(self) -> None:
        self._ring.clear()
        self._stats.clear()
        self._cost.clear()
