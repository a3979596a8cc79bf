"""PII shield: the result of detection. Offsets and a type, never the text itself."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ENTITY_TYPES", "Span"]

# Placeholder names, e.g. <EMAIL_1>. LITERAL escapes placeholder-like text already present in the input.
ENTITY_TYPES: tuple[str, ...] = (
    "PERSON",
    "ORG",
    "LOCATION",
    "EMAIL",
    "PHONE",
    "CARD",
    "IBAN",
    "SSN",
    "NATIONAL_ID",
    "PASSPORT",
    "IP",
    "SECRET",
    "ADDRESS",
    "POSTCODE",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A detected entity: character offsets into the analysed text, its type and who found it."""

    start: int
    end: int
    entity: str
    score: float = 1.0
    source: str = ""

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end
