"""`cailos classify`: inspect the intent classifier on one prompt or a JSONL stream."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

import click

__all__ = ["classify", "parse_request"]


def parse_request(obj: Any) -> tuple[list[dict[str, Any]], list[Any] | None, bool]:
    """(messages, tools, stream) from `{"messages": [...]}` or `{"prompt": "..."}`; ValueError names the problem."""
    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object")
    tools = obj.get("tools")
    if tools is not None and not isinstance(tools, list):
        raise ValueError("'tools' must be a list")
    stream = bool(obj.get("stream", False))
    if "messages" in obj:
        msgs = obj["messages"]
        if not isinstance(msgs, list) or not msgs or not all(isinstance(m, dict) for m in msgs):
            raise ValueError("'messages' must be a non-empty list of objects")
        for i, m in enumerate(msgs):
            c = m.get("content")
            if c is not None and not isinstance(c, (str, list)):
                raise ValueError(f"messages[{i}].content must be a string, a list or null")
        return msgs, tools, stream
    if "prompt" in obj:
        if not isinstance(obj["prompt"], str):
            raise ValueError("'prompt' must be a string")
        return [{"role": "user", "content": obj["prompt"]}], tools, stream
    raise ValueError("expected 'messages' or 'prompt'")


def _stream_jsonl(clf: Any, src: TextIO, out: TextIO) -> int:
    """One output line per input line, flushed as soon as it is ready; returns the number of errors."""
    errors = 0
    for n, line in enumerate(iter(src.readline, ""), start=1):
        if not line.strip():
            continue
        t0 = time.perf_counter()
        try:
            messages, tools, stream = parse_request(json.loads(line))
            intent = clf.classify(messages, tools, stream)
            rec: dict[str, Any] = {"task": intent.task, "task_confidence": round(intent.task_confidence, 4),
                                   "strategy": intent.strategy, "complexity": round(intent.complexity, 4),
                                   "latency_ms": round((time.perf_counter() - t0) * 1e3, 3)}
        except json.JSONDecodeError as exc:
            errors += 1
            rec = {"error": f"invalid JSON at column {exc.colno}", "line": n}
        except ValueError as exc:
            errors += 1
            rec = {"error": str(exc), "line": n}
        out.write(json.dumps(rec) + "\n")
        out.flush()
    return errors


@click.command()
@click.argument("prompt", required=False)
@click.option("--jsonl", "jsonl", is_flag=True, help="Read one JSON request per line on stdin, write one per line.")
@click.option("--model", "model_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Model bundle (default: the one shipped in the package).")
@click.option("--top", default=8, show_default=True, help="How many top features to show for a single prompt.")
@click.option("--stream", is_flag=True, help="Classify as a streaming request (affects the strategy).")
def classify(prompt: str | None, jsonl: bool, model_path: Path | None, top: int, stream: bool) -> None:
    """Predict task class, strategy and complexity for PROMPT (or a JSONL stream with --jsonl)."""
    from cailos_litellm.errors import ConfigError
    from cailos_litellm.intent import load_classifier

    try:
        clf = load_classifier(model_path)
    except ConfigError as exc:
        raise click.ClickException(exc.message) from exc
    if jsonl:
        _stream_jsonl(clf, sys.stdin, sys.stdout)
        return
    if prompt is None:
        raise click.UsageError("give a PROMPT or use --jsonl")
    t0 = time.perf_counter()
    intent = clf.classify([{"role": "user", "content": prompt}], None, stream)
    latency = (time.perf_counter() - t0) * 1e3
    explained = clf.classify([{"role": "user", "content": prompt}], None, stream, explain=top)
    click.echo(f"task:       {intent.task} (confidence {intent.task_confidence:.2f})")
    click.echo(f"strategy:   {intent.strategy}")
    click.echo(f"complexity: {intent.complexity:.2f}")
    click.echo(f"latency:    {latency:.3f} ms")
    if explained.top_features:
        click.echo(f"top features for '{intent.task}':")
        for name, value in explained.top_features:
            click.echo(f"  {value:+.3f}  {name}")
