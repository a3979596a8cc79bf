"""PII shield: the request-scoped entity map and uncloaking of answers (text, tool-call arguments, streams).

A `CloakMap` lives only in the request's memory: its repr shows counts, it refuses to be pickled, and nothing in
the package logs or stores it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Mapping

from cailos_litellm.pii.placeholders import PLACEHOLDER_RX, parse_match
from cailos_litellm.pii.stream import StreamUncloaker

__all__ = ["CloakMap"]


class _Stats:
    __slots__ = ("invented", "restored")

    def __init__(self) -> None:
        self.invented = 0  # placeholders in answers that map to nothing we sent
        self.restored = 0


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class CloakMap:
    """Placeholder -> original for one request, plus counts for telemetry."""

    originals: Mapping[tuple[str, int], str] = field(default_factory=dict)  # (TYPE, n) -> original text
    counts: Mapping[str, int] = field(default_factory=dict)  # entity type -> distinct values cloaked
    passthrough: bool = False  # True when a fail-open policy forwarded the request uncloaked
    _stats: _Stats = field(default_factory=_Stats)

    def __repr__(self) -> str:
        return f"CloakMap(entities={dict(sorted(self.counts.items()))}, invented={self._stats.invented}, passthrough={self.passthrough})"

    __str__ = __repr__

    def __reduce__(self) -> None:  # type: ignore[override]
        raise TypeError("CloakMap is request-scoped and is never serialised")

    def __len__(self) -> int:
        return len(self.originals)

    @property
    def invented(self) -> int:
        return self._stats.invented

    @property
    def restored(self) -> int:
        return self._stats.restored

    def telemetry(self) -> dict[str, object]:
        """Counts only: safe to log and to send to Langfuse."""
        return {"pii_entities": dict(self.counts), "pii_invented": self._stats.invented, "pii_restored": self._stats.restored, "pii_passthrough": self.passthrough}

    def _resolve(self, m: re.Match[str]) -> str:
        original = self.originals.get(parse_match(m))
        if original is None:
            self._stats.invented += 1
            return m.group(0)
        self._stats.restored += 1
        return original

    def _resolve_json(self, m: re.Match[str]) -> str:
        original = self.originals.get(parse_match(m))
        if original is None:
            self._stats.invented += 1
            return m.group(0)
        self._stats.restored += 1
        # Placeholders sit inside JSON strings: the original must be escaped for that context.
        return json.dumps(original, ensure_ascii=False)[1:-1]

    def uncloak(self, text: str) -> str:
        """A whole answer: every placeholder (and its mangled forms) back to the original."""
        if not self.originals or not text:
            return text
        return PLACEHOLDER_RX.sub(self._resolve, text)

    def uncloak_tool_arguments(self, arguments: str) -> str:
        """Tool-call arguments (a JSON string): originals are JSON-escaped, the model's formatting is kept."""
        if not self.originals or not arguments:
            return arguments
        return PLACEHOLDER_RX.sub(self._resolve_json, arguments)

    def stream(self, *, tool_arguments: bool = False) -> StreamUncloaker:
        """A fresh incremental uncloaker for one choice's content (or one tool call's argument deltas)."""
        return StreamUncloaker(self._resolve_json if tool_arguments else self._resolve)
