"""pytest fixtures shared by the state, health and CLI tests (import them into a conftest)."""

from __future__ import annotations

from typing import Iterator

import pytest

from .redis_server import flush, reachable, redis_test_url

__all__ = ["redis_url"]


@pytest.fixture
def redis_url() -> Iterator[str]:
    url = redis_test_url()
    if not reachable(url):
        pytest.skip(f"no Redis at {url} (set REDIS_URL)")
    flush(url)
    yield url
    flush(url)
