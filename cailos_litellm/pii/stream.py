"""PII shield: incremental uncloaking of a streamed answer (one object per choice or tool-call stream).

Text goes out as soon as it cannot be part of a placeholder. Only a tail that could still grow into one
(`<PER`, `PERSON_1` before a possible `2`) is held, at most MAX_HOLD characters, so the added delay is one
placeholder's worth of text and the stream is never buffered whole.
"""

from __future__ import annotations

from typing import Callable

from cailos_litellm.pii.placeholders import MAX_HOLD, PLACEHOLDER_RX, TAIL_RX

__all__ = ["StreamUncloaker"]


class StreamUncloaker:
    """`feed(delta) -> text to emit now`, then `flush() -> the rest` when the stream ends."""

    __slots__ = ("_buf", "_resolve")

    def __init__(self, resolve: Callable[..., str]) -> None:
        self._resolve = resolve  # a PLACEHOLDER_RX match -> its original (or the match text when unknown)
        self._buf = ""

    def feed(self, delta: str) -> str:
        if not delta:
            return ""
        buf = self._buf + delta if self._buf else delta
        tail = TAIL_RX.search(buf, max(0, len(buf) - MAX_HOLD))
        hold = tail.start() if tail is not None else len(buf)
        out: list[str] = []
        pos = 0
        for m in PLACEHOLDER_RX.finditer(buf, 0, len(buf)):
            if m.end() > hold:
                hold = min(hold, m.start())
                break
            out.append(buf[pos : m.start()])
            out.append(self._resolve(m))
            pos = m.end()
        if pos < hold:
            out.append(buf[pos:hold])
        self._buf = buf[max(hold, pos) :]
        return "".join(out)

    def flush(self) -> str:
        """Everything still held, resolved; the uncloaker can be reused afterwards."""
        buf, self._buf = self._buf, ""
        return PLACEHOLDER_RX.sub(self._resolve, buf)

    @property
    def pending(self) -> int:
        """Characters held back right now (for tests and metrics; never the text)."""
        return len(self._buf)
