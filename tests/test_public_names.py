"""Every package's __all__ names things that exist (the public face stays honest)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import cailos_litellm

PACKAGES = sorted(
    name for _, name, is_pkg in pkgutil.walk_packages(cailos_litellm.__path__, "cailos_litellm.") if is_pkg
) + ["cailos_litellm.types", "cailos_litellm.errors", "cailos_litellm.launch", "cailos_litellm.client"]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_names_exist(name):
    module = importlib.import_module(name)
    for public in getattr(module, "__all__", ()):
        if name == "cailos_litellm" and public == "proxy_handler":
            continue  # built lazily from the proxy's config at start-up
        assert hasattr(module, public), f"{name}.__all__ lists missing {public!r}"
