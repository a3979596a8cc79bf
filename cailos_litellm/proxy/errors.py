"""Map the CailosError tree to the HTTP errors the OpenAI SDK understands, in one place."""

from __future__ import annotations

from litellm.proxy._types import ProxyException

from ..errors import CailosError

__all__ = ["to_http"]


def to_http(exc: CailosError, headers: dict[str, str] | None = None) -> ProxyException:
    return ProxyException(
        message=exc.message,
        type=exc.error_type,
        param="model" if exc.error_type == "invalid_model" else None,
        code=exc.status_code,
        headers=headers,
    )
