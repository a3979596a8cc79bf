"""Property tests: for random registries, requests and health, the chain is exactly the set of endpoints every
filter allows (checked against an independent restatement of the rules), and is never empty without a refusal."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cailos_litellm.errors import NoEligibleEndpoint
from cailos_litellm.ranking import build_pipeline
from cailos_litellm.ranking.context import QUALITY_PRIOR, eval_bar, expected_cost
from cailos_litellm.types import CAPABILITIES, STRATEGIES, TASK_CLASSES, ModelSpec
from tests.ranking.helpers import TODAY, ctx, endpoint

PIPELINE = build_pipeline()
TIERS = tuple(QUALITY_PRIOR)


@st.composite
def registries(draw):
    n = draw(st.integers(1, 12))
    codenames = [f"fam{i}" for i in range(draw(st.integers(1, 4)))]
    eps = []
    for i in range(n):
        eps.append(endpoint(
            f"ep{i}",
            codename=draw(st.sampled_from(codenames)),
            trusts=tuple(draw(st.lists(st.integers(0, 3), min_size=1, max_size=3))),
            tier=draw(st.sampled_from(TIERS)),
            caps=",".join(draw(st.sets(st.sampled_from(CAPABILITIES)))),
            price=(draw(st.sampled_from([0.0, 1e-7, 1e-6, 1e-5])), draw(st.sampled_from([0.0, 4e-7, 4e-6, 4e-5]))),
            window=draw(st.sampled_from([None, 8_000, 128_000])),
            max_out=draw(st.sampled_from([None, 4_096, 16_000])),
            evals=draw(st.dictionaries(st.sampled_from(TASK_CLASSES[:4]), st.floats(0.3, 1.0), max_size=3)),
            deprecated_after=draw(st.sampled_from([None, date(2025, 1, 1), date(2030, 1, 1)])),
        ))
    return eps


@st.composite
def requests(draw, eps):
    names = [e.name for e in eps]
    kind = draw(st.sampled_from(["auto", "family", "endpoint"]))
    target = None if kind == "auto" else draw(st.sampled_from(
        [e.codename for e in eps] if kind == "family" else names))
    deployments = [d.id for e in eps for d in e.deployments]
    return ctx(
        spec=ModelSpec(raw=target or "auto", kind=kind, target=target, strategy=None),
        strategy=draw(st.sampled_from(STRATEGIES)),
        task=draw(st.sampled_from([None, *TASK_CLASSES[:5]])),
        complexity=draw(st.sampled_from([None, 0.0, 0.4, 1.0])),
        breakers=draw(st.dictionaries(st.sampled_from(deployments),
                                      st.sampled_from(["open", "half_open", "probe_ready", "closed"]))),
        health=draw(st.dictionaries(st.sampled_from(names), st.fixed_dictionaries(
            {"samples": st.integers(0, 500), "success_rate": st.floats(0, 1), "p95_ms": st.floats(50, 20_000)}))),
        input_tokens=draw(st.sampled_from([0, 500, 7_000, 200_000])),
        max_output_tokens=draw(st.sampled_from([None, 1_000, 10_000])),
        required_capabilities=draw(st.sets(st.sampled_from(CAPABILITIES), max_size=2)),
        trust_level=draw(st.integers(0, 3)),
        max_cost_usd=draw(st.sampled_from([None, 1e-4, 1e-2])),
        max_latency_ms=draw(st.sampled_from([None, 1_000.0, 10_000.0])),
    )


def _before_eval(ep, c, eps) -> bool:
    """The hard rules that run before the eval bar (scope, capability, context window, trust, deprecation)."""
    f, spec = c.facts, c.spec
    if spec.kind == "family" and ep.codename != spec.target:
        return False
    if spec.kind == "endpoint":
        named = next(e for e in eps if e.name == spec.target)
        if ep.codename != named.codename:
            return False
    out = f.max_output_tokens or 0
    return (
        f.required_capabilities <= ep.capabilities
        and (ep.max_input_tokens is None or f.input_tokens + out <= ep.max_input_tokens)
        and (ep.max_output_tokens is None or out <= ep.max_output_tokens)
        and any(d.trust_level >= f.trust_level for d in ep.deployments)
        and not (ep.deprecated_after and TODAY > ep.deprecated_after)
    )


def _meets_bar(ep, c) -> bool:
    if c.spec.kind != "auto" or c.task is None:
        return True
    return ep.evals.get(c.task, QUALITY_PRIOR[ep.tier]) >= eval_bar(c.complexity)


def _after_eval(ep, c) -> bool:
    f = c.facts
    p95 = c.health.endpoint(ep.name).p95_ms
    return (
        (f.max_cost_usd is None or expected_cost(ep, f) <= f.max_cost_usd)
        and any(c.health.breakers.get(d.id, "closed") not in ("open", "half_open")
                and d.trust_level >= f.trust_level for d in ep.deployments)
        and (f.max_latency_ms is None or p95 is None or p95 <= f.max_latency_ms)
    )


def allowed_set(eps, c) -> set[str]:
    """The rules, restated independently of the filter classes. The eval bar is soft: when no endpoint that
    passed the hard rules before it meets the bar, it removes none."""
    pre = [e for e in eps if _before_eval(e, c, eps)]
    good = [e for e in pre if _meets_bar(e, c)]
    return {e.name for e in (good or pre) if _after_eval(e, c)}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_chain_is_exactly_the_allowed_endpoints(data):
    eps = data.draw(registries())
    c = data.draw(requests(eps))
    expected = allowed_set(eps, c)
    try:
        decision = PIPELINE.rank(eps, c)
    except NoEligibleEndpoint as exc:
        assert not expected, f"refused although {sorted(expected)} qualify: {exc.message}"
        assert "satisfies" in exc.message or "in scope" in exc.message
        return
    assert decision.chain, "an empty chain must be a refusal"
    assert set(decision.chain) == expected
    assert len(decision.chain) == len(set(decision.chain))
    by_name = {e.name: e for e in eps}
    for name in decision.chain:  # the invariants the guard relies on, stated once more
        ep = by_name[name]
        usable = [d for d in ep.deployments if d.trust_level >= c.facts.trust_level]
        assert usable, "the guard would refuse every attempt on it"
        assert c.facts.required_capabilities <= ep.capabilities
        assert not all(c.health.blocked(d.id) for d in usable)
    if c.spec.kind == "endpoint" and c.spec.target in expected:
        assert decision.chain[0] == c.spec.target
    assert all(0.0 <= s <= 1.0 for s in decision.scores.values())
