"""Each filter, table-driven: which endpoints it keeps, and the reason it gives for the others."""

from __future__ import annotations

from datetime import date

import pytest

from cailos_litellm.ranking.filters import (
    BreakerFilter,
    BudgetFilter,
    CapabilityFilter,
    ContextWindowFilter,
    DeprecationFilter,
    EvalThresholdFilter,
    LatencyBudgetFilter,
    TrustFloorFilter,
)
from cailos_litellm.types import ModelSpec
from tests.ranking.helpers import ctx, endpoint

EPS = [
    endpoint("big", trust=2, tier="frontier", window=200_000, price=(3e-6, 1.5e-5),
             evals={"code_generation": 0.94}),
    endpoint("mini", trust=1, tier="small", caps="tools,json_schema", window=16_000, max_out=4_096,
             price=(1e-7, 4e-7), evals={"code_generation": 0.6, "chat": 0.9}),
    endpoint("local", trust=3, tier="small", caps="tools", window=8_000, price=(0.0, 0.0), deployments=2),
    endpoint("old", trust=1, deprecated_after=date(2025, 1, 1), successor="big"),
]


# gpt-4o style: 9:1 over a trust-1 primary and a trust-2 secondary
MIXED = endpoint("mixed", trusts=(1, 2))


@pytest.mark.parametrize(
    "stage, context, kept",
    [
        (TrustFloorFilter(), ctx(trust_level=2), True),  # the trust-2 deployment can serve; the guard keeps #0 out
        (TrustFloorFilter(), ctx(trust_level=3), "trust 2 < 3"),
        (BreakerFilter(), ctx(trust_level=2, breakers={"mixed#1": "open"}), "breaker open on mixed#0, mixed#1"),
        (BreakerFilter(), ctx(trust_level=1, breakers={"mixed#1": "open"}), True),
        (BreakerFilter(), ctx(trust_level=2, breakers={"mixed#0": "open"}), True),
    ],
)
def test_mixed_trust_group(stage, context, kept):
    """An endpoint stays while some deployment trusted enough for the request is usable."""
    survivors, trace = stage.run([MIXED], context)
    if kept is True:
        assert survivors == [MIXED]
    else:
        assert survivors == [] and kept in dict(trace.removed)["mixed"]
    assert stage.keep(MIXED, context) == kept


def run(stage, context):
    kept, trace = stage.run(EPS, context)
    assert trace.stage == stage.name
    assert {n for n, _ in trace.removed} | {e.name for e in kept} == {e.name for e in EPS} or trace.note
    return [e.name for e in kept], dict(trace.removed), trace.note


