"""The PII shield through the real proxy: providers see placeholders only; the client gets its values back.

The sandbox echoes the last user message (or the tool result) and fills tool-call arguments from it, so every PII
value sent must come back to the client restored, while the sandbox's recording of what it received holds none.
"""

from __future__ import annotations

import json
import sqlite3

import openai
import pytest

from cailos_litellm.launch import MASTER_KEY, render_config, run_proxy

pytestmark = pytest.mark.e2e

PII = {
    "person": "Margarethe Olsztyn-Weber",
    "email": "m.olsztyn-weber@kesselbrook.example",
    "phone": "+44 20 7946 0813",
    "card": "4111 1111 1111 1111",
    "iban": "DE89 3704 0044 0532 0130 00",
    "ip": "203.0.113.77",
}
TEXT = (f"Hi, this is {PII['person']}. Please update my billing: email {PII['email']}, phone {PII['phone']}, "
        f"card {PII['card']}, IBAN {PII['iban']}. My last login came from {PII['ip']}.")
TOOLS = [{
    "type": "function",
    "function": {"name": "update_billing", "description": "Update a customer's billing details",
                 "parameters": {"type": "object", "properties": {"note": {"type": "string"}}, "required": ["note"]}},
}]


def _received(sandbox, n: int = 1) -> str:
    return json.dumps([r["body"] for r in sandbox.control.requests(limit=n)])


def _assert_cloaked(received: str) -> None:
    leaked = [kind for kind, value in PII.items() if value in received]
    assert not leaked, f"provider saw {leaked}"
    assert "<PERSON_1>" in received and "<EMAIL_1>" in received


def test_plain_answer_is_uncloaked_and_provider_saw_placeholders(client, sandbox_clean):
    reply = client.chat.completions.create(model="auto", messages=[{"role": "user", "content": TEXT}])
    content = reply.choices[0].message.content
    assert all(value in content for value in PII.values()), content
    _assert_cloaked(_received(sandbox_clean))


def test_streamed_answer_is_uncloaked_chunk_by_chunk(client, sandbox_clean):
    chunks = list(client.chat.completions.create(model="auto", messages=[{"role": "user", "content": TEXT}],
                                                 stream=True))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert all(value in text for value in PII.values()), text
    assert not any("<PERSON_" in (c.choices[0].delta.content or "") for c in chunks if c.choices)
    _assert_cloaked(_received(sandbox_clean))


@pytest.mark.parametrize("stream", [False, True])
def test_tool_call_arguments_are_uncloaked(client, sandbox_clean, stream):
    kwargs = dict(model="auto", messages=[{"role": "user", "content": TEXT}], tools=TOOLS)
    if stream:
        arguments = "".join(
            tc.function.arguments or ""
            for chunk in client.chat.completions.create(**kwargs, stream=True) if chunk.choices
            for tc in chunk.choices[0].delta.tool_calls or [])
    else:
        arguments = client.chat.completions.create(**kwargs).choices[0].message.tool_calls[0].function.arguments
    note = json.loads(arguments)["note"]
    assert all(value in note for value in PII.values()), note
    _assert_cloaked(_received(sandbox_clean))


def test_multi_turn_with_tool_result_keeps_placeholders_consistent(client, sandbox_clean):
    messages = [
        {"role": "system", "content": f"You help {PII['person']}'s team at Kesselbrook."},
        {"role": "user", "content": TEXT},
        {"role": "assistant", "content": None, "tool_calls": [{
            "id": "call_1", "type": "function",
            "function": {"name": "update_billing", "arguments": json.dumps({"note": f"mail {PII['email']}"})}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": f"Updated billing for {PII['person']} ({PII['email']})."},
    ]
    reply = client.chat.completions.create(model="auto", messages=messages, tools=TOOLS)
    content = reply.choices[0].message.content
    assert PII["person"] in content and PII["email"] in content
    received = _received(sandbox_clean)
    _assert_cloaked(received)
    body = json.loads(received)[0]
    # the same value gets the same placeholder in every message, tool arguments included
    assert all("<PERSON_1>" in json.dumps(m) for m in body["messages"] if m["role"] in ("system", "user", "tool"))
    assert "<EMAIL_1>" in json.dumps(body["messages"][2])


def test_nothing_reaches_the_proxy_log_or_the_state_store(proxy, client, sandbox_clean):
    canary = "Zebulon Quixwright-Fennimore"
    client.chat.completions.create(model="auto", messages=[{"role": "user", "content": f"I am {canary}. {TEXT}"}])
    assert canary not in proxy.log_text() and PII["email"] not in proxy.log_text()
    state = proxy.log.parent / ".cailos" / "state.sqlite3"
    with sqlite3.connect(state) as db:
        tables = [t for (t,) in db.execute("select name from sqlite_master where type='table'")]
        dump = " ".join(str(row) for t in tables for row in db.execute(f"select * from {t}"))  # noqa: S608
    assert dump and canary not in dump and PII["email"] not in dump and "I am" not in dump


def test_shield_fails_closed_when_it_cannot_run(sandbox, tmp_path):
    config = render_config(sandbox)
    config["cailos_settings"]["pii"] = {"timeout": 1e-9}  # detection can never finish in time
    with run_proxy(config, tmp_path) as proxy:
        sandbox.control.reset()
        c = openai.OpenAI(base_url=proxy.base_url, api_key=MASTER_KEY, max_retries=0)
        with pytest.raises(openai.InternalServerError) as err:  # 503
            c.chat.completions.create(model="auto", messages=[{"role": "user", "content": TEXT}])
        assert err.value.status_code == 503 and "PII shield" in err.value.message
        assert not any(value in err.value.message for value in PII.values())
        assert sandbox.control.requests(limit=5) == []  # never forwarded in clear
