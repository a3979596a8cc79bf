"""`cailos sandbox`: run the local provider sandbox (OpenAI + Anthropic APIs, control API, one port per lane)."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["sandbox"]


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=4100, show_default=True, type=click.IntRange(1, 65530),
              help="Main port (control API + all models); lanes openai/azure/anthropic/google/local at port+1..+5.")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed for every random draw (answers, faults).")
@click.option("--latency-scale", default=1.0, show_default=True, type=click.FloatRange(min=0),
              help="Multiplies each profile's time to first token and token delays (0 = instant).")
@click.option("--error-scale", default=1.0, show_default=True, type=click.FloatRange(min=0),
              help="Multiplies each profile's base error rate (0 = only injected faults).")
@click.option("--profiles", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Model profiles YAML (default: the bundled profiles.yaml).")
def sandbox(host: str, port: int, seed: int, latency_scale: float, error_scale: float, profiles: Path | None) -> None:
    """Run the provider sandbox so the proxy, tests and drills need no provider keys."""
    from cailos_litellm.errors import ConfigError
    from cailos_litellm.sandbox.server import SandboxOptions, run

    options = SandboxOptions(host=host, port=port, seed=seed, latency_scale=latency_scale, error_scale=error_scale,
                             profiles=profiles)
    try:
        run(options)
    except ConfigError as exc:
        raise click.ClickException(exc.message) from exc
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}..{port + 5}: {exc.strerror}") from exc
