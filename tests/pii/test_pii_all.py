from __future__ import annotations

import importlib

import pytest

MODULES = ["cailos_litellm.pii", "cailos_litellm.pii.detectors"]


@pytest.mark.parametrize("name", MODULES)
def test_all_names_exist(name: str) -> None:
    mod = importlib.import_module(name)
    assert sorted(mod.__all__) == sorted(set(mod.__all__))
    for attr in mod.__all__:
        assert hasattr(mod, attr), attr
