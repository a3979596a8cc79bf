"""Small builders for ranking tests: endpoints and contexts without a config file."""

from __future__ import annotations

from datetime import date

from cailos_litellm.ranking import RankContext
from cailos_litellm.types import Deployment, Endpoint, EndpointHealth, HealthSnapshot, ModelSpec, RequestFacts

TODAY = date(2026, 6, 1)
AUTO = ModelSpec(raw="auto", kind="auto", target=None, strategy=None)


def endpoint(name: str, *, codename: str | None = None, trust: int = 1, deployments: int = 1, tier: str = "standard",
             caps: str = "tools,vision,json_schema", price: tuple[float, float] = (1e-6, 2e-6),
             window: int | None = 128_000, max_out: int | None = 16_000, evals: dict | None = None,
             deprecated_after: date | None = None, successor: str | None = None,
             trusts: tuple[int, ...] | None = None) -> Endpoint:
    """`trusts`: one trust level per deployment (a mixed group); else every deployment has `trust`."""
    levels = trusts if trusts is not None else (trust,) * deployments
    deps = tuple(Deployment(id=f"{name}#{i}", group=name, litellm_model=f"openai/{name}", provider="openai",
                            trust_level=t) for i, t in enumerate(levels))
    return Endpoint(name=name, codename=codename or name, provider="openai", deployments=deps,
                    trust_level=min(levels),
                    tier=tier, evals=evals or {}, successor=successor, deprecated_after=deprecated_after,
                    input_cost_per_token=price[0], output_cost_per_token=price[1], max_input_tokens=window,
                    max_output_tokens=max_out, capabilities=frozenset(c for c in caps.split(",") if c))


def ctx(*, spec: ModelSpec = AUTO, strategy: str = "balanced", task: str | None = None,
        complexity: float | None = None, breakers: dict | None = None, health: dict | None = None,
        **facts) -> RankContext:
    if "required_capabilities" in facts:
        facts["required_capabilities"] = frozenset(facts["required_capabilities"])
    snapshot = HealthSnapshot(endpoints={k: EndpointHealth(**v) for k, v in (health or {}).items()},
                              breakers=breakers or {})
    return RankContext(spec=spec, facts=RequestFacts(**facts), strategy=strategy, today=TODAY, task=task,
                       complexity=complexity, health=snapshot)
