"""Redis for tests: the shared server on a dedicated db (REDIS_URL, default db 13), or a throwaway redis-server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from typing import Iterator

import pytest

__all__ = ["TEST_DB", "free_port", "redis_test_url", "throwaway_redis"]

TEST_DB = 13


def redis_test_url() -> str:
    base = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379").rstrip("/")
    scheme, _, rest = base.partition("://")
    host = rest.split("/", 1)[0]
    return f"{scheme}://{host}/{TEST_DB}"


def reachable(url: str) -> bool:
    import redis

    try:
        redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5).ping()
        return True
    except Exception:
        return False


def flush(url: str) -> None:
    import redis

    redis.Redis.from_url(url, socket_timeout=1).flushdb()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def throwaway_redis() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A private redis-server (no persistence) on a free port; yields (url, process). Killed on exit."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server not installed")
    port = free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 5
        while not reachable(url):
            if time.monotonic() > deadline:
                raise RuntimeError("throwaway redis-server did not start")
            time.sleep(0.02)
        yield url, proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)


def start_on(port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([shutil.which("redis-server") or "redis-server", "--port", str(port), "--save", "",
                             "--appendonly", "no", "--bind", "127.0.0.1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 5
    while not reachable(f"redis://127.0.0.1:{port}/0"):
        if time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError("redis-server did not start")
        time.sleep(0.02)
    return proc