@pytest.mark.parametrize(
    "stage, context, kept, reason_fragments",
    [
        (CapabilityFilter(), ctx(), ["big", "mini", "local", "old"], {}),
        (CapabilityFilter(), ctx(required_capabilities={"vision"}), ["big", "old"],
         {"mini": "lacks vision", "local": "lacks vision"}),
        (CapabilityFilter(), ctx(required_capabilities={"vision", "json_schema"}), ["big", "old"],
         {"local": "lacks json_schema, vision"}),
        (ContextWindowFilter(), ctx(input_tokens=10_000), ["big", "mini", "old"], {"local": "window 8000"}),
        (ContextWindowFilter(), ctx(input_tokens=10_000, max_output_tokens=8_000), ["big", "old"],
         {"mini": "window 16000", "local": "window 8000"}),
        (ContextWindowFilter(), ctx(input_tokens=10, max_output_tokens=5_000), ["big", "local", "old"],
         {"mini": "limit 4096"}),
        (TrustFloorFilter(), ctx(trust_level=0), ["big", "mini", "local", "old"], {}),
        (TrustFloorFilter(), ctx(trust_level=2), ["big", "local"], {"mini": "trust 1 < 2"}),
        (TrustFloorFilter(), ctx(trust_level=3), ["local"], {"big": "trust 2 < 3"}),
        (DeprecationFilter(), ctx(), ["big", "mini", "local"], {"old": "successor big"}),
        (EvalThresholdFilter(), ctx(), ["big", "mini", "local", "old"], {}),  # no task
        (EvalThresholdFilter(), ctx(task="code_generation", complexity=0.0), ["big", "mini", "local", "old"], {}),
        (EvalThresholdFilter(), ctx(task="code_generation", complexity=0.3), ["big", "old"],
         {"mini": "eval 0.60 < bar 0.66", "local": "tier small prior 0.60"}),
        (EvalThresholdFilter(), ctx(task="code_generation", complexity=1.0), ["big"], {"old": "prior 0.70 < bar 0.90"}),
        (EvalThresholdFilter(), ctx(spec=ModelSpec("mini", "endpoint", "mini", None), task="code_generation",
                                    complexity=1.0), ["big", "mini", "local", "old"], {}),
        (BudgetFilter(), ctx(input_tokens=1000), ["big", "mini", "local", "old"], {}),
        # 1000 in + 400 expected out: big $0.009, default-priced $0.0018, mini $0.00026, local free
        (BudgetFilter(), ctx(input_tokens=1000, max_cost_usd=0.001), ["mini", "local"],
         {"big": "expected $0.009000", "old": "max $0.001000"}),
        (BudgetFilter(), ctx(input_tokens=1000, max_cost_usd=0.001, max_output_tokens=2000), ["mini", "local"], {}),
        (BreakerFilter(), ctx(breakers={"big#0": "open", "local#0": "open", "mini#0": "probe_ready",
                                        "old#0": "half_open"}),
         ["mini", "local"], {"big": "breaker open on big#0", "old": "breaker open"}),
        (LatencyBudgetFilter(), ctx(max_latency_ms=1000, health={"big": {"p95_ms": 2500.0}, "mini": {"p95_ms": 800.0}}),
         ["mini", "local", "old"], {"big": "p95 2500 ms > 1000 ms"}),
    ],
)
def test_filter(stage, context, kept, reason_fragments):
    names, removed, _ = run(stage, context)
    assert names == kept
    assert set(removed) == {e.name for e in EPS} - set(kept)
    for name, fragment in reason_fragments.items():
        assert fragment in removed[name]


@pytest.mark.parametrize(
    "stage, context, fragment",
    [
        (CapabilityFilter(), ctx(required_capabilities={"vision"}), "capability vision"),
        (TrustFloorFilter(), ctx(trust_level=3), "trust_level 3"),
        (EvalThresholdFilter(), ctx(task="sql", complexity=1.0), "eval >= 0.90 for sql"),
        (BudgetFilter(), ctx(max_cost_usd=0.002), "max_cost_usd 0.002"),
        (LatencyBudgetFilter(), ctx(max_latency_ms=300), "max_latency_ms 300"),
        (BreakerFilter(), ctx(), "circuit breaker"),
    ],
)
def test_describe_names_the_constraint(stage, context, fragment):
    assert fragment in stage.describe(context)


@pytest.mark.parametrize(
    "stage, context, note",
    [
        (CapabilityFilter(), ctx(), "no capability required"),
        (BudgetFilter(), ctx(), "no max_cost_usd"),
        (LatencyBudgetFilter(), ctx(), "no max_latency_ms"),
        (EvalThresholdFilter(), ctx(), "no task class"),
        (BreakerFilter(), ctx(), "all breakers closed"),
    ],
)
def test_inapplicable_filters_say_why(stage, context, note):
    assert run(stage, context)[2] == note


def test_eval_bar_is_soft_when_nothing_left_meets_it():
    only_weak = [e for e in EPS if e.name in ("mini", "local")]
    kept, trace = EvalThresholdFilter().run(only_weak, ctx(task="code_generation", complexity=1.0))
    assert [e.name for e in kept] == ["mini", "local"] and not trace.removed
    assert trace.note == "relaxed: no endpoint meets eval >= 0.90 for code_generation"
    kept, trace = TrustFloorFilter().run(only_weak, ctx(trust_level=3))  # a hard rule never relaxes
    assert [e.name for e in kept] == ["local"]
