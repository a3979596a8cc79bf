"""Recent routing decisions (metadata only) in the shared store."""

from .codec import decision_from_json, decision_to_json
from .log import DECISION_ID, DecisionLog

__all__ = ["DECISION_ID", "DecisionLog", "decision_from_json", "decision_to_json"]
