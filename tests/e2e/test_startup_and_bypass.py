"""Start-up errors stop the proxy with a message; CAILOS_BYPASS and BYPASS_ROUTER turn the bundle off."""

from __future__ import annotations

import copy

import openai
import pytest
import yaml

from cailos_litellm import client as client_helper

from cailos_litellm.launch import MASTER_KEY, render_config, run_proxy

pytestmark = pytest.mark.e2e

USER = [{"role": "user", "content": "Translate 'good morning' into German."}]


def test_broken_config_stops_startup_naming_deployment_and_field(sandbox, tmp_path):
    config = render_config(sandbox)
    broken = copy.deepcopy(config)
    broken["model_list"][3]["model_info"]["cailos"]["trust_level"] = 7
    with pytest.raises(RuntimeError, match="proxy exited with 3"):
        with run_proxy(broken, tmp_path):
            pass
    log = (tmp_path / "proxy.log").read_text()
    assert ("cailos-litellm: configuration error: deployment 'gpt-4o-mini@openai' (model_list[3], model_name "
            "'gpt-4o-mini') field 'model_info.cailos.trust_level': must be an integer 0-3, got 7") in log


def test_bypass_turns_every_stage_into_a_pass_through(sandbox, tmp_path):
    with run_proxy(render_config(sandbox), tmp_path, env={"CAILOS_BYPASS": "true"}) as proxy:
        c = openai.OpenAI(base_url=proxy.base_url, api_key=MASTER_KEY, max_retries=0)
        raw = c.chat.completions.with_raw_response.create(model="gpt-4o-mini", messages=USER)
        assert raw.headers["x-cailos-bypass"] == "true"
        assert "x-cailos-decision-id" not in raw.headers
        assert "good morning" in raw.parse().choices[0].message.content
        # model strings are not interpreted: LiteLLM itself answers for unknown groups
        with pytest.raises(openai.APIStatusError) as err:
            c.chat.completions.create(model="auto:cost", messages=USER)
        assert "Strategies:" not in err.value.message


def test_client_helper_talks_to_proxy_or_straight_to_primary(proxy, sandbox_clean, monkeypatch):
    monkeypatch.setenv("CAILOS_PROXY_URL", proxy.base_url)
    monkeypatch.setenv("CAILOS_API_KEY", MASTER_KEY)
    monkeypatch.delenv("BYPASS_ROUTER", raising=False)
    raw = client_helper.client(max_retries=0).chat.completions.with_raw_response.create(
        model=client_helper.model("auto:cost"), messages=USER)
    assert raw.headers["x-cailos-strategy"] == "cost"

    monkeypatch.setenv("BYPASS_ROUTER", "true")
    monkeypatch.setenv("CAILOS_PRIMARY_BASE_URL", sandbox_clean.lane_url("openai") + "/v1")
    monkeypatch.setenv("CAILOS_PRIMARY_API_KEY", "sk-direct")
    raw = client_helper.client(max_retries=0).chat.completions.with_raw_response.create(
        model=client_helper.model("auto:cost"), messages=USER)
    assert "x-cailos-decision-id" not in raw.headers
    received = sandbox_clean.control.requests(limit=1)[-1]
    assert received["model"] == "gpt-4o-mini" and received["lane"] == "openai"


@pytest.mark.parametrize(
    "env, expected",
    [({}, ("http://127.0.0.1:4000/v1", "auto:cost")),
     ({"BYPASS_ROUTER": "true", "OPENAI_API_KEY": "k"}, ("https://api.openai.com/v1", "gpt-4o-mini")),
     ({"BYPASS_ROUTER": "1", "CAILOS_PRIMARY_MODEL": "gpt-5"}, ("https://api.openai.com/v1", "gpt-5"))],
)
def test_client_settings(env, expected):
    assert (client_helper.client_settings(env)["base_url"], client_helper.model("auto:cost", env)) == expected
    assert client_helper.model("claude-sonnet:speed", {"BYPASS_ROUTER": "yes"}) == "claude-sonnet"


def test_unreachable_redis_stops_startup_with_a_clear_line(sandbox, tmp_path):
    from cailos_litellm.launch import free_port

    url = f"redis://:s3cret@127.0.0.1:{free_port()}/0"  # nothing listens there
    with pytest.raises(RuntimeError, match="proxy exited"):
        with run_proxy(render_config(sandbox), tmp_path, env={"CAILOS_STATE_URL": url}):
            pass
    log = (tmp_path / "proxy.log").read_text()
    assert "cailos-litellm: start-up error: cannot reach the state store redis://" in log
    assert "s3cret" not in log
