"""Configuration: proxy_config.yaml (`model_list` + `model_info.cailos` + `cailos_settings`) and CAILOS_* variables."""

from .loader import BundleConfig, load_bundle_config, parse_bundle_config
from .registry import ModelFacts, Registry, build_registry
from .settings import Settings, parse_settings

__all__ = [
    "BundleConfig",
    "ModelFacts",
    "Registry",
    "Settings",
    "build_registry",
    "load_bundle_config",
    "parse_bundle_config",
    "parse_settings",
]
