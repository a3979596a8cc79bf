"""Runs the sandbox: the main port (control API + every model route) and one port per provider lane, one event loop."""

from __future__ import annotations

import asyncio
import logging
import signal
from dataclasses import dataclass
from pathlib import Path

from cailos_litellm.sandbox.app import LANES, SandboxApp, SandboxState
from cailos_litellm.sandbox.lanes import Listener
from cailos_litellm.sandbox.profiles import load_profiles

__all__ = ["SandboxOptions", "build", "run", "serve"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SandboxOptions:
    host: str = "127.0.0.1"
    port: int = 4100  # main port; lanes sit at port+1..port+5 in LANES order
    seed: int = 0
    latency_scale: float = 1.0
    error_scale: float = 1.0  # multiplies each profile's base error rate (0 = only injected faults)
    profiles: Path | None = None


def build(options: SandboxOptions) -> tuple[SandboxState, dict[str, Listener]]:
    """The shared state and one listener per port (not yet listening)."""
    state = SandboxState(seed=options.seed, latency_scale=options.latency_scale, error_scale=options.error_scale,
                         profiles=load_profiles(options.profiles))
    listeners = {"main": Listener(SandboxApp(state, "main"), options.host, options.port)}
    for offset, lane in enumerate(LANES, 1):
        listeners[lane] = Listener(SandboxApp(state, lane), options.host, options.port + offset)
    state.lanes = {lane: listeners[lane] for lane in LANES}
    return state, listeners


def ready_line(options: SandboxOptions, listeners: dict[str, Listener]) -> str:
    lanes = " ".join(f"{name}=http://{options.host}:{lst.port}" for name, lst in listeners.items() if name != "main")
    return (f"cailos sandbox ready: http://{options.host}:{options.port} (control + all models) | lanes {lanes} | "
            f"seed={options.seed} latency_scale={options.latency_scale:g} error_scale={options.error_scale:g}")


async def serve(options: SandboxOptions, stop: asyncio.Event | None = None) -> None:
    """Listen on every port until `stop` is set (or SIGINT/SIGTERM)."""
    _, listeners = build(options)
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # not the main thread
            pass
    try:
        for listener in listeners.values():
            await listener.open()
        print(ready_line(options, listeners), flush=True)
        await stop.wait()
    finally:
        for listener in listeners.values():
            await listener.close()


def run(options: SandboxOptions) -> None:
    """Blocking entry point: uvloop when available."""
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvloop is a dependency; keep working without it
        asyncio.run(serve(options))
        return
    uvloop.run(serve(options))
