"""Sandbox model profiles: price, latency, base error rate and per-task skill of each simulated model.

Loaded once at start-up from `profiles.yaml` (or `--profiles FILE`) into frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from cailos_litellm.errors import ConfigError
from cailos_litellm.types import TASK_CLASSES

__all__ = ["DEFAULT_PROFILES_PATH", "ModelProfile", "ProfileSet", "load_profiles"]

DEFAULT_PROFILES_PATH = Path(__file__).with_name("profiles.yaml")
_NUMBER_FIELDS = ("input_cost_per_token", "output_cost_per_token", "ttft_ms", "tokens_per_s", "error_rate")
_KNOWN_FIELDS = frozenset(_NUMBER_FIELDS) | {"skill", "skills"}


@dataclass(frozen=True, slots=True)
class ModelProfile:
    """How one simulated model behaves."""

    name: str
    input_cost_per_token: float
    output_cost_per_token: float
    ttft_ms: float
    tokens_per_s: float
    error_rate: float
    skills: Mapping[str, float] = field(default_factory=dict)  # every task class present

    def skill(self, task: str) -> float:
        return self.skills.get(task, 0.0)

    def cost_usd(self, prompt_tokens: int, completion_tokens: int) -> float:
        return prompt_tokens * self.input_cost_per_token + completion_tokens * self.output_cost_per_token


@dataclass(frozen=True, slots=True)
class ProfileSet:
    """Profiles by model name, with a default for names not listed."""

    default: ModelProfile
    models: Mapping[str, ModelProfile]

    def get(self, model: str) -> ModelProfile:
        found = self.models.get(model)
        if found is not None:
            return found
        # "openai/gpt-4o" or a dated snapshot like "gpt-4o-2024-08-06" still finds gpt-4o.
        bare = model.rsplit("/", 1)[-1]
        found = self.models.get(bare)
        if found is not None:
            return found
        for name in sorted(self.models, key=len, reverse=True):
            if bare.startswith(name + "-"):
                return self.models[name]
        return self.default


def _number(raw: Mapping[str, Any], key: str, where: str, base: ModelProfile | None) -> float:
    if key not in raw:
        if base is None:
            raise ConfigError("missing", where=where, field=key)
        return float(getattr(base, key))
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ConfigError("must be a number >= 0", where=where, field=key)
    if key == "error_rate" and value > 1:
        raise ConfigError("must be within 0..1", where=where, field=key)
    return float(value)


def _profile(name: str, raw: Any, where: str, base: ModelProfile | None, fill_default: float) -> ModelProfile:
    if not isinstance(raw, Mapping):
        raise ConfigError("must be a mapping", where=where)
    unknown = set(raw) - _KNOWN_FIELDS
    if unknown:
        raise ConfigError(f"unknown keys {sorted(unknown)}", where=where)
    fill = raw.get("skill", fill_default)
    skills_raw = raw.get("skills") or {}
    if not isinstance(skills_raw, Mapping):
        raise ConfigError("must be a mapping of task class to 0..1", where=where, field="skills")
    bad = set(skills_raw) - set(TASK_CLASSES)
    if bad:
        raise ConfigError(f"unknown task classes {sorted(bad)}; valid: {list(TASK_CLASSES)}", where=where, field="skills")
    skills: dict[str, float] = {}
    for task in TASK_CLASSES:
        value = skills_raw.get(task, fill)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ConfigError("skill must be within 0..1", where=where, field=f"skills.{task}")
        skills[task] = float(value)
    numbers = {key: _number(raw, key, where, base) for key in _NUMBER_FIELDS}
    if numbers["tokens_per_s"] <= 0:
        raise ConfigError("must be > 0", where=where, field="tokens_per_s")
    return ModelProfile(name=name, skills=MappingProxyType(skills), **numbers)


def load_profiles(path: str | Path | None = None) -> ProfileSet:
    """Read a profiles YAML file (default: the bundled profiles.yaml)."""
    path = Path(path) if path is not None else DEFAULT_PROFILES_PATH
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read profiles: {type(exc).__name__}", where=str(path)) from exc
    if not isinstance(doc, Mapping) or "default" not in doc:
        raise ConfigError("needs a top-level `default` profile", where=str(path))
    unknown = set(doc) - {"default", "models"}
    if unknown:
        raise ConfigError(f"unknown top-level keys {sorted(unknown)}", where=str(path))
    default_raw = doc["default"]
    default = _profile("default", default_raw, f"{path}: default", None, 0.7)
    fill = default_raw.get("skill", 0.7)
    models_raw = doc.get("models") or {}
    if not isinstance(models_raw, Mapping):
        raise ConfigError("must be a mapping", where=str(path), field="models")
    models = {str(n): _profile(str(n), r, f"{path}: models.{n}", default, fill) for n, r in models_raw.items()}
    return ProfileSet(default=default, models=MappingProxyType(models))
