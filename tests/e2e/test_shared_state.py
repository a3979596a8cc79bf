"""Two proxy instances on one Redis share breakers (and the single half-open probe); `cailos explain` reads a
decision the proxy logged."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner

from cailos_litellm.cli import main as cli
from cailos_litellm.launch import run_proxy

from .failover_support import (COOLOFF_S, LLAMA, Counter, call, failover_config, failover_env,
                               reset_state, sdk, settle_outcomes, state_db_url, wait_breaker_closed)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def state_url(redis_server_url):
    return state_db_url(redis_server_url)


@pytest.fixture(scope="module")
def pair(sandbox, state_url, tmp_path_factory):
    config, env = failover_config(sandbox), failover_env(state_url)
    with run_proxy(config, tmp_path_factory.mktemp("a"), env=env) as a, \
            run_proxy(config, tmp_path_factory.mktemp("b"), env=env) as b:
        yield sdk(a), sdk(b)


@pytest.fixture
def clean(sandbox, state_url):
    reset_state(state_url, sandbox.control)
    yield sandbox.control
    settle_outcomes(state_url, sandbox.control)
    reset_state(state_url, sandbox.control)


def test_breaker_opened_through_one_instance_keeps_the_other_away(pair, clean, state_url):
    a, b = pair
    seen = Counter(clean)
    clean.add_fault(model=LLAMA, error_status=500)
    for _ in range(3):
        assert call(a, model="llama-3.1-8b-local").status == 500
    assert seen.count(LLAMA) == 3

    # B never saw a failure itself: it reads the open breaker from Redis and makes zero attempts.
    assert call(b, model="llama-3.1-8b-local").status == 503
    got = call(b)  # auto:cost would put llama first
    assert got.status == 200 and got.endpoint == "gpt-4.1-nano"
    assert "llama-3.1-8b-local" not in got.headers["x-cailos-fallbacks"].split(",")
    assert seen.count(LLAMA) == 3

    # Cool-off over, provider still down: requests through both instances at once send exactly one probe in total
    # (claimed atomically in Redis); it fails and the breaker re-opens. The others get no attempt.
    time.sleep(COOLOFF_S + 0.2)
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda i: call(pair[i % 2], model="llama-3.1-8b-local"), range(8)))
    assert seen.count(LLAMA) == 4
    statuses = sorted(r.status for r in results)
    assert 200 not in statuses and statuses.count(500) == 1, statuses

    # Healthy again: after the next cool-off one probe closes the breaker, for both instances.
    clean.clear_faults()
    time.sleep(COOLOFF_S + 0.2)
    assert call(b, model="llama-3.1-8b-local").status == 200
    wait_breaker_closed(state_url, "llama-3.1-8b@local")
    assert call(a, model="llama-3.1-8b-local").status == 200
    assert seen.count(LLAMA) == 6


def test_explain_shows_a_decision_the_proxy_made(pair, clean, state_url):
    got = call(pair[0])
    assert got.status == 200
    decision_id = got.headers["x-cailos-decision-id"]
    for _ in range(20):  # the decision log write is fire-and-forget
        result = CliRunner().invoke(cli, ["explain", decision_id, "--state-url", state_url])
        if result.exit_code == 0:
            break
        time.sleep(0.05)
    assert result.exit_code == 0, result.output
    assert decision_id in result.output
    assert "auto:cost" in result.output and "strategy  cost" in result.output
    assert "llama-3.1-8b-local" in result.output and "gpt-4.1-nano" in result.output
    assert "Classify this ticket" not in result.output  # metadata only
    missing = CliRunner().invoke(cli, ["explain", "0" * 32, "--state-url", state_url])
    assert missing.exit_code != 0 and "no decision" in missing.output
