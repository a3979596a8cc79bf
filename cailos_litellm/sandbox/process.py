"""`run_sandbox()`: start the sandbox as a subprocess on free ports and wait until it answers (tests, drills, bench)."""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import httpx

from cailos_litellm.launch import stop_process
from cailos_litellm.sandbox.app import LANES
from cailos_litellm.sandbox.control import SandboxControl

__all__ = ["RunningSandbox", "SandboxStartError", "run_sandbox"]


class SandboxStartError(RuntimeError):
    """The sandbox subprocess did not come up."""


@dataclass(frozen=True, slots=True)
class RunningSandbox:
    url: str  # main port: control API + all model routes
    port: int
    host: str
    control: SandboxControl
    process: subprocess.Popen[bytes]

    def lane_url(self, lane: str) -> str:
        """Root URL of a lane (OpenAI clients append /v1; Anthropic clients use it as is)."""
        return f"http://{self.host}:{self.port + 1 + LANES.index(lane)}"

    def openai_base(self, lane: str = "openai") -> str:
        return self.lane_url(lane) + "/v1"


def _ports_free(host: str, first: int, count: int) -> bool:
    for port in range(first, first + count):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind((host, port))
            except OSError:
                return False
    return True


def _pick_port(host: str, rng: random.Random) -> int:
    for _ in range(200):
        port = rng.randrange(20000, 60000)
        if _ports_free(host, port, 1 + len(LANES)):
            return port
    raise SandboxStartError("no block of free ports found")


@contextmanager
def run_sandbox(*, seed: int = 0, latency_scale: float = 0.0, error_scale: float = 0.0,
                profiles: str | Path | None = None, host: str = "127.0.0.1", port: int | None = None,
                start_timeout: float = 20.0) -> Iterator[RunningSandbox]:
    """Run a sandbox subprocess for the duration of the block.

    Defaults suit tests: no delays and no base errors (only injected faults fail requests).
    """
    rng = random.Random()
    for attempt in range(3):
        chosen = port if port is not None else _pick_port(host, rng)
        cmd = [sys.executable, "-m", "cailos_litellm.sandbox", "--host", host, "--port", str(chosen),
               "--seed", str(seed), "--latency-scale", str(latency_scale), "--error-scale", str(error_scale)]
        if profiles is not None:
            cmd += ["--profiles", str(profiles)]
        # stderr goes to a file, not a pipe: a chatty child must never block on a full pipe.
        errfile = tempfile.TemporaryFile()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errfile, env=os.environ.copy())
        url = f"http://{host}:{chosen}"
        if _wait_ready(proc, url, start_timeout):
            control = SandboxControl(url)
            try:
                yield RunningSandbox(url=url, port=chosen, host=host, control=control, process=proc)
            finally:
                control.close()
                stop_process(proc)
                errfile.close()
            return
        stop_process(proc)
        errfile.seek(0)
        err = errfile.read().decode(errors="replace")[-2000:]
        errfile.close()
        if port is not None or attempt == 2:
            raise SandboxStartError(f"sandbox did not start on port {chosen}: {err}")


def _wait_ready(proc: subprocess.Popen[bytes], url: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            if httpx.get(url + "/_sandbox/health", timeout=0.5).status_code == 200:
                return True
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    return False

