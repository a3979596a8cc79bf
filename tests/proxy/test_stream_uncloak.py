"""uncloak_stream on LiteLLM's own chunk objects: held-back text is never lost, with or without a finish_reason."""

from __future__ import annotations

import asyncio

from litellm.types.utils import Delta, ModelResponseStream, StreamingChoices

from cailos_litellm.pii import load_shield
from cailos_litellm.pii.policy import ShieldPolicy
from cailos_litellm.proxy.shielding import uncloak_stream

SECRET = "jane.example@corp.test"


def chunk(text: str, finish: str | None = None) -> ModelResponseStream:
    return ModelResponseStream(id="c1", model="m",
                               choices=[StreamingChoices(index=0, delta=Delta(content=text), finish_reason=finish)])


def run(parts: list[ModelResponseStream]) -> str:
    shield = load_shield(ShieldPolicy(entities=frozenset({"EMAIL"})))
    messages, cmap = shield.cloak_request([{"role": "user", "content": f"Write to {SECRET} today."}], None)
    placeholder = messages[0]["content"].split()[2]
    assert placeholder.startswith("<EMAIL")

    async def source():
        for part in parts:
            text = part.choices[0].delta.content
            part.choices[0].delta.content = text.replace("{P}", placeholder).replace("{bare P}", placeholder[1:-1])
            yield part

    async def collect() -> str:
        return "".join([c.choices[0].delta.content or "" async for c in uncloak_stream(source(), cmap)])

    return asyncio.run(collect())


def test_a_placeholder_split_across_chunks_is_restored():
    assert run([chunk("Mail {P}"), chunk(" now.", "stop")]) == f"Mail {SECRET} now."
    # the placeholder itself cut in two: its first half is held, not sent
    assert run([chunk("Mail <EM"), chunk("AIL_1> now.", "stop")]) == f"Mail {SECRET} now."


def test_a_stream_cut_off_without_finish_reason_still_delivers_the_held_tail():
    # "EMAIL_1" as the model mangled it could still grow into EMAIL_12, so it is held back; then the stream ends
    out = run([chunk("Mail {bare P}")])
    assert out == f"Mail {SECRET}"
