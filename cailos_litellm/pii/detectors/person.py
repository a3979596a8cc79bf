"""PII shield detector: person names from context rules (titles, "my name is", greetings, signatures).

spaCy NER finds most capitalised names; these rules add the ones a small model misses: lower-case names after a
clear cue word, a bare first name in a greeting, the name under "Best regards,".
"""

from __future__ import annotations

import re

from cailos_litellm.pii.detectors._stopwords import STOP_WORDS
from cailos_litellm.pii.detectors.base import Detector, Rx, TextView

__all__ = ["NOT_NAMES", "PersonContextDetector"]

_NAME = r"[A-Z][a-zA-Z'’\-]+"
_LOWER_NAME = r"[A-Za-z][a-zà-ÿ'’\-]+"
# Capitalised words that follow "Hi", "Dear", "this is" … without being a name.
NOT_NAMES: frozenset[str] = frozenset(
    """all team everyone folks guys there sir madam customer colleagues friends again so too very sorry
    afraid happy glad sure just not here back good great fine ok okay well new the a an in on at from for with
    hiring support sales admin hello hi hey thanks thank regards best cheers team's world morning evening afternoon
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december please yes no also still only really going trying working looking writing
    calling reaching contacting following""".split()
)


_GREETING_CUES = "hi|hello|hey|dear|thanks|thank you|cheers|morning|cc|ask for|speak to|talk to|this is|i'm|i am"
_KEYS = (
    "name|full_?name|first_?name|last_?name|contact|holder|card_?holder|payee|recipient|customer|author|assignee|"
    "passenger|traveller|employee|patient|signed_?by"
)


def _case_variants(alternatives: str) -> str:
    words = alternatives.split("|")
    return "(?:" + "|".join(sorted({v for w in words for v in (w, w[:1].upper() + w[1:], w.title(), w.upper())}, key=len, reverse=True)) + ")"


class PersonContextDetector(Detector):
    entity = "PERSON"
    score = 0.85
    tier = 1
    PATTERNS = (
        # Titles: "Dr. Amara Okafor", "Mr Jensen", "Frau Keller".
        Rx(
            rf"(?<![\w])(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Professor|Sir|Dame|Herr|Frau|Mme|Mlle)\.?\s(?P<value>{_NAME}(?:\s{_NAME}){{0,2}})",
            lead="Mr|Ms|Mx|Miss|Dr|Prof|Sir|Dame|Herr|Frau|Mme|Mlle",
        ),
        # Cue words, any case: "my name is ingrid solberg", "call me Theo", "name: priya raman".
        Rx(
            rf"(?i:\bmy name is|\bmy name's|\bi am called|\bi'm called|\bcall me|\bname\s*:|\bsigned\s*,?|\bcontact person\s*:)"
            rf"\s+(?P<value>{_LOWER_NAME}(?:\s{_LOWER_NAME}){{0,2}})",
            lead="my name|i am called|i'm called|call me|name|signed|contact person",
            folded=True,
        ),
        # Greetings and introductions: "Hi Priya,", "Dear Ms Brandt", "this is Tomasz from", "I'm Keanu".
        Rx(
            rf"(?:\b(?i:{_GREETING_CUES})),?\s"
            rf"(?P<value>{_NAME}(?:\s{_NAME}){{0,2}})",
            # Cue in lower, Capitalised or UPPER case, then a capital (the name): far fewer hits than "hi" or "he".
            lead=_case_variants(_GREETING_CUES) + r",?\s[A-Z]",
        ),
        # Signatures: a name alone on the line after a closing.
        Rx(
            rf"(?im:^\s*(?:best|kind|warm|many)?\s*(?:regards|wishes|thanks|thank you|cheers|sincerely|best|yours(?: truly| sincerely)?),?\s*\n\s*)"
            rf"(?P<value>{_NAME}(?:\s{_NAME}){{0,2}})\s*$",
            lead="regards|wishes|thanks|thank you|cheers|sincerely|best|yours",
            folded=True,
            each=False,
            back=40,
        ),
        Rx(rf"(?m:^\s*(?:--|—|–)\s?)(?P<value>{_NAME}(?:\s{_NAME}){{0,2}})\s*$", lead="--|—|–", each=False, back=40),
        # Structured data: "name": "Leilani Reinholt", holder=..., --author="Name <mail>".
        Rx(
            rf"(?i:{_KEYS})[\"']?\s*[:=]\s*[\"']"
            rf"(?P<value>{_NAME}(?:\s(?:{_NAME}|[A-Z]\.)){{0,3}})(?=\s*[\"'<])",
            lead=rf"(?:{_KEYS})[\"']?\s*[:=]\s*[\"']",
            folded=True,
        ),
        # A mail display name: "Lucia Zimmermann <lucia@example.com>".
        Rx(rf"(?P<value>{_NAME}(?:\s{_NAME}){{1,2}})\s<[^<>\s@]+@", lead=r"<[^<>\s@]+@", each=False, back=100),
    )

    def detect(self, text: str, view: TextView | None = None) -> list:  # type: ignore[override]
        spans = []
        for span in super().detect(text, view):
            # Trim trailing words that are not names ("priya and" -> "priya").
            words = list(re.finditer(r"\S+", text[span.start : span.end]))
            # Drop leading words that are not names ("I'm Amara" after "Hi,").
            while words and (_is_stop(words[0].group()) or re.search(r"['’](?:m|s|re|ll|ve|d)$", words[0].group(), re.I)):
                words.pop(0)
            if not words:
                continue
            lead = words[0].start()
            keep = 0
            for w in words:
                if w.group().lower().strip(",.") in NOT_NAMES or _is_stop(w.group()):
                    break
                keep = w.end()
            if keep:
                spans.append(type(span)(span.start + lead, span.start + keep, span.entity, span.score, span.source))
        return spans


def _is_stop(word: str) -> bool:
    return word.lower().strip(",.;:!?") in STOP_WORDS
