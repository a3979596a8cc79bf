"""A tiny client helper for apps: an OpenAI client pointed at the proxy, or straight at the primary provider.

    from cailos_litellm.client import client, model
    reply = client().chat.completions.create(model=model("auto:cost"), messages=[...])

With BYPASS_ROUTER=true in the app's environment the client talks to the primary provider directly
(CAILOS_PRIMARY_BASE_URL, CAILOS_PRIMARY_API_KEY or OPENAI_API_KEY) and `model()` maps routed model strings to
CAILOS_PRIMARY_MODEL — the escape hatch when the proxy itself is the problem.
"""

from __future__ import annotations

import os
from typing import Any, Mapping

__all__ = ["async_client", "bypassing", "client", "client_settings", "model"]

_TRUE = {"1", "true", "yes", "on"}


def bypassing(environ: Mapping[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    return env.get("BYPASS_ROUTER", "").strip().lower() in _TRUE


def client_settings(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """base_url and api_key for the OpenAI client, following BYPASS_ROUTER."""
    env = os.environ if environ is None else environ
    if bypassing(env):
        return {
            "base_url": env.get("CAILOS_PRIMARY_BASE_URL", "https://api.openai.com/v1"),
            "api_key": env.get("CAILOS_PRIMARY_API_KEY") or env.get("OPENAI_API_KEY", ""),
        }
    return {
        "base_url": env.get("CAILOS_PROXY_URL", "http://127.0.0.1:4000/v1"),
        "api_key": env.get("CAILOS_API_KEY", "sk-cailos-dev"),
    }


def model(requested: str, environ: Mapping[str, str] | None = None) -> str:
    """The model string to send: unchanged through the proxy; the primary's model when bypassing."""
    env = os.environ if environ is None else environ
    if not bypassing(env):
        return requested
    name = requested.partition(":")[0]
    return env.get("CAILOS_PRIMARY_MODEL", "gpt-4o-mini") if name == "auto" else name


def client(**kwargs: Any):
    from openai import OpenAI

    return OpenAI(**{**client_settings(), **kwargs})


def async_client(**kwargs: Any):
    from openai import AsyncOpenAI

    return AsyncOpenAI(**{**client_settings(), **kwargs})
