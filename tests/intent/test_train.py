from __future__ import annotations

import numpy as np
import pytest

from cailos_litellm.intent.train import balanced_weights


@pytest.mark.parametrize(
    ("y", "w"),
    [
        ([0, 0, 0, 1], [1.0, 1.0, 1.0, 1.0]),
        ([0, 1, 1, 2, 2, 2], [3.0, 1.0, 1.0, 0.5, 0.5, 0.5]),
        ([2, 2], [1.0, 2.0]),
    ],
)
def test_balanced_weights_give_each_present_class_the_same_total(y, w) -> None:
    out = np.asarray(balanced_weights(y, w, 4))
    totals = np.bincount(y, weights=out, minlength=4)
    present = totals[totals > 0]
    assert np.allclose(present, present[0])
    assert out.sum() == pytest.approx(sum(w))
    # relative weights inside one class are kept
    for c in set(y):
        idx = [i for i, v in enumerate(y) if v == c]
        ratio = out[idx] / np.asarray(w)[idx]
        assert np.allclose(ratio, ratio[0])
