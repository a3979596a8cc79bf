"""Interim ranking until cailos_litellm.ranking lands: scope, trust and capability filters, then price order."""

from __future__ import annotations

from datetime import date

from ..config.registry import Registry
from ..errors import NoEligibleEndpoint
from ..types import Endpoint, ModelSpec, RequestFacts, StageTrace

__all__ = ["interim_chain"]


def interim_chain(spec: ModelSpec, facts: RequestFacts, registry: Registry, today: date) -> tuple[tuple[str, ...], tuple[StageTrace, ...]]:
    if spec.kind == "auto":
        scope = [e for e in registry.endpoints if not e.is_deprecated(today)]
    elif spec.kind == "family":
        scope = list(registry.family(spec.target or ""))
    else:
        named = registry.get(spec.target or "")
        scope = [named] + [e for e in registry.family(named.codename) if e is not named] if named else []
    trace: list[StageTrace] = [StageTrace("scope", note=spec.raw)]
    for stage, keep in (
        ("trust_floor", lambda e: e.trust_level >= facts.trust_level),
        ("capability", lambda e: facts.required_capabilities <= e.capabilities),
    ):
        removed = tuple((e.name, stage) for e in scope if not keep(e))
        scope = [e for e in scope if keep(e)]
        trace.append(StageTrace(stage, removed=removed))
    if not scope:
        raise NoEligibleEndpoint(
            f"no endpoint for model {spec.raw!r} satisfies trust_level {facts.trust_level}"
            + (f" with capabilities {', '.join(sorted(facts.required_capabilities))}" if facts.required_capabilities else "")
        )
    first = scope[:1] if spec.kind == "endpoint" and scope[0].name == spec.target else []
    rest = sorted((e for e in scope if e not in first), key=_price)
    return tuple(e.name for e in first + rest), tuple(trace)


def _price(e: Endpoint) -> float:
    return e.input_cost_per_token + e.output_cost_per_token
