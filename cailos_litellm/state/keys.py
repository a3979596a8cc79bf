"""Key names in the shared store: always under `cailos:`, built from ids and names, never from request text."""

from __future__ import annotations

import re

__all__ = ["PREFIX", "key"]

PREFIX = "cailos"
_PART = re.compile(r"^[A-Za-z0-9._@/:+\-]{1,200}$")


def key(*parts: str) -> str:
    """`key("breaker", "gpt-4o@openai")` -> "cailos:breaker:gpt-4o@openai".

    Parts are ids and names only; anything with spaces or odd characters is refused, so free text (a prompt) can
    never become part of a key by accident.
    """
    for part in parts:
        if not isinstance(part, str) or not _PART.match(part):
            raise ValueError(f"invalid state key part {str(part)[:40]!r}")
    return ":".join((PREFIX, *parts))
