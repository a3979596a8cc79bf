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


def test_task_rows_never_take_an_arena_test_cluster() -> None:
    from cailos_litellm.intent.datasets import LabelledRequest, PairRow, arena_split
    from cailos_litellm.intent.features import extract
    from cailos_litellm.intent.train import task_rows

    arena = [LabelledRequest(id=f"q{i}", messages=[{"role": "user", "content": f"prompt {i}"}], task="chat",
                             group=f"cluster-{i}") for i in range(20)]
    pairs = [PairRow(id="AIME_1", source="AIME", prompt="find x", weak_score=0, strong_score=1, weak_cost=1,
                     strong_cost=1),
             PairRow(id="NarrativeQA_1", source="NarrativeQA", prompt="who?", weak_score=0, strong_score=1,
                     weak_cost=1, strong_cost=1)]
    rows = task_rows([], [], pairs, [extract([{"role": "user", "content": p.prompt}]) for p in pairs], arena)
    arena_groups = [g for g, p in zip(rows.group, rows.part) if p == "arena"]
    assert arena_groups and all(arena_split(g) == "train" for g in arena_groups)
    assert len(arena_groups) == sum(arena_split(r.group) == "train" for r in arena)
    # only sources with an unambiguous class become task rows
    assert [g for g, p in zip(rows.group, rows.part) if p == "routerarena"] == ["AIME"]
    assert len(rows.fvs) == len(rows.y) == len(rows.w) == len(rows.group) == len(rows.part)


def test_task_p_columns_are_out_of_fold_for_rows_the_linear_head_trained_on() -> None:
    from cailos_litellm.intent.features import N_FEATURES, extract
    from cailos_litellm.intent.linear import LinearHead
    from cailos_litellm.intent.train import TaskRows, with_task_p
    from cailos_litellm.types import TASK_CLASSES

    k = len(TASK_CLASSES)
    seen = extract([{"role": "user", "content": "translate this into French"}])
    new = extract([{"role": "user", "content": "translate this into French"}])  # same text, another row
    rows = TaskRows()
    rows.add(seen, "translation", 1.0, "g0", "synthetic")
    oof = np.zeros((1, k))
    oof[0, TASK_CLASSES.index("translation")] = 5.0
    x = with_task_p([seen, new], rows, oof, LinearHead(weight=np.zeros((N_FEATURES + 1, k), np.float32)))
    assert x.shape == (2, N_FEATURES + k)
    assert np.allclose(x[:, :N_FEATURES].toarray(), np.vstack([seen.dense(), new.dense()]))
    task_p = x[:, N_FEATURES:].toarray()
    assert np.allclose(task_p.sum(axis=1), 1.0)
    assert task_p[0].argmax() == TASK_CLASSES.index("translation") and task_p[0].max() > 0.9  # out-of-fold
    assert np.allclose(task_p[1], 1.0 / k)  # the full head's (all-zero weights: uniform)


def test_feature_names_point_at_the_columns_they_name() -> None:
    """The names `cailos classify` prints for top features: a word's own, first-word and last-word columns."""
    from cailos_litellm.intent.features import dense_features, request_text
    from cailos_litellm.intent.synth.generate import Example
    from cailos_litellm.intent.train import _feature_names

    ex = Example(id="x", seed="x", split="train", task="chat", complexity=0.1, strategy="cost", stream=False,
                 messages=[{"role": "user", "content": "zebra"}])
    names = {v: int(k) for k, v in _feature_names([ex]).items()}
    x = dense_features(request_text([{"role": "user", "content": "zebra walks far away now zebra"}]))
    y = dense_features(request_text([{"role": "user", "content": "walks far zebra away now walks"}]))
    assert x[names["word:zebra"]] >= 2 and y[names["word:zebra"]] >= 1
    assert x[names["first:zebra"]] >= 1 and y[names["first:zebra"]] >= 1  # first 4 words
    assert x[names["last:zebra"]] >= 1
    z = dense_features(request_text([{"role": "user", "content": "zebra " + "walks " * 20}]))
    assert z[names["first:zebra"]] >= 1 and z[names["last:zebra"]] == 0
    late = dense_features(request_text([{"role": "user", "content": "walks far away now then zebra"}]))
    assert late[names["first:zebra"]] == 0 and late[names["last:zebra"]] >= 1
