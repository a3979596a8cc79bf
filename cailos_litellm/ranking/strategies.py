"""Strategy weights: how much each scorer counts under cost, speed, quality and balanced; and which strategy applies."""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from ..types import STRATEGIES, ModelSpec

__all__ = ["WEIGHTS", "choose_strategy"]

_W = {
    # quality keeps a real share under "cost": the cheapest endpoint wins only among those that pass the eval bar,
    # and a clearly better one may still beat a marginally cheaper one.
    "cost": {"quality": 0.20, "reliability": 0.15, "satisfaction": 0.05, "cost": 0.50, "latency": 0.10},
    "speed": {"quality": 0.20, "reliability": 0.15, "satisfaction": 0.05, "cost": 0.10, "latency": 0.50},
    "quality": {"quality": 0.60, "reliability": 0.15, "satisfaction": 0.10, "cost": 0.05, "latency": 0.10},
    "balanced": {"quality": 0.35, "reliability": 0.15, "satisfaction": 0.10, "cost": 0.25, "latency": 0.15},
}
WEIGHTS: Mapping[str, Mapping[str, float]] = MappingProxyType({k: MappingProxyType(v) for k, v in _W.items()})
assert set(WEIGHTS) == set(STRATEGIES)


def choose_strategy(
    spec: ModelSpec,
    *,
    default: str,
    hint: str | None = None,
    classifier: str | None = None,
    team_default: str | None = None,
) -> str:
    """The model string's strategy, else the request hint, else (for `auto`) the classifier's, else the team's
    default, else the bundle default (`Settings.default_strategy`)."""
    for candidate in (spec.strategy, hint, classifier if spec.kind == "auto" else None, team_default, default):
        if candidate in WEIGHTS:
            return candidate
    return "balanced"
