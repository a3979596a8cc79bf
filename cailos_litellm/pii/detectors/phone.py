"""PII shield detector: phone numbers, international (+1, +44, +49, +33 …, 00-prefixed) and national forms."""

from __future__ import annotations

import re

from cailos_litellm.pii.detectors.base import Detector, Rx, has_context

__all__ = ["PhoneDetector"]

_CONTEXT = ("call", "phone", "tel", "mobile", "cell", "text me", "whatsapp", "reach me", "ring", "fax", "number")
# Words just before a digit run that make it something other than a phone number.
_NOT_PHONE = ("order", "invoice", "ticket", "ref", "sku", "tracking", "po", "account", "case")


class PhoneDetector(Detector):
    entity = "PHONE"
    PATTERNS = (
        # International: +CC or 00CC, then groups separated by space, dot, dash, optional (0) and parentheses.
        Rx(r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ .\-]?\(0\))?(?:[ .\-]?(?:\(\d{1,5}\)|\d{1,5})){2,6}(?![\w])", digits=7),
        # North American national: (415) 555-0132, 415-555-0132, 415.555.0132, 1-800-555-0199.
        Rx(r"(?<![\w\-.])(?:1[ .\-])?(?:\(\d{3}\)\s?|\d{3}[ .\-])\d{3}[ .\-]\d{4}(?![\w\-]|\.\d)", digits=10),
        # European national with a trunk 0: 020 7946 0958, 07700 900123, 030/12345678, 0151 2345 6789, (030) 1234567.
        Rx(r"(?<![\w\-./])(?:\(0\d{1,4}\)\s?|0[1-9]\d{1,4}[ /\-]?)\d{2,4}(?:[ \-]?\d{2,4}){1,2}(?![\w\-]|\.\d)", digits=7),
        # French national: 01 23 45 67 89, 06.12.34.56.78.
        Rx(r"(?<![\w\-.])0[1-9](?:[ .]\d{2}){4}(?![\w\-]|\.\d)", digits=10),
        # Bare 10-11 digit runs only next to a phone word (checked in validate).
        Rx(r"(?<![\w\-.])(?P<value>[2-9]\d{9}|0\d{9,10})(?![\w\-]|\.\d)", digits=10),
    )

    def validate(self, value: str, text: str, start: int, end: int) -> bool:
        digits = re.sub(r"\D", "", value)
        if not 7 <= len(digits) <= 15 or len(set(digits)) < 3:
            return False
        if has_context(text, start, end, _NOT_PHONE, before=14):
            return False
        if value.isdigit():
            return has_context(text, start, end, _CONTEXT, before=30)
        if value.startswith(("+", "00")):
            return len(digits) >= 9
        if value.startswith(("0", "(0")):
            return 10 <= len(digits) <= 12
        return digits.lstrip("1")[:1] in "23456789"
