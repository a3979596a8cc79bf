"""Minimal raw-ASGI helpers: the sandbox skips a framework so a request costs well under a millisecond."""

from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable, Iterable

__all__ = ["ClientGone", "Receive", "Send", "header", "read_body", "send_body", "wait_disconnect", "wait_release_or_disconnect"]

Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class ClientGone(Exception):
    """The client closed the connection before the body arrived."""


async def read_body(receive: Receive) -> bytes:
    first = await receive()
    if first["type"] == "http.disconnect":
        raise ClientGone
    body = first.get("body", b"")
    if not first.get("more_body"):
        return body
    chunks = [body]
    while True:
        msg = await receive()
        if msg["type"] == "http.disconnect":
            raise ClientGone
        chunks.append(msg.get("body", b""))
        if not msg.get("more_body"):
            return b"".join(chunks)


async def wait_disconnect(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def wait_release_or_disconnect(receive: Receive, release: asyncio.Event) -> bool:
    """True when released, False when the client gave up first."""
    released = asyncio.ensure_future(release.wait())
    gone = asyncio.ensure_future(wait_disconnect(receive))
    done, pending = await asyncio.wait({released, gone}, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    return released in done


def header(scope: dict[str, Any], name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


async def send_body(send: Send, status: int, body: bytes, *, content_type: bytes = b"application/json",
                    extra: Iterable[tuple[bytes, bytes]] = ()) -> None:
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode()), *extra]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
