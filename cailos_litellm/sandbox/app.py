"""The sandbox's ASGI app: model routes (OpenAI and Anthropic formats) and, on the main port, the control API.

One `SandboxState` is shared by every port; each port gets its own `SandboxApp` so requests know their lane.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import orjson

from cailos_litellm.sandbox import control_api
from cailos_litellm.sandbox._http import (
    ClientGone, Receive, Send, header, read_body, send_body, wait_release_or_disconnect,
)
from cailos_litellm.sandbox._wire import BadRequest, Wire
from cailos_litellm.sandbox.answers import Answerer
from cailos_litellm.sandbox.anthropic_api import AnthropicWire
from cailos_litellm.sandbox.eval_items import load_eval_items
from cailos_litellm.sandbox.faults import FaultBook
from cailos_litellm.sandbox.openai_api import OpenAIWire
from cailos_litellm.sandbox.profiles import ProfileSet
from cailos_litellm.sandbox.recorder import Recorder

__all__ = ["LANES", "SandboxApp", "SandboxState"]

LANES: tuple[str, ...] = ("openai", "azure", "anthropic", "google", "local")
_OPENAI = OpenAIWire()
_ANTHROPIC = AnthropicWire()
_ROUTES: dict[tuple[str, str], Wire] = {
    ("POST", "/v1/chat/completions"): _OPENAI,
    ("POST", "/chat/completions"): _OPENAI,
    ("POST", "/v1/messages"): _ANTHROPIC,
    ("POST", "/messages"): _ANTHROPIC,
}
_SSE_HEADERS = [(b"content-type", b"text/event-stream"), (b"cache-control", b"no-cache")]


class SandboxState:
    """Everything the ports share: profiles, answers, faults, recordings, revoked keys, the lanes."""

    def __init__(self, *, seed: int, latency_scale: float, error_scale: float, profiles: ProfileSet,
                 record_capacity: int = 500) -> None:
        self.seed = seed
        self.latency_scale = latency_scale
        self.error_scale = error_scale
        self.profiles = profiles
        self.answerer = Answerer(seed=seed, profiles=profiles,
                                 eval_items={item.prompt: item for item in load_eval_items()})
        self.faults = FaultBook(seed=seed, lanes=LANES)
        self.recorder = Recorder(record_capacity)
        self.revoked: set[str] = set()
        self.lanes: dict[str, Any] = {}  # lane name -> lanes.Listener, filled by the server
        self.started_at = time.time()
        self._count = 0

    def next_id(self) -> str:
        self._count += 1
        return f"sbx{self.seed:x}x{self._count:09d}"


def _api_key(scope: dict[str, Any]) -> str | None:
    key = header(scope, b"x-api-key") or header(scope, b"api-key")  # anthropic, azure
    if key:
        return key
    auth = header(scope, b"authorization")
    if auth and auth[:7].lower() == "bearer ":
        return auth[7:].strip()
    return auth


class SandboxApp:
    """ASGI entry for one port (`lane` is "main" for the main port, which also serves the control API)."""

    def __init__(self, state: SandboxState, lane: str) -> None:
        self.state = state
        self.lane = lane
        self.control = lane == "main"

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        method, path = scope["method"], scope["path"]
        wire = _ROUTES.get((method, path))
        if wire is not None:
            await self._model_call(wire, scope, receive, send, None)
        elif self.control and path.startswith("/_sandbox/"):
            await control_api.handle(self.state, method, path, scope, receive, send)
        elif method == "POST" and path.startswith("/openai/deployments/") and path.endswith("/chat/completions"):
            # Azure's URL shape: the deployment name stands in for the model.
            await self._model_call(_OPENAI, scope, receive, send, path.split("/")[3])
        elif method == "GET" and path in ("/v1/models", "/models"):
            data = [{"id": name, "object": "model", "created": 0, "owned_by": "cailos-sandbox"}
                    for name in self.state.profiles.models]
            await send_body(send, 200, orjson.dumps({"object": "list", "data": data}))
        else:
            await send_body(send, 404, _OPENAI.error(404, f"no route {method} {path}"))

    async def _model_call(self, wire: Wire, scope: dict[str, Any], receive: Receive, send: Send,
                          model_from_path: str | None) -> None:
        state = self.state
        received_at = time.time()
        try:
            raw = await read_body(receive)
        except ClientGone:
            return
        try:
            body = orjson.loads(raw)
        except orjson.JSONDecodeError:
            await send_body(send, 400, wire.error(400, "body is not valid JSON"))
            return
        model = model_from_path or (body.get("model") if isinstance(body, dict) else None)
        stream = isinstance(body, dict) and body.get("stream") is True
        key = _api_key(scope)
        rec = state.recorder.start(model=model if isinstance(model, str) else "", lane=self.lane, api=wire.api,
                                   key=key, stream=stream, body=body, received_at=received_at)
        rid = state.next_id()
        extra = [(wire.request_id_header, rid.encode())]

        async def fail(status: int, outcome: str, message: str, more: tuple[tuple[bytes, bytes], ...] = ()) -> None:
            await send_body(send, status, wire.error(status, message), extra=[*extra, *more])
            state.recorder.finish(rec, status=status, outcome=outcome, responded_at=time.time())

        if not isinstance(model, str) or not model:
            await fail(400, "bad_request", "'model' is required")
            return
        if key is None or key in state.revoked:
            await fail(401, "unauthorized", "invalid x-api-key" if key else "missing API key")
            return
        profile = state.profiles.get(model)
        decision = state.faults.decide(model, self.lane, profile.error_rate * state.error_scale)
        if decision.hang:
            if not await wait_release_or_disconnect(receive, state.faults.hang_until_cleared()):
                state.recorder.finish(rec, status=0, outcome="abandoned", responded_at=time.time())
                return
        if decision.added_latency_ms:
            await asyncio.sleep(decision.added_latency_ms / 1000)
        if decision.status is not None:
            if decision.status == 429:
                await fail(429, "rate_limited", "rate limit reached (sandbox fault)",
                           ((b"retry-after", f"{decision.retry_after_s:g}".encode()),))
            else:
                outcome = "error" if decision.injected else "base_error"
                await fail(decision.status, outcome, f"sandbox {'injected' if decision.injected else 'base'} error")
            return
        try:
            ask = wire.to_ask(body, model)
        except BadRequest as exc:
            await fail(400, "bad_request", str(exc))
            return
        answer = state.answerer.answer(ask)
        rec.prompt_tokens, rec.completion_tokens = answer.prompt_tokens, answer.completion_tokens
        if answer.eval_item is not None:
            rec.extra = {"eval_item": answer.eval_item, "correct": answer.correct}
        scale = state.latency_scale
        ttft_s = (decision.ttft_ms if decision.ttft_ms is not None else profile.ttft_ms * scale) / 1000
        per_token_s = scale / profile.tokens_per_s
        created = int(received_at)
        if not stream:
            delay = ttft_s + answer.completion_tokens * per_token_s
            if delay > 0:
                await asyncio.sleep(delay)
            await send_body(send, 200, wire.render(answer, model, rid, created), extra=extra)
        else:
            await send({"type": "http.response.start", "status": 200, "headers": [*_SSE_HEADERS, *extra]})
            if ttft_s > 0:
                await asyncio.sleep(ttft_s)
            for piece in wire.stream(answer, model, rid, created, body):
                if piece.tokens and per_token_s > 0:
                    await asyncio.sleep(piece.tokens * per_token_s)
                await send({"type": "http.response.body", "body": piece.data, "more_body": True})
            await send({"type": "http.response.body", "body": b""})
        state.recorder.finish(rec, status=200, outcome="ok", responded_at=time.time(),
                              cost_usd=profile.cost_usd(answer.prompt_tokens, answer.completion_tokens))


