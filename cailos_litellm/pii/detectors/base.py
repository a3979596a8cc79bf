"""PII shield: the detector base class. The regex finds, `validate()` confirms (checksums, context)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar, Iterable

from cailos_litellm.pii.spans import Span

__all__ = ["Detector", "has_context"]


@lru_cache(maxsize=256)
def _words_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = [(r"(?<!\w)" if w[0].isalnum() else "") + re.escape(w) + (r"(?!\w)" if w[-1].isalnum() else "") for w in words]
    return re.compile("|".join(parts), re.IGNORECASE)


def has_context(text: str, start: int, end: int, words: tuple[str, ...], *, before: int = 40, after: int = 0) -> bool:
    """True when one of `words` occurs as a whole word just before (or after) text[start:end]."""
    rx = _words_regex(words)
    if rx.search(text, max(0, start - before), start):
        return True
    return bool(after) and rx.search(text, end, end + after) is not None


class Detector:
    """One entity type, a few patterns. A pattern with a named group `value` reports only that group."""

    entity: ClassVar[str] = ""
    PATTERNS: ClassVar[tuple[str, ...]] = ()
    FLAGS: ClassVar[int] = 0
    score: ClassVar[float] = 1.0
    # Structured detectors outrank NER when spans overlap (see analyzer.resolve).
    tier: ClassVar[int] = 2

    def __init__(self, patterns: Iterable[str] | None = None) -> None:
        self._regexes = tuple(re.compile(p, self.FLAGS) for p in (patterns or self.PATTERNS))
        self.name = type(self).__name__

    def detect(self, text: str) -> list[Span]:
        """Every validated match in `text`."""
        found: list[Span] = []
        for rx in self._regexes:
            group = "value" if "value" in rx.groupindex else 0
            for m in rx.finditer(text):
                start, end = m.span(group)
                if start < 0 or start == end:
                    continue
                if self.validate(text[start:end], text, start, end):
                    found.append(Span(start, end, self.entity, self.score, self.name))
        return found

    def validate(self, value: str, text: str, start: int, end: int) -> bool:
        """Confirm a match; the default accepts every match."""
        return True
