"""One sandbox subprocess per test module (real HTTP), reset before every test."""

from __future__ import annotations

import os
from typing import Iterator

import openai
import pytest

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
os.environ.setdefault("LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS", "True")  # no fetch of the remote beta list

from cailos_litellm.sandbox import RunningSandbox, run_sandbox  # noqa: E402


@pytest.fixture(scope="module")
def sandbox() -> Iterator[RunningSandbox]:
    with run_sandbox(seed=0, latency_scale=0) as sb:
        yield sb


@pytest.fixture(autouse=True)
def _clean(request: pytest.FixtureRequest) -> None:
    if "sandbox" in request.fixturenames:
        request.getfixturevalue("sandbox").control.reset()


@pytest.fixture
def oai(sandbox: RunningSandbox) -> Iterator[openai.OpenAI]:
    client = openai.OpenAI(base_url=sandbox.openai_base(), api_key="sk-test", max_retries=0, timeout=10)
    yield client
    client.close()
