"""Intent stage, step 2a: a softmax regression over the same features, the task head's starting point.

Trees over 16k hashed n-grams see a few hundred of them; a linear model weighs every n-gram a prompt has, which
carries over better to wordings training never saw. The task head's LightGBM trees are boosted from this
model's logits (its out-of-fold logits at training time), so at inference the task scores are linear + trees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import scipy.sparse as sp

from cailos_litellm.intent.features import N_FEATURES, STRUCT_OFF

__all__ = ["LinearHead", "design_matrix", "fit_softmax", "task_p"]

_DENSE_SCALE = 0.15  # structure and term counts, after a log, next to unit-norm n-grams (0.3 and 0.6: see docs)


def design_matrix(x: sp.csr_matrix) -> sp.csr_matrix:
    """Rows as the linear model reads them: log1p n-gram counts scaled to unit norm, log structure, bias."""
    x = sp.csr_matrix(x, dtype=np.float64)
    grams = x[:, :STRUCT_OFF].tocsr()
    grams.data = np.log1p(grams.data)
    norm = np.sqrt(np.asarray(grams.multiply(grams).sum(axis=1)).ravel()) + 1e-6
    grams = sp.diags(1.0 / norm) @ grams
    dense = _dense_design(x[:, STRUCT_OFF:].toarray())
    bias = np.ones((x.shape[0], 1))
    return sp.hstack([grams, sp.csr_matrix(dense), sp.csr_matrix(bias)]).tocsr()


@dataclass(frozen=True)
class LinearHead:
    """Weights [N_FEATURES + 1 (bias), outputs]: one column per class, or several views side by side."""

    weight: np.ndarray  # float32

    def terms(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(columns, their design values) of one dense feature row; the bias is not included."""
        nz = np.flatnonzero(x[:STRUCT_OFF])
        grams = np.log1p(x[nz])
        grams /= np.sqrt(float(grams @ grams)) + 1e-6
        cols = np.concatenate((nz, np.arange(STRUCT_OFF, N_FEATURES)))
        return cols, np.concatenate((grams, _dense_design(x[STRUCT_OFF:])))

    def scores(self, x: np.ndarray, occurrences: np.ndarray | None = None) -> np.ndarray:
        """Logits of one dense feature row (float32, N_FEATURES). `occurrences`, the row's n-gram columns with
        repeats (`dense_features_and_buckets`), saves finding the non-zero columns among 16k."""
        w = self.weight
        if occurrences is None:  # each non-zero column once: the terms `contributions` explains
            cols, vals = self.terms(x)
            return vals @ w.take(cols, axis=0) + w[-1]
        # each column as often as it occurs, weighted log1p(count) / count: the same sums. Only the weight rows of
        # the prompt's own n-grams are read (a few KB of 850), also for a 4k-token prompt.
        count = x.take(occurrences)
        logs = np.log1p(count)
        per = logs / count
        norm = np.sqrt(float(per @ logs)) + 1e-6
        grams = per @ w.take(occurrences, axis=0)
        return grams / norm + _dense_design(x[STRUCT_OFF:]) @ w[STRUCT_OFF:N_FEATURES] + w[-1]

    def contributions(self, x: np.ndarray, k: int) -> dict[int, float]:
        """Per-feature contribution to class k's logit."""
        cols, vals = self.terms(x)
        part = vals * self.weight[cols, k]
        keep = np.flatnonzero(part)
        return {int(c): float(v) for c, v in zip(cols[keep], part[keep])}


def _dense_design(dense: np.ndarray) -> np.ndarray:
    """Structure and cue features as the model reads them. They are counts, lengths and ratios, never negative."""
    return np.log1p(dense) * _DENSE_SCALE


def task_p(logits: np.ndarray) -> np.ndarray:
    """Softmax of task logits, one row each, as float32: the columns the strategy and complexity trees read after
    the features (training and inference both build them here)."""
    z = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return (z / z.sum(axis=-1, keepdims=True)).astype(np.float32)


def fit_softmax(x: sp.csr_matrix, y: Sequence[int], weight: Sequence[float], num_class: int,
                l2: float) -> LinearHead:
    """Weighted multinomial logistic regression (L-BFGS from zero: deterministic) on `design_matrix(x)`."""
    from scipy.optimize import minimize

    d = design_matrix(x)
    n, m = d.shape
    onehot = np.zeros((n, num_class))
    onehot[np.arange(n), np.asarray(y)] = 1.0
    w = np.asarray(weight, dtype=np.float64)
    w = w / w.mean()

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        wm = theta.reshape(m, num_class)
        z = d @ wm
        z -= z.max(axis=1, keepdims=True)
        lse = np.log(np.exp(z).sum(axis=1))
        p = np.exp(z - lse[:, None])
        value = float((w * (lse - (z * onehot).sum(axis=1))).sum() / n + 0.5 * l2 * (wm * wm).sum())
        grad = d.T @ ((p - onehot) * w[:, None]) / n + l2 * wm
        return value, grad.ravel()

    res = minimize(loss, np.zeros(m * num_class), jac=True, method="L-BFGS-B", options={"maxiter": 300})
    return LinearHead(weight=res.x.reshape(m, num_class).astype(np.float32))
