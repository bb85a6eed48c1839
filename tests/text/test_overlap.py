"""Overlap selection: the O(n log n) selector gives exactly the brute-force greedy answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.overlap import select_non_overlapping
from pipeline.text.tagging import _M, _select, _select_titles
from pipeline.text.tagging.catalog import load_catalog
from pipeline.text.tagging.gazetteer import Hit, longest_first


def _brute(ranked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The definition: keep a span when it overlaps no span kept before it."""
    kept: list[tuple[int, int]] = []
    for s, e in ranked:
        if all(not (s < ke and ks < e) for ks, ke in kept):
            kept.append((s, e))
    return kept


spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda se: (se[0], se[0] + se[1])), max_size=80
)


@settings(max_examples=400, deadline=None)
@given(spans)
def test_selector_equals_brute_force(ranked: list[tuple[int, int]]) -> None:
    assert select_non_overlapping(ranked, lambda x: x[0], lambda x: x[1]) == _brute(ranked)


@settings(max_examples=200, deadline=None)
@given(spans.filter(lambda xs: all(e > s for s, e in xs)))
def test_longest_first_equals_brute_force(raw: list[tuple[int, int]]) -> None:
    entries = load_catalog().entries
    hits = [Hit(s, e, entries[i % len(entries)]) for i, (s, e) in enumerate(raw)]
    ranked = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    expected = _brute([(h.start, h.end) for h in ranked])
    got = longest_first(hits)
    assert sorted((h.start, h.end) for h in got) == sorted(expected)
    assert [h.start for h in got] == sorted(h.start for h in got)


methods = st.sampled_from(["gazetteer", "pattern", "ner"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12), methods), max_size=60))
def test_mention_selection_equals_brute_force(raw: list[tuple[int, int, str]]) -> None:
    cands = [_M(s, s + n, "ORG", None, "x", method, 0.5) for s, n, method in raw]
    rank = {"gazetteer": 0, "pattern": 1, "ner": 2}
    ranked = sorted(cands, key=lambda m: (m.method == "ner", -(m.end - m.start), rank[m.method], m.start))
    assert [(m.start, m.end) for m in _select(cands)] == _brute([(m.start, m.end) for m in ranked])
    titles = sorted(cands, key=lambda m: -(m.end - m.start))
    assert [(m.start, m.end) for m in _select_titles(cands)] == _brute([(m.start, m.end) for m in titles])



@settings(max_examples=300, deadline=None)
@given(spans, st.integers(0, 70), st.integers(0, 12))
def test_span_index_equals_any_overlap(given_spans: list[tuple[int, int]], s: int, n: int) -> None:
    from pipeline.text.overlap import SpanIndex

    e = s + n
    assert SpanIndex(given_spans).overlaps(s, e) == any(a < e and s < b for a, b in given_spans)


@settings(max_examples=300, deadline=None)
@given(spans, st.integers(0, 70), st.integers(-2, 12))
def test_span_index_answers_like_brute_force(given_spans: list[tuple[int, int]], s: int, n: int) -> None:
    from pipeline.text.overlap import SpanIndex

    e = s + n
    index = SpanIndex(given_spans)
    assert index.holds(s, e) == any(a <= s and e <= b for a, b in given_spans)
    assert index.overlapping(s, e) == [k for k, (a, b) in enumerate(given_spans) if a < e and s < b]
    assert index.within(s, e) == [k for k, (a, b) in enumerate(given_spans) if s <= a and b <= e]
