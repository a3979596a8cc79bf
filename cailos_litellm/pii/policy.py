"""PII shield: the per-team policy (which entity types, allow-list, fail open or closed, time limit)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from cailos_litellm.errors import ConfigError
from cailos_litellm.pii.spans import ENTITY_TYPES

__all__ = ["ShieldPolicy"]


@dataclass(frozen=True, slots=True)
class ShieldPolicy:
    """What one team's requests get cloaked. Default: every type, nothing allowed through, fail closed, 2 s."""

    entities: frozenset[str] = field(default_factory=lambda: frozenset(ENTITY_TYPES))
    allow_list: frozenset[str] = frozenset()  # values never cloaked, matched case-insensitively (e.g. our own name)
    fail_open: bool = False  # True: if the shield cannot run, forward in clear (must be chosen explicitly)
    timeout: float = 2.0  # seconds for one request's detection; over it the request is refused (or forwarded if fail_open)

    def __post_init__(self) -> None:
        unknown = set(self.entities) - set(ENTITY_TYPES)
        if unknown:
            raise ConfigError(f"unknown entity types {sorted(unknown)}; valid: {list(ENTITY_TYPES)}", where="pii policy", field="entities")
        if self.timeout <= 0:
            raise ConfigError("must be > 0 seconds", where="pii policy", field="timeout")
        object.__setattr__(self, "entities", frozenset(self.entities))
        object.__setattr__(self, "allow_list", frozenset(v.casefold().strip() for v in self.allow_list))

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> ShieldPolicy:
        """From a config slice such as `{entities: [...], allow_list: [...], fail_open: false, timeout: 2}`."""
        known = {"entities", "allow_list", "fail_open", "timeout"}
        extra = set(raw) - known
        if extra:
            raise ConfigError(f"unknown keys {sorted(extra)}; valid: {sorted(known)}", where="pii policy")
        kwargs: dict[str, Any] = {}
        if "entities" in raw:
            kwargs["entities"] = frozenset(str(e).upper() for e in raw["entities"])
        if "allow_list" in raw:
            kwargs["allow_list"] = frozenset(str(v) for v in raw["allow_list"])
        if "fail_open" in raw:
            if not isinstance(raw["fail_open"], bool):
                raise ConfigError("must be true or false", where="pii policy", field="fail_open")
            kwargs["fail_open"] = raw["fail_open"]
        if "timeout" in raw:
            kwargs["timeout"] = float(raw["timeout"])
        return cls(**kwargs)

    def fingerprint(self) -> tuple[Any, ...]:
        """A hashable identity for caches keyed by policy."""
        return (tuple(sorted(self.entities)), tuple(sorted(self.allow_list)))
