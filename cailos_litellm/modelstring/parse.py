"""The model-string grammar: `auto`, `auto:<strategy>`, `<codename|endpoint>`, `<codename|endpoint>:<strategy>`.

Resolved against the registry into a ModelSpec; anything else is a ModelStringError (HTTP 400) listing what is valid.
"""

from __future__ import annotations

import re
from datetime import date

from ..config.registry import Registry
from ..errors import ModelStringError
from ..types import STRATEGIES, ModelSpec

__all__ = ["parse_model_string"]

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@/-]{0,127}$")


def parse_model_string(raw: object, registry: Registry, today: date | None = None) -> ModelSpec:
    if not isinstance(raw, str) or not raw.strip():
        raise ModelStringError(_help("model must be a non-empty string", registry))
    text = raw.strip()
    if registry.get(text) is not None:  # an endpoint name wins, even one that contains ':'
        return _named(text, text, None, registry, today or date.today())
    name, sep, strategy = text.partition(":")
    if sep and strategy not in STRATEGIES:
        raise ModelStringError(_help(f"unknown strategy {strategy!r} in model {_clip(text)!r}", registry))
    if not _NAME.match(name):
        raise ModelStringError(_help(f"malformed model {_clip(text)!r}", registry))
    chosen = strategy or None
    if name == "auto":
        return ModelSpec(raw=text, kind="auto", target=None, strategy=chosen)
    return _named(text, name, chosen, registry, today or date.today())


def _named(raw: str, name: str, strategy: str | None, registry: Registry, today: date) -> ModelSpec:
    endpoint = registry.get(name)
    family = registry.family(name)
    if endpoint is None and not family:
        raise ModelStringError(_help(f"unknown model {_clip(name)!r}", registry))
    # A strategy ranks a family; a bare name is a transparent gateway to that endpoint (or family).
    if endpoint is not None and (strategy is None or not family):
        spec = ModelSpec(raw=raw, kind="endpoint", target=name, strategy=strategy)
        members: tuple = (endpoint,)
    else:
        spec = ModelSpec(raw=raw, kind="family", target=name, strategy=strategy)
        members = family
    if members and all(e.is_deprecated(today) for e in members):
        successor = members[0].successor
        if successor is not None:
            return ModelSpec(raw=raw, kind="family", target=_final_successor(successor, registry, today),
                             strategy=strategy, substituted_from=name)
    return spec


def _final_successor(codename: str, registry: Registry, today: date) -> str:
    # Follow successors while they are deprecated too (the registry rejects loops at start-up).
    family = registry.family(codename)
    while family and all(e.is_deprecated(today) for e in family) and family[0].successor:
        codename = family[0].successor
        family = registry.family(codename)
    return codename


def _clip(text: str) -> str:
    return text if len(text) <= 64 else text[:61] + "..."


def _help(problem: str, registry: Registry) -> str:
    return (
        f"{problem}. Use 'auto', 'auto:<strategy>', '<model>' or '<model>:<strategy>'. "
        f"Strategies: {', '.join(STRATEGIES)}. Codenames: {', '.join(registry.codenames)}. "
        f"Endpoints: {', '.join(registry.names)}."
    )
