from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
import yaml

from cailos_litellm.config import ModelFacts, build_registry, load_bundle_config
from cailos_litellm.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]
FACTS = {
    "openai/gpt-4o": ModelFacts(2.5e-6, 1e-5, 128000, 16384, True, True, True),
    "openai/gpt-4o-mini": ModelFacts(1.5e-7, 6e-7, 128000, 16384, True, True, True),
}


def lookup(model: str) -> ModelFacts | None:
    return FACTS.get(model)


def dep(name, model, dep_id, **cailos):
    return {"model_name": name, "litellm_params": {"model": model}, "model_info": {"id": dep_id, "cailos": cailos}}


BASE = [
    dep("gpt-4o", "openai/gpt-4o", "a", codename="gpt-4o", trust_level=1, evals={"analysis": 0.9}),
    dep("gpt-4o", "openai/gpt-4o", "b", codename="gpt-4o", trust_level=2, evals={"analysis": 0.9}),
    dep("mini", "openai/gpt-4o-mini", "c", codename="gpt-4o-mini", trust_level=3),
    dep("old", "openai/gpt-4o", "d", codename="legacy", successor="gpt-4o", deprecated_after="2025-01-01"),
]


def test_groups_deployments_into_endpoints_with_cost_map_facts():
    reg = build_registry(BASE, lookup)
    assert reg.names == ("gpt-4o", "mini", "old")
    four = reg.get("gpt-4o")
    assert [d.id for d in four.deployments] == ["a", "b"]
    assert four.trust_level == 1  # the weakest deployment bounds the group
    assert four.input_cost_per_token == 2.5e-6
    assert four.capabilities == {"tools", "vision", "json_schema"}
    assert reg.get("old").is_deprecated(date(2026, 1, 1))
    assert reg.family("gpt-4o-mini")[0].name == "mini"


def test_model_info_overrides_cost_map():
    entry = dep("local", "openai/unknown", "x")
    entry["model_info"].update(input_cost_per_token=0.0, output_cost_per_token=1e-6, supports_vision=True)
    ep = build_registry([entry], lookup).get("local")
    assert (ep.input_cost_per_token, ep.output_cost_per_token, ep.capabilities) == (0.0, 1e-6, {"vision"})


def _mutate(index, **cailos):
    model_list = copy.deepcopy(BASE)
    model_list[index]["model_info"]["cailos"].update(cailos)
    return model_list


@pytest.mark.parametrize(
    "model_list, fragments",
    [
        (_mutate(0, colour="red"), ["deployment 'a'", "model_info.cailos.colour"]),
        (_mutate(2, trust_level=7), ["deployment 'c'", "trust_level", "7"]),
        (_mutate(2, trust_level="high"), ["deployment 'c'", "trust_level"]),
        (_mutate(2, codename="gpt-4o"), []),  # joining a family is fine
        (_mutate(2, codename="old"), ["duplicate codename", "'old'"]),
        (_mutate(3, successor="nope"), ["endpoint 'old'", "successor", "'nope'"]),
        (_mutate(3, deprecated_after="soon"), ["deprecated_after", "YYYY-MM-DD"]),
        (_mutate(2, evals={"poetry": 0.5}), ["evals.poetry", "unknown task class"]),
        (_mutate(2, evals={"chat": 1.5}), ["evals.chat", "0-1"]),
        (_mutate(1, codename="other"), ["deployment 'b'", "codename", "must agree"]),
        (_mutate(2, tier="huge"), ["tier"]),
        (_mutate(2, codename="auto"), ["reserved"]),
    ],
)
def test_config_errors_name_deployment_and_field(model_list, fragments):
    if not fragments:
        build_registry(model_list, lookup)
        return
    with pytest.raises(ConfigError) as err:
        build_registry(model_list, lookup)
    for fragment in fragments:
        assert fragment in str(err.value)


def test_successor_loop_is_rejected():
    model_list = copy.deepcopy(BASE)
    model_list[0]["model_info"]["cailos"]["successor"] = "legacy"
    model_list[1]["model_info"]["cailos"]["successor"] = "legacy"
    with pytest.raises(ConfigError, match="successor loop gpt-4o -> legacy -> gpt-4o|successor loop legacy -> gpt-4o -> legacy"):
        build_registry(model_list, lookup)


def test_duplicate_deployment_id_is_rejected():
    with pytest.raises(ConfigError, match="duplicate model_info.id"):
        build_registry([*BASE, dep("x", "openai/gpt-4o", "a")], lookup)


def test_shipped_proxy_config_is_valid(tmp_path):
    config = load_bundle_config(ROOT / "proxy_config.yaml", lookup, environ={})
    assert "gpt-4o" in config.registry.codenames
    assert config.registry.get("llama-3.1-8b-local").trust_level == 3
    assert config.settings.default_strategy == "balanced"


@pytest.mark.parametrize(
    "text, fragment",
    [("model_list: [", "invalid YAML at line"), ("- just a list", "must be a YAML mapping"), ("general_settings: {}", "model_list")],
)
def test_broken_yaml_names_the_problem(tmp_path, text, fragment):
    path = tmp_path / "c.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=fragment):
        load_bundle_config(path, lookup, environ={})


def test_settings_env_overrides_and_rejects_unknown(tmp_path):
    raw = yaml.safe_load((ROOT / "proxy_config.yaml").read_text())
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(raw))
    cfg = load_bundle_config(path, lookup, environ={"CAILOS_BYPASS": "true", "CAILOS_DEFAULT_STRATEGY": "cost"})
    assert cfg.settings.bypass and cfg.settings.default_strategy == "cost"
    with pytest.raises(ConfigError, match="CAILOS_DEFAULT_STRATEGY"):
        load_bundle_config(path, lookup, environ={"CAILOS_DEFAULT_STRATEGY": "cheap"})
    raw["cailos_settings"] = {"strategy": "cost"}
    path.write_text(yaml.safe_dump(raw))
    with pytest.raises(ConfigError, match="cailos_settings field 'strategy'"):
        load_bundle_config(path, lookup, environ={})


def test_example_provider_config_is_valid():
    from cailos_litellm.proxy.facts import litellm_facts

    config = load_bundle_config(ROOT / "examples" / "providers.yaml", litellm_facts, environ={})
    sonnet = config.registry.get("claude-sonnet-4-5")
    assert sonnet.input_cost_per_token == 3e-6 and "tools" in sonnet.capabilities
