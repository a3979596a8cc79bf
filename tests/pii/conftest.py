from __future__ import annotations

import pytest

from cailos_litellm.pii import Shield, SpacyNer, load_shield


@pytest.fixture(scope="session")
def ner() -> SpacyNer:
    return SpacyNer.load()


@pytest.fixture(scope="session")
def shield(ner: SpacyNer) -> Shield:
    return load_shield(ner=ner)
