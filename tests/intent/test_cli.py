from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from cailos_litellm.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_classify_one_prompt() -> None:
    res = CliRunner().invoke(main, ["classify", "Translate into Italian: see you tomorrow"])
    assert res.exit_code == 0, res.output
    assert "task:       translation" in res.output
    assert "top features" in res.output


def test_classify_needs_prompt_or_jsonl() -> None:
    res = CliRunner().invoke(main, ["classify"])
    assert res.exit_code == 2


def test_jsonl_mixed_good_and_bad_lines() -> None:
    lines = [
        json.dumps({"prompt": "Summarize this: the meeting moved to Friday."}),
        "{broken",
        json.dumps({"messages": [{"role": "user", "content": "Write a SQL query to count orders per day"}]}),
        json.dumps({"messages": "nope"}),
        "",
        json.dumps([1, 2]),
        json.dumps({"messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}]}),
    ]
    res = CliRunner().invoke(main, ["classify", "--jsonl"], input="\n".join(lines) + "\n")
    assert res.exit_code == 0, res.output
    out = [json.loads(x) for x in res.output.splitlines()]
    assert len(out) == 6  # the blank line is skipped, every other line answers
    assert out[0]["task"] == "summarization"
    assert set(out[0]) == {"task", "task_confidence", "strategy", "complexity", "latency_ms"}
    assert out[1] == {"error": "invalid JSON at column 2", "line": 2}
    assert out[2]["task"] == "sql"
    assert out[3]["line"] == 4 and "messages" in out[3]["error"]
    assert out[4]["line"] == 6
    assert "task" in out[5]


def test_jsonl_many_lines() -> None:
    n = 10_000
    src = "".join(json.dumps({"prompt": f"what is {i} plus {i}?"}) + "\n" for i in range(n))
    res = CliRunner().invoke(main, ["classify", "--jsonl"], input=src)
    assert res.exit_code == 0
    out = res.output.splitlines()
    assert len(out) == n and all(o.startswith('{"task"') for o in out[:: n // 10])


def test_jsonl_streams_line_by_line() -> None:
    """The answer to line 1 arrives before line 2 is written (a real pipe, a real process)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), LITELLM_LOCAL_MODEL_COST_MAP="True")
    proc = subprocess.Popen([sys.executable, "-m", "cailos_litellm.cli", "classify", "--jsonl"], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdin and proc.stdout
        proc.stdin.write(json.dumps({"prompt": "hello there"}) + "\n")
        proc.stdin.flush()
        t0 = time.monotonic()
        first = proc.stdout.readline()  # blocks until the first answer; stdin is still open
        assert json.loads(first)["task"]
        assert time.monotonic() - t0 < 30
        proc.stdin.write("oops\n")
        proc.stdin.flush()
        assert "error" in json.loads(proc.stdout.readline())
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


def test_classifier_group_lists_train() -> None:
    res = CliRunner().invoke(main, ["classifier", "--help"])
    assert res.exit_code == 0 and "train" in res.output


def test_jsonl_helper_flushes_each_line() -> None:
    from cailos_litellm.cli.classify import _stream_jsonl
    from cailos_litellm.intent import load_classifier

    class Out(io.StringIO):
        flushes = 0

        def flush(self) -> None:
            Out.flushes += 1

    out = Out()
    _stream_jsonl(load_classifier(), io.StringIO('{"prompt": "a"}\n{"prompt": "b"}\nx\n'), out)
    assert Out.flushes == 3 and len(out.getvalue().splitlines()) == 3
