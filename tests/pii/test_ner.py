"""spaCy NER behind the shield: the OpenBLAS matmul path (the default) finds the same entities as thinc's blis."""

from __future__ import annotations

import spacy

from cailos_litellm.pii.ner import DEFAULT_MODEL, SpacyNer

TEXTS = [
    "Maren Halvorsen from Bluefin Analytics flew to Rotterdam on Tuesday to meet Kofi Adebayo.",
    "the invoice was approved by Ines Castellanos; the copy goes to the Lyon office",
    "Hi Annika, can Dario Nieminen sign for the parcel?",
]


def test_numpy_blas_path_matches_blis(ner: SpacyNer) -> None:
    blis_nlp = spacy.load(DEFAULT_MODEL, exclude=["parser", "tagger", "senter", "attribute_ruler", "lemmatizer", "tok2vec"])
    blis = SpacyNer(blis_nlp, windowed=False)
    whole = SpacyNer(ner._nlp, windowed=False)
    assert blis.entities_many(TEXTS) == whole.entities_many(TEXTS)
    assert any(s.entity == "PERSON" for s in whole.entities(TEXTS[0]))
