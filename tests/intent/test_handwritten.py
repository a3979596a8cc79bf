from __future__ import annotations

import pytest

from cailos_litellm.intent.synth.generate import _HAND_SETS, TEST_EVERY, generate, generate_eval_only
from cailos_litellm.intent.synth.handwritten import REGISTER_DIR, load_handwritten, parse_blocks
from cailos_litellm.types import TASK_CLASSES


@pytest.fixture(scope="module")
def hand() -> dict:
    return load_handwritten()


def test_every_class_has_at_least_100_distinct_prompts(hand) -> None:
    assert set(hand) == set(TASK_CLASSES)
    for task, prompts in hand.items():
        texts = {p.messages for p in prompts}
        assert len(texts) == len(prompts) >= 100, task


def test_no_prompt_is_written_twice_across_classes_or_folders() -> None:
    seen: dict = {}
    folders = [load_handwritten(folder) for folder, *_ in _HAND_SETS.values()]  # every folder, hand's included
    for task, prompts in [item for folder in folders for item in folder.items()]:
        for p in prompts:
            key = " ".join(p.messages[-1][1].lower().split())
            assert key not in seen, (task, seen.get(key))
            seen[key] = task


@pytest.mark.parametrize(
    ("text", "tier", "flags", "roles"),
    [
        ("=== e\nhello there\n", "e", set(), ["user"]),
        ("=== img2 h\ncompare these\n", "h", {"img2"}, ["user"]),
        ("===\n@system: be brief\n@user: hi\n@assistant: hello\n@user: and now?\n", "m", set(),
         ["system", "user", "assistant", "user"]),
        ("# file comment\n=== notools m\nTools: a(), b(). Do x.\n", "m", {"notools"}, ["user"]),
    ],
)
def test_parse_blocks(text: str, tier: str, flags: set, roles: list) -> None:
    (p,) = parse_blocks("chat", text)
    assert p.tier == tier and set(p.flags) == flags
    assert [r for r, _ in p.messages] == roles


def test_code_comments_inside_a_block_are_kept() -> None:
    (p,) = parse_blocks("code_generation", "=== m\nfix this:\n```bash\n# comment\nls\n```\n")
    assert "# comment" in p.messages[0][1]


def test_block_must_end_with_the_user() -> None:
    with pytest.raises(ValueError):
        parse_blocks("chat", "===\n@user: hi\n@assistant: hello\n")


def test_register_prompts_cover_the_classes_of_real_traffic() -> None:
    reg = load_handwritten(REGISTER_DIR)
    assert set(TASK_CLASSES) - set(reg) == {"vision"}  # Arena-style traffic sends no images
    assert sum(map(len, reg.values())) >= 800 and min(map(len, reg.values())) >= 25


@pytest.mark.parametrize("source", ["handwritten", "register"])
def test_split_is_by_prompt_and_rows_are_well_formed(source: str) -> None:
    rows = [e for e in generate() if e.source == source]
    assert rows
    sides: dict[str, set[str]] = {}
    for e in rows:
        sides.setdefault(e.seed, set()).add(e.split)
        assert e.messages[-1]["role"] in ("user", "tool")
        if e.task == "vision":
            assert any(isinstance(m["content"], list) and len(m["content"]) > 1 for m in e.messages)
    assert all(len(s) == 1 for s in sides.values())  # both variants of a prompt on one side
    test_share = sum("test" in s for s in sides.values()) / len(sides)
    assert abs(test_share - 1 / TEST_EVERY) < 0.03


def test_evaluation_only_prompts_never_reach_training_rows() -> None:
    held = generate_eval_only()
    assert len(held) >= 2000 and {e.split for e in held} == {"test"}
    assert {e.source for e in held} == {"handwritten_eval", "register_eval", "mainstream_eval"}
    written = {e.messages[-1]["content"] for e in held if e.id.endswith("-0")}
    trained = {e.messages[-1]["content"] for e in generate() if isinstance(e.messages[-1]["content"], str)}
    assert written and not written & trained
    assert not {e.seed for e in held} & {e.seed for e in generate()}
