"""Answer generation: what a simulated model says, as plain data (text, a tool call, or JSON).

Both wire formats (openai_api, anthropic_api) reduce a request to an `Ask` and render the `Answer` back.
Answers are deterministic: they depend only on the request, the seed and the model profile.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal, Mapping

import orjson

from cailos_litellm.sandbox._draw import uniform
from cailos_litellm.sandbox.eval_items import EvalItem
from cailos_litellm.sandbox.profiles import ProfileSet

__all__ = ["Answer", "Answerer", "Ask", "ToolSpec", "estimate_tokens", "value_for_schema"]

JsonMode = Literal["object", "schema"]


def estimate_tokens(chars: int) -> int:
    """The sandbox's token count: ceil(chars / 4), at least 1."""
    return max(1, math.ceil(chars / 4))


@dataclass(frozen=True, slots=True)
class ToolSpec:
    name: str
    schema: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Ask:
    """What a request asks for, independent of the wire format."""

    model: str
    last_user_text: str
    prompt_chars: int
    tool_result: str | None = None  # set when the last message is a tool result
    tools: tuple[ToolSpec, ...] = ()
    forced_tool: str | None = None
    tools_off: bool = False  # tool_choice "none"
    json_mode: JsonMode | None = None
    json_schema: Mapping[str, Any] | None = None
    max_tokens: int | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    finish: Literal["stop", "tool", "length"]
    prompt_tokens: int
    completion_tokens: int
    text: str | None = None
    tool_name: str | None = None
    tool_args: str | None = None  # JSON text
    eval_item: str | None = None
    correct: bool | None = None


def _resolve(schema: Mapping[str, Any], defs: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        target = defs.get(ref.rsplit("/", 1)[-1])
        if isinstance(target, Mapping):
            return target
    return schema


def value_for_schema(schema: Any, text: str, defs: Mapping[str, Any] | None = None, depth: int = 0) -> Any:
    """A value that validates against `schema`, with every free string set to `text`."""
    if not isinstance(schema, Mapping) or depth > 12:
        return text
    if defs is None:
        defs = {**schema.get("definitions", {}), **schema.get("$defs", {})}
    schema = _resolve(schema, defs)
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    for key in ("anyOf", "oneOf", "allOf"):
        options = schema.get(key)
        if isinstance(options, list) and options:
            # prefer a non-null branch so Optional[str] fields still carry the text
            branch = next((o for o in options if isinstance(o, Mapping) and o.get("type") != "null"), options[0])
            return value_for_schema(branch, text, defs, depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind is None:
        kind = "object" if "properties" in schema else "string"
    if kind == "object":
        props = schema.get("properties") or {}
        return {name: value_for_schema(sub, text, defs, depth + 1) for name, sub in props.items()}
    if kind == "array":
        count = max(1, int(schema.get("minItems", 1)))
        if "maxItems" in schema:
            count = min(count, int(schema["maxItems"]))
        return [value_for_schema(schema.get("items", {}), text, defs, depth + 1) for _ in range(count)]
    if kind == "integer":
        return int(max(1, math.ceil(schema.get("minimum", 1))) if "maximum" not in schema else schema["maximum"])
    if kind == "number":
        return float(schema.get("minimum", 1.0)) if "maximum" not in schema else float(schema["maximum"])
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    max_len = schema.get("maxLength")
    return text[: int(max_len)] if isinstance(max_len, int) else text


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


class Answerer:
    """Turns an `Ask` into an `Answer` for one sandbox run (seed, profiles and eval items fixed)."""

    def __init__(self, *, seed: int, profiles: ProfileSet, eval_items: Mapping[str, EvalItem]) -> None:
        self._seed = seed
        self._profiles = profiles
        self._items = eval_items  # prompt -> item

    def answer(self, ask: Ask) -> Answer:
        item = self._items.get(ask.last_user_text) if ask.tool_result is None else None
        if item is not None:
            return self._eval_answer(ask, item)
        tool = self._tool_to_call(ask)
        if tool is not None:
            return self._tool_answer(ask, tool, ask.last_user_text)
        if ask.tool_result is not None:
            return self._text_answer(ask, f"Tool result: {ask.tool_result}", ask.tool_result)
        return self._text_answer(ask, f"Echo: {ask.last_user_text}", ask.last_user_text)

    def _tool_to_call(self, ask: Ask) -> ToolSpec | None:
        if not ask.tools or ask.tools_off or ask.tool_result is not None:
            return None
        if ask.forced_tool is not None:
            return next((t for t in ask.tools if t.name == ask.forced_tool), ask.tools[0])
        return ask.tools[0]

    def _eval_answer(self, ask: Ask, item: EvalItem) -> Answer:
        skill = self._profiles.get(ask.model).skill(item.task)
        correct = uniform(self._seed, "eval", ask.model, item.id) < skill
        chosen = item.answer if correct else item.wrong
        if ask.tools and not ask.tools_off and item.task == "tool_use":
            tool = next((t for t in ask.tools if t.name == chosen), None)
            if tool is not None:
                found = self._tool_answer(ask, tool, item.prompt)
                return _with_eval(found, item.id, correct)
        if ask.tools and not ask.tools_off and ask.forced_tool is not None:
            tool = self._tool_to_call(ask)
            if tool is not None:
                return _with_eval(self._tool_answer(ask, tool, chosen), item.id, correct)
        return _with_eval(self._text_answer(ask, chosen), item.id, correct)

    def _tool_answer(self, ask: Ask, tool: ToolSpec, text: str) -> Answer:
        args = value_for_schema(tool.schema, text)
        if not isinstance(args, dict):
            args = {}
        body = _dumps(args)
        return Answer(
            finish="tool",
            prompt_tokens=estimate_tokens(ask.prompt_chars),
            completion_tokens=estimate_tokens(len(body) + len(tool.name)),
            tool_name=tool.name,
            tool_args=body,
        )

    def _text_answer(self, ask: Ask, text: str, fill: str | None = None) -> Answer:
        """`text` is the plain answer; schema-shaped JSON fills its strings with `fill` (default: `text`)."""
        if ask.json_mode == "schema" and ask.json_schema is not None:
            text = _dumps(value_for_schema(ask.json_schema, text if fill is None else fill))
        elif ask.json_mode is not None:
            text = _dumps({"answer": text})
        finish: Literal["stop", "length"] = "stop"
        # JSON is never cut: a truncated document would fail every parser downstream.
        if ask.max_tokens is not None and ask.json_mode is None and len(text) > ask.max_tokens * 4:
            text, finish = text[: max(1, ask.max_tokens) * 4], "length"
        return Answer(
            finish=finish,
            prompt_tokens=estimate_tokens(ask.prompt_chars),
            completion_tokens=estimate_tokens(len(text)),
            text=text,
        )


def _with_eval(answer: Answer, item_id: str, correct: bool) -> Answer:
    return Answer(
        finish=answer.finish,
        prompt_tokens=answer.prompt_tokens,
        completion_tokens=answer.completion_tokens,
        text=answer.text,
        tool_name=answer.tool_name,
        tool_args=answer.tool_args,
        eval_item=item_id,
        correct=correct,
    )
