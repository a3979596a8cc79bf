"""Intent stage: the classifier the proxy loads once and calls per `auto` request.

One bundle file (`model/intent.npz`) holds the exported LightGBM trees of three heads (task class,
strategy, complexity), the linear model the task trees are boosted from, and metadata; it never holds prompt text.
The strategy and complexity trees read the features plus task probabilities from a second linear view, blind to
the topic and phrase counts: what kind of task a prompt is carries over to benchmarks training never saw better
than its n-grams do. Both linear views are columns of one weight matrix: one gather per request reads both.
"""

from __future__ import annotations

import json
import logging
import math
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from cailos_litellm.errors import ConfigError
from cailos_litellm.intent.features import (
    FEATURE_VERSION,
    N_FEATURES,
    STRUCT_NAMES,
    STRUCT_OFF,
    RequestText,
    dense_features_and_buckets,
    request_text,
)
from cailos_litellm.intent.forest import Forest
from cailos_litellm.intent.linear import LinearHead, task_p
from cailos_litellm.intent.policy import default_strategy

__all__ = ["DEFAULT_MODEL_PATH", "Intent", "IntentClassifier", "load_classifier"]

logger = logging.getLogger(__name__)
DEFAULT_MODEL_PATH = Path(__file__).parent / "model" / "intent.npz"
_LOADED: dict[Path, "IntentClassifier"] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Intent:
    """What the classifier read from one request."""

    task: str
    task_confidence: float
    strategy: str
    complexity: float  # 0-1: how much the request needs a strong model
    top_features: tuple[tuple[str, float], ...] = ()  # (feature name, contribution), only when asked


class IntentClassifier:
    """Exported LightGBM heads over cheap features. Thread-safe and read-only after construction."""

    def __init__(self, forest: Forest, linear: LinearHead, meta: Mapping[str, Any]) -> None:
        if meta.get("feature_version") != FEATURE_VERSION:
            raise ConfigError(f"intent model was built for feature version {meta.get('feature_version')}, "
                              f"this code extracts version {FEATURE_VERSION}; run `cailos classifier train`")
        self.forest = forest
        self.linear = linear
        self.meta = dict(meta)
        self.tasks: tuple[str, ...] = tuple(meta["tasks"])
        self.strategies: tuple[str, ...] = tuple(meta["strategies"])
        if linear.weight.shape[1] != 2 * len(self.tasks):
            raise ConfigError("intent model predates the topic-blind linear view; run `cailos classifier train`")
        if linear.weight.shape[0] != N_FEATURES + 1:
            raise ConfigError(f"intent model's linear head has {linear.weight.shape[0]} rows, the features "
                              f"{N_FEATURES} + bias; run `cailos classifier train`")
        try:
            forest.check(N_FEATURES + len(self.tasks))
        except ValueError as exc:
            raise ConfigError(f"intent model's trees are damaged ({exc}); run `cailos classifier train`") from exc
        self._task_slots = slice(*meta["slots"]["task"])
        self._strategy_slots = slice(*meta["slots"]["strategy"])
        self._complexity_slot = int(meta["slots"]["complexity"][0])
        # The taxonomy's vision class has images as its input: without one, a deictic "what is this" is a text
        # follow-up, whatever its words suggest.
        self._vision = self.tasks.index("vision") if "vision" in self.tasks else None
        self._names: dict[int, str] = {int(k): v for k, v in meta.get("feature_names", {}).items()}
        self.classify([{"role": "user", "content": "warm up"}])  # builds the cue table now, not on request 1

    @classmethod
    def load(cls, path: str | Path) -> "IntentClassifier":
        p = Path(path)
        try:
            with np.load(p, allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
        except (OSError, ValueError, KeyError) as exc:
            raise ConfigError(f"cannot read intent model {p.name}: {type(exc).__name__}") from exc
        if "linear_task" not in arrays:
            raise ConfigError(f"intent model {p.name} predates the linear task head; run `cailos classifier train`")
        meta = json.loads(bytes(arrays.pop("meta_json")).decode("utf-8"))
        linear = LinearHead(weight=arrays.pop("linear_task"))
        return cls(Forest.from_arrays(arrays), linear, meta)

    def classify(self, messages: Sequence[Mapping[str, Any]], tools: Iterable[Any] | None = None,
                 stream: bool = False, explain: int = 0) -> Intent:
        """Classify one OpenAI-format request; `explain` > 0 adds that many top features."""
        rt = request_text(messages, list(tools) if tools is not None else None, stream)
        return self.classify_text(rt, explain=explain)

    def classify_text(self, rt: RequestText, explain: int = 0) -> Intent:
        x, grams = dense_features_and_buckets(rt)
        row, linear = self.forest_input(x, grams)
        raw = self.forest.raw(row)
        logits = raw[self._task_slots] + linear
        if self._vision is not None and rt.n_images == 0:
            logits[self._vision] = -np.inf
        p = task_p(logits)
        k = int(p.argmax())
        complexity = 1.0 / (1.0 + math.exp(-float(raw[self._complexity_slot])))
        if self._strategy_slots.stop > self._strategy_slots.start:
            strategy = self.strategies[int(raw[self._strategy_slots].argmax())]
        else:
            strategy = default_strategy(self.tasks[k], complexity, stream=rt.stream,
                                        input_tokens=len(rt.main) // 4, has_tools=rt.n_tools > 0)
        top: tuple[tuple[str, float], ...] = ()
        if explain:
            contrib = self.forest.contributions(x, self._task_slots.start + k)
            for f, v in self.linear.contributions(x, k).items():
                contrib[f] = contrib.get(f, 0.0) + v
            best = sorted(contrib.items(), key=lambda kv: -abs(kv[1]))[:explain]
            top = tuple((self.feature_name(f), round(v, 4)) for f, v in best)
        return Intent(task=self.tasks[k], task_confidence=float(p[k]), strategy=strategy,
                      complexity=complexity, top_features=top)

    def forest_input(self, x: np.ndarray, grams: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(the row the trees read, the linear task logits): the features, then the topic-blind view's task
        probabilities, which the strategy and complexity trees read. `grams`: see `LinearHead.scores`."""
        logits = self.linear.scores(x, grams)
        k = len(self.tasks)
        return np.concatenate((x, task_p(logits[k:]))), logits[:k]

    def feature_name(self, column: int) -> str:
        if column >= N_FEATURES:
            return f"task_p:{self.tasks[column - N_FEATURES]}"
        if column >= STRUCT_OFF:
            return STRUCT_NAMES[column - STRUCT_OFF]
        return self._names.get(column, f"ngram#{column}")


def load_classifier(path: str | Path | None = None) -> IntentClassifier:
    """Load the bundle once per path (later calls return the same instance)."""
    p = Path(path) if path is not None else DEFAULT_MODEL_PATH
    with _LOCK:
        clf = _LOADED.get(p)
        if clf is None:
            if not p.exists():
                raise ConfigError(f"intent model not found at {p}; run `cailos classifier train`")
            clf = IntentClassifier.load(p)
            _LOADED[p] = clf
            logger.info("intent model loaded: %d trees, %d tasks", len(clf.forest.roots), len(clf.tasks))
        return clf
