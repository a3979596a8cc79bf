"""Request intake: per-request hints and the size/needs facts the ranking reads."""

from .facts import estimate_tokens, request_facts
from .hints import HINT_NAMES, Hints, read_hints

__all__ = ["HINT_NAMES", "Hints", "estimate_tokens", "read_hints", "request_facts"]
