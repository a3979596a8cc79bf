from __future__ import annotations

import numpy as np
import pytest

from cailos_litellm.intent.features import (
    N_FEATURES,
    STRUCT_NAMES,
    STRUCT_OFF,
    dense_features,
    extract,
    hashed_ngrams,
    request_text,
)


def _struct(messages, tools=None, stream=False) -> dict[str, float]:
    x = dense_features(request_text(messages, tools, stream))
    return dict(zip(STRUCT_NAMES, x[STRUCT_OFF:].tolist()))


def test_hashes_are_stable_and_in_range() -> None:
    a = hashed_ngrams("Write a Python function that parses JSON")
    b = hashed_ngrams("Write a Python function that parses JSON")
    assert np.array_equal(a, b)
    assert a.min() >= 0 and a.max() < STRUCT_OFF
    # a known value pins the hash across processes and platforms (Python's hash() is salted; ours is not)
    assert int(hashed_ngrams("hello")[0]) == int(hashed_ngrams("Hello")[0])


def test_different_texts_differ() -> None:
    assert not np.array_equal(dense_features(request_text([{"role": "user", "content": "translate to French"}])),
                              dense_features(request_text([{"role": "user", "content": "fix this SQL query"}])))


@pytest.mark.parametrize(
    ("messages", "tools", "key", "expected"),
    [
        ([{"role": "user", "content": "```py\nx=1\n```"}], None, "code_fences", 2),
        ([{"role": "user", "content": "SELECT a FROM t WHERE b = 1"}], None, "sql_keywords", 3),
        ([{"role": "user", "content": "is it raining?"}], None, "ends_with_question", 1),
        ([{"role": "user", "content": "hi"}], [{"type": "function"}, {"type": "function"}], "n_tools", 2),
        ([{"role": "user", "content": [{"type": "text", "text": "what is this"},
                                      {"type": "image_url", "image_url": {"url": "http://x/a.png"}}]}],
         None, "n_images", 1),
        ([{"role": "system", "content": "be brief"}, {"role": "user", "content": "a"},
          {"role": "assistant", "content": "b"}, {"role": "user", "content": "c"}], None, "n_user_turns", 2),
        ([{"role": "user", "content": "a"}, {"role": "assistant", "content": None,
          "tool_calls": [{"id": "1"}]}, {"role": "tool", "content": "{}"}], None, "tool_messages", 2),
        ([{"role": "user", "content": 'data: {"a": 1, "b": 2}'}], None, "json_keys", 2),
    ],
)
def test_structure_features(messages, tools, key, expected) -> None:
    assert _struct(messages, tools)[key] == expected


def test_system_prompt_length_counts_only_system() -> None:
    with_sys = _struct([{"role": "system", "content": "x" * 100}, {"role": "user", "content": "hi"}])
    without = _struct([{"role": "user", "content": "hi"}])
    assert with_sys["log_system_chars"] > 0 and without["log_system_chars"] == 0


def test_main_text_is_the_newest_user_message() -> None:
    rt = request_text([{"role": "user", "content": "first"}, {"role": "assistant", "content": "ok"},
                       {"role": "user", "content": "second"}])
    assert rt.main == "second"


def test_cue_features_fire() -> None:
    s = _struct([{"role": "user", "content": "Please translate this sentence into French"}])
    assert s["cue_translation"] >= 2
    assert s["cue_sql"] == 0


@pytest.mark.parametrize("text", ["", "a", "ü", "x" * 20000, "日本語のテキスト" * 500, "\n\n\t  "])
def test_edge_inputs(text: str) -> None:
    fv = extract([{"role": "user", "content": text}])
    assert fv.indices.dtype == np.int32 and len(fv.indices) == len(fv.values)
    assert (fv.indices < N_FEATURES).all()
    assert np.all(np.diff(fv.indices) > 0)
    assert (fv.values >= 0).all()  # the linear head reads structure as log1p, with no sign


def test_long_prompt_window_keeps_the_tail() -> None:
    body = "lorem ipsum " * 3000
    a = dense_features(request_text([{"role": "user", "content": body + "translate into German"}]))
    b = dense_features(request_text([{"role": "user", "content": body + "summarize the key points"}]))
    assert not np.array_equal(a, b)


