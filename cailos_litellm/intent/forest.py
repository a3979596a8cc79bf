"""Intent stage, step 2: an evaluator for LightGBM forests (all heads in one pass).

LightGBM's own `predict` costs far more than the trees themselves on a single row; the trees are exported
once at training time into flat arrays and walked by one compiled loop (numba).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numba import njit

__all__ = ["Forest", "forest_from_lightgbm"]


@dataclass(frozen=True)
class Forest:
    """Flat trees. A leaf has threshold +inf and points to itself; `depth` is the deepest leaf's."""

    feature: np.ndarray  # int32 [nodes]
    threshold: np.ndarray  # float32 [nodes]; +inf at leaves
    left: np.ndarray  # int32 [nodes]
    right: np.ndarray  # int32 [nodes]
    value: np.ndarray  # float32 [nodes]: leaf value (internal value at split nodes, for explanations)
    roots: np.ndarray  # int32 [trees]
    output: np.ndarray  # int32 [trees]: which output slot a tree adds to
    n_outputs: int
    depth: int

    def check(self, width: int) -> None:
        """Raise ValueError unless every split reads a column of a `width`-wide row and every index stays in the
        node arrays: the compiled walk does not check bounds."""
        n = self.feature.size
        if n and (self.feature.min() < 0 or self.feature.max() >= width):
            raise ValueError(f"a split reads column {int(self.feature.max())} of a {width}-wide row")
        for name in ("left", "right", "roots"):
            a = getattr(self, name)
            if a.size and (a.min() < 0 or a.max() >= n):
                raise ValueError(f"{name} points outside the {n} nodes")
        out = self.output
        if out.size != self.roots.size or (out.size and (out.min() < 0 or out.max() >= self.n_outputs)):
            raise ValueError("tree outputs do not match the output slots")

    def raw(self, x: np.ndarray) -> np.ndarray:
        """Raw scores per output slot for one dense row."""
        return _walk(x, self.feature, self.threshold, self.left, self.right, self.value, self.roots, self.output,
                     self.n_outputs, self.depth)

    def contributions(self, x: np.ndarray, slot: int) -> dict[int, float]:
        """Per-feature contribution to one output slot (Saabas: value change along each decision path)."""
        out: dict[int, float] = {}
        for t in np.flatnonzero(self.output == slot):
            node = int(self.roots[t])
            while self.threshold[node] != np.inf:
                f = int(self.feature[node])
                nxt = int(self.left[node] if x[f] <= self.threshold[node] else self.right[node])
                out[f] = out.get(f, 0.0) + float(self.value[nxt] - self.value[node])
                node = nxt
        return out

    def arrays(self) -> dict[str, np.ndarray]:
        return {"feature": self.feature, "threshold": self.threshold, "left": self.left, "right": self.right,
                "value": self.value, "roots": self.roots, "output": self.output,
                "meta": np.array([self.n_outputs, self.depth], dtype=np.int64)}

    @classmethod
    def from_arrays(cls, a: dict[str, np.ndarray]) -> "Forest":
        n_outputs, depth = (int(v) for v in a["meta"])
        return cls(feature=a["feature"], threshold=a["threshold"], left=a["left"], right=a["right"],
                   value=a["value"], roots=a["roots"], output=a["output"], n_outputs=n_outputs, depth=depth)


@njit(cache=True, nogil=True)
def _walk(x: np.ndarray, feature: np.ndarray, threshold: np.ndarray, left: np.ndarray, right: np.ndarray,
          value: np.ndarray, roots: np.ndarray, output: np.ndarray, n_outputs: int, depth: int) -> np.ndarray:
    out = np.zeros(n_outputs, np.float64)
    for t in range(roots.size):
        node = roots[t]
        for _ in range(depth):  # at most `depth` steps, even on a damaged bundle
            if threshold[node] == np.inf:
                break
            node = right[node] if x[feature[node]] > threshold[node] else left[node]
        out[output[t]] += value[node]
    return out


def forest_from_lightgbm(dumps: list[tuple[dict[str, Any], int]]) -> Forest:
    """Flatten LightGBM `dump_model()` outputs; each comes with the first output slot of its head."""
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    output: list[int] = []
    depth = 0

    def add(node: dict[str, Any], d: int) -> int:
        nonlocal depth
        i = len(feature)
        feature.append(0)
        threshold.append(np.inf)
        left.append(i)
        right.append(i)
        if "leaf_value" in node:
            value.append(float(node["leaf_value"]))
            depth = max(depth, d)
            return i
        if node.get("decision_type", "<=") != "<=":
            raise ValueError("only numerical '<=' splits are supported")
        value.append(float(node.get("internal_value", 0.0)))
        feature[i] = int(node["split_feature"])
        threshold[i] = float(node["threshold"])
        left[i] = add(node["left_child"], d + 1)
        right[i] = add(node["right_child"], d + 1)
        return i

    for dump, first_slot in dumps:
        k = int(dump.get("num_tree_per_iteration", 1))
        for j, tree in enumerate(dump["tree_info"]):
            roots.append(add(tree["tree_structure"], 0))
            output.append(first_slot + j % k)
    n_outputs = max(output) + 1 if output else 0
    return Forest(feature=np.asarray(feature, dtype=np.int32), threshold=np.asarray(threshold, dtype=np.float32),
                  left=np.asarray(left, dtype=np.int32), right=np.asarray(right, dtype=np.int32),
                  value=np.asarray(value, dtype=np.float32), roots=np.asarray(roots, dtype=np.int32),
                  output=np.asarray(output, dtype=np.int32), n_outputs=n_outputs, depth=depth)
