"""PII shield detector: e-mail addresses."""

from __future__ import annotations

from cailos_litellm.pii.detectors.base import Detector, Rx

__all__ = ["EmailDetector"]


class EmailDetector(Detector):
    entity = "EMAIL"
    PATTERNS = (
        Rx(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
        r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])", lead="@", each=False, back=64),
    )

    def validate(self, value: str, text: str, start: int, end: int) -> bool:
        # "user@host.png"-style asset names in code are not addresses.
        return not value.lower().endswith((".png", ".jpg", ".gif", ".svg", ".webp"))
