"""Decision <-> JSON, for the decision log. Metadata only: a Decision holds names, numbers and reasons, never text."""

from __future__ import annotations

import json
from typing import Any

from ..types import Decision, ModelSpec, StageTrace

__all__ = ["decision_from_json", "decision_to_json"]


def decision_to_json(decision: Decision, at: float) -> str:
    spec = decision.spec
    record: dict[str, Any] = {
        "id": decision.id,
        "at": round(at, 3),
        "spec": {"raw": spec.raw, "kind": spec.kind, "target": spec.target, "strategy": spec.strategy,
                 "substituted_from": spec.substituted_from},
        "strategy": decision.strategy,
        "task": decision.task,
        "task_confidence": decision.task_confidence,
        "complexity": decision.complexity,
        "chain": list(decision.chain),
        "trace": [{"stage": t.stage, "removed": [list(r) for r in t.removed], "note": t.note} for t in decision.trace],
        "scores": {k: round(v, 4) for k, v in decision.scores.items()},
        "components": {k: {s: round(x, 4) for s, x in v.items()} for k, v in decision.components.items()},
        "bypass": decision.bypass,
    }
    return json.dumps(record, separators=(",", ":"))


def decision_from_json(raw: str) -> tuple[Decision, float]:
    """(decision, unix time it was made). Raises ValueError for a record this version cannot read."""
    try:
        r = json.loads(raw)
        spec = ModelSpec(**r["spec"])
        decision = Decision(
            id=r["id"],
            spec=spec,
            strategy=r["strategy"],
            chain=tuple(r["chain"]),
            task=r.get("task"),
            task_confidence=r.get("task_confidence"),
            complexity=r.get("complexity"),
            trace=tuple(StageTrace(t["stage"], tuple(tuple(x) for x in t["removed"]), t.get("note", ""))
                        for t in r.get("trace", ())),
            scores=r.get("scores", {}),
            bypass=bool(r.get("bypass", False)),
            components=r.get("components", {}),
        )
        return decision, float(r["at"])
    except (KeyError, TypeError, json.JSONDecodeError) as exc:
        raise ValueError(f"unreadable decision record ({type(exc).__name__})") from None
