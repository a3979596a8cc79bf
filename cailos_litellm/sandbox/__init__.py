"""The provider sandbox: a local server that plays LLM providers (OpenAI and Anthropic APIs) over real HTTP.

Run it with `cailos sandbox` / `python -m cailos_litellm.sandbox`; from tests use `run_sandbox()` and
`SandboxControl`. Nothing heavy is imported here.
"""

from __future__ import annotations

from cailos_litellm.sandbox.control import SandboxControl
from cailos_litellm.sandbox.eval_items import EvalItem, load_eval_items
from cailos_litellm.sandbox.process import RunningSandbox, run_sandbox
from cailos_litellm.sandbox.profiles import ModelProfile, ProfileSet, load_profiles

__all__ = [
    "EvalItem",
    "ModelProfile",
    "ProfileSet",
    "RunningSandbox",
    "SandboxControl",
    "load_eval_items",
    "load_profiles",
    "run_sandbox",
]
