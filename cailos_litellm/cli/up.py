"""`cailos up`: the quick start — the provider sandbox (when the config points at it) plus the LiteLLM proxy."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import click

_SANDBOX_LANE = re.compile(r"http://127\.0\.0\.1:410[1-5]\b")
_PROVIDER_KEYS = ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "AZURE_API_KEY")


@click.command()
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default="proxy_config.yaml", show_default=True, help="LiteLLM proxy config with the bundle enabled.")
@click.option("--port", default=4000, show_default=True, help="Proxy port.")
@click.option("--sandbox-latency", default=1.0, show_default=True,
              help="Sandbox latency scale (0 = instant answers).")
def up(config_path: Path, port: int, sandbox_latency: float) -> None:
    """Start the proxy on CONFIG; start the sandbox first when CONFIG uses its lanes."""
    from ..launch import OFFLINE_ENV

    env = {**os.environ, **OFFLINE_ENV}
    children: list[subprocess.Popen[bytes]] = []
    uses_sandbox = bool(_SANDBOX_LANE.search(config_path.read_text(encoding="utf-8")))
    signal.signal(signal.SIGTERM, _interrupt)  # `kill`, systemd and docker stop: the same clean stop as Ctrl-C
    try:
        if uses_sandbox:
            if any(os.environ.get(k) for k in _PROVIDER_KEYS):
                click.echo("note: provider keys are set, but this config uses the sandbox; "
                           "see examples/providers.yaml to route to real providers.", err=True)
            children.append(subprocess.Popen(
                [sys.executable, "-m", "cailos_litellm.sandbox", "--port", "4100", "--latency-scale",
                 str(sandbox_latency), "--error-scale", "0"],
                env=env))
            _wait_for("http://127.0.0.1:4100/_sandbox/health", children[0], "sandbox")
        litellm = Path(sys.executable).with_name("litellm")
        children.append(subprocess.Popen(
            [str(litellm), "--config", str(config_path), "--host", "127.0.0.1", "--port", str(port)], env=env))
        _wait_for(f"http://127.0.0.1:{port}/health/liveliness", children[-1], "proxy", timeout=180)
        click.echo(_first_request(port))
        children[-1].wait()
    except KeyboardInterrupt:
        pass
    finally:
        for child in reversed(children):
            if child.poll() is None:
                child.send_signal(signal.SIGINT)
        for child in reversed(children):
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
    if children and children[-1].returncode not in (0, None, -signal.SIGINT, 130):
        raise SystemExit(children[-1].returncode)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _wait_for(url: str, child: subprocess.Popen[bytes], what: str, timeout: float = 30) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise click.ClickException(f"the {what} exited with code {child.returncode} during start-up (see above)")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise click.ClickException(f"the {what} did not answer at {url} within {timeout:.0f}s")


def _first_request(port: int) -> str:
    return f"""
cailos-litellm is serving on http://127.0.0.1:{port}  (Ctrl-C stops it)

  from openai import OpenAI
  client = OpenAI(base_url="http://127.0.0.1:{port}/v1", api_key="sk-cailos-dev")
  reply = client.chat.completions.with_raw_response.create(
      model="auto:cost", messages=[{{"role": "user", "content": "Summarise: the meeting moved to 3pm."}}])
  print(reply.headers["x-cailos-endpoint"], reply.parse().choices[0].message.content)
"""
