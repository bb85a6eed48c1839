"""Script counting: the array lookup for long texts agrees with the per-character rule."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.scripts import SCRIPTS, count_by_character, dominant_script, script_counts


def test_mixed_text_counts_each_script() -> None:
    text = "Лавров встретился с 조태열 in Moscow; 漢字 and カナ, ª. " * 10  # long: the array path
    counts = script_counts(text)
    assert counts == count_by_character(text)
    assert counts["cyrillic"] == 17 * 10 and counts["hangul"] == 3 * 10 and counts["kana"] == 2 * 10
    assert counts["han"] == 2 * 10 and counts["other"] == 10  # ª is a letter of no script here
    assert dominant_script(text) == "cyrillic"


def test_text_without_letters() -> None:
    assert dominant_script("2024-05-01 — 12:30 " * 40) is None
    assert script_counts("") == dict.fromkeys(SCRIPTS, 0)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), min_size=0, max_size=600))
def test_counts_agree_with_the_per_character_rule(text: str) -> None:
    assert script_counts(text) == count_by_character(text)


def test_lone_surrogates_and_astral_letters() -> None:
    text = "\ud800" * 300 + "𠀀𝐀" * 200  # a CJK Extension B ideograph and a mathematical letter
    assert script_counts(text) == count_by_character(text)
