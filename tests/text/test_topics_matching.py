"""Topic terms are found exactly where the lookbehind pattern finds them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.tagging.topics import lexicons, word_matches

# Letters of the terms, their case variants, word characters and separators, and the odd
# characters that case-insensitive matching folds ("ſ" matches "s", the Kelvin sign "k").
ALPHABET = "dipmlatcsoeruyn- _.ſKİıDIPLOMAT7й"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.sampled_from(["diplomat*", "summit", "sea", "a"]))
def test_word_matches_equals_the_lookbehind_pattern(text: str, term: str) -> None:
    body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
    tail = r"\w*" if term.endswith("*") else r"(?:s|es)?\b"
    slow = re.compile(rf"(?<![\w-]){body}{tail}", re.IGNORECASE)
    fast = re.compile(rf"{body}{tail}", re.IGNORECASE)
    assert [m.span() for m in word_matches(fast, text)] == [m.span() for m in slow.finditer(text)]


def test_lexicon_terms_start_at_words() -> None:
    (pattern, _), *_ = lexicons()["diplomacy"].en
    text = "Re-" + "diplomatic talks; undiplomatic; Diplomats met. dip-lomat, _diplomacy and diplomacy"
    starts = [m.start() for m in word_matches(pattern, text)]
    assert all(text[s - 1] in " ;." for s in starts if s) and starts


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.sampled_from(["diplomat*", "summit", "sea", "a", "dip lomat", "-le"]))
def test_a_block_without_the_terms_key_has_no_match(text: str, term: str) -> None:
    """The topic scorer skips a block whose folded text lacks the term's key: that never
    skips a block the pattern matches in (with the characters case folding maps to ASCII)."""
    from pipeline.text.tagging.topics import fold, literal_key

    body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
    tail = r"\w*" if term.endswith("*") else r"(?:s|es)?\b"
    pattern = re.compile(rf"{body}{tail}", re.IGNORECASE)
    key = literal_key(term)
    if key is not None and key not in fold(text):
        assert list(word_matches(pattern, text)) == []


def test_only_four_characters_beyond_ascii_match_an_ascii_letter_ignoring_case() -> None:
    """`fold` maps these to the letter; Python's re matches no other non-ASCII character as
    an ASCII letter under IGNORECASE (checked over every code point)."""
    import sys

    from pipeline.text.tagging.topics import fold

    chars = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    found = {m.group(): letter for letter in "abcdefghijklmnopqrstuvwxyz" for m in re.finditer(letter, chars, re.I)}
    assert found == {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
    assert all(fold(ch) == letter for ch, letter in found.items())
    assert fold("ABCXYZ") == "abcxyz"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.frozensets(st.sampled_from(["мир", "мирный", "договор", "договорный", "сеул"]), min_size=1, max_size=3),
                max_size=30),
       st.sampled_from(["мир", "дог", "договорн", "се", "x"]))
def test_prefix_positions_equal_the_token_by_token_scan(lemma_sets: list[frozenset[str]], prefix: str) -> None:
    from pipeline.text.tagging.topics import _prefix_positions

    tokens = [(f"w{i}", lems) for i, lems in enumerate(lemma_sets)]
    expected = [i for i, (_, lems) in enumerate(tokens) if any(lem.startswith(prefix) for lem in lems)]
    assert _prefix_positions(tokens)(prefix) == expected
