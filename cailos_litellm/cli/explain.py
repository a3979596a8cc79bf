"""`cailos explain`: why a request goes where it goes — the chain, each stage's removals and the scores.

    cailos explain "<prompt>" --model auto:cost [--config proxy_config.yaml] [--trust N] [--tools] [--vision]
    cailos explain <decision-id> [--state-url redis://…]     (a decision the proxy made, from the decision log)

The prompt is only measured (length -> token estimate); it is never printed, logged or stored.
"""

from __future__ import annotations

import asyncio
import os
import re
from datetime import datetime, timezone
from typing import Any

import click

__all__ = ["explain", "render"]

_DECISION_ID = re.compile(r"^[0-9a-f]{32}$")  # what the proxy issues (uuid4 hex)
_CHARS_PER_TOKEN = 4
_SCORERS = ("quality", "reliability", "satisfaction", "cost", "latency")


@click.command()
@click.argument("target")
@click.option("--model", default="auto", show_default=True, help="Model string: auto, auto:cost, gpt-4o:speed, …")
@click.option("--config", "config_path", envvar="CAILOS_CONFIG", default="proxy_config.yaml", show_default=True,
              type=click.Path(dir_okay=False), help="The proxy config (model_list + cailos fields).")
@click.option("--trust", type=click.IntRange(0, 3), default=None, help="Trust floor of the request (0-3).")
@click.option("--tools", is_flag=True, help="The request uses tools.")
@click.option("--vision", is_flag=True, help="The request contains images.")
@click.option("--json-schema", "json_schema", is_flag=True, help="The request asks for a JSON schema response.")
@click.option("--max-tokens", type=click.IntRange(min=1), default=None, help="max_tokens of the request.")
@click.option("--max-cost", type=click.FloatRange(min=0, min_open=True), default=None, help="max_cost_usd hint.")
@click.option("--max-latency", type=click.FloatRange(min=0, min_open=True), default=None, help="max_latency_ms hint.")
@click.option("--task", default=None, help="Task class to assume (default with auto: the classifier's).")
@click.option("--complexity", type=click.FloatRange(0, 1), default=None,
              help="0-1 'needs a strong model' score (default with auto: the classifier's).")
@click.option("--state-url", envvar="CAILOS_STATE_URL", default=None,
              help="State store for live health and the decision log (default: the config's state_url).")
@click.option("--json", "as_json", is_flag=True, help="Print the decision as JSON.")
def explain(target: str, model: str, config_path: str, trust: int | None, tools: bool, vision: bool,
            json_schema: bool, max_tokens: int | None, max_cost: float | None, max_latency: float | None,
            task: str | None, complexity: float | None, state_url: str | None, as_json: bool) -> None:
    """Explain the routing of a prompt (ranked now) or of a past decision (by its id)."""
    from ..decisions import DecisionLog, decision_to_json
    from ..errors import CailosError
    from ..types import TASK_CLASSES

    if task is not None and task not in TASK_CLASSES:
        raise click.BadParameter(f"unknown task class (valid: {', '.join(TASK_CLASSES)})", param_hint="--task")
    try:
        if _DECISION_ID.match(target):
            url = state_url or _settings_url(config_path)
            found = asyncio.run(_with_store(url, lambda store: DecisionLog(store).get(target)))
            if found is None:
                raise click.ClickException(f"no decision {target} in the decision log at {_safe(url)} "
                                           "(unknown, or older than the log keeps)")
            decision, at = found
        else:
            decision, at = _rank_now(target, model, config_path, trust, {"tools": tools, "vision": vision,
                                     "json_schema": json_schema}, max_tokens, max_cost, max_latency, task,
                                     complexity, state_url)
    except CailosError as exc:
        raise click.ClickException(exc.message) from None
    click.echo(decision_to_json(decision, at) if as_json else render(decision, at))


