"""`cailos explain` in-process: a prompt ranked now, a logged decision by id, clear refusals, no prompt echo."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cailos_litellm.cli import main
from cailos_litellm.decisions import DecisionLog
from cailos_litellm.state import open_store
from cailos_litellm.types import Decision, ModelSpec, StageTrace

CONFIG = str(Path(__file__).resolve().parents[2] / "proxy_config.yaml")
SECRET_PROMPT = "Summarise the contract for Jane Example, IBAN DE89370400440532013000"


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["explain", *args], env={"CAILOS_STATE_URL": None, **(env or {})})


def test_explain_a_prompt_prints_chain_and_stages_but_never_the_prompt():
    result = invoke(SECRET_PROMPT, "--model", "auto:cost", "--config", CONFIG, "--vision", "--trust", "1",
                    "--task", "summarization")  # pinned: this test is about the report, not the classifier
    assert result.exit_code == 0, result.output
    out = result.output
    assert "strategy  cost" in out and "task summarization" in out and "1  gpt-4o-mini" in out
    assert "llama-3.1-8b-local: lacks vision" in out
    for stage in ("scope", "capability", "trust_floor", "eval_threshold", "breaker", "score"):
        assert stage in out
    assert "Jane" not in out and "DE89" not in out


def test_explain_auto_asks_the_classifier_like_the_proxy():
    from cailos_litellm.intent import load_classifier

    prompt = "Why does this raise KeyError? d = {}; print(d['x'])"
    intent = load_classifier().classify([{"role": "user", "content": prompt}], tools=None, stream=False)
    result = invoke(prompt, "--model", "auto", "--config", CONFIG, "--json")
    record = json.loads(result.output)
    assert record["task"] == intent.task and record["strategy"] == intent.strategy
    assert record["complexity"] == pytest.approx(intent.complexity)
    assert record["task_confidence"] == pytest.approx(intent.task_confidence)
    text = invoke(prompt, "--model", "auto", "--config", CONFIG).output
    assert f"task {intent.task} ({intent.task_confidence:.2f})" in text
    pinned = json.loads(invoke(prompt, "--model", "auto:cost", "--config", CONFIG, "--task", "chat", "--json").output)
    assert pinned["strategy"] == "cost" and pinned["task"] == "chat"  # the model string and --task win


def test_explain_json_and_task_hint():
    result = invoke("fix this stack trace", "--config", CONFIG, "--model", "auto:quality", "--task", "debugging",
                    "--complexity", "1", "--json")
    record = json.loads(result.output)
    assert record["chain"][0] == "claude-sonnet-4-5" and record["task"] == "debugging"


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--model", "auto", "--trust", "3", "--vision"], "satisfies capability vision with trust_level 3"),
        (["--model", "auto:cheapest"], "unknown strategy 'cheapest'"),
        (["--task", "poetry"], "unknown task class"),
    ],
)
def test_explain_refusals_are_clear(args, fragment):
    result = invoke("hello", "--config", CONFIG, *args)
    assert result.exit_code != 0
    assert fragment in result.output


def test_explain_a_logged_decision_by_id(tmp_path):
    url = f"sqlite:///{tmp_path}/state.sqlite3"
    decision = Decision(id="0123456789abcdef0123456789abcdef", spec=ModelSpec("auto:speed", "auto", None, "speed"),
                        strategy="speed", chain=("gpt-4o-mini", "gpt-5"), task="chat",
                        trace=(StageTrace("trust_floor", (("gpt-5-eu", "trust 1 < 2"),)),),
                        scores={"gpt-4o-mini": 0.9, "gpt-5": 0.5}, components={"gpt-4o-mini": {"latency": 1.0}})

    async def record():
        store = await open_store(url)
        await DecisionLog(store).record(decision)
        await store.close()

    asyncio.run(record())
    result = invoke(decision.id, env={"CAILOS_STATE_URL": url})
    assert result.exit_code == 0, result.output
    assert "strategy  speed" in result.output and "gpt-5-eu: trust 1 < 2" in result.output
    assert "1  gpt-4o-mini" in result.output
    missing = invoke("f" * 32, "--state-url", url)
    assert missing.exit_code == 1 and "no decision" in missing.output
