"""`cailos up` (what `make proxy` runs): serves, and a SIGTERM stops the sandbox and the proxy with it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from cailos_litellm.launch import OFFLINE_ENV, ROOT
from tests._support.redis_server import free_port

pytestmark = pytest.mark.e2e


def _busy(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_sigterm_stops_sandbox_and_proxy(tmp_path):
    if any(_busy(p) for p in range(4100, 4106)):
        pytest.skip("the sandbox ports 4100-4105 are taken (is `make proxy` running?)")
    port = free_port()
    cailos = Path(sys.executable).with_name("cailos")
    env = {**os.environ, **OFFLINE_ENV, "CAILOS_STATE_URL": "memory://"}
    log = tmp_path / "up.log"  # a file, not a pipe: a full pipe would stall the proxy's logging
    with open(log, "wb") as out:
        up = subprocess.Popen([str(cailos), "up", "--port", str(port), "--sandbox-latency", "0"], cwd=ROOT, env=env,
                              stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and up.poll() is None:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health/liveliness", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        assert _busy(port) and _busy(4100), log.read_text(errors="replace")[-2000:]
        up.send_signal(signal.SIGTERM)
        up.wait(timeout=30)
        assert not _busy(port) and not _busy(4100), "a child outlived `cailos up`"
    finally:
        try:  # whatever is left of the group (children included, if the test failed)
            os.killpg(up.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
