"""What LiteLLM's model cost map knows about a model, as the registry's ModelFacts."""

from __future__ import annotations

import contextlib
import io

import litellm

from ..config.registry import ModelFacts

__all__ = ["litellm_facts"]


def litellm_facts(model: str) -> ModelFacts | None:
    # get_model_info prints a provider banner to stdout for unknown models; keep start-up output clean.
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            info = litellm.get_model_info(model)
        except Exception:  # litellm raises bare Exception for unmapped models
            return None
    return ModelFacts(
        input_cost_per_token=info.get("input_cost_per_token"),
        output_cost_per_token=info.get("output_cost_per_token"),
        max_input_tokens=info.get("max_input_tokens"),
        max_output_tokens=info.get("max_output_tokens"),
        supports_function_calling=bool(info.get("supports_function_calling")),
        supports_vision=bool(info.get("supports_vision")),
        supports_response_schema=bool(info.get("supports_response_schema")),
    )
