"""Every fault kind through the control API, observed by real clients."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator

import httpx
import openai
import pytest
import yaml

from cailos_litellm.sandbox import RunningSandbox

MSG = [{"role": "user", "content": "ping"}]
_HTTP: list[httpx.Client] = []


@pytest.fixture(autouse=True)
def _client() -> Iterator[None]:
    # One pooled client per test: a fresh httpx.post per call costs ~40 ms of TLS-context setup.
    with httpx.Client() as client:
        _HTTP.append(client)
        yield
        _HTTP.pop()


def _chat(sb: RunningSandbox, model: str = "gpt-4o", lane: str = "openai", timeout: float = 5) -> httpx.Response:
    return _HTTP[-1].post(sb.openai_base(lane) + "/chat/completions", headers={"authorization": "Bearer k"},
                          json={"model": model, "messages": MSG}, timeout=timeout)


def _anthropic(sb: RunningSandbox) -> httpx.Response:
    return _HTTP[-1].post(sb.lane_url("anthropic") + "/v1/messages", headers={"x-api-key": "sk-ant-k"},
                          json={"model": "claude-haiku-4-5", "max_tokens": 5, "messages": MSG}, timeout=5)


def test_error_rate_one_fails_every_matching_request_only(sandbox: RunningSandbox) -> None:
    sandbox.control.add_fault(model="gpt-4o", error_rate=1.0, error_status=503)
    r = _chat(sandbox)
    assert r.status_code == 503 and r.json()["error"]["type"] == "server_error"
    assert _chat(sandbox, model="gpt-4o-mini").status_code == 200
    sandbox.control.add_fault(model="claude-haiku-4-5", error_status=529)
    r = _anthropic(sandbox)
    assert r.status_code == 529 and r.json() == {"type": "error", "error": {
        "type": "overloaded_error", "message": "sandbox injected error"}}


def test_partial_error_rate_is_deterministic_per_seed(sandbox: RunningSandbox) -> None:
    def run() -> list[int]:
        sandbox.control.reset()
        sandbox.control.add_fault(model="gpt-4o", error_rate=0.3)
        return [_chat(sandbox).status_code for _ in range(40)]

    first, second = run(), run()
    assert first == second
    assert 4 <= first.count(500) <= 20 and first.count(200) + first.count(500) == 40


def test_rate_limit_carries_retry_after(sandbox: RunningSandbox, oai: openai.OpenAI) -> None:
    sandbox.control.add_fault(lane="openai", rate_limit=True, retry_after_s=7)
    with pytest.raises(openai.RateLimitError) as info:
        oai.chat.completions.create(model="gpt-4o", messages=MSG)
    assert info.value.response.headers["retry-after"] == "7"
    assert info.value.body["code"] == "rate_limit_exceeded"
    assert _chat(sandbox, lane="azure").status_code == 200  # other lanes unaffected
    sandbox.control.add_fault(model="claude-haiku-4-5", rate_limit=True)
    r = _anthropic(sandbox)
    assert r.status_code == 429 and r.headers["retry-after"] == "1"
    assert r.json()["error"]["type"] == "rate_limit_error"


def test_count_limits_a_fault_to_the_next_n_requests(sandbox: RunningSandbox) -> None:
    sandbox.control.add_fault(model="gpt-4o", error_status=500, count=2)
    assert [_chat(sandbox).status_code for _ in range(4)] == [500, 500, 200, 200]
    assert sandbox.control.faults() == []


def test_hang_until_client_gives_up_then_clear(sandbox: RunningSandbox) -> None:
    sandbox.control.add_fault(model="gpt-4o", blackhole="hang")
    start = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        _chat(sandbox, timeout=0.5)
    assert 0.45 < time.monotonic() - start < 2
    assert _chat(sandbox, model="gpt-4o-mini").status_code == 200  # the loop keeps serving
    sandbox.control.clear_faults()
    assert _chat(sandbox).status_code == 200
    rec = sandbox.control.requests(model="gpt-4o")
    assert rec[0]["outcome"] == "abandoned" and rec[0]["responded_at"] is not None
    assert sandbox.control.stats()["models"]["gpt-4o"]["openai"] == {"abandoned": 1, "ok": 1}


def test_added_latency_and_ttft(sandbox: RunningSandbox) -> None:
    start = time.monotonic()
    assert _chat(sandbox).status_code == 200
    base = time.monotonic() - start
    sandbox.control.add_fault(model="gpt-4o", added_latency_ms=300)
    start = time.monotonic()
    assert _chat(sandbox).status_code == 200
    assert time.monotonic() - start >= 0.3 > base
    sandbox.control.reset()
    sandbox.control.add_fault(model="gpt-4o", ttft_ms=250)
    with httpx.stream("POST", sandbox.openai_base() + "/chat/completions", headers={"authorization": "Bearer k"},
                      json={"model": "gpt-4o", "messages": MSG, "stream": True}) as r:
        start = time.monotonic()
        first = next(r.iter_lines())
        assert time.monotonic() - start >= 0.2 and first.startswith("data: ")


def test_lane_refuse_and_restore(sandbox: RunningSandbox) -> None:
    with httpx.Client(headers={"authorization": "Bearer k"}, timeout=5) as client:
        url = sandbox.openai_base() + "/chat/completions"
        body = {"model": "gpt-4o", "messages": MSG}
        assert client.post(url, json=body).status_code == 200  # keeps a pooled connection open
        assert sandbox.control.refuse_lane("openai")["refused"] is True
        with pytest.raises(httpx.TransportError):
            client.post(url, json=body)
        with pytest.raises(httpx.ConnectError):
            httpx.post(url, json=body, headers={"authorization": "Bearer k"})
        assert _chat(sandbox, lane="azure").status_code == 200
        assert sandbox.control.health()["lanes"]["openai"]["refused"] is True
        sandbox.control.restore_lane("openai")
        assert client.post(url, json=body).status_code == 200


def test_key_revoke_and_restore(sandbox: RunningSandbox, oai: openai.OpenAI) -> None:
    sandbox.control.revoke_key("sk-test")
    with pytest.raises(openai.AuthenticationError) as info:
        oai.chat.completions.create(model="gpt-4o", messages=MSG)
    assert info.value.body["code"] == "invalid_api_key"
    other = openai.OpenAI(base_url=sandbox.openai_base(), api_key="sk-other", max_retries=0)
    assert other.chat.completions.create(model="gpt-4o", messages=MSG).choices[0].message.content == "Echo: ping"
    sandbox.control.revoke_key("sk-ant-k")
    r = _anthropic(sandbox)
    assert r.status_code == 401 and r.json()["error"]["type"] == "authentication_error"
    sandbox.control.restore_key("sk-test")
    assert oai.chat.completions.create(model="gpt-4o", messages=MSG).choices
    assert _anthropic(sandbox).status_code == 401
    sandbox.control.restore_key()
    assert _anthropic(sandbox).status_code == 200


@pytest.mark.parametrize("body, fragment", [
    ({"error_rate": 2}, "error_rate"),
    ({"lane": "mars"}, "lane"),
    ({"blackhole": "drop"}, "blackhole"),
    ({"count": 0}, "count"),
    ({"error_status": 200}, "error_status"),
    ({"colour": "red"}, "unknown fields"),
])
def test_bad_fault_specs_are_rejected(sandbox: RunningSandbox, body: dict[str, object], fragment: str) -> None:
    r = httpx.post(sandbox.url + "/_sandbox/faults", json=body)
    assert r.status_code == 400 and fragment in r.json()["error"]


def test_base_error_rate_applies_with_error_scale() -> None:
    from cailos_litellm.sandbox import run_sandbox

    with run_sandbox(seed=3, error_scale=100) as sb:  # 0.002 * 100 = 20 % for gpt-4o
        codes = [_chat(sb).status_code for _ in range(50)]
        assert 3 <= codes.count(500) <= 20
        assert sb.control.stats()["models"]["gpt-4o"]["openai"]["base_error"] == codes.count(500)


def test_custom_profiles_drive_latency_and_base_errors(tmp_path: Path) -> None:
    from cailos_litellm.sandbox import run_sandbox

    fast = {"input_cost_per_token": 0, "output_cost_per_token": 0, "ttft_ms": 0, "tokens_per_s": 1000,
            "error_rate": 0}
    path = tmp_path / "profiles.yaml"
    path.write_text(yaml.safe_dump({"default": fast, "models": {
        "slow": {**fast, "ttft_ms": 200, "tokens_per_s": 20},
        "flaky": {**fast, "error_rate": 1.0}}}))
    with run_sandbox(profiles=path, latency_scale=1, error_scale=1) as sb:
        start = time.monotonic()
        assert _chat(sb, model="slow").status_code == 200  # 200 ms + 3 tokens ("Echo: ping") at 20/s = 350 ms
        assert 0.34 < time.monotonic() - start < 2
        start = time.monotonic()
        assert _chat(sb, model="anything-else").status_code == 200
        assert time.monotonic() - start < 0.2
        assert _chat(sb, model="flaky").status_code == 500
        sb.control.add_fault(model="slow", ttft_ms=0)  # a fault's ttft overrides the profile's
        start = time.monotonic()
        assert _chat(sb, model="slow").status_code == 200
        assert 0.14 < time.monotonic() - start < 0.34
