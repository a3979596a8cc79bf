"""PII shield detector: organisations named with a legal form ("Fernhill Advisory LLP", "Kestrel Labs GmbH").

spaCy finds most organisations; a name followed by a legal form is certain enough to catch without it.
"""

from __future__ import annotations

from cailos_litellm.pii.detectors.base import Detector, Rx

__all__ = ["LEGAL_FORMS", "OrgDetector"]

LEGAL_FORMS = r"(?:Ltd|Limited|GmbH|gGmbH|Inc|LLC|LLP|PLC|plc|AG|SA|SAS|SARL|S\.A\.|BV|B\.V\.|NV|N\.V\.|Pty|Corp|Corporation|KG|SE|Oy|AB|ApS|S\.p\.A\.|SpA|Srl)"


# Words that start a sentence or a greeting, not a company name.
_NOT_FIRST = "Thanks|Dear|Hi|Hello|Hey|The|Our|Their|From|With|At|For|To|By|Signed|Regards|Cheers|Escalation|Beneficiary|Creditor"


class OrgDetector(Detector):
    entity = "ORG"
    score = 0.85
    tier = 1
    PATTERNS = (
        Rx(
            rf"(?<![\w&])(?!(?:{_NOT_FIRST})\b)[A-Z][A-Za-z'’\-]+(?:[ ](?:[A-Z][A-Za-z'’\-]+|&|and|of)){{0,3}}[ ]{LEGAL_FORMS}\.?(?![\w])",
            lead=rf" {LEGAL_FORMS}\.?(?![\w])",
            each=False,
            back=130,
        ),
    )
