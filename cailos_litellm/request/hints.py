"""Per-request hints: `metadata` fields or `x-cailos-*` headers (a header wins over metadata). Bad values are 400s."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from ..errors import BadRequestHint
from ..types import CAPABILITIES, STRATEGIES

__all__ = ["HINT_NAMES", "Hints", "read_hints"]

_FEATURE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")


@dataclass(frozen=True, slots=True)
class Hints:
    strategy: str | None = None
    trust_level: int | None = None
    feature: str | None = None
    max_cost_usd: float | None = None
    max_latency_ms: float | None = None
    required_capabilities: frozenset[str] = frozenset()
    cache: str | int | None = None  # "off" or a TTL in seconds


def _strategy(v: Any) -> str:
    if v not in STRATEGIES:
        raise ValueError(f"must be one of {', '.join(STRATEGIES)}")
    return str(v)


def _trust(v: Any) -> int:
    if isinstance(v, bool) or str(v).strip() not in {"0", "1", "2", "3"}:
        raise ValueError("must be an integer 0-3")
    return int(str(v).strip())


def _feature(v: Any) -> str:
    if not isinstance(v, str) or not _FEATURE.match(v):
        raise ValueError("must be 1-64 characters of letters, digits, '_', '.', ':' or '-'")
    return v


def _positive(v: Any) -> float:
    try:
        number = float(v)
    except ValueError:
        raise ValueError("must be a positive number") from None
    if isinstance(v, bool) or not math.isfinite(number) or number <= 0:
        raise ValueError("must be a positive number")
    return number


def _capabilities(v: Any) -> frozenset[str]:
    items = v.split(",") if isinstance(v, str) else v
    if not isinstance(items, (list, tuple)):
        raise ValueError("must be a list")
    caps = frozenset(str(i).strip() for i in items if str(i).strip())
    unknown = sorted(caps - set(CAPABILITIES))
    if unknown:
        raise ValueError(f"unknown capability {unknown[0]!r} (valid: {', '.join(CAPABILITIES)})")
    return caps


def _cache(v: Any) -> str | int:
    if v in ("off", "on"):
        return str(v)
    text = str(v).strip()
    if isinstance(v, bool) or not text.isdigit() or int(text) <= 0:
        raise ValueError("must be 'off', 'on' or a TTL in whole seconds")
    return int(text)


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "strategy": _strategy,
    "trust_level": _trust,
    "feature": _feature,
    "max_cost_usd": _positive,
    "max_latency_ms": _positive,
    "required_capabilities": _capabilities,
    "cache": _cache,
}
HINT_NAMES: tuple[str, ...] = tuple(_PARSERS)


def read_hints(metadata: Mapping[str, Any] | None, headers: Mapping[str, str] | None) -> Hints:
    values: dict[str, Any] = {}
    lowered = {k.lower(): v for k, v in (headers or {}).items()}
    for name, parse in _PARSERS.items():
        header = "x-cailos-" + name.replace("_", "-")
        source, raw = (header, lowered[header]) if header in lowered else ("metadata." + name, (metadata or {}).get(name))
        if raw is None:
            continue
        try:
            values[name] = parse(raw)
        except ValueError as exc:
            raise BadRequestHint(f"invalid {source}: {exc}") from None
        except TypeError:
            raise BadRequestHint(f"invalid {source}: has the wrong type") from None
    return Hints(**values)
