"""PII shield detectors: one entity type per module, composed by `cailos_litellm.pii.registry`."""

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

__all__ = [
    "AddressDetector",
    "CardDetector",
    "Detector",
    "EmailDetector",
    "IbanDetector",
    "IpDetector",
    "NationalIdDetector",
    "OrgDetector",
    "PassportDetector",
    "PersonContextDetector",
    "PhoneDetector",
    "PostcodeDetector",
    "SecretDetector",
    "SsnDetector",
]
