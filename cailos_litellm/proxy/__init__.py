"""Thin LiteLLM glue: the only package that imports litellm."""

from .handler import CailosHandler
from .runtime import Runtime

__all__ = ["CailosHandler", "Runtime", "build_proxy_handler"]


def build_proxy_handler() -> CailosHandler:
    return CailosHandler(Runtime.load())
