"""Shared fixtures: the sandbox, the real proxy process on proxy_config.yaml, Redis."""

from __future__ import annotations

import os

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
os.environ.setdefault("LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS", "True")

import shutil  # noqa: E402

import pytest  # noqa: E402

from cailos_litellm.launch import MASTER_KEY, render_config, run_proxy  # noqa: E402

from ._support.redis_server import flush, reachable, redis_test_url, throwaway_redis  # noqa: E402


@pytest.fixture(scope="session")
def sandbox():
    from cailos_litellm.sandbox.process import run_sandbox

    with run_sandbox(seed=0, latency_scale=0) as sb:
        yield sb


@pytest.fixture(scope="session")
def proxy(sandbox, tmp_path_factory):
    with run_proxy(render_config(sandbox), tmp_path_factory.mktemp("proxy")) as running:
        yield running


@pytest.fixture
def sandbox_clean(sandbox):
    sandbox.control.reset()
    yield sandbox
    sandbox.control.reset()


@pytest.fixture
def client(proxy):
    from openai import OpenAI

    return OpenAI(base_url=proxy.base_url, api_key=MASTER_KEY, max_retries=0, timeout=30)


@pytest.fixture(scope="session")
def redis_server_url():
    """REDIS_URL (default 127.0.0.1:6379) on a dedicated db; else a throwaway redis-server; else one clear skip."""
    url = redis_test_url()
    if reachable(url):
        yield url
        flush(url)
        return
    if shutil.which("redis-server") is None:
        pytest.skip(f"no Redis at {url} and no redis-server on PATH (apt-get install redis-server, or set REDIS_URL)")
    with throwaway_redis() as (throwaway, _process):
        yield throwaway


@pytest.fixture
def redis_url(redis_server_url):
    """A clean test database for one test."""
    flush(redis_server_url)
    yield redis_server_url
    flush(redis_server_url)
