"""Shared fixtures. Integration fixtures (sandbox, proxy, redis) live in tests/_support."""

from __future__ import annotations

import os

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
