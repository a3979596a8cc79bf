"""Streaming uncloak: split placeholders, bounded hold, property-based round trip through random chunking."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cailos_litellm.pii import Shield
from cailos_litellm.pii.placeholders import MAX_HOLD


def test_split_placeholder_is_held_only_until_complete(shield: Shield) -> None:
    _, cmap = shield.cloak_text("Write to Amara Okafor please")
    s = cmap.stream()
    assert s.feed("Hello <PER") == "Hello "
    assert s.feed("SON_1>, welcome") == "Amara Okafor, welcome"
    assert s.flush() == ""


def test_plain_text_is_not_delayed(shield: Shield) -> None:
    _, cmap = shield.cloak_text("Write to Amara Okafor please")
    s = cmap.stream()
    assert s.feed("no placeholders here, just words") == "no placeholders here, just words"
    assert s.feed("x" * 500) == "x" * 500


def test_hold_is_bounded(shield: Shield) -> None:
    _, cmap = shield.cloak_text("Write to Amara Okafor please")
    s = cmap.stream()
    for ch in "<  PERSON_123456  ":
        s.feed(ch)
        assert s.pending <= MAX_HOLD
    assert s.flush() == "<  PERSON_123456  "


NAMES = ["Amara Okafor", "Tomasz Wierzbicki", "Ingrid Solberg"]
VALUES = ["amara.okafor@example.com", "+44 20 7946 0958", "4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00",
          "123-45-6789", "192.168.10.24", "sk-proj-AbC123dEf456GhI789jKl012MnO345", "221 Baker Street, London NW1 6XE"]
FILLER = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="<>[]_"), max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    picks=st.lists(st.sampled_from(NAMES + VALUES), min_size=1, max_size=4),
    fillers=st.lists(FILLER, min_size=5, max_size=5),
    cuts=st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=200),
    mangle=st.booleans(),
)
def test_round_trip_random_chunking(shield: Shield, picks, fillers, cuts, mangle) -> None:
    prompt = "Details: " + "; ".join(picks) + "."
    messages = [{"role": "user", "content": prompt}]
    cloaked, cmap = shield.cloak_request(messages)
    payload = json.dumps(cloaked, ensure_ascii=False)
    for v in picks:
        assert v not in payload
    # The model answers using the placeholders it was given (some slightly mangled), mixed with its own text.
    placeholders = [f"<{t}_{n}>" for (t, n) in cmap.originals]
    if mangle and placeholders:
        placeholders[0] = placeholders[0].lower().replace("<", "< ").replace(">", " >")
    parts = []
    for i, ph in enumerate(placeholders):
        parts.append(fillers[i % 5])
        parts.append(ph)
    parts.append(fillers[-1])
    answer = "".join(parts)
    expected = "".join(fillers[i % 5] + cmap.originals[k] for i, k in enumerate(cmap.originals)) + fillers[-1]
    s = cmap.stream()
    out, pos, i = [], 0, 0
    while pos < len(answer):
        step = cuts[i % len(cuts)]
        out.append(s.feed(answer[pos : pos + step]))
        pos += step
        i += 1
    out.append(s.flush())
    assert "".join(out) == expected
    assert cmap.uncloak(answer) == expected
