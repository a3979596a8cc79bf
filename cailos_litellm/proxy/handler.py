"""The LiteLLM hook class: converts LiteLLM's request dicts to our dataclasses and back, nothing more.

LiteLLM calls `async_pre_call_hook` and `async_post_call_streaming_iterator_hook` only when they are defined on the
instantiated class itself, so every hook lives here, on the leaf class.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date
from typing import Any, Mapping

from litellm.integrations.custom_logger import CustomLogger

from ..errors import CailosError
from ..modelstring import parse_model_string
from ..request import read_hints, request_facts
from ..types import Decision
from ._interim_policy import interim_chain
from .errors import to_http
from .runtime import Runtime

__all__ = ["CailosHandler"]

log = logging.getLogger(__name__)

ROUTED_CALL_TYPES = frozenset({"acompletion", "completion"})
META_KEY = "cailos"  # our slot in data["metadata"]: ids and names only, never text


class CailosHandler(CustomLogger):
    def __init__(self, runtime: Runtime) -> None:
        super().__init__()
        self.runtime = runtime

    # -- request ---------------------------------------------------------------------------------------------
    async def async_pre_call_hook(self, user_api_key_dict: Any, cache: Any, data: dict, call_type: str) -> dict:
        if call_type not in ROUTED_CALL_TYPES:
            return data
        metadata = data.setdefault("metadata", {})
        if self.runtime.config.settings.bypass:
            metadata[META_KEY] = {"bypass": True}
            return data
        try:
            decision = self._decide(data, user_api_key_dict)
        except CailosError as exc:
            log.info("request refused: %s (status %s)", exc.error_type, exc.status_code)
            raise to_http(exc) from None
        data["model"] = decision.chain[0]
        data["fallbacks"] = list(decision.chain[1:])
        metadata[META_KEY] = _summary(decision)
        return data

    def _decide(self, data: Mapping[str, Any], key: Any) -> Decision:
        settings = self.runtime.config.settings
        registry = self.runtime.config.registry
        today = date.today()
        metadata = data.get("metadata") or {}
        hints = read_hints(metadata, _request_headers(data))
        team = _team_settings(key)
        spec = parse_model_string(data.get("model"), registry, today)
        facts = request_facts(
            data,
            hints,
            trust_floor=max(settings.default_trust_level, team.get("trust_level", 0)),
            team_id=getattr(key, "team_id", None),
        )
        strategy = spec.strategy or hints.strategy or team.get("default_strategy") or settings.default_strategy
        chain, trace = interim_chain(spec, facts, registry, today)
        return Decision(id=uuid.uuid4().hex, spec=spec, strategy=strategy, chain=chain, trace=trace)

    # -- response ---------------------------------------------------------------------------------------------
    async def async_post_call_response_headers_hook(
        self, data: dict, user_api_key_dict: Any, response: Any, request_headers: dict | None = None
    ) -> dict[str, str] | None:
        summary = (data.get("metadata") or {}).get(META_KEY)
        if not summary:
            return None
        if summary.get("bypass"):
            return {"x-cailos-bypass": "true"}
        served = summary["endpoint"]
        model_id = (getattr(response, "_hidden_params", None) or {}).get("model_id")
        deployment = self.runtime.config.registry.deployment(model_id) if model_id else None
        if deployment is not None:
            served = deployment.group
        headers = {
            "x-cailos-decision-id": summary["decision_id"],
            "x-cailos-endpoint": served,
            "x-cailos-strategy": summary["strategy"],
            "x-cailos-fallbacks": ",".join(summary["chain"][1:]),
        }
        if summary.get("task"):
            headers["x-cailos-task"] = summary["task"]
        if summary.get("deprecated"):
            headers["x-cailos-deprecated"] = summary["deprecated"]
        return headers


def _summary(decision: Decision) -> dict[str, Any]:
    spec = decision.spec
    return {
        "decision_id": decision.id,
        "strategy": decision.strategy,
        "endpoint": decision.endpoint,
        "chain": list(decision.chain),
        "task": decision.task,
        "deprecated": f"{spec.substituted_from}; served by {spec.target}" if spec.substituted_from else None,
    }


def _request_headers(data: Mapping[str, Any]) -> Mapping[str, str]:
    request = data.get("proxy_server_request") or {}
    return request.get("headers") or (data.get("metadata") or {}).get("headers") or {}


def _team_settings(key: Any) -> Mapping[str, Any]:
    """`cailos` settings carried by the virtual key or its team (key wins)."""
    merged: dict[str, Any] = {}
    for source in (getattr(key, "team_metadata", None), getattr(key, "metadata", None)):
        if isinstance(source, Mapping) and isinstance(source.get("cailos"), Mapping):
            merged.update(source["cailos"])
    return merged
