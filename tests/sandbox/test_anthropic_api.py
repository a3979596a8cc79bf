"""Anthropic messages over real HTTP (httpx), plain and streaming."""

from __future__ import annotations

import json
import math
from typing import Any

import httpx
import pytest

from cailos_litellm.sandbox import RunningSandbox

HEADERS = {"x-api-key": "sk-ant-test", "anthropic-version": "2023-06-01"}
WEATHER = {"name": "get_weather", "description": "weather", "input_schema": {
    "type": "object", "properties": {"city": {"type": "string"}, "days": {"type": "integer"}}, "required": ["city"]}}
EMAIL = {"name": "send_email", "input_schema": {"type": "object", "properties": {"to": {"type": "string"}}}}


def _post(sb: RunningSandbox, body: dict[str, Any], headers: dict[str, str] = HEADERS) -> httpx.Response:
    return httpx.post(sb.lane_url("anthropic") + "/v1/messages", json=body, headers=headers, timeout=10)


def _events(sb: RunningSandbox, body: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out = []
    with httpx.stream("POST", sb.lane_url("anthropic") + "/v1/messages", json={**body, "stream": True},
                      headers=HEADERS, timeout=10) as r:
        assert r.status_code == 200
        name = None
        for line in r.iter_lines():
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: "):
                data = json.loads(line[6:])
                assert data["type"] == name
                out.append((name, data))
    return out


def test_message_echoes_with_usage(sandbox: RunningSandbox) -> None:
    text = "Hello from <PERSON_1>"
    r = _post(sandbox, {"model": "claude-haiku-4-5", "max_tokens": 100, "system": "sys",
                        "messages": [{"role": "user", "content": [{"type": "text", "text": text}]}]})
    body = r.json()
    assert r.status_code == 200 and r.headers["request-id"]
    assert body["type"] == "message" and body["role"] == "assistant" and body["stop_reason"] == "end_turn"
    assert body["content"] == [{"type": "text", "text": f"Echo: {text}"}]
    assert body["usage"]["input_tokens"] == math.ceil((3 + len(text)) / 4)
    assert body["usage"]["output_tokens"] == math.ceil(len(f"Echo: {text}") / 4)


def test_image_blocks_are_accepted(sandbox: RunningSandbox) -> None:
    r = _post(sandbox, {"model": "claude-sonnet-4-5", "max_tokens": 50, "messages": [{"role": "user", "content": [
        {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}},
        {"type": "text", "text": "describe"}]}]})
    assert r.json()["content"][0]["text"] == "Echo: describe"


def test_stream_event_sequence(sandbox: RunningSandbox) -> None:
    events = _events(sandbox, {"model": "claude-haiku-4-5", "max_tokens": 100,
                               "messages": [{"role": "user", "content": "several words to stream"}]})
    names = [n for n, _ in events]
    assert names[:2] == ["message_start", "content_block_start"]
    assert names[-3:] == ["content_block_stop", "message_delta", "message_stop"]
    deltas = [d["delta"] for n, d in events if n == "content_block_delta"]
    assert len(deltas) > 2 and all(d["type"] == "text_delta" for d in deltas)
    assert "".join(d["text"] for d in deltas) == "Echo: several words to stream"
    assert events[-2][1]["delta"]["stop_reason"] == "end_turn"
    assert events[-2][1]["usage"]["output_tokens"] == math.ceil(len("Echo: several words to stream") / 4)


