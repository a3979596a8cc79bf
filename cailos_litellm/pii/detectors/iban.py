"""PII shield detector: IBANs, with or without spaces, validated by country length and the mod-97 checksum."""

from __future__ import annotations

from cailos_litellm.pii.detectors.base import Detector, Rx

__all__ = ["IbanDetector", "iban_ok"]

# ISO 13616 lengths for the countries our users meet most.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20,
    "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25,
    "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26, "AE": 23, "SA": 24, "IL": 23, "BR": 29,
}  # fmt: skip


def iban_ok(value: str) -> bool:
    """Country length and ISO 7064 mod-97 == 1."""
    compact = value.replace(" ", "").upper()
    if IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


class IbanDetector(Detector):
    entity = "IBAN"
    PATTERNS = (Rx(r"(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\w])", lead=r"[A-Z]{2}\d\d"),)

    def validate(self, value: str, text: str, start: int, end: int) -> bool:
        return iban_ok(value)
