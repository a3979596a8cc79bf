from __future__ import annotations

from cailos_litellm.request import Hints, estimate_tokens, request_facts


def test_estimate_counts_text_parts_and_tool_arguments_only():
    messages = [
        {"role": "system", "content": "x" * 400},
        {"role": "user", "content": [{"type": "text", "text": "y" * 400}, {"type": "image_url", "image_url": {"url": "data:..."}}]},
        {"role": "assistant", "content": None, "tool_calls": [{"function": {"name": "f", "arguments": "z" * 80}}]},
    ]
    assert estimate_tokens(messages) == (400 + 400 + 80) // 4 + 1
    assert estimate_tokens("not a list") == 1


def test_capabilities_inferred_from_the_request():
    data = {
        "messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "u"}}]}],
        "tools": [{"type": "function", "function": {"name": "f"}}],
        "response_format": {"type": "json_schema", "json_schema": {"name": "s", "schema": {}}},
        "stream": True,
        "max_tokens": 256,
    }
    facts = request_facts(data, Hints(), trust_floor=0, team_id="t")
    assert facts.required_capabilities == {"tools", "vision", "json_schema"}
    assert (facts.stream, facts.max_output_tokens, facts.team_id) == (True, 256, "t")


def test_request_may_raise_but_never_lower_the_team_floor():
    data = {"messages": []}
    assert request_facts(data, Hints(trust_level=3), trust_floor=1, team_id=None).trust_level == 3
    assert request_facts(data, Hints(trust_level=0), trust_floor=2, team_id=None).trust_level == 2
