"""Eval items: correct with probability = skill, deterministic per seed, model and item."""

from __future__ import annotations

import httpx
import openai
import pytest

from cailos_litellm.sandbox import RunningSandbox, load_eval_items, load_profiles, run_sandbox
from cailos_litellm.types import TASK_CLASSES


def test_items_cover_every_task_class() -> None:
    items = load_eval_items()
    assert {i.task for i in items} == set(TASK_CLASSES)
    assert all(sum(i.task == t for i in items) >= 5 for t in TASK_CLASSES)
    assert len({i.id for i in items}) == len(items) and len({i.prompt for i in items}) == len(items)
    assert all(i.answer != i.wrong for i in items)
    assert all(i.tools for i in items if i.task == "tool_use")


def _grade(sb: RunningSandbox, model: str) -> dict[str, bool]:
    client = openai.OpenAI(base_url=sb.openai_base(), api_key="k", max_retries=0)
    out = {}
    for item in load_eval_items():
        kwargs = {"tools": list(item.tools)} if item.tools else {}
        r = client.chat.completions.create(model=model, messages=[{"role": "user", "content": item.prompt}], **kwargs)
        msg = r.choices[0].message
        got = msg.tool_calls[0].function.name if msg.tool_calls else msg.content
        assert got in (item.answer, item.wrong)
        out[item.id] = got == item.answer
    return out


def test_accuracy_follows_skill_and_is_deterministic(sandbox: RunningSandbox) -> None:
    strong, weak = _grade(sandbox, "gpt-5"), _grade(sandbox, "llama-3.1-8b-instruct")
    assert _grade(sandbox, "gpt-5") == strong
    assert sum(strong.values()) > sum(weak.values()) + 10
    profiles = load_profiles()
    expected = sum(profiles.get("gpt-5").skill(i.task) for i in load_eval_items())
    assert abs(sum(strong.values()) - expected) < 10
    rec = sandbox.control.requests(limit=1)[0]
    assert rec["eval_item"] == load_eval_items()[-1].id and isinstance(rec["correct"], bool)


def test_another_seed_grades_differently(sandbox: RunningSandbox) -> None:
    first = _grade(sandbox, "gpt-4o-mini")
    with run_sandbox(seed=1) as other:
        assert _grade(other, "gpt-4o-mini") != first


@pytest.mark.parametrize("mode", ["object", "schema"])
def test_eval_answers_in_json_mode(sandbox: RunningSandbox, mode: str) -> None:
    item = next(i for i in load_eval_items() if i.task == "math_reasoning")
    fmt = ({"type": "json_object"} if mode == "object" else
           {"type": "json_schema", "json_schema": {"name": "a", "schema": {
               "type": "object", "properties": {"result": {"type": "string"}}, "required": ["result"]}}})
    r = httpx.post(sandbox.openai_base() + "/chat/completions", headers={"authorization": "Bearer k"}, json={
        "model": "gpt-5", "messages": [{"role": "user", "content": item.prompt}], "response_format": fmt})
    content = r.json()["choices"][0]["message"]["content"]
    assert content in [f'{{"{k}":"{v}"}}' for k in ("answer", "result") for v in (item.answer, item.wrong)]
