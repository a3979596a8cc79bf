"""The pipeline on the default proxy_config.yaml: chain order, trace, gateway mode, clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from cailos_litellm.config import load_bundle_config
from cailos_litellm.errors import EndpointsUnavailable, NoEligibleEndpoint
from cailos_litellm.modelstring import parse_model_string
from cailos_litellm.proxy.facts import litellm_facts
from cailos_litellm.ranking import FILTERS, build_pipeline, choose_strategy, rank
from cailos_litellm.types import EndpointHealth, HealthSnapshot, ModelSpec, RequestFacts
from tests.ranking.helpers import TODAY

REGISTRY = load_bundle_config(Path(__file__).resolve().parents[2] / "proxy_config.yaml", litellm_facts, {}).registry


def decide(model: str, *, task=None, complexity=None, health=None, strategy=None, **facts):
    spec = parse_model_string(model, REGISTRY, TODAY)
    return rank(REGISTRY, spec, RequestFacts(**facts), strategy=strategy or spec.strategy or "balanced", task=task,
                complexity=complexity, health=health, today=TODAY)


def test_auto_cost_puts_the_cheapest_eligible_endpoint_first():
    d = decide("auto:cost", input_tokens=1000, trust_level=1, required_capabilities=frozenset({"vision"}))
    assert d.chain[0] == "gpt-4.1-nano"
    assert "llama-3.1-8b-local" not in d.chain and "gpt-4-0613" not in d.chain
    costs = [REGISTRY.get(n).input_cost_per_token for n in d.chain[:3]]
    assert costs == sorted(costs)
    assert list(d.scores) == list(d.chain) and list(d.scores.values()) == sorted(d.scores.values(), reverse=True)
    assert set(d.components[d.chain[0]]) == {"quality", "reliability", "satisfaction", "cost", "latency"}


def test_trace_names_every_stage_and_what_it_removed():
    d = decide("auto:cost", input_tokens=1000, required_capabilities=frozenset({"vision"}))
    assert [t.stage for t in d.trace] == [*FILTERS, "score"]
    removed = {t.stage: dict(t.removed) for t in d.trace}
    assert removed["capability"] == {"llama-3.1-8b-local": "lacks vision", "gpt-4-0613": "lacks vision"}
    assert d.trace[-1].note.startswith("strategy cost:")


def test_hard_task_raises_the_bar_and_quality_strategy_prefers_the_best():
    easy = decide("auto:cost", task="code_generation", complexity=0.0, input_tokens=500)
    hard = decide("auto:cost", task="code_generation", complexity=1.0, input_tokens=500)
    assert len(hard.chain) < len(easy.chain)
    assert set(hard.chain) == {"gpt-5", "claude-sonnet-4-5"}  # the only ones with code_generation >= 0.9
    best = decide("auto:quality", task="code_generation", complexity=1.0, input_tokens=500)
    assert best.chain[0] == "claude-sonnet-4-5"


@pytest.mark.parametrize("strategy", ["cost", "speed", "quality", "balanced"])
def test_breaker_and_failures_push_an_endpoint_out_or_down(strategy):
    base = decide(f"auto:{strategy}", input_tokens=200)
    top = REGISTRY.get(base.chain[0])
    opened = HealthSnapshot(breakers={d.id: "open" for d in top.deployments})
    assert top.name not in decide(f"auto:{strategy}", input_tokens=200, health=opened).chain
    failing = HealthSnapshot(endpoints={top.name: EndpointHealth(samples=200, success_rate=0.2, p95_ms=30_000)})
    assert decide(f"auto:{strategy}", input_tokens=200, health=failing).chain[0] != top.name


def test_gateway_keeps_the_named_endpoint_first_and_its_family_as_failover():
    d = decide("gpt-4o", input_tokens=100)
    assert d.chain == ("gpt-4o",) and d.spec.kind == "endpoint"
    opened = HealthSnapshot(breakers={"gpt-4o@openai": "open", "gpt-4o@azure": "open"})
    with pytest.raises(NoEligibleEndpoint, match="circuit breaker"):
        decide("gpt-4o", input_tokens=100, health=opened)


def test_gateway_on_a_family_with_several_endpoints():
    from tests.ranking.helpers import ctx, endpoint

    eps = [endpoint("cheap-eu", codename="fam", price=(1e-7, 1e-7)), endpoint("dear-us", codename="fam"),
           endpoint("other", price=(0, 0))]
    spec = ModelSpec("dear-us", "endpoint", "dear-us", None)
    d = build_pipeline().rank(eps, ctx(spec=spec, strategy="cost"))
    assert d.chain == ("dear-us", "cheap-eu")
    d = build_pipeline().rank(eps, ctx(spec=spec, strategy="cost", breakers={"dear-us#0": "open"}))
    assert d.chain == ("cheap-eu",)


def test_deprecated_codename_is_served_by_its_successor():
    d = decide("gpt-4-legacy", input_tokens=100)
    assert d.chain == ("gpt-4o",) and d.spec.substituted_from == "gpt-4-legacy"


@pytest.mark.parametrize(
    "model, facts, fragments",
    [
        ("auto", {"trust_level": 3, "required_capabilities": frozenset({"vision"})},
         ["capability vision", "trust_level 3", "removed by: capability, trust_floor"]),
        ("auto:cost", {"input_tokens": 2_000_000}, ["context window of ~2000000 tokens"]),
        ("claude-sonnet:cost", {"input_tokens": 1000, "max_cost_usd": 1e-5}, ["max_cost_usd 1e-05", "budget"]),
        ("gpt-4o-mini", {"trust_level": 2}, ["trust_level 2", "'gpt-4o-mini'"]),
    ],
)
def test_no_eligible_endpoint_names_the_filters(model, facts, fragments):
    with pytest.raises(NoEligibleEndpoint) as info:
        decide(model, **facts)
    for fragment in fragments:
        assert fragment in info.value.message
    assert info.value.status_code == 422


@pytest.mark.parametrize("trust, chain", [(2, ("gpt-4o",)), (1, ("gpt-4o",))])
def test_mixed_trust_group_serves_a_request_its_secondary_may_serve(trust, chain):
    assert decide("gpt-4o", trust_level=trust).chain == chain


def test_open_breakers_on_everything_left_is_a_503_not_a_4xx():
    breakers = {d.id: "open" for e in REGISTRY.endpoints for d in e.deployments if e.name == "llama-3.1-8b-local"}
    health = HealthSnapshot(breakers=breakers)
    with pytest.raises(EndpointsUnavailable) as info:
        decide("llama-3.1-8b-local", health=health)
    assert info.value.status_code == 503 and "breaker" in info.value.message
    # the trust-2 secondary of gpt-4o open: nothing a trust-2 request may use is left, though the primary is fine
    health = HealthSnapshot(breakers={"gpt-4o@azure": "open"})
    with pytest.raises(EndpointsUnavailable):
        decide("gpt-4o", trust_level=2, health=health)
    assert decide("gpt-4o", trust_level=1, health=health).chain == ("gpt-4o",)


def test_ranking_is_deterministic_and_ids_are_fresh():
    a, b = decide("auto:balanced", input_tokens=300), decide("auto:balanced", input_tokens=300)
    assert a.chain == b.chain and a.scores == b.scores and a.id != b.id


@pytest.mark.parametrize(
    "spec, kwargs, expected",
    [
        (ModelSpec("auto:speed", "auto", None, "speed"), {"hint": "cost", "classifier": "quality"}, "speed"),
        (ModelSpec("auto", "auto", None, None), {"hint": "cost", "classifier": "quality"}, "cost"),
        (ModelSpec("auto", "auto", None, None), {"classifier": "quality", "team_default": "cost"}, "quality"),
        (ModelSpec("auto", "auto", None, None), {"team_default": "cost"}, "cost"),
        (ModelSpec("auto", "auto", None, None), {}, "speed"),
        (ModelSpec("gpt-4o", "endpoint", "gpt-4o", None), {"classifier": "quality"}, "speed"),
    ],
)
def test_choose_strategy(spec, kwargs, expected):
    assert choose_strategy(spec, default="speed", **kwargs) == expected
