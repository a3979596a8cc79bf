"""PII shield: the detector base class. The regex finds, `validate()` confirms (checksums, context).

Speed: a pattern that opens with a look-behind makes Python's `re` try the whole pattern at every character
(~30-40 µs per 1,000 characters, per pattern). So each pattern says where it can start, cheaply: `Rx.lead`, a
regex that opens with a literal or a character class (which `re` skips to in C), run on the text or on its
lower-cased copy; or `Rx.digits`, for number-shaped patterns, which then run only inside the text's runs of
digits and separators that hold enough digits (found once per text and shared by every detector via `TextView`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar, Iterable, Iterator, Union

from cailos_litellm.pii.spans import Span

__all__ = ["Detector", "Rx", "TextView", "has_context"]


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


@dataclass(frozen=True, slots=True)
class Rx:
    """A detector pattern and where it can start (see the module docstring). No hint: scan the whole text.

    `lead`: every match of `pattern` starts where `lead` matches (on the lower-cased text when `folded`).
    With `each`, `pattern` is tried only at those positions; without, it scans from `back` characters before
    the first one (for patterns whose start is not pinned, e.g. a name before a legal form).
    `digits`: every match lies in a run of digits and `+()-./` and spaces holding at least this many digits,
    give or take `pad` characters either side (a DNI's letter, a US state before its ZIP).
    Leads are exact: a test checks every detector finds the same spans with and without them.
    """

    pattern: str
    lead: str | None = None
    folded: bool = False
    each: bool = True
    back: int = 0
    digits: int = 0
    pad: int = 4
    whole_hits: bool = False  # after trying a lead hit, go on after it: `pattern` cannot start inside one


_CLUSTER = re.compile(r"[\d+(](?:[\d\s\-./()+]*[\d)])?")
_NOT_DIGIT = str.maketrans("", "", " \t\n\r\f\v-./()+")


class TextView:
    """One text and what the detectors share about it: its lower-cased copy and its digit runs (computed lazily)."""

    __slots__ = ("text", "_folded", "_clusters")

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None | bool = False
        self._clusters: list[tuple[int, int, int]] | None = None

    @property
    def folded(self) -> str | None:
        """`text.lower()`, or None when lower-casing changes offsets (a few non-ASCII letters)."""
        if self._folded is False:
            low = self.text.lower()
            self._folded = low if len(low) == len(self.text) else None
        return self._folded  # type: ignore[return-value]

    @property
    def clusters(self) -> list[tuple[int, int, int]]:
        """(start, end, digit count) of each maximal run of digits and separators."""
        if self._clusters is None:
            self._clusters = [(m.start(), m.end(), len(m.group().translate(_NOT_DIGIT))) for m in _CLUSTER.finditer(self.text)]
        return self._clusters


Pattern = Union[str, Rx]


class Detector:
    """One entity type, a few patterns. A pattern with a named group `value` reports only that group."""

    entity: ClassVar[str] = ""
    PATTERNS: ClassVar[tuple[Pattern, ...]] = ()
    FLAGS: ClassVar[int] = 0
    score: ClassVar[float] = 1.0
    # Structured detectors outrank NER when spans overlap (see analyzer.resolve).
    tier: ClassVar[int] = 2

    def __init__(self, patterns: Iterable[Pattern] | None = None) -> None:
        specs = [p if isinstance(p, Rx) else Rx(p) for p in (patterns or self.PATTERNS)]
        self._specs = tuple(
            (spec, re.compile(spec.pattern, self.FLAGS), re.compile(spec.lead) if spec.lead else None) for spec in specs
        )
        self._regexes = tuple(rx for _, rx, _ in self._specs)
        self.name = type(self).__name__

    def detect(self, text: str, view: TextView | None = None) -> list[Span]:
        """Every validated match in `text` (`view`: the shared facts about it, when the analyzer has them)."""
        if view is None:
            view = TextView(text)
        found: list[Span] = []
        for spec, rx, lead in self._specs:
            group = "value" if "value" in rx.groupindex else 0
            for m in _matches(spec, rx, lead, view):
                start, end = m.span(group)
                if start < 0 or start == end:
                    continue
                if self.validate(text[start:end], text, start, end):
                    found.append(Span(start, end, self.entity, self.score, self.name))
        return found

    def validate(self, value: str, text: str, start: int, end: int) -> bool:
        """Confirm a match; the default accepts every match."""
        return True


def _matches(spec: Rx, rx: re.Pattern[str], lead: re.Pattern[str] | None, view: TextView) -> Iterator[re.Match[str]]:
    """What `rx.finditer(text)` would give, looking only where `spec` says a match can be."""
    text = view.text
    if spec.digits:
        n = len(text)
        regions: list[list[int]] = []
        for a, b, d in view.clusters:
            if d >= spec.digits:
                a, b = max(0, a - spec.pad), min(n, b + spec.pad)
                if regions and a <= regions[-1][1]:
                    regions[-1][1] = max(b, regions[-1][1])
                else:
                    regions.append([a, b])
        for a, b in regions:
            yield from rx.finditer(text, a, b)
        return
    if lead is None:
        yield from rx.finditer(text)
        return
    src = view.folded if spec.folded else text
    if src is None:  # lower-casing moved offsets: scan the original the slow way
        yield from rx.finditer(text)
        return
    hit = lead.search(src)
    if hit is None:
        return
    if not spec.each:
        yield from rx.finditer(text, max(0, hit.start() - spec.back))
        return
    last_end = 0
    while hit is not None:
        pos = hit.start()
        if pos >= last_end:
            m = rx.match(text, pos)
            if m is not None and m.end() > pos:
                yield m
                last_end = m.end()
        hit = lead.search(src, max(pos + 1, hit.end()) if spec.whole_hits else pos + 1)
