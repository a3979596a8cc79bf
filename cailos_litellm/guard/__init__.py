"""Per-attempt guard: trust floor and open breakers are never crossed, whatever picked the deployment."""

from .attempt import BreakerSource, guard_attempt
from .check import AttemptCandidate, GuardResult, check_attempt

__all__ = ["AttemptCandidate", "BreakerSource", "GuardResult", "check_attempt", "guard_attempt"]
