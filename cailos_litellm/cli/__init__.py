"""The `cailos` command. Subcommands load lazily so `cailos --help` never imports spaCy or LightGBM."""

from __future__ import annotations

import importlib

import click

__all__ = ["main"]

# name -> "module:attribute" (one module per command group, under cailos_litellm.cli)
COMMANDS: dict[str, str] = {
    "up": "cailos_litellm.cli.up:up",
    "sandbox": "cailos_litellm.cli.sandbox:sandbox",
    "shield": "cailos_litellm.cli.shield:shield",
    "explain": "cailos_litellm.cli.explain:explain",
    "classify": "cailos_litellm.cli.classify:classify",
    "classifier": "cailos_litellm.cli.classifier:classifier",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, _, attr = target.partition(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=_LazyGroup)
@click.version_option(package_name="cailos-litellm")
def main() -> None:
    """cailos-litellm: price-performance routing for the LiteLLM proxy."""
