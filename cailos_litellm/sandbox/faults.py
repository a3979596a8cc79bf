"""Fault injection: rules set through the control API decide, per request, on errors, 429s, delays and hangs.

Draws are deterministic per seed: each rule's n-th match and each (model, lane)'s n-th request get a fixed number,
so the same traffic against the same seed fails the same way.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Mapping

from cailos_litellm.sandbox._draw import uniform

__all__ = ["FaultBook", "FaultDecision", "FaultRule", "FaultSpecError", "parse_fault"]

_FIELDS = frozenset(
    {"model", "lane", "error_rate", "error_status", "rate_limit", "retry_after_s", "added_latency_ms", "ttft_ms",
     "blackhole", "count"}
)


class FaultSpecError(ValueError):
    """A fault rule from the control API is malformed; the message names the field."""


@dataclass(slots=True)
class FaultRule:
    id: int
    model: str = "*"
    lane: str = "*"
    error_rate: float = 0.0
    error_status: int = 500
    rate_limit: bool = False
    retry_after_s: float = 1.0
    added_latency_ms: float = 0.0
    ttft_ms: float | None = None
    hang: bool = False
    remaining: int | None = None  # None: until cleared
    matched: int = 0

    def matches(self, model: str, lane: str) -> bool:
        return (self.model == "*" or self.model == model) and (self.lane == "*" or self.lane == lane)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "model": self.model, "lane": self.lane, "error_rate": self.error_rate,
            "error_status": self.error_status, "rate_limit": self.rate_limit, "retry_after_s": self.retry_after_s,
            "added_latency_ms": self.added_latency_ms, "ttft_ms": self.ttft_ms,
            "blackhole": "hang" if self.hang else None, "count": self.remaining, "matched": self.matched,
        }


@dataclass(frozen=True, slots=True)
class FaultDecision:
    """What happens to one request."""

    status: int | None = None  # an error status to answer with, None: answer normally
    retry_after_s: float | None = None
    added_latency_ms: float = 0.0
    ttft_ms: float | None = None  # overrides the profile's time to first token
    hang: bool = False
    injected: bool = False  # the error came from a rule, not the profile's base error rate


_NONE = FaultDecision()


def _num(raw: Mapping[str, Any], key: str, default: float, lo: float, hi: float | None = None) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < lo or (hi is not None and value > hi):
        bound = f"{lo}..{hi}" if hi is not None else f">= {lo}"
        raise FaultSpecError(f"field {key!r} must be a number {bound}")
    return float(value)


def parse_fault(raw: Any, rule_id: int, lanes: tuple[str, ...]) -> FaultRule:
    """Validate a control-API fault body into a rule."""
    if not isinstance(raw, Mapping):
        raise FaultSpecError("body must be a JSON object")
    unknown = set(raw) - _FIELDS
    if unknown:
        raise FaultSpecError(f"unknown fields {sorted(unknown)}; valid: {sorted(_FIELDS)}")
    model = raw.get("model", "*")
    if not isinstance(model, str) or not model:
        raise FaultSpecError("field 'model' must be a model name or '*'")
    lane = raw.get("lane", "*")
    if lane != "*" and lane not in lanes:
        raise FaultSpecError(f"field 'lane' must be '*' or one of {list(lanes)}")
    rate_limit = raw.get("rate_limit", False)
    if not isinstance(rate_limit, bool):
        raise FaultSpecError("field 'rate_limit' must be true or false")
    status = raw.get("error_status", 500)
    if isinstance(status, bool) or not isinstance(status, int) or not 400 <= status <= 599:
        raise FaultSpecError("field 'error_status' must be an HTTP status 400..599")
    # Naming a status or asking for 429s means "fail every matching request" unless a rate says otherwise.
    default_rate = 1.0 if (rate_limit or "error_status" in raw) else 0.0
    blackhole = raw.get("blackhole")
    if blackhole not in (None, "hang"):
        raise FaultSpecError("field 'blackhole' must be 'hang' or null")
    count = raw.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise FaultSpecError("field 'count' must be a positive integer or null")
    ttft = raw.get("ttft_ms")
    return FaultRule(
        id=rule_id,
        model=model,
        lane=lane,
        error_rate=_num(raw, "error_rate", default_rate, 0.0, 1.0),
        error_status=429 if rate_limit else status,
        rate_limit=rate_limit,
        retry_after_s=_num(raw, "retry_after_s", 1.0, 0.0),
        added_latency_ms=_num(raw, "added_latency_ms", 0.0, 0.0),
        ttft_ms=None if ttft is None else _num(raw, "ttft_ms", 0.0, 0.0),
        hang=blackhole == "hang",
        remaining=count,
    )


class FaultBook:
    """The active rules plus the profile's base error rate; one per sandbox process."""

    def __init__(self, *, seed: int, lanes: tuple[str, ...]) -> None:
        self._seed = seed
        self._lanes = lanes
        self._rules: list[FaultRule] = []
        self._next_id = 1
        self._base_seen: dict[tuple[str, str], int] = {}
        self._release = asyncio.Event()

    @property
    def rules(self) -> list[FaultRule]:
        return list(self._rules)

    def add(self, raw: Any) -> FaultRule:
        rule = parse_fault(raw, self._next_id, self._lanes)
        self._next_id += 1
        self._rules.append(rule)
        return rule

    def clear(self) -> None:
        """Drop every rule and let hung requests go."""
        self._rules.clear()
        self._release.set()
        self._release = asyncio.Event()

    def reset(self) -> None:
        self.clear()
        self._base_seen.clear()
        self._next_id = 1

    def hang_until_cleared(self) -> asyncio.Event:
        return self._release

    def decide(self, model: str, lane: str, base_error_rate: float) -> FaultDecision:
        decision = _NONE
        if self._rules:
            decision = self._apply_rules(model, lane)
        if decision.status is None and base_error_rate > 0:
            key = (model, lane)
            n = self._base_seen.get(key, 0) + 1
            self._base_seen[key] = n
            if uniform(self._seed, "base", model, lane, n) < base_error_rate:
                return FaultDecision(
                    status=500, added_latency_ms=decision.added_latency_ms, ttft_ms=decision.ttft_ms,
                    hang=decision.hang,
                )
        return decision

    def _apply_rules(self, model: str, lane: str) -> FaultDecision:
        status: int | None = None
        retry_after: float | None = None
        latency = 0.0
        ttft: float | None = None
        hang = False
        spent: list[FaultRule] = []
        for rule in self._rules:
            if not rule.matches(model, lane):
                continue
            rule.matched += 1
            if rule.remaining is not None:
                rule.remaining -= 1
                if rule.remaining <= 0:
                    spent.append(rule)
            latency += rule.added_latency_ms
            ttft = rule.ttft_ms if rule.ttft_ms is not None else ttft
            hang = hang or rule.hang
            if status is None and rule.error_rate > 0 and uniform(self._seed, "fault", rule.id, rule.matched) < rule.error_rate:
                status = rule.error_status
                retry_after = rule.retry_after_s if status == 429 else None
        for rule in spent:
            self._rules.remove(rule)
        if status is None and not latency and ttft is None and not hang:
            return _NONE
        return FaultDecision(status=status, retry_after_s=retry_after, added_latency_ms=latency, ttft_ms=ttft,
                             hang=hang, injected=status is not None)
