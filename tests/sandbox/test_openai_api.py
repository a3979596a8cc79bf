"""OpenAI chat completions over real HTTP with the official SDK."""

from __future__ import annotations

import json
import math

import httpx
import openai
import pytest

from cailos_litellm.sandbox import RunningSandbox

WEATHER = {"type": "function", "function": {"name": "get_weather", "parameters": {
    "type": "object",
    "properties": {"city": {"type": "string"}, "days": {"type": "integer", "minimum": 1},
                   "unit": {"type": "string", "enum": ["c", "f"]}},
    "required": ["city"]}}}
EMAIL = {"type": "function", "function": {"name": "send_email", "parameters": {
    "type": "object", "properties": {"to": {"type": "string"}}}}}


def test_chat_echoes_last_user_message_with_usage(oai: openai.OpenAI) -> None:
    text = "Call <PERSON_1> at <PHONE_1> about the invoice"
    r = oai.chat.completions.create(model="gpt-4o", messages=[
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "earlier"},
        {"role": "assistant", "content": "ok"},
        {"role": "user", "content": text}])
    assert r.choices[0].message.content == f"Echo: {text}"
    assert r.choices[0].finish_reason == "stop"
    assert r.model == "gpt-4o"
    chars = len("be brief") + len("earlier") + len("ok") + len(text)
    assert r.usage.prompt_tokens == math.ceil(chars / 4)
    assert r.usage.completion_tokens == math.ceil(len(f"Echo: {text}") / 4)
    assert r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens


def test_image_parts_are_accepted(oai: openai.OpenAI) -> None:
    r = oai.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [
        {"type": "text", "text": "what is this"},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}]}])
    assert r.choices[0].message.content == "Echo: what is this"


@pytest.mark.parametrize("include_usage", [True, False])
def test_stream_rebuilds_the_text_and_ends_with_usage(oai: openai.OpenAI, include_usage: bool) -> None:
    kwargs = {"stream_options": {"include_usage": True}} if include_usage else {}
    chunks = list(oai.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "stream me some words please"}],
        stream=True, **kwargs))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "Echo: stream me some words please"
    assert len([c for c in chunks if c.choices and c.choices[0].delta.content]) > 3
    finishes = [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason]
    assert finishes == ["stop"]
    if include_usage:
        assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens == math.ceil(len(text) / 4)
    else:
        assert all(c.usage is None for c in chunks)


def test_stream_ends_with_done(sandbox: RunningSandbox) -> None:
    with httpx.stream("POST", sandbox.openai_base() + "/chat/completions", headers={"authorization": "Bearer k"},
                      json={"model": "gpt-4o", "stream": True, "messages": [{"role": "user", "content": "hi"}]}) as r:
        lines = [ln for ln in r.iter_lines() if ln]
    assert r.headers["content-type"].startswith("text/event-stream")
    assert all(ln.startswith("data: ") for ln in lines) and lines[-1] == "data: [DONE]"


@pytest.mark.parametrize("tool_choice, expected", [
    (None, "get_weather"), ("auto", "get_weather"), ("required", "get_weather"),
    ({"type": "function", "function": {"name": "send_email"}}, "send_email"),
])
def test_tool_call_fills_schema_with_user_text(oai: openai.OpenAI, tool_choice: object, expected: str) -> None:
    kwargs = {"tool_choice": tool_choice} if tool_choice is not None else {}
    r = oai.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Weather in Oslo"}],
                                    tools=[WEATHER, EMAIL], **kwargs)
    choice = r.choices[0]
    assert choice.finish_reason == "tool_calls" and choice.message.content is None
    call = choice.message.tool_calls[0]
    args = json.loads(call.function.arguments)
    assert call.function.name == expected
    if expected == "get_weather":
        assert args == {"city": "Weather in Oslo", "days": 1, "unit": "c"}
    else:
        assert args == {"to": "Weather in Oslo"}


def test_tool_choice_none_answers_text(oai: openai.OpenAI) -> None:
    r = oai.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}],
                                    tools=[WEATHER], tool_choice="none")
    assert r.choices[0].message.content == "Echo: hi" and not r.choices[0].message.tool_calls


