"""Failover, circuit breakers and the trust floor through the real proxy, counted at the sandbox.

One proxy (module scope) on proxy_config.yaml with short timeouts, breaker state in its own Redis db, which every
test starts with empty. Every assertion about attempts is made on what the sandbox received.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from cailos_litellm.launch import run_proxy

from .failover_support import (CLASSIFY, COOLOFF_S, LLAMA, LOCAL_KEY, TRUST, Counter, call, decision_record,
                               failover_config, failover_env, reset_state, sdk, settle_outcomes, state_db_url,
                               wait_breaker_closed)

pytestmark = pytest.mark.e2e

PRIMARY, SECOND = "llama-3.1-8b-local", "gpt-4.1-nano"  # the top of auto:cost's chain for CLASSIFY


@pytest.fixture(scope="module")
def state_url(redis_server_url):
    return state_db_url(redis_server_url)


@pytest.fixture(scope="module")
def fo_proxy(sandbox, state_url, tmp_path_factory):
    with run_proxy(failover_config(sandbox), tmp_path_factory.mktemp("failover"), env=failover_env(state_url)) as p:
        yield p


@pytest.fixture
def fo(fo_proxy, sandbox, state_url):
    """A clean sandbox and empty shared state (closed breakers, no windows) for each test."""
    reset_state(state_url, sandbox.control)
    yield sdk(fo_proxy)
    settle_outcomes(state_url, sandbox.control)
    reset_state(state_url, sandbox.control)


def test_chain_under_test(fo, sandbox, state_url):
    """The premise of the failover tests: this prompt's chain starts llama (lane local), then gpt-4.1-nano."""
    seen = Counter(sandbox.control)
    ok = call(fo)
    assert ok.status == 200 and ok.endpoint == PRIMARY
    assert ok.headers["x-cailos-fallbacks"].split(",")[0] == SECOND
    logged = decision_record(state_url, ok.headers["x-cailos-decision-id"])  # what a failure message shows
    assert logged is not None and logged.chain[:2] == (PRIMARY, SECOND) and logged.strategy == "cost"
    assert [(r["model"], r["lane"]) for r in seen.seen()] == [(LLAMA, "local")]


FAULTS = {
    "http_500": (lambda c: c.add_fault(model=LLAMA, error_status=500), 1),
    "http_429_retry_after": (lambda c: c.add_fault(model=LLAMA, rate_limit=True, retry_after_s=5), 1),
    "timeout_hang": (lambda c: c.add_fault(model=LLAMA, blackhole="hang"), 1),
    "connection_refused": (lambda c: c.refuse_lane("local"), 0),  # nothing is received on a refused lane
    "revoked_key_401": (lambda c: c.revoke_key(LOCAL_KEY), 1),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_failover_answers_from_the_next_endpoint(fo, sandbox, state_url, fault):
    inject, primary_attempts = FAULTS[fault]
    seen = Counter(sandbox.control)
    inject(sandbox.control)
    try:
        got = call(fo)
    finally:
        sandbox.control.clear_faults()  # releases the hung request too
        sandbox.control.restore_lane("local")
        sandbox.control.restore_key()
    assert got.status == 200, got.text
    assert got.endpoint == SECOND  # the header names the endpoint that served
    assert "invoice total" in got.text
    # one try, no same-deployment retry; on failure, show the proxy's decision and what the sandbox received
    assert seen.count(LLAMA, "local") == primary_attempts, (
        decision_record(state_url, got.headers.get("x-cailos-decision-id")),
        [(r["model"], r["lane"], r["status"]) for r in seen.seen()])
    assert seen.count(SECOND, "openai") == 1
    # No back-off and no Retry-After sleep before moving on; a hang costs the (test) timeout of 1 s and no more.
    assert got.elapsed_s < (2.5 if fault == "timeout_hang" else 1.0)
    if fault == "timeout_hang":
        assert got.elapsed_s >= 0.9


def test_stream_time_to_first_token_miss_moves_on(fo, sandbox):
    seen = Counter(sandbox.control)
    sandbox.control.add_fault(model=LLAMA, ttft_ms=5000)
    got = call(fo, stream=True)
    assert got.status == 200
    assert "invoice total" in got.text
    assert got.elapsed_s < 2.5  # stream_timeout 0.5 s in the test config, not the 5 s first token
    assert seen.count(LLAMA, "local") == 1
    assert seen.count(SECOND, "openai") == 1
    # LiteLLM re-reads its own headers once the first chunk is in; ours were computed before (see the report).
    assert got.headers["x-litellm-model-group"] == SECOND


def _drive_primary_failures(client, seen, n, model="gpt-4o"):
    """Requests until the gpt-4o primary (lane openai) has failed n times; every one must still be answered."""
    for _ in range(40):
        got = call(client, model=model)
        assert got.status == 200 and got.endpoint == "gpt-4o", got.text
        if seen.count("gpt-4o", "openai") >= n:
            return
    raise AssertionError("the 9:1 primary was never picked")


def test_breaker_opens_after_three_failures_and_one_probe_closes_it(fo, sandbox, state_url):
    ctl = sandbox.control
    seen = Counter(ctl)
    ctl.add_fault(model="gpt-4o", lane="openai", error_status=500)
    _drive_primary_failures(fo, seen, 3)  # the secondary (azure) answers while the primary fails
    assert seen.count("gpt-4o", "openai") == 3
    flat = seen.count("gpt-4o", "openai")
    for _ in range(10):  # open: zero attempts to the primary, the 9:1 weight notwithstanding
        assert call(fo, model="gpt-4o").status == 200
    assert seen.count("gpt-4o", "openai") == flat

    # Cool-off over, provider still down: concurrent requests send exactly one probe, which re-opens the breaker.
    time.sleep(COOLOFF_S + 0.2)
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda _: call(fo, model="gpt-4o"), range(6)))
    assert all(r.status == 200 for r in results)
    assert seen.count("gpt-4o", "openai") == flat + 1
    for _ in range(5):
        assert call(fo, model="gpt-4o").status == 200
    assert seen.count("gpt-4o", "openai") == flat + 1

    # Provider healthy again: after the next cool-off one probe succeeds and closes the breaker; traffic returns.
    ctl.clear_faults()
    time.sleep(COOLOFF_S + 0.2)
    probe = call(fo, model="gpt-4o")
    assert probe.status == 200
    assert seen.count("gpt-4o", "openai") == flat + 2
    wait_breaker_closed(state_url, "gpt-4o@openai")
    back = seen.count("gpt-4o", "openai")
    for _ in range(20):
        assert call(fo, model="gpt-4o").status == 200
    assert seen.count("gpt-4o", "openai") - back >= 12  # ~18 of 20 at 9:1


