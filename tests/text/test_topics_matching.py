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