def test_after_tool_result_answers_text_echoing_it(oai: openai.OpenAI) -> None:
    r = oai.chat.completions.create(model="gpt-4o", tools=[WEATHER], messages=[
        {"role": "user", "content": "Weather in Oslo"},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": '{"city":"Oslo"}'}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": "12C and rain"}])
    assert r.choices[0].message.content == "Tool result: 12C and rain"
    assert r.choices[0].finish_reason == "stop"


def test_streamed_tool_call_reassembles(oai: openai.OpenAI) -> None:
    chunks = list(oai.chat.completions.create(
        model="gpt-4o", messages=[{"role": "user", "content": "Weather in Oslo, long text to split"}],
        tools=[WEATHER], stream=True))
    calls = [tc for c in chunks if c.choices for tc in (c.choices[0].delta.tool_calls or [])]
    assert calls[0].id and calls[0].function.name == "get_weather"
    args = "".join(tc.function.arguments or "" for tc in calls)
    assert len(calls) > 2
    assert json.loads(args)["city"] == "Weather in Oslo, long text to split"
    assert [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason] == ["tool_calls"]


def test_json_object_mode(oai: openai.OpenAI) -> None:
    r = oai.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "give json"}],
                                    response_format={"type": "json_object"})
    assert json.loads(r.choices[0].message.content) == {"answer": "Echo: give json"}


def test_json_schema_mode_matches_the_schema(oai: openai.OpenAI) -> None:
    schema = {
        "type": "object",
        "properties": {
            "name": {"type": "string"}, "age": {"type": "integer"}, "score": {"type": "number", "minimum": 0.5},
            "tags": {"type": "array", "items": {"type": "string"}}, "ok": {"type": "boolean"},
            "kind": {"enum": ["a", "b"]}, "nick": {"anyOf": [{"type": "null"}, {"type": "string"}]},
            "addr": {"$ref": "#/$defs/Addr"},
        },
        "required": ["name", "age", "score", "tags", "ok", "kind", "nick", "addr"],
        "additionalProperties": False,
        "$defs": {"Addr": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
                           "additionalProperties": False}},
    }
    r = oai.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Ann"}],
                                    response_format={"type": "json_schema",
                                                     "json_schema": {"name": "p", "schema": schema, "strict": True}})
    assert json.loads(r.choices[0].message.content) == {
        "name": "Ann", "age": 1, "score": 0.5, "tags": ["Ann"], "ok": True, "kind": "a", "nick": "Ann",
        "addr": {"city": "Ann"}}


def test_max_tokens_truncates_with_length(oai: openai.OpenAI) -> None:
    r = oai.chat.completions.create(model="gpt-4o", max_tokens=2,
                                    messages=[{"role": "user", "content": "a fairly long sentence here"}])
    assert r.choices[0].finish_reason == "length" and len(r.choices[0].message.content) == 8


def test_models_list(oai: openai.OpenAI) -> None:
    ids = {m.id for m in oai.models.list()}
    assert {"gpt-5", "gpt-4o", "claude-haiku-4-5", "llama-3.1-8b-instruct"} <= ids


@pytest.mark.parametrize("body, fragment", [
    (b"not json", "not valid JSON"),
    (b'{"model": "gpt-4o"}', "messages"),
    (b'{"messages": [{"role": "user", "content": "x"}]}', "model"),
])
def test_bad_requests_get_openai_error_bodies(sandbox: RunningSandbox, body: bytes, fragment: str) -> None:
    r = httpx.post(sandbox.openai_base() + "/chat/completions", content=body, headers={"authorization": "Bearer k"})
    assert r.status_code == 400
    error = r.json()["error"]
    assert error["type"] == "invalid_request_error" and fragment in error["message"]


def test_azure_deployment_path(sandbox: RunningSandbox) -> None:
    r = httpx.post(sandbox.lane_url("azure") + "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
                   headers={"api-key": "k"}, json={"messages": [{"role": "user", "content": "hi"}]})
    assert r.status_code == 200 and r.json()["model"] == "gpt-4o"
