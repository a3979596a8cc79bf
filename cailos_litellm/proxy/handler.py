"""The LiteLLM hook class: converts LiteLLM's request dicts to our dataclasses and back, nothing more.

LiteLLM calls `async_pre_call_hook` and `async_post_call_streaming_iterator_hook` only when they are defined on
the instantiated class itself, so every hook lives here, on the leaf class.
"""

from __future__ import annotations

import logging
from typing import Any, AsyncGenerator, Mapping

import litellm
from litellm.integrations.custom_logger import CustomLogger

from ..errors import CailosError
from ..guard import AttemptCandidate, guard_attempt
from ..types import Decision, RequestFacts
from .errors import to_http
from .outcomes import outcome_kind
from .route import decide, team_settings
from .runtime import Runtime
from .shielding import CloakMaps, cloak_request, uncloak_response, uncloak_stream

__all__ = ["CailosHandler"]

log = logging.getLogger(__name__)

ROUTED_CALL_TYPES = frozenset({"acompletion", "completion"})
META_KEY = "cailos"  # our slot in data["metadata"]: ids, names and numbers only, never text


class CailosHandler(CustomLogger):
    def __init__(self, runtime: Runtime) -> None:
        super().__init__()
        self.runtime = runtime
        self.cloak_maps = CloakMaps()

    # -- request ---------------------------------------------------------------------------------------------
    async def async_pre_call_hook(self, user_api_key_dict: Any, cache: Any, data: dict, call_type: str) -> dict:
        if call_type not in ROUTED_CALL_TYPES:
            return data
        metadata = data.setdefault("metadata", {})
        rt = self.runtime
        if rt.config.settings.bypass:
            metadata[META_KEY] = {"bypass": True}
            return data
        try:
            decision, facts = await decide(rt, data, user_api_key_dict)
            shield = rt.shield_for(team_settings(user_api_key_dict).get("pii"))
            if shield is not None:
                cmap = await cloak_request(shield, data)
                self.cloak_maps.put(data["litellm_call_id"], cmap)
        except CailosError as exc:
            log.info("request refused: %s (status %s)", exc.error_type, exc.status_code)
            raise to_http(exc) from None
        data["model"] = decision.chain[0]
        if len(decision.chain) > 1:  # an empty list still sends LiteLLM down its fallback machinery
            data["fallbacks"] = list(decision.chain[1:])
        else:
            data.pop("fallbacks", None)
        metadata[META_KEY] = _summary(decision, facts)
        await rt.decisions.record(decision)  # write-behind: a buffer append, stored within 0.1 s
        return data

    async def async_filter_deployments(self, model: str, healthy_deployments: list, messages: Any,
                                       request_kwargs: dict | None = None, parent_otel_span: Any = None) -> list:
        """Per attempt: never a deployment below the request's trust floor or with an open breaker."""
        summary = ((request_kwargs or {}).get("metadata") or {}).get(META_KEY)
        if not summary or summary.get("bypass") or not healthy_deployments:
            return healthy_deployments
        registry = self.runtime.config.registry
        by_id = {(d.get("model_info") or {}).get("id"): d for d in healthy_deployments}
        candidates = [AttemptCandidate(i, dep.trust_level) for i in by_id
                      if i is not None and (dep := registry.deployment(i)) is not None]
        allowed = await guard_attempt(self.runtime.health, candidates, summary["trust_level"])
        if not allowed:
            # Raised as a provider-style 503 so LiteLLM moves down the chain as after any failed attempt (an empty
            # list would end in its "no deployments available" 429 naming cooldowns) and, at the end of the
            # chain, the client reads why. No provider was called.
            log.info("guard: no deployment of %s may be tried (trust floor %s or open breakers)", model,
                     summary["trust_level"])
            raise litellm.ServiceUnavailableError(
                message=f"cailos: no deployment of {model} may be called now: below the request's trust_level "
                        f"{summary['trust_level']} or circuit breaker open",
                llm_provider="cailos", model=model)
        return [by_id[i] for i in allowed]

    # -- outcomes (every attempt) ----------------------------------------------------------------------------
    async def async_post_call_failure_deployment_hook(self, request_data: Mapping[str, Any], exception: Exception,
                                                      call_type: Any, fallback_depth: int | None = None) -> None:
        deployment_id = (request_data.get("model_info") or {}).get("id")
        deployment = self.runtime.config.registry.deployment(deployment_id) if deployment_id else None
        if deployment is None or self.runtime.health is None:
            return
        await self.runtime.health.record_outcome(deployment.id, deployment.group, False, None, outcome_kind(exception))

    async def async_log_success_event(self, kwargs: dict, response_obj: Any, start_time: Any, end_time: Any) -> None:
        payload = kwargs.get("standard_logging_object") or {}
        deployment_id = payload.get("model_id")
        deployment = self.runtime.config.registry.deployment(deployment_id) if deployment_id else None
        if deployment is None or self.runtime.health is None or payload.get("cache_hit"):
            return
        latency_ms = (end_time - start_time).total_seconds() * 1000
        await self.runtime.health.record_outcome(deployment.id, deployment.group, True, latency_ms, "ok")

    # -- response ---------------------------------------------------------------------------------------------
    async def async_post_call_success_hook(self, data: dict, user_api_key_dict: Any, response: Any) -> Any:
        cmap = self.cloak_maps.pop(data.get("litellm_call_id"))
        if cmap is not None:
            uncloak_response(response, cmap)
        return response

    async def async_post_call_streaming_iterator_hook(self, user_api_key_dict: Any, response: Any,
                                                      request_data: dict) -> AsyncGenerator[Any, None]:
        cmap = self.cloak_maps.pop(request_data.get("litellm_call_id"))
        if cmap is None:
            async for chunk in response:
                yield chunk
            return
        async for chunk in uncloak_stream(response, cmap):
            yield chunk

    async def async_post_call_failure_hook(self, request_data: dict, original_exception: Exception,
                                           user_api_key_dict: Any, traceback_str: str | None = None) -> None:
        self.cloak_maps.pop(request_data.get("litellm_call_id"))

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


def _summary(decision: Decision, facts: RequestFacts) -> dict[str, Any]:
    spec = decision.spec
    return {
        "decision_id": decision.id,
        "strategy": decision.strategy,
        "endpoint": decision.endpoint,
        "chain": list(decision.chain),
        "task": decision.task,
        "trust_level": facts.trust_level,
        "deprecated": f"{spec.substituted_from}; served by {spec.target}" if spec.substituted_from else None,
    }

