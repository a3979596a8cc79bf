"""The PII shield at LiteLLM's edge: cloak `data["messages"]`, uncloak ModelResponse objects and stream chunks.

The CloakMap never leaves process memory: it is kept here per call id (not in `data["metadata"]`, which LiteLLM
copies into its logging payloads) and dropped when the response or the failure has been handled.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any, AsyncIterator

from litellm.types.utils import ChatCompletionDeltaToolCall, Delta, Function, ModelResponseStream, StreamingChoices

from ..pii import CloakMap, Shield, StreamUncloaker

__all__ = ["CloakMaps", "cloak_request", "uncloak_response", "uncloak_stream"]


class CloakMaps:
    """call id -> CloakMap for requests in flight; bounded so a lost callback cannot grow it forever."""

    def __init__(self, limit: int = 20_000, ttl_s: float = 3600.0) -> None:
        self._maps: OrderedDict[str, tuple[float, CloakMap]] = OrderedDict()
        self._limit = limit
        self._ttl_s = ttl_s

    def put(self, call_id: str, cmap: CloakMap) -> None:
        now = time.monotonic()
        self._maps[call_id] = (now, cmap)
        while self._maps and (len(self._maps) > self._limit or next(iter(self._maps.values()))[0] < now - self._ttl_s):
            self._maps.popitem(last=False)

    def get(self, call_id: str | None) -> CloakMap | None:
        entry = self._maps.get(call_id) if call_id else None
        return entry[1] if entry else None

    def pop(self, call_id: str | None) -> CloakMap | None:
        entry = self._maps.pop(call_id, None) if call_id else None
        return entry[1] if entry else None

    def __len__(self) -> int:
        return len(self._maps)


async def cloak_request(shield: Shield, data: dict[str, Any]) -> CloakMap:
    """Replace data["messages"] with cloaked copies; raises PIIShieldError (fail closed) per the policy."""
    messages, cmap = await shield.acloak_request(data.get("messages") or [], data.get("tools"))
    data["messages"] = messages
    return cmap


def uncloak_response(response: Any, cmap: CloakMap) -> None:
    """Restore originals in a non-streaming chat response, in place (content and tool-call arguments)."""
    for choice in getattr(response, "choices", None) or ():
        message = getattr(choice, "message", None)
        if message is None:
            continue
        if isinstance(message.content, str):
            message.content = cmap.uncloak(message.content)
        for call in getattr(message, "tool_calls", None) or ():
            function = getattr(call, "function", None)
            if function is not None and isinstance(function.arguments, str):
                function.arguments = cmap.uncloak_tool_arguments(function.arguments)


async def uncloak_stream(chunks: AsyncIterator[Any], cmap: CloakMap) -> AsyncIterator[Any]:
    """Uncloak chunk by chunk; a placeholder split across chunks is held back only until it is complete."""
    content: dict[int, StreamUncloaker] = {}
    arguments: dict[tuple[int, int], StreamUncloaker] = {}
    last: Any = None
    async for chunk in chunks:
        for choice in getattr(chunk, "choices", None) or ():
            delta = getattr(choice, "delta", None)
            if delta is None:
                continue
            if isinstance(delta.content, str) and delta.content:
                delta.content = content.setdefault(choice.index, cmap.stream()).feed(delta.content)
            for call in delta.tool_calls or ():
                if call.function is not None and isinstance(call.function.arguments, str) and call.function.arguments:
                    u = arguments.setdefault((choice.index, call.index), cmap.stream(tool_arguments=True))
                    call.function.arguments = u.feed(call.function.arguments)
            if choice.finish_reason:
                _flush_into(delta, choice.index, content, arguments)
        last = chunk
        yield chunk
    # A stream that ended without a finish_reason (a provider cut it off): what is still held back goes out in one
    # more chunk rather than being lost.
    indexes = sorted({*content, *(k[0] for k in arguments)})
    if indexes:
        tail = ModelResponseStream(id=getattr(last, "id", None), model=getattr(last, "model", None),
                                   choices=[StreamingChoices(index=i, delta=Delta(content=None)) for i in indexes])
        for choice in tail.choices:
            _flush_into(choice.delta, choice.index, content, arguments)
        yield tail


def _flush_into(delta: Any, index: int, content: dict[int, StreamUncloaker],
                arguments: dict[tuple[int, int], StreamUncloaker]) -> None:
    """Emit whatever a choice still holds back in its last chunk."""
    held = content.pop(index, None)
    rest = held.flush() if held else ""
    if rest:
        delta.content = (delta.content or "") + rest
    for (choice_index, call_index) in [k for k in arguments if k[0] == index]:
        tail = arguments.pop((choice_index, call_index)).flush()
        if tail:
            calls = list(delta.tool_calls or [])
            calls.append(ChatCompletionDeltaToolCall(index=call_index, function=Function(arguments=tail)))
            delta.tool_calls = calls
