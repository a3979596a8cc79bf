"""PII shield detector: passport numbers. Formats overlap with every other code, so the word must be there."""

from __future__ import annotations

import re

from cailos_litellm.pii.detectors.base import Detector

__all__ = ["PassportDetector"]


class PassportDetector(Detector):
    entity = "PASSPORT"
    PATTERNS = (
        r"(?i:passport|reisepass|passeport|pasaporte)(?i:\s+(?:no\.?|number|num\.?|nr\.?|n°|#|id))?"
        r"(?i:\s+is)?\s*[:#]?\s*(?P<value>[A-Z0-9]{6,9})(?![\w])",
    )

    def validate(self, value: str, text: str, start: int, end: int) -> bool:
        return len(re.findall(r"\d", value)) >= 5
