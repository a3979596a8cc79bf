"""Shared fixtures: the sandbox, the real proxy process on proxy_config.yaml, Redis."""

from __future__ import annotations

import os

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
os.environ.setdefault("LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS", "True")

import shutil  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402

import pytest  # noqa: E402

from cailos_litellm.launch import MASTER_KEY, free_port, render_config, run_proxy  # noqa: E402

TEST_REDIS_DB = 14  # dedicated; flushed after the session


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


def _redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5).ping())
    except redis.RedisError:
        return False


@pytest.fixture(scope="session")
def redis_url():
    """REDIS_URL (default 127.0.0.1:6379) on a dedicated db; else a throwaway redis-server; else a clear skip."""
    import redis

    base = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379").rstrip("/")
    base = base.rsplit("/", 1)[0] if base.rsplit("/", 1)[-1].isdigit() else base
    url = f"{base}/{TEST_REDIS_DB}"
    process = None
    if not _redis_answers(url):
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip(f"no Redis at {base} and no redis-server on PATH (apt-get install redis-server)")
        port = free_port()
        process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"redis://127.0.0.1:{port}/{TEST_REDIS_DB}"
        for _ in range(50):
            if _redis_answers(url):
                break
            time.sleep(0.1)
    try:
        yield url
    finally:
        if process is None:
            redis.Redis.from_url(url).flushdb()
        else:
            process.terminate()
            process.wait(timeout=10)
