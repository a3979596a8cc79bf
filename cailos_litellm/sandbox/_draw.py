"""Deterministic uniform draws for the sandbox: the same seed and key always give the same number."""

from __future__ import annotations

import hashlib

__all__ = ["uniform"]

_SCALE = float(1 << 64)


def uniform(seed: int, *parts: object) -> float:
    """A number in [0, 1) that depends only on the seed and the parts (not on call order or other traffic)."""
    key = "\x1f".join([str(seed), *map(str, parts)]).encode()
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big") / _SCALE
