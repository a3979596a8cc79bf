"""PII shield detector: national identifiers other than the US SSN, each with its own check.

UK National Insurance number, Canadian SIN (Luhn), Indian Aadhaar (Verhoeff), Spanish DNI/NIE (mod-23 letter),
German tax id and French INSEE number (next to their name only).
"""

from __future__ import annotations

import re

from cailos_litellm.pii.detectors.base import Detector, Rx, has_context
from cailos_litellm.pii.detectors.card import luhn_ok

__all__ = ["NationalIdDetector", "verhoeff_ok"]

_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
# A Luhn-valid 3-3-3 number is an identifier only when the text says so.
_ID_WORDS = ("sin", "social insurance", "insurance", "id", "identity", "national", "document", "dni", "nie", "aadhaar", "kyc")
_NINO_BAD_PREFIX = ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ")

# Verhoeff tables (dihedral group D5), as published with the algorithm.
_D = [[(i + j) % 5 + 5 * ((i // 5 + j // 5) % 2) if (i < 5) == (j < 5) else 0 for j in range(10)] for i in range(10)]
_VD = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]  # fmt: skip
_VP = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]  # fmt: skip


def verhoeff_ok(digits: str) -> bool:
    c = 0
    for i, ch in enumerate(reversed(digits)):
        c = _VD[c][_VP[i % 8][int(ch)]]
    return c == 0


def _dni_ok(value: str) -> bool:
    v = value.replace("-", "").upper()
    body = {"X": "0", "Y": "1", "Z": "2"}.get(v[0], v[0]) + v[1:-1]
    return body.isdigit() and _DNI_LETTERS[int(body) % 23] == v[-1]


class NationalIdDetector(Detector):
    entity = "NATIONAL_ID"
    PATTERNS = (
        Rx(r"(?P<nino>(?<![\w])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w]))", lead=r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d\d"),
        Rx(r"(?P<sin>(?<![\w\-.])\d{3}[ \-]\d{3}[ \-]\d{3}(?![\w\-]|\.\d))", digits=9),
        Rx(r"(?P<aadhaar>(?<![\w\-.])[2-9]\d{3} \d{4} \d{4}(?![\w\-]|\.\d))", digits=12),
        Rx(r"(?P<dni>(?<![\w])[XYZ0-9]\d{7}-?[A-Z](?![\w]))", digits=7),
        Rx(r"(?P<steuer>(?<![\w\-.])\d{2} ?\d{3} ?\d{3} ?\d{3}(?![\w\-]|\.\d))", digits=11),
        Rx(r"(?P<insee>(?<![\w\-.])[12] ?\d{2} ?\d{2} ?\d{2} ?\d{3} ?\d{3} ?\d{2}(?![\w\-]|\.\d))", digits=15),
    )


    def validate(self, value: str, text: str, start: int, end: int) -> bool:
        compact = re.sub(r"[ \-]", "", value)
        if re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", compact):
            return compact[:2] not in _NINO_BAD_PREFIX
        if re.fullmatch(r"\d{9}", compact):
            return luhn_ok(compact) and has_context(text, start, end, _ID_WORDS, before=40)
        if re.fullmatch(r"\d{12}", compact) and value.count(" ") == 2:
            return verhoeff_ok(compact)
        if re.fullmatch(r"[XYZ0-9]\d{7}[A-Z]", compact):
            return _dni_ok(compact)
        if re.fullmatch(r"\d{11}", compact):
            return compact[0] != "0" and has_context(
                text, start, end, ("steuer", "tax id", "tax identification", "idnr"), before=40
            )
        if re.fullmatch(r"[12]\d{14}", compact):
            key = 97 - int(compact[:13]) % 97
            return key == int(compact[13:])
        return False
