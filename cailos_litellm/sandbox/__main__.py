"""`python -m cailos_litellm.sandbox`: the same command as `cailos sandbox`."""

from __future__ import annotations

from cailos_litellm.cli.sandbox import sandbox

if __name__ == "__main__":
    sandbox(prog_name="python -m cailos_litellm.sandbox")
