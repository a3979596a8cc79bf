"""LiteLLM's real provider code talks to the sandbox lanes (openai/ and anthropic/ with api_base)."""

from __future__ import annotations

import asyncio
import json
from typing import Any, Callable, Coroutine, Iterator

import pytest

from cailos_litellm.sandbox import RunningSandbox

litellm = pytest.importorskip("litellm")

Run = Callable[[Coroutine[Any, Any, Any]], Any]
TOOL = {"type": "function", "function": {"name": "lookup", "parameters": {
    "type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}}}


@pytest.fixture(scope="module")
def run() -> Iterator[Run]:
    # One loop for the module: litellm caches its async HTTP clients, which are bound to the loop that made them.
    loop = asyncio.new_event_loop()
    yield loop.run_until_complete
    loop.close()


def _target(sb: RunningSandbox, which: str) -> dict[str, str]:
    if which == "openai":
        return {"model": "openai/gpt-4o", "api_base": sb.openai_base("openai"), "api_key": "sk-sandbox"}
    return {"model": "anthropic/claude-haiku-4-5", "api_base": sb.lane_url("anthropic"), "api_key": "sk-ant-sandbox"}


async def _collect(**kwargs: Any) -> list[Any]:
    stream = await litellm.acompletion(**kwargs)
    return [chunk async for chunk in stream]


@pytest.mark.parametrize("which", ["openai", "anthropic"])
def test_acompletion_plain_and_streaming(sandbox: RunningSandbox, run: Run, which: str) -> None:
    messages = [{"role": "user", "content": "Hello <PERSON_1>"}]
    r = run(litellm.acompletion(**_target(sandbox, which), messages=messages, max_tokens=50))
    assert r.choices[0].message.content == "Echo: Hello <PERSON_1>"
    assert r.usage.prompt_tokens > 0 and r.usage.completion_tokens > 0
    chunks = run(_collect(**_target(sandbox, which), messages=messages, max_tokens=50, stream=True,
                          stream_options={"include_usage": True}))
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "Echo: Hello <PERSON_1>"
    rec = sandbox.control.requests(limit=2)
    assert [r["api"] for r in rec] == [which, which]
    assert [r["stream"] for r in rec] == [False, True] and all(r["status"] == 200 for r in rec)


@pytest.mark.parametrize("which", ["openai", "anthropic"])
@pytest.mark.parametrize("stream", [False, True])
def test_acompletion_tool_call(sandbox: RunningSandbox, run: Run, which: str, stream: bool) -> None:
    kwargs = {**_target(sandbox, which), "max_tokens": 50, "tools": [TOOL],
              "messages": [{"role": "user", "content": "find invoices"}]}
    if stream:
        r = litellm.stream_chunk_builder(run(_collect(**kwargs, stream=True)))
    else:
        r = run(litellm.acompletion(**kwargs))
    call = r.choices[0].message.tool_calls[0]
    assert call.function.name == "lookup" and json.loads(call.function.arguments) == {"query": "find invoices"}


@pytest.mark.parametrize("which", ["openai", "anthropic"])
def test_acompletion_json_schema(sandbox: RunningSandbox, run: Run, which: str) -> None:
    schema = {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"],
              "additionalProperties": False}
    r = run(litellm.acompletion(**_target(sandbox, which), max_tokens=50, messages=[{"role": "user", "content": "Zoe"}],
                                response_format={"type": "json_schema",
                                                 "json_schema": {"name": "x", "schema": schema, "strict": True}}))
    assert json.loads(r.choices[0].message.content) == {"name": "Zoe"}


def test_provider_errors_map_to_litellm_exceptions(sandbox: RunningSandbox, run: Run) -> None:
    sandbox.control.revoke_key("sk-ant-sandbox")
    with pytest.raises(litellm.AuthenticationError):
        run(litellm.acompletion(**_target(sandbox, "anthropic"), messages=[{"role": "user", "content": "x"}]))
    sandbox.control.add_fault(model="gpt-4o", rate_limit=True, count=1)
    with pytest.raises(litellm.RateLimitError):
        run(litellm.acompletion(**_target(sandbox, "openai"), messages=[{"role": "user", "content": "x"}],
                                num_retries=0))
