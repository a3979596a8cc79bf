"""`cailos shield`: try the PII shield on your own terminal (originals are shown: it is your text)."""

from __future__ import annotations

import json
import sys
import time

import click

__all__ = ["shield"]


class _ShieldGroup(click.Group):
    """`cailos shield "<text>"` cloaks a text; `cailos shield detect --jsonl` is the machine interface."""

    def resolve_command(self, ctx: click.Context, args: list[str]):  # type: ignore[no-untyped-def]
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "cloak", self.commands["cloak"], args
        return super().resolve_command(ctx, args)


@click.group(cls=_ShieldGroup)
def shield() -> None:
    """Cloak PII in a text, or detect PII spans in JSONL from stdin."""


@shield.command("cloak")
@click.argument("text")
def cloak(text: str) -> None:
    """Show TEXT cloaked, and each entity with its placeholder."""
    from cailos_litellm.errors import PIIShieldError
    from cailos_litellm.pii import load_shield

    try:
        cloaked, cmap = load_shield().cloak_text(text)
    except PIIShieldError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(cloaked)
    if cmap.originals:
        click.echo("")
        for (entity, n), original in cmap.originals.items():
            click.echo(f"  <{entity}_{n}>  {entity:<12} {original}")


@shield.command("detect")
@click.option("--jsonl", is_flag=True, required=True, help='Read {"text": ...} lines on stdin, write one result line each.')
def detect(jsonl: bool) -> None:
    """Stream spans (character offsets) for each input line; a malformed line gets an error line."""
    from cailos_litellm.errors import PIIShieldError
    from cailos_litellm.pii import load_shield

    sh = load_shield()
    out = sys.stdout
    for lineno, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text = obj["text"] if isinstance(obj, dict) else None
            if not isinstance(text, str):
                raise ValueError('expected an object with a string "text" field')
        except (ValueError, KeyError) as exc:
            reason = exc.args[0] if isinstance(exc, ValueError) and isinstance(exc.args[0], str) and "expected" in exc.args[0] else "invalid JSON or missing \"text\""
            out.write(json.dumps({"error": f"line {lineno}: {reason}"}) + "\n")
            out.flush()
            continue
        t0 = time.perf_counter()
        try:
            spans = sh.detect(text)
        except PIIShieldError as exc:
            out.write(json.dumps({"error": f"line {lineno}: {exc.message}"}) + "\n")
            out.flush()
            continue
        ms = (time.perf_counter() - t0) * 1000
        out.write(json.dumps({"spans": [{"start": s.start, "end": s.end, "type": s.entity} for s in spans], "latency_ms": round(ms, 3)}) + "\n")
        out.flush()
