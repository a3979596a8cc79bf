"""Recordings, stats and reset through `SandboxControl`."""

from __future__ import annotations

import time

import httpx
import openai

from cailos_litellm.sandbox import RunningSandbox


def test_recordings_hold_body_and_metadata_not_the_key(sandbox: RunningSandbox, oai: openai.OpenAI) -> None:
    before = time.time()
    oai.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "secret alice@example.com"}])
    oai.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "other"}], stream=True)
    rec = sandbox.control.requests()
    assert [r["model"] for r in rec] == ["gpt-4o", "gpt-4o-mini"]
    first = rec[0]
    assert first["body"]["messages"][0]["content"] == "secret alice@example.com"
    assert first["lane"] == "openai" and first["api"] == "openai" and first["stream"] is False
    assert first["status"] == 200 and first["outcome"] == "ok"
    assert before <= first["received_at"] <= first["responded_at"] <= time.time()
    assert first["key_fingerprint"].startswith("sha256:") and "sk-test" not in str(first)
    assert rec[1]["stream"] is True
    assert [r["model"] for r in sandbox.control.requests(model="gpt-4o-mini")] == ["gpt-4o-mini"]
    assert len(sandbox.control.requests(limit=1)) == 1


def test_stats_count_outcomes_per_model_and_lane(sandbox: RunningSandbox) -> None:
    for lane in ("openai", "openai", "azure"):
        httpx.post(sandbox.openai_base(lane) + "/chat/completions", headers={"authorization": "Bearer k"},
                   json={"model": "gpt-4o", "messages": [{"role": "user", "content": "x"}]})
    httpx.post(sandbox.url + "/v1/chat/completions", json={"model": "gpt-4o", "messages": []},
               headers={"authorization": "Bearer k"})
    stats = sandbox.control.stats()
    assert stats["models"]["gpt-4o"] == {"openai": {"ok": 2}, "azure": {"ok": 1}, "main": {"bad_request": 1}}
    assert stats["totals"] == {"ok": 3, "bad_request": 1} and stats["cost_usd"]["gpt-4o"] > 0


def test_reset_clears_everything(sandbox: RunningSandbox) -> None:
    control = sandbox.control
    control.add_fault(model="gpt-4o", error_status=500)
    control.revoke_key("k")
    control.refuse_lane("google")
    httpx.post(sandbox.url + "/v1/chat/completions", headers={"authorization": "Bearer k"},
               json={"model": "gpt-4o", "messages": [{"role": "user", "content": "x"}]})
    control.reset()
    assert control.faults() == [] and control.requests() == [] and control.stats()["totals"] == {}
    assert control.health()["lanes"]["google"]["refused"] is False
    r = httpx.post(sandbox.openai_base("google") + "/chat/completions", headers={"authorization": "Bearer k"},
                   json={"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "x"}]})
    assert r.status_code == 200


def test_control_api_lives_on_the_main_port_only(sandbox: RunningSandbox) -> None:
    assert httpx.get(sandbox.lane_url("openai") + "/_sandbox/health").status_code == 404
    assert httpx.get(sandbox.url + "/_sandbox/nope").status_code == 404
    assert httpx.post(sandbox.url + "/_sandbox/lanes/mars/refuse").status_code == 404
