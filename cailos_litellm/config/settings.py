"""Bundle-wide settings: `cailos_settings` in proxy_config.yaml, overridden by CAILOS_* variables. Parsed once."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Callable, Mapping

from ..errors import ConfigError
from ..pii.policy import ShieldPolicy
from ..types import STRATEGIES

__all__ = ["Settings", "parse_settings"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True, slots=True)
class Settings:
    default_strategy: str = "balanced"  # strategy when the model string and the team name none
    bypass: bool = False  # CAILOS_BYPASS: every bundle stage becomes a pass-through
    state_url: str = "sqlite:///.cailos/state.sqlite3"  # or redis://host:port/db
    # A Redis call slower than this counts as a timeout (three in a row: serve from process memory until it is
    # back). The default suits Redis on the same host or rack; raise it for a remote one.
    state_timeout_s: float = 0.08
    default_trust_level: int = 0  # trust floor when neither key nor request sets one
    breaker_cooloff_s: float = 30.0  # an open circuit breaker waits this long before its single probe
    # Each proxy process reuses its health snapshot (breakers, windows, feedback) for ranking this long (0: read
    # per request). The per-attempt guard still reads breakers fresh, so staleness costs ranking order, never safety.
    health_cache_s: float = 0.5
    pii: ShieldPolicy = field(default_factory=ShieldPolicy)  # the PII shield's default policy (teams may override)


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"expected true/false, got {value!r}")


def _strategy(value: Any) -> str:
    if value not in STRATEGIES:
        raise ValueError(f"expected one of {', '.join(STRATEGIES)}, got {value!r}")
    return str(value)


def _trust(value: Any) -> int:
    trust = int(value)
    if not 0 <= trust <= 3 or str(trust) != str(value).strip():
        raise ValueError(f"expected an integer 0-3, got {value!r}")
    return trust


def _seconds(value: Any) -> float:
    seconds = float(value)
    if isinstance(value, bool) or not 0 < seconds <= 3600:
        raise ValueError(f"expected seconds between 0 and 3600, got {value!r}")
    return seconds


def _timeout_seconds(value: Any) -> float:
    seconds = float(value)
    if isinstance(value, bool) or not 0.005 <= seconds <= 10:
        raise ValueError(f"expected seconds between 0.005 and 10, got {value!r}")
    return seconds


def _cache_seconds(value: Any) -> float:
    seconds = float(value)
    if isinstance(value, bool) or not 0 <= seconds <= 60:
        raise ValueError(f"expected seconds between 0 and 60, got {value!r}")
    return seconds


def _url(value: Any) -> str:
    text = str(value)
    if not text.startswith(("redis://", "rediss://", "sqlite:///", "memory://")):
        raise ValueError(f"expected redis://…, sqlite:///path or memory://, got {text!r}")
    return text


def _pii(value: Any) -> ShieldPolicy:
    if value in ("off", False):  # cloak nothing: must be said explicitly
        return ShieldPolicy(entities=frozenset())
    if value in ("on", True):
        return ShieldPolicy()
    if not isinstance(value, Mapping):
        raise ValueError("expected on, off or a mapping {entities, allow_list, fail_open, timeout}")
    try:
        return ShieldPolicy.from_dict(value)
    except ConfigError as exc:
        raise ValueError(exc.message) from None


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "default_strategy": _strategy,
    "bypass": _bool,
    "state_url": _url,
    "state_timeout_s": _timeout_seconds,
    "default_trust_level": _trust,
    "breaker_cooloff_s": _seconds,
    "health_cache_s": _cache_seconds,
    "pii": _pii,
}


def parse_settings(raw: Mapping[str, Any] | None, environ: Mapping[str, str]) -> Settings:
    """YAML values first, then CAILOS_<FIELD> from the environment. Unknown keys and bad values raise ConfigError."""
    raw = dict(raw or {})
    unknown = sorted(set(raw) - set(_PARSERS))
    if unknown:
        raise ConfigError(f"unknown setting (valid: {', '.join(_PARSERS)})", where="cailos_settings", field=unknown[0])
    values: dict[str, Any] = {}
    for f in fields(Settings):
        env_name = f"CAILOS_{f.name.upper()}"
        source, value = ("cailos_settings", raw[f.name]) if f.name in raw else (None, None)
        if env_name in environ:
            source, value = env_name, environ[env_name]
        if source is None:
            continue
        try:
            values[f.name] = _PARSERS[f.name](value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(str(exc), where=source, field=f.name) from None
    return Settings(**values)
