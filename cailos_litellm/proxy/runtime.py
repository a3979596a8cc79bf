"""Everything the hooks need, built once at proxy start-up from the proxy's own config file."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..config import BundleConfig, load_bundle_config
from ..errors import ConfigError
from .facts import litellm_facts

__all__ = ["Runtime", "find_config_path"]


def find_config_path() -> Path:
    """CAILOS_CONFIG, else the file the running proxy was started with, else CONFIG_FILE_PATH."""
    explicit = os.environ.get("CAILOS_CONFIG")
    if explicit:
        return Path(explicit)
    proxy_server = sys.modules.get("litellm.proxy.proxy_server")
    started_with = getattr(proxy_server, "user_config_file_path", None)
    if started_with:
        return Path(started_with)
    if os.environ.get("CONFIG_FILE_PATH"):
        return Path(os.environ["CONFIG_FILE_PATH"])
    raise ConfigError("cannot find the proxy config: start litellm with --config, or set CAILOS_CONFIG")


@dataclass(frozen=True, slots=True)
class Runtime:
    config: BundleConfig

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> Runtime:
        return cls(config=load_bundle_config(path or find_config_path(), litellm_facts))
