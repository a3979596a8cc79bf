"""PII shield detector: IPv4 and IPv6 addresses, not version strings."""

from __future__ import annotations

import ipaddress

from cailos_litellm.pii.detectors.base import Detector, Rx, has_context

__all__ = ["IpDetector"]

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_VERSION_WORDS = ("version", "ver", "release", "build", "v", "firmware", "python", "node", "update to", "upgrade to")


class IpDetector(Detector):
    entity = "IP"
    PATTERNS = (
        Rx(rf"(?P<v4>(?<![\w.\-])(?:{_OCTET}\.){{3}}{_OCTET}(?![\w\-]|\.\w))", lead=r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d"),
        Rx(r"(?P<v6>(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\w+)?(?![\w:]))", lead=r":[0-9A-Fa-f]{0,4}:", each=False, back=5),
    )

    def validate(self, value: str, text: str, start: int, end: int) -> bool:
        if ":" in value:
            try:
                addr = ipaddress.IPv6Address(value.split("%")[0])
            except ValueError:
                return False
            # "::" and "a::b" are too short to be anything but noise.
            return sum(1 for g in value.split(":") if g) >= 3 or addr.ipv4_mapped is not None
        if start and text[start - 1] in "vV":
            return False
        return not has_context(text, start, end, _VERSION_WORDS, before=12)
