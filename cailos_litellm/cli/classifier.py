"""`cailos classifier`: rebuild the intent model."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["classifier"]


@click.group()
def classifier() -> None:
    """Build the intent classifier."""


@classifier.command()
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the bundle (default: the package's model/intent.npz).")
@click.option("--from-feedback", "feedback", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Decision-log JSONL (DecisionRecord lines) to add as training signal.")
@click.option("--shared-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder with the public data (default: <repo>/../shared/data).")
@click.option("--data-out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the generated synthetic set as JSONL here.")
@click.option("--seed", default=None, type=int, help="Training seed (default: the fixed project seed).")
def train(out: Path | None, feedback: Path | None, shared_dir: Path | None, data_out: Path | None,
          seed: int | None) -> None:
    """Rebuild every head reproducibly and write the model bundle."""
    from cailos_litellm.errors import ConfigError
    from cailos_litellm.intent.train import SEED
    from cailos_litellm.intent.train import train as run

    try:
        report = run(out, shared_dir=shared_dir, feedback=feedback, data_out=data_out,
                     seed=SEED if seed is None else seed)
    except ConfigError as exc:
        raise click.ClickException(exc.message) from exc
    rows = ", ".join(f"{k}={v}" for k, v in report.rows.items())
    click.echo(f"wrote {report.path}: {report.trees} trees, {report.bytes / 1024:.0f} KiB ({rows})")
