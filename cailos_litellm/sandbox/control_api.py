"""The control API on the main port (`/_sandbox/...`): faults, lanes, keys, stats, recordings, reset."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

import orjson

from cailos_litellm.sandbox._http import ClientGone, Receive, Send, read_body, send_body
from cailos_litellm.sandbox.faults import FaultSpecError

if TYPE_CHECKING:
    from cailos_litellm.sandbox.app import SandboxState

__all__ = ["handle"]


class _ControlError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def _json(receive: Receive) -> Any:
    raw = await read_body(receive)
    if not raw.strip():
        return {}
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise _ControlError(400, "body is not valid JSON") from exc


def _lane(state: SandboxState, name: str) -> Any:
    listener = state.lanes.get(name)
    if listener is None:
        raise _ControlError(404, f"unknown lane {name!r}; lanes: {sorted(state.lanes)}")
    return listener


def _health(state: SandboxState) -> dict[str, Any]:
    return {
        "status": "ok", "seed": state.seed, "latency_scale": state.latency_scale, "error_scale": state.error_scale,
        "uptime_s": round(time.time() - state.started_at, 3),
        "lanes": {name: {"port": lane.port, "refused": lane.refused} for name, lane in state.lanes.items()},
        "models": sorted(state.profiles.models),
    }


async def _route(state: SandboxState, method: str, path: str, scope: dict[str, Any], receive: Receive) -> Any:
    parts = path.strip("/").split("/")[1:]  # after "_sandbox"
    route = (method, *parts)
    if route == ("GET", "health"):
        return _health(state)
    if route == ("GET", "faults"):
        return {"faults": [r.to_json() for r in state.faults.rules]}
    if route == ("POST", "faults"):
        try:
            return state.faults.add(await _json(receive)).to_json()
        except FaultSpecError as exc:
            raise _ControlError(400, str(exc)) from exc
    if route == ("DELETE", "faults"):
        state.faults.clear()
        return {"cleared": True}
    if method == "POST" and len(parts) == 3 and parts[0] == "lanes" and parts[2] in ("refuse", "restore"):
        listener = _lane(state, parts[1])
        if parts[2] == "refuse":
            listener.refuse()
        else:
            await listener.open()
        return {"lane": parts[1], "port": listener.port, "refused": listener.refused}
    if route in (("POST", "keys", "revoke"), ("POST", "keys", "restore")):
        body = await _json(receive)
        key = body.get("key") if isinstance(body, dict) else None
        if key is not None and (not isinstance(key, str) or not key):
            raise _ControlError(400, "field 'key' must be a non-empty string")
        if parts[1] == "revoke":
            if key is None:
                raise _ControlError(400, "field 'key' is required")
            state.revoked.add(key)
        elif key is None:
            state.revoked.clear()  # restore without a key restores every key
        else:
            state.revoked.discard(key)
        return {"revoked": len(state.revoked)}
    if route == ("GET", "stats"):
        return state.recorder.stats()
    if route == ("GET", "requests"):
        query = parse_qs(scope.get("query_string", b"").decode())
        model = query.get("model", [None])[0] or None
        limit_raw = query.get("limit", [None])[0]
        try:
            limit = int(limit_raw) if limit_raw else None
        except ValueError as exc:
            raise _ControlError(400, "query 'limit' must be an integer") from exc
        return {"requests": state.recorder.recent(model=model, limit=limit)}
    if route == ("POST", "reset"):
        state.faults.reset()
        state.recorder.reset()
        state.revoked.clear()
        for listener in state.lanes.values():
            if listener.refused:
                await listener.open()
        return {"reset": True}
    raise _ControlError(404, f"no control route {method} {path}")


async def handle(state: SandboxState, method: str, path: str, scope: dict[str, Any], receive: Receive,
                 send: Send) -> None:
    try:
        result = await _route(state, method, path, scope, receive)
    except ClientGone:
        return
    except _ControlError as exc:
        await send_body(send, exc.status, orjson.dumps({"error": str(exc)}))
        return
    await send_body(send, 200, orjson.dumps(result))
