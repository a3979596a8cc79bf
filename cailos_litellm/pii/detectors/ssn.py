"""PII shield detector: US Social Security numbers."""

from __future__ import annotations

import re

from cailos_litellm.pii.detectors.base import Detector, Rx, has_context

__all__ = ["SsnDetector", "ssn_ok"]

_CONTEXT = ("ssn", "social security", "social-security", "ss#", "ss no", "taxpayer", "tin")


def ssn_ok(value: str) -> bool:
    """Area not 000/666/9xx, group not 00, serial not 0000 (sample numbers are still cloaked: it costs nothing)."""
    digits = re.sub(r"\D", "", value)
    if len(digits) != 9:
        return False
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
        return False
    return True


class SsnDetector(Detector):
    entity = "SSN"
    PATTERNS = (
        Rx(r"(?<![\w\-.])\d{3}-\d{2}-\d{4}(?![\w\-]|\.\d)", digits=9),
        # Spaces or no separator are too ambiguous without the word "SSN" nearby.
        Rx(r"(?<![\w\-.])(?P<value>\d{3} \d{2} \d{4}|\d{9})(?![\w\-]|\.\d)", digits=9),
    )

    def validate(self, value: str, text: str, start: int, end: int) -> bool:
        if not ssn_ok(value):
            return False
        return "-" in value or has_context(text, start, end, _CONTEXT, before=30)
