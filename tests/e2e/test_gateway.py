"""The real proxy on proxy_config.yaml, the sandbox over HTTP, the official OpenAI SDK."""

from __future__ import annotations

import json

import openai
import pytest

from cailos_litellm.config import load_bundle_config
from cailos_litellm.proxy.facts import litellm_facts
from cailos_litellm.types import STRATEGIES, TASK_CLASSES

from cailos_litellm.launch import ROOT

pytestmark = pytest.mark.e2e

CONFIG = load_bundle_config(ROOT / "proxy_config.yaml", litellm_facts, environ={})
# endpoint -> the model names its deployments send upstream
UPSTREAM = {e.name: {d.litellm_model.split("/", 1)[-1] for d in e.deployments} for e in CONFIG.registry.endpoints}

USER = [{"role": "user", "content": "Summarise the meeting notes for the Q3 review."}]


def _call(client, **kwargs):
    raw = client.chat.completions.with_raw_response.create(**{"messages": USER, **kwargs})
    return raw.headers, raw.parse()


def _last_request(sandbox, model=None):
    return sandbox.control.requests(model=model, limit=1)[-1]


def test_auto_returns_answer_and_decision_headers(client, sandbox_clean):
    headers, reply = _call(client, model="auto")
    assert "Summarise the meeting notes" in reply.choices[0].message.content
    assert len(headers["x-cailos-decision-id"]) == 32
    assert headers["x-cailos-strategy"] in STRATEGIES  # the classifier's choice for `auto`
    assert headers["x-cailos-task"] in TASK_CLASSES
    served = headers["x-cailos-endpoint"]
    assert served == headers["x-litellm-model-group"]
    assert _last_request(sandbox_clean)["model"] in UPSTREAM[served]


def test_auto_classifies_the_prompt_and_reads_the_task_header(client, sandbox_clean):
    code = [{"role": "user", "content": "Write a Python function that parses ISO 8601 dates and returns a datetime; "
                                        "include type hints and pytest unit tests.\n```python\ndef parse(s: str):\n```"}]
    headers, _ = _call(client, model="auto", messages=code)
    assert headers["x-cailos-task"] in {"code_generation", "debugging"}
    headers, _ = _call(client, model="gpt-4o-mini", messages=code)
    assert "x-cailos-task" not in headers  # named models are not classified


@pytest.mark.parametrize("model, strategy", [("auto:cost", "cost"), ("auto:quality", "quality"), ("gpt-4o:speed", "speed")])
def test_strategy_from_model_string(client, sandbox_clean, model, strategy):
    headers, _ = _call(client, model=model)
    assert headers["x-cailos-strategy"] == strategy


def test_named_model_is_a_transparent_gateway_with_failover_chain(client, sandbox_clean):
    headers, reply = _call(client, model="gpt-4o-mini")
    assert headers["x-cailos-endpoint"] == "gpt-4o-mini"
    assert reply.choices[0].message.content
    assert _last_request(sandbox_clean)["model"] == "gpt-4o-mini"


def test_streaming_carries_headers_and_the_whole_answer(client, sandbox_clean):
    with client.chat.completions.with_streaming_response.create(model="auto", messages=USER, stream=True) as raw:
        assert raw.headers["x-cailos-decision-id"]
        text = "".join(chunk.choices[0].delta.content or "" for chunk in raw.parse() if chunk.choices)
    assert "Summarise the meeting notes" in text
    assert _last_request(sandbox_clean)["stream"] is True


TOOLS = [{
    "type": "function",
    "function": {"name": "lookup_order", "description": "Find an order",
                 "parameters": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}},
}]


@pytest.mark.parametrize("stream", [False, True])
def test_tool_calls(client, sandbox_clean, stream):
    kwargs = dict(model="auto", messages=[{"role": "user", "content": "Where is order 4411?"}], tools=TOOLS)
    if not stream:
        call = client.chat.completions.create(**kwargs).choices[0].message.tool_calls[0]
        name, arguments = call.function.name, call.function.arguments
    else:
        name, arguments = "", ""
        for chunk in client.chat.completions.create(**kwargs, stream=True):
            for tc in (chunk.choices[0].delta.tool_calls or []) if chunk.choices else []:
                name += tc.function.name or ""
                arguments += tc.function.arguments or ""
    assert name == "lookup_order"
    assert "order 4411" in json.loads(arguments)["query"]
    assert "tools" in _last_request(sandbox_clean)["body"]


def test_json_mode_and_json_schema(client, sandbox_clean):
    reply = client.chat.completions.create(model="auto", messages=USER, response_format={"type": "json_object"})
    assert isinstance(json.loads(reply.choices[0].message.content), dict)
    schema = {"type": "object", "properties": {"title": {"type": "string"}, "score": {"type": "number"}},
              "required": ["title", "score"], "additionalProperties": False}
    reply = client.chat.completions.create(
        model="auto", messages=USER,
        response_format={"type": "json_schema", "json_schema": {"name": "r", "schema": schema, "strict": True}})
    data = json.loads(reply.choices[0].message.content)
    assert isinstance(data["title"], str) and isinstance(data["score"], (int, float))


@pytest.mark.parametrize("stream", [False, True])
def test_anthropic_format_deployment_behind_the_proxy(client, sandbox_clean, stream):
    if stream:
        chunks = list(client.chat.completions.create(model="claude-haiku-4-5", messages=USER, stream=True))
        text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    else:
        text = client.chat.completions.create(model="claude-haiku-4-5", messages=USER).choices[0].message.content
    assert "Summarise the meeting notes" in text
    received = _last_request(sandbox_clean)
    assert received["api"] == "anthropic" and received["model"] == "claude-haiku-4-5"


@pytest.mark.parametrize("model", ["auto:cheapest", "gpt-9", "gpt-4o:", "auto:cost:x", "  "])
def test_bad_model_strings_get_400_listing_valid_choices(client, model):
    with pytest.raises(openai.BadRequestError) as err:
        client.chat.completions.create(model=model, messages=USER)
    message = err.value.message
    assert all(s in message for s in STRATEGIES)
    assert "gpt-4o-mini" in message and "claude-sonnet" in message
    # …and the proxy keeps serving
    assert client.chat.completions.create(model="auto", messages=USER).choices[0].message.content


@pytest.mark.parametrize(
    "extra, fragment",
    [({"metadata": {"trust_level": 9}}, "trust_level"),
     ({"metadata": {"required_capabilities": ["telepathy"]}}, "telepathy"),
     ({"extra_headers": {"x-cailos-max-cost-usd": "-1"}}, "x-cailos-max-cost-usd")],
)
def test_bad_hints_get_400_naming_the_hint(client, extra, fragment):
    with pytest.raises(openai.BadRequestError, match=fragment):
        client.chat.completions.create(model="auto", messages=USER, **extra)


def test_trust_floor_is_a_hard_floor(client, sandbox_clean):
    headers, _ = _call(client, model="auto", extra_headers={"x-cailos-trust-level": "3"})
    assert headers["x-cailos-endpoint"] == "llama-3.1-8b-local"
    with pytest.raises(openai.UnprocessableEntityError, match="trust_level 3"):
        client.chat.completions.create(
            model="auto", messages=USER, metadata={"trust_level": "3", "required_capabilities": "vision"})


def test_deprecated_codename_is_served_by_successor(client, sandbox_clean):
    headers, _ = _call(client, model="gpt-4-legacy")
    assert headers["x-cailos-endpoint"] == "gpt-4o"
    assert headers["x-cailos-deprecated"] == "gpt-4-legacy; served by gpt-4o"
