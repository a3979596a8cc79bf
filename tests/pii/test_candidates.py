"""Where NER looks: candidate words and windows (cailos_litellm.pii.candidates)."""

from __future__ import annotations

import pytest

from cailos_litellm.pii.candidates import candidate_windows, is_candidate
from cailos_litellm.pii.spans import Span


@pytest.mark.parametrize(
    "word, initial, expected",
    [
        ("Maren", False, True),
        ("Maren", True, True),
        ("Mark", False, True),  # a first name that is also a common word
        ("Grace", True, True),
        ("Please", True, False),
        ("The", False, False),
        ("Invoices", True, False),
        ("Deployment", True, False),
        ("Onboarding", True, False),
        ("Porto.", False, True),
        ("(Halvorsen),", False, True),
        ("KeyError", False, False),
        ("API", False, False),
        ("GmbH", False, True),
        ("Q3", False, False),
        ("Client(api_key=KEY", False, False),
        ("maren", False, False),
        ("Slack", False, False),
    ],
)
def test_is_candidate(word: str, initial: bool, expected: bool) -> None:
    assert is_candidate(word, initial) is expected


def test_windows_are_small_and_skip_covered_words() -> None:
    text = "Thanks for the update. Please ask Maren Halvorsen to send the signed copy before Friday."
    (window,) = candidate_windows(text, radius=3)
    assert "Maren Halvorsen" in text[window[0] : window[1]] and len(text[window[0] : window[1]].split()) <= 8
    start = text.index("Maren")
    assert candidate_windows(text, [Span(start, start + len("Maren Halvorsen"), "PERSON")]) == []


@pytest.mark.parametrize("text", ["", "all lower case, no names here: 42 items.", "Please check the logs. Thanks!"])
def test_no_candidates_no_windows(text: str) -> None:
    assert candidate_windows(text) == []


def test_windows_stay_on_the_candidates_line() -> None:
    text = "order shipped today\nsigned for by Annika at the door\nall good"
    (window,) = candidate_windows(text, radius=6)
    assert "\n" not in text[window[0] : window[1]]


def test_long_windows_are_cut_below_spacys_limit() -> None:
    from cailos_litellm.pii.ner import _pieces

    text = " ".join(["Halvorsen"] * 5000)
    pieces = _pieces(text, 0, len(text), 10_000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(b - a <= 10_000 for a, b in pieces) and all(p[1] == q[0] for p, q in zip(pieces, pieces[1:]))
