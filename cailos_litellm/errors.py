"""The bundle's error tree.

    CailosError                 status_code, message safe to show a client
    ├── ConfigError             bad proxy_config.yaml / CAILOS_* value: stops start-up
    ├── ModelStringError        400: malformed or unknown model string
    ├── BadRequestHint          400: a per-request hint (metadata / x-cailos-* header) is invalid
    ├── NoEligibleEndpoint      4xx: every endpoint was filtered out (trust, capability, budget…)
    │   └── EndpointsUnavailable  503: what remained had open circuit breakers (temporary: retry after the cool-off)
    ├── PIIShieldError          503: the PII shield could not run; the request is refused (fail closed)
    ├── BudgetExceeded          429: a cost cap or period budget would be crossed
    └── StateStoreError         503: the shared state store cannot be reached at start-up

Messages never contain prompt or response text: they name fields, codenames, counts.
"""

from __future__ import annotations

__all__ = [
    "BadRequestHint",
    "BudgetExceeded",
    "CailosError",
    "ConfigError",
    "EndpointsUnavailable",
    "ModelStringError",
    "NoEligibleEndpoint",
    "PIIShieldError",
    "StateStoreError",
]


class CailosError(Exception):
    status_code: int = 500
    error_type: str = "cailos_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class ConfigError(CailosError):
    error_type = "config_error"

    def __init__(self, message: str, *, where: str | None = None, field: str | None = None) -> None:
        prefix = " ".join(p for p in (where, f"field {field!r}" if field else None) if p)
        super().__init__(f"{prefix}: {message}" if prefix else message)
        self.where = where
        self.field = field


class ModelStringError(CailosError):
    status_code = 400
    error_type = "invalid_model"


class BadRequestHint(CailosError):
    status_code = 400
    error_type = "invalid_hint"


class NoEligibleEndpoint(CailosError):
    status_code = 422
    error_type = "no_eligible_endpoint"


class EndpointsUnavailable(NoEligibleEndpoint):
    status_code = 503
    error_type = "endpoints_unavailable"


class PIIShieldError(CailosError):
    status_code = 503
    error_type = "pii_shield_unavailable"


class BudgetExceeded(CailosError):
    status_code = 429
    error_type = "budget_exceeded"


class StateStoreError(CailosError):
    status_code = 503
    error_type = "state_store_unavailable"
