"""Model-string grammar: what the client's `model` field asks for."""

from .parse import parse_model_string

__all__ = ["parse_model_string"]
