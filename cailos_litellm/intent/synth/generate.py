"""Synthetic labelled prompts: seeds x slots x register x request format, split by seed.

Every seed template yields several variants (slot fills, casing/typos/politeness, and request formats:
single turn, content arrays, system prompts, multi-turn history, tool definitions, images). A whole seed goes
to either the train or the test split, so the held-out split never holds near-duplicates of training rows.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cailos_litellm.intent.policy import default_strategy
from cailos_litellm.intent.synth._seeds_code import CODE_SEEDS, CODE_SEEDS_SLOTS
from cailos_litellm.intent.synth._seeds_general import GENERAL_SEEDS, GENERAL_SEEDS_SLOTS
from cailos_litellm.intent.synth._seeds_text import TEXT_SEEDS, TEXT_SEEDS_SLOTS
from cailos_litellm.intent.synth._slots import SLOTS
from cailos_litellm.intent.synth.handwritten import (
    HANDWRITTEN_DIR,
    HANDWRITTEN_EVAL_DIR,
    MAINSTREAM_EVAL_DIR,
    REGISTER_DIR,
    REGISTER_EVAL_DIR,
    HandPrompt,
    load_handwritten,
)
from cailos_litellm.types import TASK_CLASSES

__all__ = ["Example", "SEEDS", "generate", "generate_eval_only", "TEST_EVERY"]

SEEDS: dict[str, list[str]] = {**CODE_SEEDS, **TEXT_SEEDS, **GENERAL_SEEDS}
_ALL_SLOTS: dict[str, list[str]] = {**SLOTS, **CODE_SEEDS_SLOTS, **TEXT_SEEDS_SLOTS, **GENERAL_SEEDS_SLOTS}
TEST_EVERY = 5  # seed i of a class is held out when i % TEST_EVERY == 2
_TIER_COMPLEXITY = {"e": 0.15, "m": 0.5, "h": 0.85}
_SLOT_RE = re.compile(r"\{([a-z_]+)\}")

_SYSTEM_PROMPTS = [
    "You are a helpful assistant.",
    "You are a senior software engineer. Answer precisely and include code when useful.",
    "You are a customer support agent for Acme Corp. Be polite and concise. Never promise refunds.",
    "You are an expert data analyst. Think step by step.",
    "Always answer in JSON with keys 'answer' and 'confidence'.",
    "You are a friendly tutor for high-school students.",
    "You are a copywriter for a marketing agency. Keep a confident, upbeat voice.",
    "Respond in the same language as the user. Keep answers under 200 words.",
    "You are a medical information assistant. You do not give diagnoses; you explain options and suggest seeing a "
    "professional when appropriate.",
    "You are an AI assistant inside a project management tool. You can see the user's tasks and calendar.",
]

_HISTORY = [
    [("user", "Hi there"), ("assistant", "Hello! How can I help you today?")],
    [("user", "I have a question about my project."), ("assistant", "Sure, tell me more about it.")],
    [("user", "Can you help me with something?"), ("assistant", "Of course. What do you need?")],
    [("user", "Thanks for the earlier answer."), ("assistant", "You're welcome! Anything else?")],
    [("user", "I'm working on a side project over the weekend."), ("assistant", "Nice! What are you building?"),
     ("user", "Still deciding, I'll show you."), ("assistant", "Sounds good, go ahead.")],
]

_TOOLS = [
    ("get_weather", "Get the weather forecast for a city", {"city": "string", "date": "string"}),
    ("create_event", "Create a calendar event", {"title": "string", "start": "string", "duration_min": "integer"}),
    ("send_email", "Send an email", {"to": "string", "subject": "string", "body": "string"}),
    ("search_docs", "Search the internal documentation", {"query": "string", "top_k": "integer"}),
    ("get_order", "Look up an order by id", {"order_id": "string"}),
    ("run_sql", "Run a read-only SQL query against the analytics DB", {"query": "string"}),
    ("http_get", "Fetch a URL", {"url": "string"}),
    ("calculator", "Evaluate an arithmetic expression", {"expression": "string"}),
    ("create_ticket", "Create an issue in the tracker", {"title": "string", "priority": "string"}),
    ("set_light", "Switch a smart light on or off", {"room": "string", "on": "boolean"}),
]

_PREFIXES = ["", "", "", "hey, ", "Hi! ", "Please ", "Quick question: ", "I need help. ", "Hello, ", "Can you help? "]
_SUFFIXES = ["", "", "", " thanks", " Thanks!", " Be concise.", " Explain step by step.", " Please be detailed.",
             " asap", " :)"]


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled request: OpenAI-format messages plus labels; `seed` groups variants for the split."""

    id: str
    seed: str
    split: str
    task: str
    complexity: float
    strategy: str
    stream: bool
    messages: list[dict[str, Any]]
    tools: list[dict[str, Any]] | None = None
    source: str = "synthetic"
    meta: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({k: getattr(self, k) for k in self.__slots__ if k != "meta"}, ensure_ascii=False)


