"""What a failed attempt means for the endpoint's health: a provider failure, or a request we got wrong."""

from __future__ import annotations

import litellm

__all__ = ["outcome_kind"]

# Order matters: LiteLLM's ContextWindowExceededError and friends subclass BadRequestError.
_KINDS: tuple[tuple[type[BaseException], str], ...] = (
    (litellm.RateLimitError, "rate_limit"),
    (litellm.Timeout, "timeout"),
    (litellm.ContextWindowExceededError, "client_error"),
    (litellm.ContentPolicyViolationError, "client_error"),
    (litellm.BadRequestError, "client_error"),
)


def outcome_kind(exc: BaseException) -> str:
    """"rate_limit", "timeout", "client_error" (not the endpoint's fault) or "error" (everything else, incl. 401)."""
    for cls, kind in _KINDS:
        if isinstance(exc, cls):
            return kind
    return "error"