@pytest.mark.parametrize("tool_choice, expected", [
    (None, "get_weather"), ({"type": "auto"}, "get_weather"), ({"type": "any"}, "get_weather"),
    ({"type": "tool", "name": "send_email"}, "send_email"),
])
def test_tool_use(sandbox: RunningSandbox, tool_choice: dict[str, str] | None, expected: str) -> None:
    body: dict[str, Any] = {"model": "claude-sonnet-4-5", "max_tokens": 100, "tools": [WEATHER, EMAIL],
                            "messages": [{"role": "user", "content": "Rome"}]}
    if tool_choice:
        body["tool_choice"] = tool_choice
    out = _post(sandbox, body).json()
    assert out["stop_reason"] == "tool_use"
    block = out["content"][0]
    assert block["type"] == "tool_use" and block["name"] == expected and block["id"].startswith("toolu_")
    assert block["input"] == ({"city": "Rome", "days": 1} if expected == "get_weather" else {"to": "Rome"})


def test_tool_choice_none_and_tool_result(sandbox: RunningSandbox) -> None:
    out = _post(sandbox, {"model": "claude-sonnet-4-5", "max_tokens": 100, "tools": [WEATHER],
                          "tool_choice": {"type": "none"}, "messages": [{"role": "user", "content": "hi"}]}).json()
    assert out["content"][0] == {"type": "text", "text": "Echo: hi"}
    out = _post(sandbox, {"model": "claude-sonnet-4-5", "max_tokens": 100, "tools": [WEATHER], "messages": [
        {"role": "user", "content": "Rome"},
        {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "get_weather",
                                           "input": {"city": "Rome"}}]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t1",
                                      "content": [{"type": "text", "text": "sunny 25C"}]}]}]}).json()
    assert out["content"] == [{"type": "text", "text": "Tool result: sunny 25C"}] and out["stop_reason"] == "end_turn"


def test_streamed_tool_use_input_json_delta(sandbox: RunningSandbox) -> None:
    events = _events(sandbox, {"model": "claude-sonnet-4-5", "max_tokens": 100, "tools": [WEATHER],
                               "messages": [{"role": "user", "content": "a city with a long name"}]})
    start = next(d for n, d in events if n == "content_block_start")
    assert start["content_block"]["type"] == "tool_use" and start["content_block"]["name"] == "get_weather"
    parts = [d["delta"] for n, d in events if n == "content_block_delta"]
    assert len(parts) > 1 and all(p["type"] == "input_json_delta" for p in parts)
    assert json.loads("".join(p["partial_json"] for p in parts)) == {"city": "a city with a long name", "days": 1}
    assert events[-2][1]["delta"]["stop_reason"] == "tool_use"


def test_output_format_json_schema(sandbox: RunningSandbox) -> None:
    schema = {"type": "object", "properties": {"who": {"type": "string"}, "n": {"type": "integer"}},
              "required": ["who", "n"], "additionalProperties": False}
    out = _post(sandbox, {"model": "claude-sonnet-4-5", "max_tokens": 100,
                          "output_format": {"type": "json_schema", "schema": schema},
                          "messages": [{"role": "user", "content": "Bob"}]}).json()
    assert json.loads(out["content"][0]["text"]) == {"who": "Bob", "n": 1}


@pytest.mark.parametrize("body, fragment", [
    ({"model": "claude-haiku-4-5", "messages": [{"role": "user", "content": "x"}]}, "max_tokens"),
    ({"model": "claude-haiku-4-5", "max_tokens": 5, "messages": []}, "messages"),
    ({"model": "claude-haiku-4-5", "max_tokens": 5, "messages": [{"role": "system", "content": "x"}]}, "role"),
])
def test_bad_requests_get_anthropic_error_bodies(sandbox: RunningSandbox, body: dict[str, Any], fragment: str) -> None:
    r = _post(sandbox, body)
    assert r.status_code == 400
    out = r.json()
    assert out["type"] == "error" and out["error"]["type"] == "invalid_request_error"
    assert fragment in out["error"]["message"]


def test_bearer_auth_is_accepted(sandbox: RunningSandbox) -> None:
    r = _post(sandbox, {"model": "claude-haiku-4-5", "max_tokens": 5, "messages": [{"role": "user", "content": "x"}]},
              headers={"authorization": "Bearer tok"})
    assert r.status_code == 200
