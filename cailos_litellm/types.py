"""Plain frozen data passed between the stages of the request flow.

Only `proxy/` converts LiteLLM's request dicts to and from these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, Mapping

__all__ = [
    "CAPABILITIES",
    "STRATEGIES",
    "TASK_CLASSES",
    "Decision",
    "Deployment",
    "Endpoint",
    "EndpointHealth",
    "HealthSnapshot",
    "ModelSpec",
    "RequestFacts",
    "StageTrace",
    "Strategy",
]

Strategy = Literal["cost", "speed", "quality", "balanced"]
STRATEGIES: tuple[str, ...] = ("cost", "speed", "quality", "balanced")
CAPABILITIES: tuple[str, ...] = ("tools", "vision", "json_schema")
# The intent taxonomy (definitions in docs/taxonomy.md); also the keys of eval scores and sandbox skills.
TASK_CLASSES: tuple[str, ...] = (
    "extraction",
    "classification",
    "summarization",
    "translation",
    "chat",
    "creative_writing",
    "code_generation",
    "debugging",
    "sql",
    "math_reasoning",
    "analysis",
    "tool_use",
    "vision",
)


@dataclass(frozen=True, slots=True)
class Deployment:
    """One LiteLLM deployment (a `model_list` entry)."""

    id: str  # model_info.id
    group: str  # model_name: the LiteLLM model group
    litellm_model: str  # litellm_params.model, e.g. "openai/sbx-gpt-4o"
    provider: str
    trust_level: int
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A LiteLLM model group, the unit the ranking orders and LiteLLM fails over between."""

    name: str  # model group name (what goes into data["model"] / fallbacks)
    codename: str  # family, e.g. "gpt-4o"; several endpoints may share one
    provider: str
    deployments: tuple[Deployment, ...]
    trust_level: int  # the lowest trust of its deployments: the group never promises more
    tier: str = "standard"
    evals: Mapping[str, float] = field(default_factory=dict)
    successor: str | None = None  # codename that replaces this one once deprecated
    deprecated_after: date | None = None
    input_cost_per_token: float = 0.0
    output_cost_per_token: float = 0.0
    max_input_tokens: int | None = None
    max_output_tokens: int | None = None
    capabilities: frozenset[str] = frozenset()

    def is_deprecated(self, today: date) -> bool:
        return self.deprecated_after is not None and today > self.deprecated_after


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """What the client's `model` string asks for, resolved against the registry.

    kind "auto": every endpoint; "family": the endpoints of one codename; "endpoint": one model group
    (transparent gateway: that group first, its family as failover).
    """

    raw: str
    kind: Literal["auto", "family", "endpoint"]
    target: str | None  # codename or group name; None for auto
    strategy: str | None  # explicit strategy, None when the string named none
    substituted_from: str | None = None  # deprecated codename that `target` replaced


@dataclass(frozen=True, slots=True)
class RequestFacts:
    """What the ranking may know about a request: sizes and needs, never its text."""

    input_tokens: int = 0
    max_output_tokens: int | None = None
    stream: bool = False
    required_capabilities: frozenset[str] = frozenset()
    trust_level: int = 0
    max_cost_usd: float | None = None
    max_latency_ms: float | None = None
    team_id: str | None = None
    feature: str | None = None


@dataclass(frozen=True, slots=True)
class EndpointHealth:
    """Rolling 5-minute view of one endpoint; None where nothing was measured yet."""

    samples: int = 0
    success_rate: float | None = None
    p95_ms: float | None = None
    satisfaction: float | None = None  # 0-1 from thumbs up/down; None: no feedback


@dataclass(frozen=True, slots=True)
class HealthSnapshot:
    """Health read from the state store once per request, before the (pure) ranking runs.

    `breakers` maps deployment id -> "closed" | "open" | "half_open" (a probe is in flight) | "probe_ready"
    (open, cool-off over: the next attempt may probe). Missing ids are closed.
    """

    endpoints: Mapping[str, EndpointHealth] = field(default_factory=dict)
    breakers: Mapping[str, str] = field(default_factory=dict)
    taken_at: float = 0.0

    def endpoint(self, name: str) -> EndpointHealth:
        return self.endpoints.get(name, _NO_HEALTH)

    def blocked(self, deployment_id: str) -> bool:
        """True when the breaker gives this deployment zero attempts right now."""
        return self.breakers.get(deployment_id, "closed") in ("open", "half_open")


_NO_HEALTH = EndpointHealth()


@dataclass(frozen=True, slots=True)
class StageTrace:
    stage: str
    removed: tuple[tuple[str, str], ...] = ()  # (endpoint, reason)
    note: str = ""


@dataclass(frozen=True, slots=True)
class Decision:
    """The routing decision for one request; what headers, logs and `cailos explain` show."""

    id: str
    spec: ModelSpec
    strategy: str
    chain: tuple[str, ...]  # endpoint names, best first
    task: str | None = None
    task_confidence: float | None = None
    complexity: float | None = None
    trace: tuple[StageTrace, ...] = ()
    scores: Mapping[str, float] = field(default_factory=dict)
    bypass: bool = False
    components: Mapping[str, Mapping[str, float]] = field(default_factory=dict)  # endpoint -> scorer -> 0-1

    @property
    def endpoint(self) -> str:
        return self.chain[0]
