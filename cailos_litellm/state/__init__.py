"""Shared state store (breakers, rolling windows, recent decisions): Redis, SQLite or memory behind one interface."""

from .base import StateStore
from .buffered import BufferedStore
from .fallback import FallbackStore
from .keys import key
from .memory import MemoryStore
from .open import open_store, open_store_sync
from .sqlite import SQLiteStore
from .window import WindowSample, WindowStats

__all__ = ["BufferedStore", "FallbackStore", "MemoryStore", "SQLiteStore", "StateStore", "WindowSample", "WindowStats",
           "key", "open_store", "open_store_sync"]
