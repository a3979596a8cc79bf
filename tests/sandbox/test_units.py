"""Pure parts: profiles, schema values, deterministic draws, the package surface, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import cailos_litellm.sandbox as sandbox_pkg
from cailos_litellm.errors import ConfigError
from cailos_litellm.sandbox._draw import uniform
from cailos_litellm.sandbox.answers import value_for_schema
from cailos_litellm.sandbox.profiles import load_profiles
from cailos_litellm.types import TASK_CLASSES

CONFIG_MODELS = ("gpt-5", "gpt-4o", "gpt-4o-mini", "gpt-4.1-nano", "gpt-4-0613", "claude-sonnet-4-5",
                 "claude-haiku-4-5", "gemini-2.5-flash", "llama-3.1-8b-instruct")


def test_bundled_profiles_cover_the_default_config() -> None:
    profiles = load_profiles()
    for name in CONFIG_MODELS:
        p = profiles.models[name]
        assert set(p.skills) == set(TASK_CLASSES) and p.tokens_per_s > 0 and 0 <= p.error_rate < 0.05
    assert profiles.get("some-new-model") is profiles.default
    assert profiles.get("gpt-4o-2024-08-06").name == "gpt-4o"
    assert profiles.get("openai/gpt-4o-mini").name == "gpt-4o-mini"


@pytest.mark.parametrize("doc, field", [
    ({"models": {}}, "default"),
    ({"default": {"ttft_ms": 1}}, "input_cost_per_token"),
    ({"default": {"input_cost_per_token": 0, "output_cost_per_token": 0, "ttft_ms": 1, "tokens_per_s": 1,
                  "error_rate": 2}}, "error_rate"),
    ({"default": {"input_cost_per_token": 0, "output_cost_per_token": 0, "ttft_ms": 1, "tokens_per_s": 1,
                  "error_rate": 0, "skills": {"juggling": 1}}}, "juggling"),
])
def test_bad_profiles_name_the_field(tmp_path: Path, doc: dict[str, object], field: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(doc))
    with pytest.raises(ConfigError, match=field):
        load_profiles(path)


@pytest.mark.parametrize("schema, expected", [
    ({"type": "string"}, "t"),
    ({"type": "string", "maxLength": 0}, ""),
    ({"type": ["null", "integer"], "minimum": 3}, 3),
    ({"type": "number", "maximum": 0.25}, 0.25),
    ({"type": "array", "items": {"type": "boolean"}, "minItems": 2}, [True, True]),
    ({"const": "x"}, "x"),
    ({"oneOf": [{"type": "null"}, {"type": "string"}]}, "t"),
    ({"properties": {"a": {"$ref": "#/definitions/A"}}, "definitions": {"A": {"enum": [4, 5]}}}, {"a": 4}),
])
def test_value_for_schema(schema: dict[str, object], expected: object) -> None:
    assert value_for_schema(schema, "t") == expected


def test_uniform_is_stable_and_spread() -> None:
    draws = [uniform(0, "k", n) for n in range(2000)]
    assert draws == [uniform(0, "k", n) for n in range(2000)] != [uniform(1, "k", n) for n in range(2000)]
    assert 0.45 < sum(draws) / len(draws) < 0.55 and all(0 <= d < 1 for d in draws)


def test_package_all_is_importable() -> None:
    assert sorted(sandbox_pkg.__all__) == sandbox_pkg.__all__
    for name in sandbox_pkg.__all__:
        assert getattr(sandbox_pkg, name) is not None


def test_cli_command_is_registered() -> None:
    from cailos_litellm.cli import main

    result = CliRunner().invoke(main, ["sandbox", "--help"])
    assert result.exit_code == 0 and "--latency-scale" in result.output and "--profiles" in result.output
