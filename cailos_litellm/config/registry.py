"""Endpoint registry: LiteLLM's `model_list` plus our `model_info.cailos` fields, validated once at start-up.

Endpoints are LiteLLM model groups (entries sharing a `model_name`); codenames name families of endpoints.
Price, context window and capabilities come from a lookup into LiteLLM's model cost map (injected, so this
module never imports litellm) unless `model_info` overrides them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterable, Mapping

from ..errors import ConfigError
from ..types import TASK_CLASSES, Deployment, Endpoint

__all__ = ["ModelFacts", "Registry", "build_registry"]

log = logging.getLogger(__name__)

RESERVED_NAMES = frozenset({"auto"})
CAILOS_FIELDS = frozenset({"codename", "trust_level", "tier", "evals", "successor", "deprecated_after"})
TIERS = ("small", "standard", "strong", "frontier")
# model_info keys that override the cost map, and the capability each supports_* flag grants
_PRICE_KEYS = ("input_cost_per_token", "output_cost_per_token", "max_input_tokens", "max_output_tokens")
_CAPABILITY_FLAGS = {
    "supports_function_calling": "tools",
    "supports_vision": "vision",
    "supports_response_schema": "json_schema",
}


@dataclass(frozen=True, slots=True)
class ModelFacts:
    """What LiteLLM's cost map knows about a model (None/False when it knows nothing)."""

    input_cost_per_token: float | None = None
    output_cost_per_token: float | None = None
    max_input_tokens: int | None = None
    max_output_tokens: int | None = None
    supports_function_calling: bool = False
    supports_vision: bool = False
    supports_response_schema: bool = False


FactsLookup = Callable[[str], ModelFacts | None]


@dataclass(frozen=True, slots=True)
class Registry:
    endpoints: tuple[Endpoint, ...]

    def get(self, name: str) -> Endpoint | None:
        return next((e for e in self.endpoints if e.name == name), None)

    def family(self, codename: str) -> tuple[Endpoint, ...]:
        return tuple(e for e in self.endpoints if e.codename == codename)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(e.name for e in self.endpoints)

    @property
    def codenames(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.codename for e in self.endpoints))

    def deployment(self, deployment_id: str) -> Deployment | None:
        for e in self.endpoints:
            for d in e.deployments:
                if d.id == deployment_id:
                    return d
        return None


def build_registry(model_list: Iterable[Mapping[str, Any]], lookup: FactsLookup) -> Registry:
    """Validate `model_list` and group it into endpoints. Raises ConfigError naming deployment and field."""
    groups: dict[str, list[tuple[Deployment, dict[str, Any], Mapping[str, Any]]]] = {}
    seen_ids: set[str] = set()
    for index, entry in enumerate(model_list):
        where, dep, fields, info = _parse_deployment(index, entry)
        if dep.id in seen_ids:
            raise ConfigError("duplicate model_info.id", where=where, field="model_info.id")
        seen_ids.add(dep.id)
        groups.setdefault(dep.group, []).append((dep, fields, info))
    if not groups:
        raise ConfigError("model_list is empty: the bundle needs at least one deployment")
    endpoints = tuple(_build_endpoint(name, members, lookup) for name, members in groups.items())
    _check_names(endpoints)
    _check_successors(endpoints)
    return Registry(endpoints)


def _parse_deployment(
    index: int, entry: Mapping[str, Any]
) -> tuple[str, Deployment, dict[str, Any], Mapping[str, Any]]:
    if not isinstance(entry, Mapping):
        raise ConfigError("must be a mapping", where=f"model_list[{index}]")
    group = entry.get("model_name")
    if not isinstance(group, str) or not group:
        raise ConfigError("missing or not a string", where=f"model_list[{index}]", field="model_name")
    params = entry.get("litellm_params") or {}
    info = entry.get("model_info") or {}
    litellm_model = params.get("model")
    if not isinstance(litellm_model, str):
        raise ConfigError("missing", where=f"model_list[{index}] ({group})", field="litellm_params.model")
    dep_id = str(info.get("id") or f"{group}#{index}")
    where = f"deployment {dep_id!r} (model_list[{index}], model_name {group!r})"
    fields = info.get("cailos") or {}
    if not isinstance(fields, Mapping):
        raise ConfigError("must be a mapping", where=where, field="model_info.cailos")
    unknown = sorted(set(fields) - CAILOS_FIELDS)
    if unknown:
        raise ConfigError(
            f"unknown field (valid: {', '.join(sorted(CAILOS_FIELDS))})",
            where=where,
            field=f"model_info.cailos.{unknown[0]}",
        )
    trust = fields.get("trust_level", 0)
    if isinstance(trust, bool) or not isinstance(trust, int) or not 0 <= trust <= 3:
        raise ConfigError(f"must be an integer 0-3, got {trust!r}", where=where, field="model_info.cailos.trust_level")
    weight = params.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
        raise ConfigError(f"must be a positive number, got {weight!r}", where=where, field="litellm_params.weight")
    provider = litellm_model.split("/", 1)[0] if "/" in litellm_model else "openai"
    dep = Deployment(
        id=dep_id, group=group, litellm_model=litellm_model, provider=provider, trust_level=trust, weight=float(weight)
    )
    return where, dep, dict(fields, _where=where), info


