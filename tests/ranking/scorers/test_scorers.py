"""Each scorer, table-driven: values in 0-1, the right order, neutral defaults without data."""

from __future__ import annotations

import pytest

from cailos_litellm.ranking.scorers import CostScorer, LatencyScorer, QualityScorer, ReliabilityScorer, SatisfactionScorer
from tests.ranking.helpers import ctx, endpoint

CHEAP = endpoint("cheap", tier="small", price=(1e-7, 4e-7), evals={"chat": 0.8})
MID = endpoint("mid", tier="strong", price=(1e-6, 4e-6), evals={"chat": 0.9})  # exactly 10x cheap
DEAR = endpoint("dear", tier="frontier", price=(1e-4, 4e-4))  # 1000x cheap
FREE = endpoint("free", tier="small", price=(0.0, 0.0))


@pytest.mark.parametrize(
    "scorer, eps, context, expected",
    [
        (QualityScorer(), [CHEAP, MID, DEAR], ctx(task="chat"), [0.8, 0.9, 0.88]),  # dear: frontier prior
        (QualityScorer(), [CHEAP, DEAR], ctx(), [0.6, 0.88]),  # no task: tier priors
        (SatisfactionScorer(), [CHEAP, MID], ctx(health={"cheap": {"satisfaction": 0.9}}), [0.9, 0.5]),
        (ReliabilityScorer(), [CHEAP, MID], ctx(), [0.98, 0.98]),
        (ReliabilityScorer(), [CHEAP, MID],
         ctx(health={"cheap": {"samples": 180, "success_rate": 0.5}, "mid": {"samples": 20, "success_rate": 1.0}}),
         [(90 + 19.6) / 200, (20 + 19.6) / 40]),
        # cost: log scale over a factor of 100; 10x the cheapest = 0.5, beyond 100x = 0
        (CostScorer(), [CHEAP, MID, DEAR], ctx(input_tokens=1000), [1.0, 0.5, 0.0]),
        (CostScorer(), [MID], ctx(input_tokens=1000), [1.0]),
        (CostScorer(), [FREE, CHEAP], ctx(input_tokens=1000), [1.0, pytest.approx(1 - 0.30103 / 2, abs=1e-4)]),
        (CostScorer(), [FREE], ctx(), [1.0]),
        # latency: p95 measured, or the tier prior (small 900, strong 2500); 10x the fastest = 0
        (LatencyScorer(), [CHEAP, MID], ctx(health={"cheap": {"p95_ms": 300.0}, "mid": {"p95_ms": 3000.0}}), [1.0, 0.0]),
        (LatencyScorer(), [CHEAP, MID], ctx(), [1.0, pytest.approx(1 - 0.4437, abs=1e-3)]),
    ],
)
def test_scorer(scorer, eps, context, expected):
    values = scorer.scores(eps, context)
    assert values == pytest.approx(expected)
    assert all(0.0 <= v <= 1.0 for v in values)