def test_open_breaker_on_the_only_endpoint_is_a_clear_refusal_with_zero_attempts(fo, sandbox):
    seen = Counter(sandbox.control)
    sandbox.control.add_fault(model=LLAMA, error_status=500)
    for _ in range(3):
        assert call(fo, model="llama-3.1-8b-local").status == 500
    refused = call(fo, model="llama-3.1-8b-local")
    assert seen.count(LLAMA) == 3
    assert refused.status == 503 and "breaker" in refused.text
    # auto skips it without a try
    got = call(fo)
    assert got.status == 200 and got.endpoint == SECOND
    assert PRIMARY not in got.headers["x-cailos-fallbacks"].split(",")
    assert seen.count(LLAMA) == 3


@pytest.mark.parametrize("failure", [{"error_status": 500}, {"rate_limit": True, "retry_after_s": 5}])
def test_trust_floor_is_never_crossed_by_any_attempt(fo, sandbox, failure):
    """gpt-4o is 9:1 over a trust-1 (openai) and a trust-2 (azure) deployment. A trust-2 request may use the group
    only through azure: not on the first pick, not on LiteLLM's in-group failover when azure fails, not on a retry."""
    ctl = sandbox.control
    seen = Counter(ctl)
    trust2 = {"x-cailos-trust-level": "2"}
    for _ in range(10):
        got = call(fo, model="gpt-4o", extra_headers=trust2)
        assert got.status == 200 and got.endpoint == "gpt-4o"
    assert seen.count("gpt-4o", "azure") == 10 and seen.count("gpt-4o", "openai") == 0

    ctl.add_fault(model="gpt-4o", lane="azure", **failure)
    analysis = [{"role": "user", "content": "Summarise the meeting notes for the Q3 review."}]
    for _ in range(6):  # auto ranks gpt-4o first for this prompt; it must fail over to another trust-2 endpoint
        got = call(fo, model="auto", messages=analysis, extra_headers=trust2)
        assert got.status == 200, got.text
        assert got.endpoint != "gpt-4o"
    for _ in range(3):  # the named group alone: azure failing means a refusal, never the trust-1 deployment
        assert call(fo, model="gpt-4o", extra_headers=trust2).status != 200
    attempts = seen.seen()
    assert attempts, "nothing reached the sandbox"
    below = [(r["model"], r["lane"]) for r in attempts if TRUST[(r["model"], r["lane"])] < 2]
    assert below == []


def test_trust_3_request_never_leaves_the_on_prem_lane(fo, sandbox):
    """At trust 3 only the on-prem endpoint qualifies: when it fails the answer is an error, never another lane."""
    seen = Counter(sandbox.control)
    sandbox.control.add_fault(model=LLAMA, error_status=500)
    got = call(fo, messages=CLASSIFY, extra_headers={"x-cailos-trust-level": "3"})
    assert got.status != 200
    assert {r["lane"] for r in seen.seen()} == {"local"}
