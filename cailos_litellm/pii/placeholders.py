"""PII shield: the placeholder grammar shared by cloak (escaping), uncloak and the stream uncloaker.

We emit `<TYPE_N>`. Models sometimes write it back slightly mangled, so uncloak also accepts `<Person_1>`,
`< PERSON_1 >`, `[PERSON_1]` and bare upper-case `PERSON_1`. Only our own type names count, so `<div_1>` or
`ip_2` in code are never touched. Input text that already matches this grammar is escaped as `<LITERAL_N>`.
"""

from __future__ import annotations

import re

from cailos_litellm.pii.spans import ENTITY_TYPES

__all__ = ["LITERAL", "MAX_HOLD", "PLACEHOLDER_RX", "TAIL_RX", "TYPES", "format_placeholder", "parse_match"]

LITERAL = "LITERAL"
TYPES: tuple[str, ...] = (*ENTITY_TYPES, LITERAL)
_ALT = "|".join(sorted(TYPES, key=len, reverse=True))
_N = r"\d{1,6}"

PLACEHOLDER_RX = re.compile(
    rf"<\s{{0,2}}(?P<a>(?i:{_ALT}))_(?P<an>{_N})\s{{0,2}}>"
    rf"|\[(?P<s>{_ALT})_(?P<sn>{_N})\]"
    rf"|(?<![A-Za-z0-9_])(?P<b>{_ALT})_(?P<bn>{_N})(?![A-Za-z0-9_])"
)

# Every proper prefix of "TYPE_": a stream tail that ends in one of these may still become a placeholder.
_PREFIXES = sorted({t[:i] for t in TYPES for i in range(1, len(t) + 1)} | {t + "_" for t in TYPES}, key=len, reverse=True)
_PRE = "|".join(re.escape(p) for p in _PREFIXES)
TAIL_RX = re.compile(
    rf"(?:<\s{{0,2}}(?:(?i:{_ALT})_{_N}\s{{0,2}}|(?i:{_PRE}))?"
    rf"|\[(?:(?:{_ALT})_{_N}|{_PRE})?"
    rf"|(?<![A-Za-z0-9_])(?:(?:{_ALT})_{_N}|{_PRE}))\Z"
)
# The longest text a tail can hold back: "<  NATIONAL_ID_123456  " plus slack.
MAX_HOLD = 2 + 2 + max(map(len, TYPES)) + 1 + 6 + 2


def format_placeholder(entity: str, n: int) -> str:
    return f"<{entity}_{n}>"


def parse_match(m: re.Match[str]) -> tuple[str, int]:
    """(TYPE, n) of a PLACEHOLDER_RX match, type upper-cased."""
    kind = m.group("a") or m.group("s") or m.group("b")
    num = m.group("an") or m.group("sn") or m.group("bn")
    return kind.upper(), int(num)
