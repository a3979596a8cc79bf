"""PII shield detector: postcodes on their own (UK by shape; US ZIP and German PLZ next to their name only)."""

from __future__ import annotations

from cailos_litellm.pii.detectors.base import Detector, Rx

__all__ = ["PostcodeDetector"]


class PostcodeDetector(Detector):
    entity = "POSTCODE"
    PATTERNS = (
        Rx(
            r"(?<![\w\-])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s\d[ABD-HJLNP-UW-Z]{2}|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\d[ABD-HJLNP-UW-Z]{2})(?![\w\-])",
            lead=r"[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}",
        ),
        Rx(
            r"(?i:zip(?:\s?code)?|postal\s?code|post\s?code|plz|postleitzahl)\s*(?:is\s)?[:#]?\s*(?P<value>\d{5}(?:-\d{4})?)(?![\w\-])",
            lead="zip|post|plz",
            folded=True,
        ),
        # "Springfield, IL 62704": state then ZIP.
        Rx(r"(?<=[a-z],\s)(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\s(?P<value>\d{5}(?:-\d{4})?)(?![\w\-])", digits=5),
    )
