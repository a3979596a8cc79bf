"""`cailos shield` through click's CliRunner with the real shield."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cailos_litellm.cli import main


def test_shield_text_shows_cloaked_and_entities() -> None:
    res = CliRunner().invoke(main, ["shield", "Hi, I'm Amara Okafor, mail amara@example.com"])
    assert res.exit_code == 0, res.output
    first = res.output.splitlines()[0]
    assert "amara@example.com" not in first and "<EMAIL_1>" in first and "<PERSON_1>" in first
    assert "EMAIL" in res.output and "amara@example.com" in res.output


def test_shield_detect_jsonl_streams_and_reports_bad_lines() -> None:
    text = "call +44 20 7946 0958 or mail a@example.com"
    stdin = json.dumps({"text": text}) + "\nnot json\n" + json.dumps({"other": 1}) + "\n"
    res = CliRunner().invoke(main, ["shield", "detect", "--jsonl"], input=stdin)
    assert res.exit_code == 0, res.output
    lines = [json.loads(l) for l in res.output.splitlines()]
    assert len(lines) == 3
    spans = lines[0]["spans"]
    assert {(text[s["start"] : s["end"]], s["type"]) for s in spans} == {("+44 20 7946 0958", "PHONE"), ("a@example.com", "EMAIL")}
    assert lines[0]["latency_ms"] >= 0
    assert "line 2" in lines[1]["error"] and "line 3" in lines[2]["error"]
