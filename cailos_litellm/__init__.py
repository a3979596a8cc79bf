"""cailos-litellm: a LiteLLM proxy plugin bundle for price-performance routing.

Reference it from proxy_config.yaml as `litellm_settings.callbacks: ["cailos_litellm.proxy_handler"]`.
The handler is built on first access (when LiteLLM loads its callbacks), so importing the package stays cheap
and a broken config stops the proxy at start-up with a message naming the problem.
"""

from __future__ import annotations

import logging
from typing import Any

__all__ = ["__version__", "proxy_handler"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

_handler: Any = None


def __getattr__(name: str) -> Any:
    global _handler
    if name == "proxy_handler":
        if _handler is None:
            from .errors import CailosError, ConfigError
            from .proxy import build_proxy_handler

            try:
                _handler = build_proxy_handler()
            except CailosError as exc:  # a broken config or an unreachable state store: say so in one line
                import sys

                what = "configuration error" if isinstance(exc, ConfigError) else "start-up error"
                print(f"\ncailos-litellm: {what}: {exc.message}\n", file=sys.stderr, flush=True)
                raise
        return _handler
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
