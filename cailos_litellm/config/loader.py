"""Read proxy_config.yaml once into the frozen BundleConfig every stage takes its slice from."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import yaml

from ..errors import ConfigError
from .registry import FactsLookup, Registry, build_registry
from .settings import Settings, parse_settings

__all__ = ["BundleConfig", "load_bundle_config", "parse_bundle_config"]


@dataclass(frozen=True, slots=True)
class BundleConfig:
    settings: Settings
    registry: Registry
    source: str


def load_bundle_config(path: str | os.PathLike[str], lookup: FactsLookup,
                       environ: Mapping[str, str] | None = None) -> BundleConfig:
    file = Path(path)
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config file: {exc.strerror}", where=str(file)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(f"invalid YAML{at}", where=str(file)) from None
    return parse_bundle_config(raw, lookup, environ if environ is not None else os.environ, source=str(file))


def parse_bundle_config(raw: Any, lookup: FactsLookup, environ: Mapping[str, str], source: str = "<config>") -> BundleConfig:
    if not isinstance(raw, Mapping):
        raise ConfigError("the config must be a YAML mapping", where=source)
    model_list = raw.get("model_list")
    if not isinstance(model_list, list):
        raise ConfigError("missing or not a list", where=source, field="model_list")
    return BundleConfig(
        settings=parse_settings(raw.get("cailos_settings"), environ),
        registry=build_registry(model_list, lookup),
        source=source,
    )
