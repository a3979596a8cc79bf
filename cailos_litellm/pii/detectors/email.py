"""PII shield detector: e-mail addresses."""

from __future__ import annotations

from cailos_litellm.pii.detectors.base import Detector

__all__ = ["EmailDetector"]


class EmailDetector(Detector):
    entity = "EMAIL"
    PATTERNS = (
        r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
        r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])",
    )

    def validate(self, value: str, text: str, start: int, end: int) -> bool:
        # "user@host.png"-style asset names in code are not addresses.
        return not value.lower().endswith((".png", ".jpg", ".gif", ".svg", ".webp"))
