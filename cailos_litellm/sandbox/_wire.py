"""What both provider wire formats share: the request-error type, pacing pieces, and text splitting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator, Protocol

from cailos_litellm.sandbox.answers import Answer, Ask

__all__ = ["BadRequest", "Piece", "Wire", "split_args", "split_text", "text_of"]

_WORDS = re.compile(r"\S+\s*|\s+")


class BadRequest(ValueError):
    """The request body is malformed; the message is safe to return (it names fields, never content)."""


@dataclass(frozen=True, slots=True)
class Piece:
    """One SSE frame and the tokens it carries (the server paces frames by tokens_per_s)."""

    data: bytes
    tokens: int = 0


class Wire(Protocol):
    api: str
    request_id_header: bytes

    def to_ask(self, body: Any, model: str) -> Ask: ...

    def render(self, answer: Answer, model: str, rid: str, created: int) -> bytes: ...

    def stream(self, answer: Answer, model: str, rid: str, created: int, body: Any) -> Iterator[Piece]: ...

    def error(self, status: int, message: str) -> bytes: ...


def split_text(text: str) -> list[str]:
    """Word-sized stream deltas (a word plus its trailing space)."""
    return _WORDS.findall(text) or [text]


def split_args(args: str, size: int = 16) -> list[str]:
    return [args[i : i + size] for i in range(0, len(args), size)] or [args]


def text_of(content: Any) -> str:
    """The text of a message content: a string, or the text parts/blocks of a list."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text"]
        return "\n".join(p for p in parts if isinstance(p, str))
    return ""