def test_word_hash_does_not_depend_on_position() -> None:
    """Regression: powers of the hash base must be exact mod 2**64 (a float cumprod zeroed them)."""
    assert hashed_ngrams("translate")[0] == hashed_ngrams("please please translate")[2]
    late = hashed_ngrams("x " * 1000 + "translate")
    assert hashed_ngrams("translate")[0] in set(late.tolist())
    assert len(set(hashed_ngrams(" ".join(f"w{i}" for i in range(200))).tolist())) > 300


def test_ask_cues_count_the_first_and_last_words_only() -> None:
    """A cue word inside pasted material counts for the whole prompt, not for the ask; at either end it counts
    for both."""
    paste = "alpha beta gamma " * 40

    def cues(text: str) -> np.ndarray:
        s = _struct([{"role": "user", "content": text}])
        return np.array([s["cue_translation"], s["ask_cue_translation"]])

    base = cues(f"qqq {paste} zzz {paste} qqq")
    middle = cues(f"qqq {paste} translate {paste} qqq") - base
    assert middle[0] >= 1 and middle[1] == 0
    for text in (f"qqq {paste} zzz {paste} qqq translate", f"translate qqq {paste} zzz {paste} qqq"):
        assert (cues(text) - base)[1] >= 1
    short = cues("translate this into German")
    assert short[0] == short[1] > 0


def test_cues_match_words_not_buckets() -> None:
    """Regression: cues were counted by hashed bucket, so any word sharing a cue's bucket counted as that cue (a
    pasted table read as SQL). "enlx" shares the bucket of "sql" and must not count."""
    assert hashed_ngrams("enlx")[0] == hashed_ngrams("sql")[0]
    assert _struct([{"role": "user", "content": "enlx enlx enlx"}])["cue_sql"] == 0
    assert _struct([{"role": "user", "content": "sql sql sql"}])["cue_sql"] == 3


def test_topic_terms_count_per_topic() -> None:
    """Topic vocabularies say what a prompt is about when its words never occurred in training."""
    s = _struct([{"role": "user", "content": "I need a Laravel middleware that blocks unknown IPs"}])
    assert s["topic_software"] >= 2 and s["ask_topic_software"] == s["topic_software"]
    assert s["topic_math"] == s["topic_everyday"] == s["topic_writing"] == 0
    s = _struct([{"role": "user", "content": "a sonnet about the eigenvalue of my sourdough"}])
    assert s["topic_writing"] >= 1 and s["topic_math"] >= 1 and s["topic_everyday"] >= 1
    assert _struct([{"role": "user", "content": "the cat sat on the mat"}])["topic_software"] == 0


def test_term_lists_are_clean() -> None:
    from cailos_litellm.intent.lexicon import COLUMNS, term_lists

    lists = term_lists()
    assert len(lists) == len(COLUMNS)
    for name, terms in zip(COLUMNS, lists):
        assert len(terms) >= (400 if name.startswith("topic_") else 15), name
        assert all(t == t.lower() and 1 <= len(t.lstrip("^").split()) <= 3 for t in terms), name


def test_request_phrases_count_per_class() -> None:
    s = _struct([{"role": "user", "content": "tl;dr of this thread please, key takeaways only"}])
    assert s["phrase_summarization"] >= 2 and s["phrase_sql"] == 0


def test_hashes_equal_those_the_shipped_model_was_trained_on() -> None:
    """Values from the numpy hashing that trained the bundle, before the compiled one replaced it: a change here
    means every feature moved and the model must be retrained."""
    import zlib

    short = hashed_ngrams("Write a Python function that parses JSON")
    assert short.size == 99 and short[:8].tolist() == [8801, 1311, 7928, 12665, 15940, 418, 6288, 12933]
    long = hashed_ngrams(" ".join(f"Wörd{i}, x=y;" for i in range(400)))  # head + tail window, char n-gram cut
    assert long.size == 1905 and zlib.crc32(long.astype("<i8").tobytes()) == 3704805738
    x = dense_features(request_text([{"role": "user",
                                      "content": "Please translate this SQL query into French: SELECT a FROM t"}]))
    assert zlib.crc32(x.astype("<f4").tobytes()) == 3843468002  # n-grams, structure and term counts