def _fill(template: str, rng: random.Random) -> str:
    text = template
    for _ in range(3):  # slot values may hold slots themselves
        text = _SLOT_RE.sub(lambda m: rng.choice(_ALL_SLOTS[m.group(1)]) if m.group(1) in _ALL_SLOTS
                            else m.group(0), text)
    return text.replace("{{", "{").replace("}}", "}")


def _register(text: str, rng: random.Random) -> str:
    """Vary the register: politeness, casing, trailing punctuation, the odd typo."""
    if "\n" not in text[:80]:
        text = rng.choice(_PREFIXES) + (text[0].lower() + text[1:] if rng.random() < 0.3 else text)
    if "```" not in text[-5:]:
        text = text + rng.choice(_SUFFIXES)
    r = rng.random()
    if r < 0.12:
        text = text.lower()
    elif r < 0.18:
        text = text.rstrip(".?!")
    if rng.random() < 0.1:  # swap two letters in one word
        words = text.split(" ")
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 4 and w.isalpha():
            j = rng.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        text = " ".join(words)
    return text


def _tool_defs(rng: random.Random, k: int) -> list[dict[str, Any]]:
    out = []
    for name, desc, params in rng.sample(_TOOLS, k):
        props = {p: {"type": t} for p, t in params.items()}
        out.append({"type": "function", "function": {"name": name, "description": desc, "parameters": {
            "type": "object", "properties": props, "required": list(params)[:1]}}})
    return out


