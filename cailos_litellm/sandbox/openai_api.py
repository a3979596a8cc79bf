"""The OpenAI chat-completions wire format: request -> Ask, Answer -> JSON body or SSE chunks, error bodies."""

from __future__ import annotations

from typing import Any, Iterator

import orjson

from cailos_litellm.sandbox._wire import BadRequest, Piece, split_args, split_text, text_of
from cailos_litellm.sandbox.answers import Answer, Ask, ToolSpec

__all__ = ["OpenAIWire"]

_FINISH = {"stop": "stop", "tool": "tool_calls", "length": "length"}
_ERROR_TYPES = {400: "invalid_request_error", 401: "invalid_request_error", 403: "permission_error",
                404: "invalid_request_error", 429: "requests"}
_ERROR_CODES = {401: "invalid_api_key", 429: "rate_limit_exceeded", 404: "model_not_found"}


def _tools(body: dict[str, Any]) -> tuple[ToolSpec, ...]:
    raw = body.get("tools")
    if raw is None and isinstance(body.get("functions"), list):  # legacy function calling
        raw = [{"type": "function", "function": f} for f in body["functions"]]
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise BadRequest("'tools' must be an array")
    specs = []
    for i, tool in enumerate(raw):
        fn = tool.get("function") if isinstance(tool, dict) else None
        if not isinstance(fn, dict) or not isinstance(fn.get("name"), str):
            raise BadRequest(f"'tools[{i}].function.name' is required")
        specs.append(ToolSpec(fn["name"], fn.get("parameters") or {"type": "object", "properties": {}}))
    return tuple(specs)


class OpenAIWire:
    api = "openai"
    request_id_header = b"x-request-id"

    def to_ask(self, body: Any, model: str) -> Ask:
        if not isinstance(body, dict):
            raise BadRequest("body must be a JSON object")
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            raise BadRequest("'messages' must be a non-empty array")
        chars = 0
        last_user = ""
        for i, msg in enumerate(messages):
            if not isinstance(msg, dict) or not isinstance(msg.get("role"), str):
                raise BadRequest(f"'messages[{i}].role' is required")
            text = text_of(msg.get("content"))
            chars += len(text)
            for call in msg.get("tool_calls") or ():
                chars += len(str((call.get("function") or {}).get("arguments", "")))
            if msg["role"] == "user":
                last_user = text
        last = messages[-1]
        tool_result = text_of(last.get("content")) if last["role"] in ("tool", "function") else None
        tools = _tools(body)
        if tools:
            chars += len(orjson.dumps(body.get("tools") or body.get("functions")))
        choice = body.get("tool_choice", body.get("function_call"))
        forced = None
        if isinstance(choice, dict):
            forced = (choice.get("function") or {}).get("name") or choice.get("name")
        fmt = body.get("response_format")
        json_mode = schema = None
        if isinstance(fmt, dict) and fmt.get("type") == "json_object":
            json_mode = "object"
        elif isinstance(fmt, dict) and fmt.get("type") == "json_schema":
            spec = fmt.get("json_schema")
            if not isinstance(spec, dict) or not isinstance(spec.get("schema", {}), dict):
                raise BadRequest("'response_format.json_schema.schema' must be an object")
            json_mode, schema = "schema", spec.get("schema") or {"type": "object"}
        max_tokens = body.get("max_completion_tokens") or body.get("max_tokens")
        return Ask(
            model=model, last_user_text=last_user, prompt_chars=chars, tool_result=tool_result, tools=tools,
            forced_tool=forced, tools_off=choice == "none", json_mode=json_mode, json_schema=schema,
            max_tokens=max_tokens if isinstance(max_tokens, int) and max_tokens > 0 else None,
        )

    @staticmethod
    def _usage(answer: Answer) -> dict[str, Any]:
        return {"prompt_tokens": answer.prompt_tokens, "completion_tokens": answer.completion_tokens,
                "total_tokens": answer.prompt_tokens + answer.completion_tokens}

    def render(self, answer: Answer, model: str, rid: str, created: int) -> bytes:
        message: dict[str, Any] = {"role": "assistant", "content": answer.text, "refusal": None, "annotations": []}
        if answer.tool_name is not None:
            message["tool_calls"] = [{"id": f"call_{rid}", "type": "function",
                                      "function": {"name": answer.tool_name, "arguments": answer.tool_args}}]
        return orjson.dumps({
            "id": f"chatcmpl-{rid}", "object": "chat.completion", "created": created, "model": model,
            "system_fingerprint": "fp_sandbox",
            "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": _FINISH[answer.finish]}],
            "usage": self._usage(answer),
        })

    def stream(self, answer: Answer, model: str, rid: str, created: int, body: Any) -> Iterator[Piece]:
        opts = body.get("stream_options") if isinstance(body, dict) else None
        include_usage = isinstance(opts, dict) and bool(opts.get("include_usage"))
        head = {"id": f"chatcmpl-{rid}", "object": "chat.completion.chunk", "created": created, "model": model,
                "system_fingerprint": "fp_sandbox"}
        tail = {"usage": None} if include_usage else {}

        def frame(delta: dict[str, Any], finish: str | None = None, tokens: int = 0) -> Piece:
            chunk = {**head, "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
                     **tail}
            return Piece(b"data: " + orjson.dumps(chunk) + b"\n\n", tokens)

        if answer.tool_name is not None:
            yield frame({"role": "assistant", "content": None, "tool_calls": [
                {"index": 0, "id": f"call_{rid}", "type": "function",
                 "function": {"name": answer.tool_name, "arguments": ""}}]})
            for part in split_args(answer.tool_args or ""):
                yield frame({"tool_calls": [{"index": 0, "function": {"arguments": part}}]}, tokens=len(part) // 4 + 1)
        else:
            yield frame({"role": "assistant", "content": "", "refusal": None})
            for part in split_text(answer.text or ""):
                yield frame({"content": part}, tokens=len(part) // 4 + 1)
        yield frame({}, _FINISH[answer.finish])
        if include_usage:
            usage = {**head, "choices": [], "usage": self._usage(answer)}
            yield Piece(b"data: " + orjson.dumps(usage) + b"\n\n")
        yield Piece(b"data: [DONE]\n\n")

    def error(self, status: int, message: str) -> bytes:
        kind = _ERROR_TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
        return orjson.dumps({"error": {"message": message, "type": kind, "param": None,
                                       "code": _ERROR_CODES.get(status)}})