def _build_endpoint(
    name: str, members: list[tuple[Deployment, dict[str, Any], Mapping[str, Any]]], lookup: FactsLookup
) -> Endpoint:
    first_dep, first, info = members[0]
    where = first["_where"]
    for _, fields, _ in members[1:]:
        for key in ("codename", "tier", "successor", "deprecated_after"):
            if fields.get(key) != first.get(key):
                raise ConfigError(
                    f"differs between deployments of endpoint {name!r}; they must agree",
                    where=fields["_where"],
                    field=f"model_info.cailos.{key}",
                )
    codename = first.get("codename", name)
    if not isinstance(codename, str) or not codename or ":" in codename:
        raise ConfigError(f"must be a non-empty string without ':', got {codename!r}", where=where,
                          field="model_info.cailos.codename")
    tier = first.get("tier", "standard")
    if tier not in TIERS:
        raise ConfigError(f"must be one of {', '.join(TIERS)}, got {tier!r}", where=where, field="model_info.cailos.tier")
    evals = _parse_evals(first.get("evals") or {}, where)
    successor = first.get("successor")
    if successor is not None and not isinstance(successor, str):
        raise ConfigError("must be a codename", where=where, field="model_info.cailos.successor")
    deprecated_after = _parse_date(first.get("deprecated_after"), where)
    facts = lookup(str(info.get("base_model") or first_dep.litellm_model)) or ModelFacts()
    price = {key: info.get(key, getattr(facts, key)) for key in _PRICE_KEYS}
    for key in ("input_cost_per_token", "output_cost_per_token"):
        if price[key] is None:
            log.warning("%s has no known %s; cost ranking treats it as free", where, key)
            price[key] = 0.0
        elif not isinstance(price[key], (int, float)) or price[key] < 0:
            raise ConfigError(f"must be a non-negative number, got {price[key]!r}", where=where, field=f"model_info.{key}")
    capabilities = frozenset(
        cap for flag, cap in _CAPABILITY_FLAGS.items() if bool(info.get(flag, getattr(facts, flag)))
    )
    deployments = tuple(dep for dep, _, _ in members)
    return Endpoint(
        name=name,
        codename=codename,
        provider=first_dep.provider,
        deployments=deployments,
        trust_level=min(d.trust_level for d in deployments),
        tier=tier,
        evals=evals,
        successor=successor,
        deprecated_after=deprecated_after,
        input_cost_per_token=float(price["input_cost_per_token"]),
        output_cost_per_token=float(price["output_cost_per_token"]),
        max_input_tokens=price["max_input_tokens"],
        max_output_tokens=price["max_output_tokens"],
        capabilities=capabilities,
    )


def _parse_evals(raw: Any, where: str) -> dict[str, float]:
    if not isinstance(raw, Mapping):
        raise ConfigError("must be a mapping task -> score", where=where, field="model_info.cailos.evals")
    evals: dict[str, float] = {}
    for task, score in raw.items():
        field = f"model_info.cailos.evals.{task}"
        if task not in TASK_CLASSES:
            raise ConfigError(f"unknown task class (valid: {', '.join(TASK_CLASSES)})", where=where, field=field)
        if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 1:
            raise ConfigError(f"must be a number 0-1, got {score!r}", where=where, field=field)
        evals[task] = float(score)
    return evals


def _parse_date(raw: Any, where: str) -> date | None:
    if raw is None or isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise ConfigError(f"must be a date YYYY-MM-DD, got {raw!r}", where=where,
                          field="model_info.cailos.deprecated_after") from None


def _check_names(endpoints: tuple[Endpoint, ...]) -> None:
    by_name = {e.name: e for e in endpoints}
    for e in endpoints:
        if e.name in RESERVED_NAMES or e.codename in RESERVED_NAMES:
            raise ConfigError("'auto' is reserved for routing", where=f"endpoint {e.name!r}",
                              field="model_name" if e.name in RESERVED_NAMES else "model_info.cailos.codename")
        other = by_name.get(e.codename)
        if other is not None and other.codename != e.codename:
            raise ConfigError(
                f"duplicate codename: {e.codename!r} is already the name of endpoint {other.name!r} "
                f"in family {other.codename!r}",
                where=f"endpoint {e.name!r}",
                field="model_info.cailos.codename",
            )


def _check_successors(endpoints: tuple[Endpoint, ...]) -> None:
    successor_of = {e.codename: e.successor for e in endpoints if e.successor}
    codenames = {e.codename for e in endpoints}
    for e in endpoints:
        if e.successor is None:
            continue
        if e.successor not in codenames:
            raise ConfigError(f"unknown codename {e.successor!r} (valid: {', '.join(sorted(codenames))})",
                              where=f"endpoint {e.name!r}", field="model_info.cailos.successor")
        seen = [e.codename]
        current: str | None = e.successor
        while current is not None:
            if current in seen:
                loop = " -> ".join([*seen, current])
                raise ConfigError(f"successor loop {loop}", where=f"endpoint {e.name!r}",
                                  field="model_info.cailos.successor")
            seen.append(current)
            current = successor_of.get(current)
