"""Start the real `litellm` proxy process on a config pointed at a running sandbox (tests, benchmarks, drills)."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator, Mapping

import httpx
import yaml

__all__ = ["MASTER_KEY", "OFFLINE_ENV", "ROOT", "Proxy", "free_port", "render_config", "run_proxy", "stop_process"]

ROOT = Path(__file__).resolve().parents[1]  # the repository (editable install)
MASTER_KEY = "sk-cailos-dev"
# LiteLLM fetches its cost map and Anthropic beta headers at start unless told to use its bundled copies, and a
# Hugging Face tokenizer for llama-named models on their first stream unless the hub is offline.
OFFLINE_ENV = {"LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS": "True",
               "HF_HUB_OFFLINE": "1"}
# proxy_config.yaml's sandbox lanes, by port
LANE_PORTS = {4101: "openai", 4102: "azure", 4103: "anthropic", 4104: "google", 4105: "local"}
_LANE_URL = re.compile(r"http://127\.0\.0\.1:(410[1-5])")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def render_config(sandbox: Any, base: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """proxy_config.yaml (or `base`) with every sandbox lane URL moved to the running sandbox's lanes."""
    config = base if base is not None else yaml.safe_load((ROOT / "proxy_config.yaml").read_text(encoding="utf-8"))
    text = yaml.safe_dump(dict(config), sort_keys=False)
    return yaml.safe_load(_LANE_URL.sub(lambda m: sandbox.lane_url(LANE_PORTS[int(m.group(1))]), text))


class Proxy:
    def __init__(self, url: str, process: subprocess.Popen[bytes], log: Path) -> None:
        self.url = url
        self.process = process
        self.log = log

    @property
    def base_url(self) -> str:
        return self.url + "/v1"

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


@contextlib.contextmanager
def run_proxy(config: Mapping[str, Any], workdir: Path, env: Mapping[str, str] | None = None,
              startup_timeout: float = 120.0, port: int | None = None) -> Iterator[Proxy]:
    """Write `config` into `workdir`, start `litellm --config` on it, wait until it answers, stop it after."""
    workdir.mkdir(parents=True, exist_ok=True)
    config_path = workdir / "proxy_config.yaml"
    config_path.write_text(yaml.safe_dump(dict(config), sort_keys=False), encoding="utf-8")
    port = port or free_port()
    log = workdir / "proxy.log"
    full_env = {**os.environ, **OFFLINE_ENV, **(env or {})}
    litellm_bin = Path(sys.executable).with_name("litellm")
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [str(litellm_bin), "--config", str(config_path), "--host", "127.0.0.1", "--port", str(port)],
            cwd=workdir, env=full_env, stdout=out, stderr=subprocess.STDOUT,
        )
    proxy = Proxy(f"http://127.0.0.1:{port}", process, log)
    try:
        _wait_ready(proxy, startup_timeout)
        yield proxy
    finally:
        stop_process(process, timeout=15)


def stop_process(process: subprocess.Popen[bytes], timeout: float = 5) -> None:
    """SIGTERM, then SIGKILL if it has not exited within `timeout` seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_ready(proxy: Proxy, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proxy.process.poll() is not None:
            raise RuntimeError(f"proxy exited with {proxy.process.returncode}:\n{proxy.log_text()[-4000:]}")
        try:
            if httpx.get(proxy.url + "/health/liveliness", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"proxy not ready after {timeout:.0f}s:\n{proxy.log_text()[-4000:]}")
