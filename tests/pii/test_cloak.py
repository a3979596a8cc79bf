"""Cloaking a whole OpenAI request and uncloaking answers, with the real spaCy pipeline."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

from cailos_litellm.pii import CloakMap, Shield, ShieldPolicy, load_shield

EMAIL = "amara.okafor@brightwater-logistics.com"
CARD = "4111 1111 1111 1111"


def _request() -> list[dict]:
    return [
        {"role": "system", "content": f"You help Amara Okafor ({EMAIL})."},
        {"role": "user", "content": [{"type": "text", "text": f"Charge {CARD} and mail {EMAIL}."},
                                     {"type": "image_url", "image_url": {"url": "https://img.example/x.png"}}]},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "c1", "type": "function", "function": {
            "name": "send_mail", "arguments": json.dumps({"to": EMAIL, "body": "Dear Amara Okafor, quote \"<PERSON_1>\""})}}]},
        {"role": "tool", "tool_call_id": "c1", "content": json.dumps({"status": "sent", "recipient": EMAIL})},
        {"role": "user", "content": "Now call +44 20 7946 0958."},
    ]


def test_cloak_request_covers_every_part_and_never_mutates(shield: Shield) -> None:
    req = _request()
    before = copy.deepcopy(req)
    out, cmap = shield.cloak_request(req, tools=[{"type": "function", "function": {"name": "send_mail"}}])
    assert req == before
    blob = json.dumps(out)
    for original in (EMAIL, CARD, "Amara Okafor", "7946 0958"):
        assert original not in blob
    # the same value gets the same placeholder everywhere
    assert out[0]["content"].count("<EMAIL_1>") == 1 and "<EMAIL_1>" in out[1]["content"][0]["text"]
    args = json.loads(out[2]["tool_calls"][0]["function"]["arguments"])
    assert args["to"] == "<EMAIL_1>" and "<PERSON_1>" in args["body"]
    assert json.loads(out[3]["content"])["recipient"] == "<EMAIL_1>"
    assert out[1]["content"][1] == req[1]["content"][1]  # image part untouched
    assert cmap.counts["EMAIL"] == 1 and cmap.counts["LITERAL"] == 1


def test_different_values_never_share_a_placeholder(shield: Shield) -> None:
    out, cmap = shield.cloak_request([{"role": "user", "content": "a@example.com and b@example.com and a@example.com"}])
    assert out[0]["content"] == "<EMAIL_1> and <EMAIL_2> and <EMAIL_1>"
    assert cmap.uncloak("<EMAIL_2>, <EMAIL_1>") == "b@example.com, a@example.com"


def test_user_placeholder_text_is_escaped_and_restored(shield: Shield) -> None:
    text = "Template: Dear <PERSON_1>, your code is PERSON_2. Sent by Amara Okafor."
    cloaked, cmap = shield.cloak_text(text)
    assert "<PERSON_1>," not in cloaked.replace("<PERSON_1>, your", "")  # the user's literal is not our PERSON_1
    assert cmap.uncloak(cloaked) == text


def test_mangled_placeholders_restored_and_invented_counted(shield: Shield) -> None:
    _, cmap = shield.cloak_text(f"Please send {EMAIL} to Amara Okafor")
    answer = "Sent to <Email_1> for < PERSON_1 >, cc PERSON_1 and [EMAIL_1]; also <PERSON_9> and <FOO_1>."
    assert cmap.uncloak(answer) == f"Sent to {EMAIL} for Amara Okafor, cc Amara Okafor and {EMAIL}; also <PERSON_9> and <FOO_1>."
    assert cmap.invented == 1


def test_tool_arguments_uncloak_keeps_json_valid(shield: Shield) -> None:
    _, cmap = shield.cloak_text('Quote: He said "hi" \\ bye — Amara Okafor')
    original = next(v for v in cmap.originals.values() if "Okafor" in v)
    args = cmap.uncloak_tool_arguments('{"name": "<PERSON_1>", "n": 2}')
    assert json.loads(args)["name"] == original


def test_cloak_map_is_safe_to_print_and_refuses_pickle(shield: Shield) -> None:
    _, cmap = shield.cloak_text(f"Mail {EMAIL}")
    assert EMAIL not in repr(cmap) and EMAIL not in str(cmap) and EMAIL not in json.dumps(cmap.telemetry())
    with pytest.raises(TypeError):
        pickle.dumps(cmap)


def test_history_is_served_from_the_cache(shield: Shield) -> None:
    history = [{"role": "user", "content": f"Turn {i}: Amara Okafor wrote from {EMAIL} about invoice {i}."} for i in range(5)]
    shield.cloak_request(history)
    misses = shield.analyzer.cache_misses
    shield.cloak_request([*history, {"role": "user", "content": "A new turn from Tomasz Wierzbicki."}])
    assert shield.analyzer.cache_misses == misses + 1


def test_allow_list_keeps_our_own_name(ner) -> None:
    s = load_shield(ShieldPolicy(allow_list=frozenset({"Cailos"})), ner=ner)
    out, _ = s.cloak_text("Invoice from Cailos GmbH to Fernhill Advisory LLP")
    assert "Cailos" in out and "Fernhill" not in out


def test_policy_limits_entity_types(ner) -> None:
    s = load_shield(ShieldPolicy(entities=frozenset({"EMAIL"})), ner=ner)
    out, _ = s.cloak_text(f"Amara Okafor {EMAIL}")
    assert out == "Amara Okafor <EMAIL_1>"


def test_empty_map_uncloak_is_identity() -> None:
    assert CloakMap().uncloak("<PERSON_1>") == "<PERSON_1>"


def test_a_value_found_in_one_message_is_cloaked_in_all(shield: Shield) -> None:
    # NER misses the possessive name in the system prompt but finds it in the tool result: it is cloaked in both.
    name, mail = "Margarethe Olsztyn-Weber", "m.olsztyn-weber@kesselbrook.example"
    out, cmap = shield.cloak_request([
        {"role": "system", "content": f"You help {name}'s team at Kesselbrook."},
        {"role": "tool", "tool_call_id": "c", "content": f"Updated billing for {name} ({mail})."},
    ])
    assert name not in str(out) and mail not in str(out)
    assert out[0]["content"].startswith("You help <PERSON_1>'s team")
    assert cmap.uncloak(out[0]["content"]).startswith(f"You help {name}'s team")


def test_batched_analysis_equals_one_by_one(shield: Shield) -> None:
    texts = [
        "Hi Annika, the parcel for Rotterdam left today; call +44 7700 900123 if it is late.",
        "no names here, just 3 items and a refund",
        "Maren Halvorsen from Bluefin Analytics GmbH will join the call.",
        "Hi Annika, the parcel for Rotterdam left today; call +44 7700 900123 if it is late.",
    ]
    batched = shield.with_policy(shield.policy).analyzer.analyze_many(texts)
    single = shield.with_policy(shield.policy).analyzer
    assert batched == [single.analyze(t) for t in texts]
    assert batched[0] and batched[2] and batched[0] == batched[3]


def test_tool_call_values_are_analysed_in_one_batch(shield: Shield) -> None:
    fresh = shield.with_policy(shield.policy)
    calls: list[int] = []
    many = fresh.analyzer.analyze_many

    def counting(texts, deadline=None):  # type: ignore[no-untyped-def]
        calls.append(len(texts))
        return many(texts, deadline)

    fresh.analyzer.analyze_many = counting  # type: ignore[method-assign]
    args = json.dumps({"name": "Maren Halvorsen", "city": "Rotterdam", "note": "ask Kofi Adebayo at Bluefin Analytics"})
    msgs = [
        {"role": "user", "content": "Book a table for Maren."},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "book", "arguments": args}}]},
    ]
    out, cmap = fresh.cloak_request(msgs)
    assert calls[0] == 4  # the user text and the three argument values, together
    assert "Halvorsen" not in json.dumps(out) and "Adebayo" not in json.dumps(out)
    assert json.loads(cmap.uncloak_tool_arguments(out[1]["tool_calls"][0]["function"]["arguments"])) == json.loads(args)
