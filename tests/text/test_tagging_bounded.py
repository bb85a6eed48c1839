"""The taggers' bounded look-backs answer as the whole-prefix versions they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.tagging import _SENTENCE_START, _sentence_start
from pipeline.text.tagging.ner import _CAPITALISED_WORD_AT_END, _search_end


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="Ab.!?:|>•\n \t\u00a0x", max_size=40), st.data())
def test_sentence_start_equals_the_prefix_search(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    assert _sentence_start(text, pos) == (_SENTENCE_START.search(text[:pos]) is not None)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ABab.&'- \nx", max_size=120), st.data())
def test_search_end_equals_the_slice_search(text: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(lo, len(text)))
    window = data.draw(st.integers(3, 12))
    base, m = _search_end(_CAPITALISED_WORD_AT_END, text, lo, end, window)
    full = _CAPITALISED_WORD_AT_END.search(text[lo:end])
    assert (m is None) == (full is None)
    if m is not None:
        assert (base + m.start(1), base + m.end(1)) == (lo + full.start(1), lo + full.end(1))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="аб Сын 1,:; \n\t_-.", max_size=14), st.integers(0, 14))
def test_the_word_before_a_surname_is_read_locally(text: str, pos: int) -> None:
    """`_after_word` looks back from the spaces only; it answers what the regex over the whole
    text before the position answered."""
    from pipeline.text.tagging.ru_korean import _after_word

    pos = min(pos, len(text))
    assert _after_word(text, pos) == (re.search(r"[^\W\d_][,:;]?\s+$", text[:pos]) is not None)


def test_pymorphy_reads_its_dictionaries_with_the_c_reader() -> None:
    """pymorphy3's `fast` extra (DAWG2) is installed and used: with the pure-Python reader it
    falls back to silently, lemmatising the Russian place names took 2.5 s per process."""
    import pymorphy3.dawg

    from pipeline.text.nlp import morph

    assert pymorphy3.dawg.DAWG.__module__ == "dawg"
    assert morph().parse("Владивостоке")[0].normal_form == "владивосток"
