from __future__ import annotations

import cailos_litellm.intent as intent


def test_all_is_exported() -> None:
    for name in intent.__all__:
        assert hasattr(intent, name)
    assert sorted(intent.__all__) == list(intent.__all__)
