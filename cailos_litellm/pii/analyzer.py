"""PII shield: detection for one text. Runs the policy's detectors and NER, resolves overlaps, caches per content.

Results are cached by a hash of the text (bounded LRU, offsets only): a multi-turn conversation resends its whole
history every turn, and only the new turns should cost anything.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections import OrderedDict
from typing import Sequence

from cailos_litellm.errors import PIIShieldError
from cailos_litellm.pii.detectors._stopwords import STOP_WORDS
from cailos_litellm.pii.detectors.base import Detector, TextView
from cailos_litellm.pii.candidates import NOT_CANDIDATES, PUBLIC_NAMES
from cailos_litellm.pii.ner import NerEngine
from cailos_litellm.pii.policy import ShieldPolicy
from cailos_litellm.pii.spans import Span

__all__ = ["NER_ENTITIES", "PUBLIC_NAMES", "Analyzer", "resolve_overlaps"]

NER_ENTITIES = frozenset({"PERSON", "ORG", "LOCATION"})

PUBLIC_PHRASES: frozenset[str] = frozenset(
    """nda gdpr hipaa ccpa kyc aml bearer vat iban bic swift ssn sin dni nie aadhaar national insurance
    social security social security number national insurance number the board""".split("\n")[0].split()
) | {"national insurance", "social security", "social security number", "national insurance number", "the board"}
# Words that make a capitalised span an organisation whatever spaCy said (generic business nouns, legal forms).
ORG_WORDS: frozenset[str] = frozenset(
    """ltd limited gmbh inc llc llp plc ag sa sas bv nv pty corp corporation co company group holdings partners
    consulting consultants analytics logistics capital insurance foods media labs laboratories biotech pharma
    pharmaceuticals engineering advisory ventures robotics architects dental freight textiles systems solutions
    technologies tech services bank university college institute hospital clinic council agency ministry foundation
    association airlines airways energy motors studios software networks trust fund school academy press""".split()
)
_EDGE = "\"'()[]{}<>,.;:!?*_`"
_DIGITS = re.compile(r"\d")


def _tier(score: float) -> int:
    # structured detectors (1.0) > context rules (0.85) > NER (0.8)
    return 2 if score >= 0.95 else 1 if score >= 0.85 else 0


def resolve_overlaps(spans: Sequence[Span], rank: dict[str, int] | None = None) -> list[Span]:
    """Keep non-overlapping spans: structured first, then context rules, then NER; longer, then by detector rank."""
    rank = rank or {}
    order = sorted(spans, key=lambda s: (-_tier(s.score), -(s.end - s.start), rank.get(s.source, 99), s.start))
    chosen: list[Span] = []
    for s in order:
        if not any(s.start < c.end and c.start < s.end for c in chosen):
            chosen.append(s)
    return sorted(chosen, key=lambda s: s.start)


class Analyzer:
    """Detectors + NER for one policy. Read-only after construction except for its result cache."""

    def __init__(
        self, detectors: Sequence[Detector], ner: NerEngine | None, policy: ShieldPolicy, *, cache_size: int = 8192
    ) -> None:
        if policy.entities & NER_ENTITIES and ner is None:
            raise PIIShieldError("PII shield: the policy needs NER (PERSON/ORG/LOCATION) but no NER model is loaded")
        self._detectors = tuple(detectors)
        self._ner = ner if policy.entities & NER_ENTITIES else None
        self._policy = policy
        self._rank = {d.name: i for i, d in enumerate(self._detectors)}
        allow = sorted(policy.allow_list, key=len, reverse=True)
        self._allow_rx = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, allow)) + r")(?!\w)", re.I) if allow else None
        self._cache: OrderedDict[bytes, tuple[Span, ...]] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self.cache_hits = 0
        self.cache_misses = 0

    @staticmethod
    def _key(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def cached(self, text: str) -> bool:
        with self._lock:
            return self._key(text) in self._cache

    def analyze(self, text: str, deadline: float | None = None) -> tuple[Span, ...]:
        """Entity spans of `text` allowed by the policy (cached); PIIShieldError past `deadline` (perf_counter)."""
        return self.analyze_many((text,), deadline)[0]

    def analyze_many(self, texts: Sequence[str], deadline: float | None = None) -> list[tuple[Span, ...]]:
        """`analyze` for several texts; the uncached ones share ONE NER call (a request's new messages)."""
        out: list[tuple[Span, ...] | None] = [None] * len(texts)
        todo: dict[bytes, list[int]] = {}
        with self._lock:
            for i, text in enumerate(texts):
                if not text or text.isspace():
                    out[i] = ()
                    continue
                key = self._key(text)
                hit = self._cache.get(key)
                if hit is not None:
                    self._cache.move_to_end(key)
                    self.cache_hits += 1
                    out[i] = hit
                else:
                    todo.setdefault(key, []).append(i)
        if todo:
            keys = list(todo)
            fresh = self._analyze([texts[todo[k][0]] for k in keys], deadline)
            with self._lock:
                for key, spans in zip(keys, fresh):
                    self.cache_misses += 1
                    self._cache[key] = spans
                    for i in todo[key]:
                        out[i] = spans
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return out  # type: ignore[return-value]

    def _analyze(self, texts: list[str], deadline: float | None) -> list[tuple[Span, ...]]:
        found: list[list[Span]] = []
        for text in texts:
            spans: list[Span] = []
            view = TextView(text)
            for det in self._detectors:
                spans.extend(det.detect(text, view))
            found.append(spans)
            _check(deadline)
        if self._ner is not None:
            many = getattr(self._ner, "entities_many", None)
            ner_spans = many(texts, found) if many is not None else [self._ner.entities(t) for t in texts]
            _check(deadline)
            for text, spans, extra in zip(texts, found, ner_spans):
                spans.extend(s for s in (_trim(text, s) for s in extra) if s is not None)
        results = []
        for text, spans in zip(texts, found):
            kept = [s for s in spans if s.entity in self._policy.entities]
            if self._allow_rx is not None:
                kept = self._apply_allow_list(text, kept)
            results.append(tuple(resolve_overlaps(kept, self._rank)))
        return results

    def _apply_allow_list(self, text: str, spans: list[Span]) -> list[Span]:
        """Cut allowed names out of spans ("Cailos GmbH" -> nothing; "Cailos and Fernhill LLP" -> "Fernhill LLP")."""
        hits = [(m.start(), m.end()) for m in self._allow_rx.finditer(text)]  # type: ignore[union-attr]
        if not hits:
            return spans
        out: list[Span] = []
        for s in spans:
            pieces = [(s.start, s.end)]
            for hs, he in hits:
                pieces = [p for a, b in pieces for p in ((a, min(b, hs)), (max(a, he), b)) if p[0] < p[1]] if hs < s.end and s.start < he else pieces
            for a, b in pieces:
                if (a, b) == (s.start, s.end):
                    out.append(s)
                    continue
                # Drop what is left when it is only legal forms, filler words and punctuation.
                words = [m for m in re.finditer(r"[\w'’&.-]+", text[a:b]) if m.group().casefold().strip(".") not in _FILLER]
                if words and sum(len(w.group()) for w in words) >= 2:
                    out.append(Span(a + words[0].start(), a + words[-1].end(), s.entity, s.score, s.source))
        return out


_FILLER = frozenset("the inc ltd llc llp gmbh ag corp co plc sa sas bv team's team and to from of for at in with by".split()) | STOP_WORDS


def _check(deadline: float | None) -> None:
    if deadline is not None and time.perf_counter() > deadline:
        raise PIIShieldError("PII shield: detection timed out")


def _trim(text: str, span: Span) -> Span | None:
    """Tidy an NER span (edges, possessive 's) and drop the ones that are not personal: products, numbers."""
    start, end = span.start, span.end
    while start < end and text[start] in _EDGE + " ":
        start += 1
    while end > start and text[end - 1] in _EDGE + " ":
        end -= 1
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    value = text[start:end]
    if len(value) < 2 or value.casefold() in PUBLIC_NAMES or value.casefold() in NOT_CANDIDATES or "@" in value or "\n" in value:
        return None
    folded = value.casefold()
    if folded in PUBLIC_PHRASES or not value[:1].isupper():
        return None
    digits = len(_DIGITS.findall(value))
    if digits and (span.entity != "ORG" or digits * 2 >= len(value)):
        return None
    words = value.split()
    if words[0].casefold() in PUBLIC_NAMES and len(words) <= 2:
        return None
    return Span(start, end, _retype(words, span.entity), span.score, span.source)


_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?")


def _retype(words: list[str], entity: str) -> str:
    """Fix spaCy's commonest type confusions (the small model often calls unfamiliar names ORG or GPE)."""
    if any(w.casefold().strip(".,") in ORG_WORDS for w in words):
        return "ORG"
    # Two or three capitalised name-shaped words with no business word: a person's full name.
    if entity in ("ORG", "LOCATION") and 2 <= len(words) <= 3 and all(_NAME_WORD.fullmatch(w) for w in words):
        if words[0] not in _PLACE_FIRST:
            return "PERSON"
    return entity


# First words of multi-word place names ("New York", "San Diego", "Lake Como").
_PLACE_FIRST = frozenset("New San Santa Los Las Saint St Port Fort Lake Mount Cape North South East West Upper Lower Great Little Hong Tel Abu Buenos Rio Costa Sri El La Le".split())
