"""Sizes and needs of a chat request (never its text): token estimate, stream flag, capabilities it requires."""

from __future__ import annotations

from typing import Any, Mapping

from ..types import RequestFacts
from .hints import Hints

__all__ = ["estimate_tokens", "request_facts"]

_CHARS_PER_TOKEN = 4  # cheap and conservative enough for ranking; exact counts come back in usage


def estimate_tokens(messages: Any, tools: Any = None) -> int:
    chars = 0
    for message in messages if isinstance(messages, list) else ():
        if not isinstance(message, Mapping):
            continue
        content = message.get("content")
        if isinstance(content, str):
            chars += len(content)
        elif isinstance(content, list):
            chars += sum(len(p.get("text") or "") for p in content if isinstance(p, Mapping))
        for call in message.get("tool_calls") or ():
            if isinstance(call, Mapping):
                chars += len(str((call.get("function") or {}).get("arguments") or ""))
    if tools:
        chars += len(str(tools))
    return chars // _CHARS_PER_TOKEN + 1


def _needs(data: Mapping[str, Any]) -> set[str]:
    needs: set[str] = set()
    if data.get("tools") or data.get("functions"):
        needs.add("tools")
    response_format = data.get("response_format")
    if isinstance(response_format, Mapping) and response_format.get("type") == "json_schema":
        needs.add("json_schema")
    for message in data.get("messages") or ():
        content = message.get("content") if isinstance(message, Mapping) else None
        if isinstance(content, list) and any(
            isinstance(p, Mapping) and p.get("type") in ("image_url", "input_image", "image") for p in content
        ):
            needs.add("vision")
    return needs


def request_facts(data: Mapping[str, Any], hints: Hints, *, trust_floor: int, team_id: str | None) -> RequestFacts:
    max_tokens = data.get("max_completion_tokens") or data.get("max_tokens")
    return RequestFacts(
        input_tokens=estimate_tokens(data.get("messages"), data.get("tools")),
        max_output_tokens=int(max_tokens) if isinstance(max_tokens, int) and max_tokens > 0 else None,
        stream=bool(data.get("stream")),
        required_capabilities=frozenset(_needs(data) | hints.required_capabilities),
        trust_level=max(trust_floor, hints.trust_level or 0),  # a request may raise its team's floor, never lower it
        max_cost_usd=hints.max_cost_usd,
        max_latency_ms=hints.max_latency_ms,
        team_id=team_id,
        feature=hints.feature,
    )
