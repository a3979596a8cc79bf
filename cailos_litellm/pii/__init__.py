"""PII shield: cloak PII in requests before they leave, uncloak answers (plain, tool calls, streams)."""

from __future__ import annotations

from cailos_litellm.pii.analyzer import Analyzer
from cailos_litellm.pii.cloak import Cloaker
from cailos_litellm.pii.ner import NerEngine, SpacyNer
from cailos_litellm.pii.policy import ShieldPolicy
from cailos_litellm.pii.shield import Shield, load_shield
from cailos_litellm.pii.spans import ENTITY_TYPES, Span
from cailos_litellm.pii.stream import StreamUncloaker
from cailos_litellm.pii.uncloak import CloakMap

__all__ = [
    "ENTITY_TYPES",
    "Analyzer",
    "CloakMap",
    "Cloaker",
    "NerEngine",
    "Shield",
    "ShieldPolicy",
    "Span",
    "SpacyNer",
    "StreamUncloaker",
    "load_shield",
]
