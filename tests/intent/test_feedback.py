from __future__ import annotations

import json

import numpy as np
import pytest

from cailos_litellm.intent import Intent, build_record, read_records, write_record
from cailos_litellm.intent.features import extract
from cailos_litellm.intent.feedback import DecisionRecord, labels_from_record

CANARY = "canary-4242-do-not-log"


def _record(**kw) -> DecisionRecord:
    intent = Intent(task=kw.pop("task", "chat"), task_confidence=0.9, strategy=kw.pop("strategy", "cost"),
                    complexity=0.2)
    return build_record("d-1", [{"role": "user", "content": f"hello {CANARY} there"}], intent,
                        endpoint="sbx-mini", tier=kw.pop("tier", "economy"), ts=1.0, **kw)


def test_record_round_trip_without_text(tmp_path) -> None:
    rec = _record(feedback=1)
    path = tmp_path / "log.jsonl"
    write_record(path, rec)
    raw = path.read_text()
    assert CANARY not in raw and "hello" not in raw
    (back,) = list(read_records(path))
    assert back == rec
    fv = extract([{"role": "user", "content": f"hello {CANARY} there"}])
    assert np.array_equal(np.flatnonzero(back.dense()), fv.indices)


def test_read_skips_broken_lines_and_other_versions(tmp_path) -> None:
    path = tmp_path / "log.jsonl"
    write_record(path, _record())
    with open(path, "a") as f:
        f.write("{not json\n")
        d = json.loads(_record().to_json())
        d["feature_version"] = 0
        f.write(json.dumps(d) + "\n")
    assert len(list(read_records(path))) == 1


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({"feedback": 1, "tier": "economy"}, {"task": "chat", "complexity": 0, "strategy": "cost"}),
        ({"feedback": -1, "tier": "economy"}, {"complexity": 1, "strategy": "quality"}),
        ({"feedback": None, "tier": "flagship"}, {}),
        ({"feedback": None, "tier": "economy", "outcome": "error"}, {"strategy": "quality"}),
    ],
)
def test_labels_from_record(kw, expected) -> None:
    assert labels_from_record(_record(**kw)) == expected