def _rank_now(prompt: str, model: str, config_path: str, trust: int | None, caps: dict[str, bool],
              max_tokens: int | None, max_cost: float | None, max_latency: float | None, task: str | None,
              complexity: float | None, state_url: str | None) -> tuple[Any, float]:
    import time

    from ..config import load_bundle_config
    from ..health import Health
    from ..modelstring import parse_model_string
    from ..proxy.facts import litellm_facts
    from ..ranking import choose_strategy, rank
    from ..types import HealthSnapshot, RequestFacts

    config = load_bundle_config(config_path, litellm_facts)
    registry = config.registry
    spec = parse_model_string(model, registry)
    facts = RequestFacts(
        input_tokens=len(prompt) // _CHARS_PER_TOKEN + 1,
        max_output_tokens=max_tokens,
        required_capabilities=frozenset(c for c, on in caps.items() if on),
        trust_level=max(config.settings.default_trust_level, trust or 0),
        max_cost_usd=max_cost,
        max_latency_ms=max_latency,
    )
    intent = None
    if spec.kind == "auto":  # as the proxy does: only `auto` asks the classifier
        from ..intent import load_classifier

        intent = load_classifier().classify([{"role": "user", "content": prompt}], tools=None, stream=False)
        task = task or intent.task
        complexity = complexity if complexity is not None else intent.complexity
    health = HealthSnapshot()
    if state_url:
        health = asyncio.run(_with_store(state_url, lambda store: Health(store).snapshot(registry, task)))
    strategy = choose_strategy(spec, default=config.settings.default_strategy,
                               classifier=intent.strategy if intent else None)
    decision = rank(registry, spec, facts, strategy=strategy, task=task, complexity=complexity,
                    task_confidence=intent.task_confidence if intent else None, health=health)
    return decision, time.time()


async def _with_store(url: str, work: Any) -> Any:
    from ..state import open_store

    store = await open_store(url, fallback=False)
    try:
        return await work(store)
    finally:
        await store.close()


def _settings_url(config_path: str) -> str:
    from ..config import load_bundle_config

    if not os.path.exists(config_path):
        raise click.ClickException("no --state-url given and no config file to read state_url from")
    # Prices are irrelevant here; skip the LiteLLM cost map.
    return load_bundle_config(config_path, lambda model: None).settings.state_url


def _safe(url: str) -> str:
    from ..state.redis import redact_url

    return redact_url(url)


def render(decision: Any, at: float) -> str:
    """The decision as a plain-text report: header, ranked chain with scores, then each stage's removals."""
    when = datetime.fromtimestamp(at, timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    spec = decision.spec
    lines = [
        f"decision  {decision.id}  ({when})",
        f"model     {spec.raw}  ->  {spec.kind}{' ' + spec.target if spec.target else ''}"
        + (f"  (replaces deprecated {spec.substituted_from})" if spec.substituted_from else ""),
        f"strategy  {decision.strategy}   task {decision.task or '-'}"
        + (f" ({decision.task_confidence:.2f})" if decision.task_confidence is not None else "") + "   complexity "
        + (f"{decision.complexity:.2f}" if decision.complexity is not None else "-"),
        "",
        "chain (best first):",
    ]
    width = max([len(n) for n in decision.chain] + [8])
    lines.append(f"  {'#':>2}  {'endpoint':<{width}}  {'score':>6}  " + "  ".join(f"{s[:7]:>7}" for s in _SCORERS))
    for i, name in enumerate(decision.chain, 1):
        parts = decision.components.get(name, {})
        cells = "  ".join(f"{parts[s]:7.3f}" if s in parts else f"{'-':>7}" for s in _SCORERS)
        lines.append(f"  {i:>2}  {name:<{width}}  {decision.scores.get(name, 0.0):6.3f}  {cells}")
    lines += ["", "stages:"]
    stage_width = max([len(t.stage) for t in decision.trace] + [5])
    for step in decision.trace:
        if step.removed:
            lines.append(f"  {step.stage:<{stage_width}}  removed {len(step.removed)}")
            lines += [f"  {'':<{stage_width}}    - {name}: {reason}" for name, reason in step.removed]
        else:
            lines.append(f"  {step.stage:<{stage_width}}  {step.note or 'kept all'}")
    return "\n".join(lines)
