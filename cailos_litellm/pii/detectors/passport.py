"""PII shield detector: passport numbers. Formats overlap with every other code, so the word must be there."""

from __future__ import annotations

import re

from cailos_litellm.pii.detectors.base import Detector, Rx

__all__ = ["PassportDetector"]


class PassportDetector(Detector):
    entity = "PASSPORT"
    PATTERNS = (
        # "passport number X", "passport: X", JSON "passport": "X", "passport number, it's now X".
        Rx(
            r"(?i:passport|reisepass|passeport|pasaporte)(?:[\s\"':#=,.]+[a-z°#.'’]{1,8}){0,4}?[\s\"':#=,.]+(?P<value>[A-Z0-9]{6,9})(?![\w])",
            lead="passport|reisepass|passeport|pasaporte",
            folded=True,
        ),
    )

    def validate(self, value: str, text: str, start: int, end: int) -> bool:
        return len(re.findall(r"\d", value)) >= 5
