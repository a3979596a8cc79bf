"""`SandboxControl`: a small httpx client for the sandbox control API, for tests and drills."""

from __future__ import annotations

from typing import Any

import httpx

__all__ = ["SandboxControl"]


class SandboxControl:
    """Wraps `/_sandbox/*` on the main port. Every method raises `httpx.HTTPStatusError` on a non-2xx answer."""

    def __init__(self, base_url: str, *, timeout: float = 5.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._client = httpx.Client(base_url=self.base_url + "/_sandbox", timeout=timeout)

    def _call(self, method: str, path: str, json: Any = None, params: dict[str, Any] | None = None) -> Any:
        response = self._client.request(method, path, json=json, params=params)
        response.raise_for_status()
        return response.json()

    def health(self) -> dict[str, Any]:
        return self._call("GET", "/health")

    def add_fault(self, *, model: str = "*", lane: str = "*", **fields: Any) -> dict[str, Any]:
        """Add a fault rule (fields as in the control API: error_rate, error_status, rate_limit, retry_after_s,
        added_latency_ms, ttft_ms, blackhole, count); returns the stored rule with its id."""
        return self._call("POST", "/faults", json={"model": model, "lane": lane, **fields})

    def faults(self) -> list[dict[str, Any]]:
        return self._call("GET", "/faults")["faults"]

    def clear_faults(self) -> None:
        self._call("DELETE", "/faults")

    def refuse_lane(self, lane: str) -> dict[str, Any]:
        return self._call("POST", f"/lanes/{lane}/refuse")

    def restore_lane(self, lane: str) -> dict[str, Any]:
        return self._call("POST", f"/lanes/{lane}/restore")

    def revoke_key(self, key: str) -> None:
        self._call("POST", "/keys/revoke", json={"key": key})

    def restore_key(self, key: str | None = None) -> None:
        """Restore one key, or every revoked key when `key` is None."""
        self._call("POST", "/keys/restore", json={"key": key} if key is not None else {})

    def stats(self) -> dict[str, Any]:
        return self._call("GET", "/stats")

    def requests(self, *, model: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        params = {k: v for k, v in (("model", model), ("limit", limit)) if v is not None}
        return self._call("GET", "/requests", params=params)["requests"]

    def reset(self) -> None:
        self._call("POST", "/reset")

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> SandboxControl:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
