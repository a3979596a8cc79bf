"""Endpoint health: circuit breakers per deployment and rolling windows per endpoint, in the shared store."""

from .breaker import BreakerPolicy, BreakerState, claim_probe, on_outcome, view
from .monitor import FAILURE_KINDS, OUTCOME_KINDS, Health

__all__ = [
    "FAILURE_KINDS",
    "OUTCOME_KINDS",
    "BreakerPolicy",
    "BreakerState",
    "Health",
    "claim_probe",
    "on_outcome",
    "view",
]