def _image_part(rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.5:
        return {"type": "image_url", "image_url": {"url": f"https://img.example.com/{rng.randrange(10**6)}.jpg"}}
    return {"type": "image_url", "image_url": {"url": "data:image/png;base64," + "iVBORw0KGgo" + "A" * 40}}


def _build(task: str, text: str, rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]] | None]:
    messages: list[dict[str, Any]] = []
    tools = None
    if rng.random() < 0.3:
        messages.append({"role": "system", "content": rng.choice(_SYSTEM_PROMPTS)})
    if rng.random() < 0.18:
        for role, content in rng.choice(_HISTORY):
            messages.append({"role": role, "content": content})
    if task == "vision":
        parts: list[dict[str, Any]] = [{"type": "text", "text": text}]
        parts += [_image_part(rng) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
        if rng.random() < 0.3:
            parts.reverse()
        messages.append({"role": "user", "content": parts})
        return messages, None
    if task == "tool_use" or rng.random() < 0.04:  # some apps send tools with every request
        tools = _tool_defs(rng, rng.choice([1, 2, 3, 4]))
    if task == "tool_use" and rng.random() < 0.25:  # mid-conversation: a tool result is already in
        name = tools[0]["function"]["name"]
        messages.append({"role": "user", "content": text})
        messages.append({"role": "assistant", "content": None, "tool_calls": [{"id": "call_1", "type": "function",
                         "function": {"name": name, "arguments": "{}"}}]})
        messages.append({"role": "tool", "tool_call_id": "call_1", "content": '{"status": "ok", "items": 3}'})
        return messages, tools
    content: Any = text if rng.random() < 0.85 else [{"type": "text", "text": text}]
    messages.append({"role": "user", "content": content})
    return messages, tools


def _with_images(messages: list[dict[str, Any]], n: int, rng: random.Random) -> None:
    last = messages[-1]
    text = last["content"] if isinstance(last["content"], str) else last["content"][0]["text"]
    parts: list[dict[str, Any]] = [{"type": "text", "text": text}] + [_image_part(rng) for _ in range(n)]
    if rng.random() < 0.3:
        parts.reverse()
    last["content"] = parts


def _hand_request(p: HandPrompt, augment: bool, rng: random.Random
                  ) -> tuple[list[dict[str, Any]], list[dict[str, Any]] | None]:
    """Request of a hand-written prompt: as written (variant 0) or re-dressed (variant 1: register, system
    prompt, history, content array, the odd tool list)."""
    if augment and len(p.messages) == 1:
        messages, tools = _build(p.task, _register(p.messages[0][1], rng), rng)
        if p.task == "tool_use" and "notools" in p.flags:
            tools = None
        if p.task != "vision" and ({"img", "img2"} & p.flags):
            _with_images(messages, 2 if "img2" in p.flags else 1, rng)
        return messages, tools
    messages = p.openai_messages()
    if augment:
        messages[-1]["content"] = _register(messages[-1]["content"], rng)
        if rng.random() < 0.15:
            messages[-1]["content"] = [{"type": "text", "text": messages[-1]["content"]}]
    if p.task == "vision" or ({"img", "img2"} & p.flags):
        _with_images(messages, 2 if "img2" in p.flags else 1, rng)
    tools = None
    if (p.task == "tool_use" and "notools" not in p.flags) or "tools" in p.flags:
        tools = _tool_defs(rng, rng.choice([1, 2, 3, 4]))
    return messages, tools


# source -> (folder, row id tag, seed offset of its re-dressing, every prompt held out)
_HAND_SETS: dict[str, tuple[Path, str, int, bool]] = {
    "handwritten": (HANDWRITTEN_DIR, "hand", 1, False),
    "register": (REGISTER_DIR, "reg", 2, False),
    "handwritten_eval": (HANDWRITTEN_EVAL_DIR, "hand-eval", 1, True),
    "register_eval": (REGISTER_EVAL_DIR, "reg-eval", 3, True),
    "mainstream_eval": (MAINSTREAM_EVAL_DIR, "main-eval", 4, True),
}


def _hand_examples(seed: int, source: str = "handwritten") -> list[Example]:
    """Two rows per prompt of a hand-written folder (as written, re-dressed); both on the prompt's split side,
    which for an evaluation-only folder is always the test side."""
    folder, tag, offset, all_test = _HAND_SETS[source]
    rng = random.Random(seed + offset)
    out: list[Example] = []
    for task, prompts in load_handwritten(folder).items():
        for p in prompts:
            split = "test" if all_test or p.index % TEST_EVERY == 2 else "train"
            for v in range(2):
                messages, tools = _hand_request(p, v == 1, rng)
                stream = rng.random() < 0.3
                complexity = min(1.0, max(0.0, _TIER_COMPLEXITY[p.tier] + rng.uniform(-0.1, 0.1)))
                n_chars = sum(len(m["content"]) if isinstance(m.get("content"), str) else 200 for m in messages)
                strategy = default_strategy(task, complexity, stream=stream, input_tokens=n_chars // 4,
                                            has_tools=tools is not None)
                out.append(Example(id=f"{tag}-{task}-{p.index}-{v}", seed=f"{tag}/{task}/{p.index}",
                                   split=split, task=task, complexity=round(complexity, 3), strategy=strategy,
                                   stream=stream, messages=messages, tools=tools, source=source))
    return out


def generate(variants: int = 8, seed: int = 7, handwritten: bool = True) -> list[Example]:
    """All synthetic examples (templated seeds, then hand-written prompts), deterministic for a given `seed`."""
    rng = random.Random(seed)
    out: list[Example] = []
    seen: set[str] = set()
    for task in TASK_CLASSES:
        for i, template in enumerate(SEEDS[task]):
            tier = "m"
            if template.startswith("[") and template[2] == "]":
                tier, template = template[1], template[4:]
            split = "test" if i % TEST_EVERY == 2 else "train"
            for v in range(variants):
                text = _register(_fill(template, rng), rng)
                messages, tools = _build(task, text, rng)
                key = json.dumps([messages, tools], sort_keys=True)
                if key in seen:
                    continue
                seen.add(key)
                stream = rng.random() < 0.3
                complexity = min(1.0, max(0.0, _TIER_COMPLEXITY[tier] + rng.uniform(-0.1, 0.1)))
                n_chars = sum(len(m["content"]) if isinstance(m.get("content"), str) else 200 for m in messages)
                strategy = default_strategy(task, complexity, stream=stream, input_tokens=n_chars // 4,
                                            has_tools=tools is not None)
                out.append(Example(id=f"syn-{task}-{i}-{v}", seed=f"{task}/{i}", split=split, task=task,
                                   complexity=round(complexity, 3), strategy=strategy, stream=stream,
                                   messages=messages, tools=tools))
    if handwritten:
        out.extend(e for source, s in _HAND_SETS.items() if not s[3] for e in _hand_examples(seed, source))
    return out


def generate_eval_only(seed: int = 7) -> list[Example]:
    """Rows of the evaluation-only folders (`data/handwritten_eval/`, `data/register_eval/`,
    `data/mainstream_eval/`; `source` tells them apart), built like the hand-written test rows; `generate()` never
    returns them, so no head trains on them."""
    return [e for source, s in _HAND_SETS.items() if s[3] for e in _hand_examples(seed, source)]
