"""PII shield: the detector registry (name -> class) and the default set."""

from __future__ import annotations

from cailos_litellm.pii.detectors.address import AddressDetector
from cailos_litellm.pii.detectors.base import Detector
from cailos_litellm.pii.detectors.card import CardDetector
from cailos_litellm.pii.detectors.email import EmailDetector
from cailos_litellm.pii.detectors.iban import IbanDetector
from cailos_litellm.pii.detectors.ip import IpDetector
from cailos_litellm.pii.detectors.national_id import NationalIdDetector
from cailos_litellm.pii.detectors.org import OrgDetector
from cailos_litellm.pii.detectors.passport import PassportDetector
from cailos_litellm.pii.detectors.person import PersonContextDetector
from cailos_litellm.pii.detectors.phone import PhoneDetector
from cailos_litellm.pii.detectors.postcode import PostcodeDetector
from cailos_litellm.pii.detectors.secret import SecretDetector
from cailos_litellm.pii.detectors.ssn import SsnDetector

__all__ = ["DETECTORS", "build_detectors"]

# Order matters on ties: when two structured detectors claim the same characters, the earlier one wins.
DETECTORS: dict[str, type[Detector]] = {
    "secret": SecretDetector,
    "email": EmailDetector,
    "iban": IbanDetector,
    "card": CardDetector,
    "ssn": SsnDetector,
    "national_id": NationalIdDetector,
    "passport": PassportDetector,
    "ip": IpDetector,
    "phone": PhoneDetector,
    "address": AddressDetector,
    "postcode": PostcodeDetector,
    "person_context": PersonContextDetector,
    "org_legal_form": OrgDetector,
}


def build_detectors(entities: frozenset[str], names: list[str] | None = None) -> list[Detector]:
    """Instantiate the registered detectors whose entity type the policy asks for."""
    chosen = names if names is not None else list(DETECTORS)
    return [DETECTORS[n]() for n in chosen if DETECTORS[n].entity in entities]
