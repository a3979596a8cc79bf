"""The pre-call routing decision: LiteLLM's request dict in, a Decision and the request's facts out."""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from ..modelstring import parse_model_string
from ..ranking import RankContext, choose_strategy
from ..request import read_hints, request_facts
from ..types import Decision, RequestFacts
from .runtime import Runtime

__all__ = ["decide", "team_settings"]


async def decide(rt: Runtime, data: Mapping[str, Any], key: Any) -> tuple[Decision, RequestFacts]:
    settings = rt.config.settings
    registry = rt.config.registry
    today = date.today()
    hints = read_hints(data.get("metadata"), _request_headers(data))
    team = team_settings(key)
    spec = parse_model_string(data.get("model"), registry, today)
    facts = request_facts(
        data,
        hints,
        trust_floor=max(settings.default_trust_level, int(team.get("trust_level", 0))),
        team_id=getattr(key, "team_id", None),
    )
    intent = None
    if spec.kind == "auto" and rt.classifier is not None:  # only `auto` asks the classifier (no text leaves)
        intent = rt.classifier.classify(data.get("messages") or [], tools=data.get("tools"), stream=facts.stream)
    strategy = choose_strategy(spec, default=settings.default_strategy, hint=hints.strategy,
                               classifier=intent.strategy if intent else None,
                               team_default=team.get("default_strategy"))
    task = intent.task if intent else None
    health = await (rt.snapshots.get(task) if rt.snapshots else rt.health.snapshot(registry, task))
    ctx = RankContext(spec=spec, facts=facts, strategy=strategy, today=today, task=task,
                      complexity=intent.complexity if intent else None,
                      task_confidence=intent.task_confidence if intent else None, health=health)
    return rt.pipeline.rank(registry.endpoints, ctx), facts


def team_settings(key: Any) -> Mapping[str, Any]:
    """`cailos` settings carried by the virtual key or its team (key wins)."""
    merged: dict[str, Any] = {}
    for source in (getattr(key, "team_metadata", None), getattr(key, "metadata", None)):
        if isinstance(source, Mapping) and isinstance(source.get("cailos"), Mapping):
            merged.update(source["cailos"])
    return merged


def _request_headers(data: Mapping[str, Any]) -> Mapping[str, str]:
    request = data.get("proxy_server_request") or {}
    return request.get("headers") or (data.get("metadata") or {}).get("headers") or {}
