"""Listening sockets: the main port and one per provider lane, all on one event loop.

Each `Listener` runs uvicorn's HTTP protocol on its own asyncio server, so a lane can be refused (listening socket
closed, open connections dropped) and restored while the others keep serving.
"""

from __future__ import annotations

import asyncio
import logging

import uvicorn
from uvicorn.server import ServerState

from cailos_litellm.sandbox.app import SandboxApp

__all__ = ["Listener"]

logger = logging.getLogger(__name__)


class Listener:
    """One port serving one `SandboxApp`."""

    def __init__(self, app: SandboxApp, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.config = uvicorn.Config(
            app, host=host, port=port, lifespan="off", access_log=False, log_config=None, log_level="warning",
            proxy_headers=False, server_header=False, date_header=False, loop="none", backlog=2048,
            timeout_keep_alive=65,  # longer than httpx's pool expiry, so clients never reuse a closed socket
        )
        self.config.load()
        self.server_state = ServerState()
        self._server: asyncio.Server | None = None

    @property
    def refused(self) -> bool:
        return self._server is None

    async def open(self) -> None:
        if self._server is not None:
            return
        loop = asyncio.get_running_loop()
        config, state = self.config, self.server_state

        def protocol() -> asyncio.Protocol:
            return config.http_protocol_class(config=config, server_state=state, app_state={}, _loop=loop)

        self._server = await loop.create_server(protocol, self.host, self.port, reuse_address=True, backlog=2048)

    def refuse(self) -> None:
        """Stop listening and drop open connections: new connections are refused, in-flight requests fail."""
        if self._server is not None:
            self._server.close()
            self._server = None
        for conn in list(self.server_state.connections):
            transport = getattr(conn, "transport", None)
            if transport is not None:
                transport.close()

    async def close(self) -> None:
        self.refuse()
        for task in list(self.server_state.tasks):
            task.cancel()
