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


def test_the_code_point_table_is_script_of_for_every_code_point() -> None:
    from pipeline.text.scripts import _LAST_LETTER, _table, script_of

    table = _table()
    expected = [SCRIPTS.index(x) if (x := script_of(chr(c))) is not None else len(SCRIPTS) for c in range(_LAST_LETTER + 1)]
    assert table[: _LAST_LETTER + 1].tolist() == expected
    assert table[_LAST_LETTER + 1] == len(SCRIPTS)


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


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcXYZ@[`{ ÀéİK\u212aЖжёЁ\u04ff\u0500가漢0/.,-\n"), max_size=80))
def test_cyrillic_latin_counts_equal_their_per_character_definition(text: str) -> None:
    """The day-first rule's counts, taken as arrays, against the one-character-at-a-time rule."""
    from pipeline.text.dates_written import cyrillic_latin_counts, is_day_first

    cyr = sum("\u0400" <= ch <= "\u04ff" for ch in text)
    lat = sum("a" <= ch.lower() <= "z" for ch in text)
    assert cyrillic_latin_counts(text) == (cyr, lat)
    assert is_day_first(text) == (cyr > lat)


def test_only_two_characters_beyond_ascii_lower_into_a_to_z() -> None:
    """The array count adds these two by hand: no other code point's lower case falls in a-z."""
    import sys

    from pipeline.text.dates_written import _LOWER_TO_LATIN

    beyond = [c for c in range(128, sys.maxunicode + 1) if "a" <= chr(c).lower() <= "z"]
    assert beyond == sorted(int(c) for c in _LOWER_TO_LATIN)
