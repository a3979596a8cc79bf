"""PII shield detector: payment card numbers (13-19 digits, spaces or dashes, Luhn-checked)."""

from __future__ import annotations

import re

from cailos_litellm.pii.detectors.base import Detector, Rx

__all__ = ["CardDetector", "luhn_ok"]


def luhn_ok(digits: str) -> bool:
    """The Luhn mod-10 check used by card numbers (and Canadian SINs)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


class CardDetector(Detector):
    entity = "CARD"
    PATTERNS = (Rx(r"(?<![\w\-.])(?:\d[ \-]?){12,18}\d(?![\w\-]|\.\d)", digits=13),)

    def validate(self, value: str, text: str, start: int, end: int) -> bool:
        digits = re.sub(r"\D", "", value)
        if not 13 <= len(digits) <= 19 or digits[0] not in "23456" or len(set(digits)) < 2:
            return False
        seps = set(re.findall(r"[ \-]", value))
        if len(seps) > 1:
            return False
        if seps:
            groups = [len(g) for g in re.split(r"[ \-]", value)]
            # 4-4-4-4(-3), Amex 4-6-5, Diners 4-6-4.
            if not (all(g == 4 for g in groups[:-1]) or groups in ([4, 6, 5], [4, 6, 4])):
                return False
        return luhn_ok(digits)
