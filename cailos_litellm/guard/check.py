"""The per-attempt guard (stage: guard), pure: which of one attempt's candidate deployments may be called.

Whatever picked the deployment (our chain, LiteLLM's weights, a retry), a deployment below the request's trust floor
or with an open breaker is never returned. An empty result means the glue must refuse the attempt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

__all__ = ["AttemptCandidate", "GuardResult", "check_attempt"]


@dataclass(frozen=True, slots=True)
class AttemptCandidate:
    id: str  # deployment id (model_info.id)
    trust_level: int | None  # None: not in our registry, treated as trust 0


@dataclass(frozen=True, slots=True)
class GuardResult:
    allowed: tuple[str, ...]  # trusted and breaker closed: callable now
    probes: tuple[str, ...]  # trusted, breaker waiting for its single probe: callable once claimed
    removed: tuple[tuple[str, str], ...]  # (deployment id, reason)


def check_attempt(candidates: Iterable[AttemptCandidate], trust_floor: int,
                  verdicts: Mapping[str, str]) -> GuardResult:
    """`verdicts`: deployment id -> breaker view ("closed", "open", "half_open", "probe_ready"); missing = closed."""
    allowed: list[str] = []
    probes: list[str] = []
    removed: list[tuple[str, str]] = []
    for c in candidates:
        trust = c.trust_level if c.trust_level is not None else 0
        verdict = verdicts.get(c.id, "closed")
        if trust < trust_floor:
            removed.append((c.id, f"trust {trust} < {trust_floor}"))
        elif verdict == "closed":
            allowed.append(c.id)
        elif verdict == "probe_ready":
            probes.append(c.id)
        else:
            removed.append((c.id, f"breaker {verdict}"))
    return GuardResult(tuple(allowed), tuple(probes), tuple(removed))
