"""Fail closed: a broken or slow NER refuses the request with PIIShieldError (no text); fail_open forwards."""

from __future__ import annotations

import asyncio
import time

import pytest

from cailos_litellm.errors import PIIShieldError
from cailos_litellm.pii import ShieldPolicy, Span, load_shield
from cailos_litellm.pii.ner import SpacyNer

SECRET_TEXT = "Amara Okafor lives at 221 Baker Street"


class RaisingNer:
    def entities(self, text: str) -> list[Span]:
        raise RuntimeError(f"model exploded on {text}")


class SlowNer:
    def entities(self, text: str) -> list[Span]:
        time.sleep(0.3)
        return []


def test_ner_error_fails_closed_without_text() -> None:
    shield = load_shield(ner=RaisingNer())
    with pytest.raises(PIIShieldError) as exc:
        shield.cloak_request([{"role": "user", "content": SECRET_TEXT}])
    assert "Okafor" not in str(exc.value) and exc.value.__cause__ is None
    assert exc.value.status_code == 503


def test_timeout_fails_closed() -> None:
    shield = load_shield(ShieldPolicy(timeout=0.05), ner=SlowNer())
    with pytest.raises(PIIShieldError, match="timed out"):
        shield.cloak_request([{"role": "user", "content": SECRET_TEXT}])


def test_async_timeout_fails_closed() -> None:
    shield = load_shield(ShieldPolicy(timeout=0.05), ner=SlowNer())
    with pytest.raises(PIIShieldError, match="timed out"):
        asyncio.run(shield.acloak_request([{"role": "user", "content": SECRET_TEXT + " x" * 400}]))


def test_missing_model_fails_closed() -> None:
    with pytest.raises(PIIShieldError, match="cannot be loaded"):
        SpacyNer.load("no_such_pipeline_xyz")


def test_fail_open_only_when_policy_says_so() -> None:
    shield = load_shield(ShieldPolicy(fail_open=True), ner=RaisingNer())
    out, cmap = shield.cloak_request([{"role": "user", "content": SECRET_TEXT}])
    assert out[0]["content"] == SECRET_TEXT and cmap.passthrough


def test_bad_messages_fail_closed() -> None:
    shield = load_shield(ner=SlowNer())
    with pytest.raises(PIIShieldError):
        shield.cloak_request("not a list")  # type: ignore[arg-type]
