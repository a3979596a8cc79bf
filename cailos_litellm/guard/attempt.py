"""The guard as the glue calls it from `async_filter_deployments`: read breakers, check, claim a probe if due."""

from __future__ import annotations

from typing import Protocol, Sequence

from .check import AttemptCandidate, check_attempt

__all__ = ["BreakerSource", "guard_attempt"]


class BreakerSource(Protocol):  # health.Health
    async def verdicts(self, deployment_ids: Sequence[str]) -> dict[str, str]: ...

    async def allow_attempt(self, deployment_id: str) -> bool: ...


async def guard_attempt(health: BreakerSource, candidates: Sequence[AttemptCandidate], trust_floor: int) -> list[str]:
    """Deployment ids this attempt may use; [] means refuse.

    A deployment whose cool-off is over gets the attempt as its half-open probe when this caller wins the claim
    (then it is the only one returned, so LiteLLM cannot pick another); otherwise only closed ones are returned.
    """
    result = check_attempt(candidates, trust_floor, await health.verdicts([c.id for c in candidates]))
    for probe in result.probes:
        if await health.allow_attempt(probe):
            return [probe]
    return list(result.allowed)
