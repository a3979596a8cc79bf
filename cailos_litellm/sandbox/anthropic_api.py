"""The Anthropic messages wire format: request -> Ask, Answer -> JSON body or the SSE event stream, error bodies."""

from __future__ import annotations

from typing import Any, Iterator

import orjson

from cailos_litellm.sandbox._wire import BadRequest, Piece, split_args, split_text, text_of
from cailos_litellm.sandbox.answers import Answer, Ask, ToolSpec

__all__ = ["AnthropicWire"]

_STOP = {"stop": "end_turn", "tool": "tool_use", "length": "max_tokens"}
_ERROR_TYPES = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error",
                404: "not_found_error", 413: "request_too_large", 429: "rate_limit_error", 529: "overloaded_error"}


def _event(name: str, data: dict[str, Any], tokens: int = 0) -> Piece:
    return Piece(b"event: " + name.encode() + b"\ndata: " + orjson.dumps(data) + b"\n\n", tokens)


def _tool_result_text(block: dict[str, Any]) -> str:
    return text_of(block.get("content"))


def _json_schema(body: dict[str, Any]) -> dict[str, Any] | None:
    fmt = body.get("output_format")
    if fmt is None and isinstance(body.get("output_config"), dict):
        fmt = body["output_config"].get("format")
    if isinstance(fmt, dict) and fmt.get("type") == "json_schema":
        schema = fmt.get("schema")
        if not isinstance(schema, dict):
            raise BadRequest("output_format.schema: must be an object")
        return schema
    return None


class AnthropicWire:
    api = "anthropic"
    request_id_header = b"request-id"

    def to_ask(self, body: Any, model: str) -> Ask:
        if not isinstance(body, dict):
            raise BadRequest("body must be a JSON object")
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            raise BadRequest("messages: Field required (a non-empty array)")
        max_tokens = body.get("max_tokens")
        if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
            raise BadRequest("max_tokens: Field required (a positive integer)")
        chars = len(text_of(body.get("system")))
        last_user = ""
        tool_result: str | None = None
        for i, msg in enumerate(messages):
            if not isinstance(msg, dict) or msg.get("role") not in ("user", "assistant"):
                raise BadRequest(f"messages.{i}.role: must be 'user' or 'assistant'")
            content = msg.get("content")
            text = text_of(content)
            chars += len(text)
            results = []
            if isinstance(content, list):
                for block in content:
                    if not isinstance(block, dict):
                        raise BadRequest(f"messages.{i}.content: blocks must be objects")
                    if block.get("type") == "tool_result":
                        results.append(_tool_result_text(block))
                    elif block.get("type") == "tool_use":
                        chars += len(orjson.dumps(block.get("input", {})))
            chars += sum(map(len, results))
            if msg["role"] == "user":
                if text:
                    last_user = text
                tool_result = results[-1] if results and i == len(messages) - 1 else None
        raw_tools = body.get("tools") or []
        if not isinstance(raw_tools, list):
            raise BadRequest("tools: must be an array")
        # Server tools (web_search, …) carry no input_schema; the sandbox never calls them.
        tools = tuple(ToolSpec(t["name"], t["input_schema"]) for t in raw_tools
                      if isinstance(t, dict) and isinstance(t.get("name"), str) and isinstance(t.get("input_schema"), dict))
        if raw_tools:
            chars += len(orjson.dumps(raw_tools))
        choice = body.get("tool_choice") if isinstance(body.get("tool_choice"), dict) else {}
        schema = _json_schema(body)
        return Ask(
            model=model, last_user_text=last_user, prompt_chars=chars, tool_result=tool_result, tools=tools,
            forced_tool=choice.get("name") if choice.get("type") == "tool" else None,
            tools_off=choice.get("type") == "none", json_mode="schema" if schema is not None else None,
            json_schema=schema, max_tokens=max_tokens,
        )

    def _content(self, answer: Answer, rid: str) -> list[dict[str, Any]]:
        if answer.tool_name is not None:
            return [{"type": "tool_use", "id": f"toolu_{rid}", "name": answer.tool_name,
                     "input": orjson.loads(answer.tool_args or "{}")}]
        return [{"type": "text", "text": answer.text or ""}]

    def render(self, answer: Answer, model: str, rid: str, created: int) -> bytes:
        return orjson.dumps({
            "id": f"msg_{rid}", "type": "message", "role": "assistant", "model": model,
            "content": self._content(answer, rid), "stop_reason": _STOP[answer.finish], "stop_sequence": None,
            "usage": {"input_tokens": answer.prompt_tokens, "output_tokens": answer.completion_tokens,
                      "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0},
        })

    def stream(self, answer: Answer, model: str, rid: str, created: int, body: Any) -> Iterator[Piece]:
        yield _event("message_start", {"type": "message_start", "message": {
            "id": f"msg_{rid}", "type": "message", "role": "assistant", "model": model, "content": [],
            "stop_reason": None, "stop_sequence": None,
            "usage": {"input_tokens": answer.prompt_tokens, "output_tokens": 1,
                      "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0}}})
        if answer.tool_name is not None:
            yield _event("content_block_start", {"type": "content_block_start", "index": 0, "content_block": {
                "type": "tool_use", "id": f"toolu_{rid}", "name": answer.tool_name, "input": {}}})
            yield _event("ping", {"type": "ping"})
            for part in split_args(answer.tool_args or ""):
                yield _event("content_block_delta", {"type": "content_block_delta", "index": 0,
                                                     "delta": {"type": "input_json_delta", "partial_json": part}},
                             len(part) // 4 + 1)
        else:
            yield _event("content_block_start", {"type": "content_block_start", "index": 0,
                                                 "content_block": {"type": "text", "text": ""}})
            yield _event("ping", {"type": "ping"})
            for part in split_text(answer.text or ""):
                yield _event("content_block_delta", {"type": "content_block_delta", "index": 0,
                                                     "delta": {"type": "text_delta", "text": part}},
                             len(part) // 4 + 1)
        yield _event("content_block_stop", {"type": "content_block_stop", "index": 0})
        yield _event("message_delta", {"type": "message_delta",
                                       "delta": {"stop_reason": _STOP[answer.finish], "stop_sequence": None},
                                       "usage": {"output_tokens": answer.completion_tokens}})
        yield _event("message_stop", {"type": "message_stop"})

    def error(self, status: int, message: str) -> bytes:
        kind = _ERROR_TYPES.get(status, "api_error")
        return orjson.dumps({"type": "error", "error": {"type": kind, "message": message}})
