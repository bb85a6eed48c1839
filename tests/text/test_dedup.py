"""Near-duplicates on article content: same story under other chrome, not a reworded release."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.clean import clean_document
from pipeline.text.dedup import (
    BANDS,
    DUPLICATE_CONTAINMENT,
    MIN_JACCARD,
    MIN_SHINGLES,
    ROWS,
    UNKNOWN,
    DuplicateIndex,
    containment,
    content_text,
    find_duplicates,
    shingles,
    signature,
)

STORY = [
    "Officials from both countries agreed on Tuesday to widen cooperation in fisheries and port logistics.",
    "The agreement covers joint inspections of fishing vessels, shared catch data and new cold-storage "
    "facilities at two ports, the ministry said in a statement.",
    "A working group will meet every six months, and the first session is planned for the spring in the "
    "southern port city, where most of the catch is landed.",
    "Industry groups welcomed the deal, saying that delays at the border had cost exporters millions of "
    "dollars over the past two seasons.",
]
REWORDED = [
    "Both governments decided on Tuesday to expand their partnership on fishing and on logistics at ports.",
    "Under the deal, inspectors from each side will check fishing boats together, exchange catch figures and "
    "build cold stores in two harbours, according to the ministry.",
    "A joint working group is to convene twice a year; its first meeting is expected this spring in the port "
    "city in the south that handles most landings.",
    "Exporters' associations praised the accord and said border delays had cost them millions over two seasons.",
]


def _content(*lines: str) -> str:
    doc = clean_document("\n".join(lines), source_format="txt")
    return content_text(doc.text, doc.blocks)


def test_same_story_under_different_chrome_is_a_duplicate() -> None:
    first = _content("Home | News | Region", "Ferry deal signed", *STORY, "Related articles:", "Read more",
                     "Your donation keeps independent reporting alive.")  # fmt: skip
    second = _content("Support our newsroom!", *STORY[:3], "Share | Print | Email", "Top news",
                      "Port workers strike in Incheon")  # fmt: skip
    found = find_duplicates([("a", first), ("b", second)])
    assert [(d.doc_id, d.duplicate_of) for d in found] == [("b", "a")]
    assert found[0].similarity == 1.0  # the shorter crawl is wholly inside the longer one


def test_reworded_release_is_not_a_duplicate() -> None:
    a, b = _content("Ferry deal signed", *STORY), _content("Ferry deal signed", *REWORDED)
    assert containment(shingles(a), shingles(b)) < 0.3
    assert find_duplicates([("a", a), ("b", b)]) == []


def test_chain_points_to_the_first_copy_and_short_texts_are_left_alone() -> None:
    text = "\n".join(STORY)
    found = find_duplicates([("a", text), ("b", text), ("c", text), ("d", "Too short to judge."), ("e", "Too short to judge.")])
    assert [(d.doc_id, d.duplicate_of) for d in found] == [("b", "a"), ("c", "a")]


def test_many_unrelated_documents_give_no_duplicate() -> None:
    docs = [(f"d{i}", " ".join(f"word{i}x{j}" for j in range(60))) for i in range(300)]
    assert find_duplicates(docs) == []


def test_pages_sharing_a_sidebar_are_not_duplicates() -> None:
    sidebar = " ".join(STORY)  # the same long institutional text on every page of a site
    a = f"{sidebar}\nThe port of Busan opened a new ferry terminal for passengers travelling to Vladivostok this week."
    b = f"{sidebar}\nA delegation from Primorye visited Seoul to discuss fisheries quotas and joint research."
    assert find_duplicates([("a", a), ("b", b)]) == []


def best_match(a: set[int], candidates: list[tuple[int, set[int]]]) -> tuple[int, float] | None:
    """The definition `DuplicateIndex` computes on arrays: of (j, shingles) candidates, the one
    with the highest containment (the smallest j on a tie) among those with Jaccard of at
    least MIN_JACCARD, when its containment reaches DUPLICATE_CONTAINMENT."""
    scored = []
    for j, b in candidates:
        shared = len(a & b)  # one intersection gives both Jaccard and containment
        if shared / (len(a) + len(b) - shared) >= MIN_JACCARD:
            scored.append((shared / min(len(a), len(b)), -j))
    if not scored:
        return None
    score, neg_j = max(scored)
    return (-neg_j, score) if score >= DUPLICATE_CONTAINMENT else None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=2, max_size=12), st.randoms(use_true_random=False))
def test_scoring_all_candidates_at_once_equals_the_set_definition(families: list[int], rnd) -> None:
    """Documents drawn from a few shared texts with edits (copies, cut-short copies, rewrites):
    the index's array scoring picks what `best_match` on sets picks, score included."""
    base = {f: set(rnd.sample(range(10_000), 60)) for f in set(families)}
    docs = []
    for f in families:
        sh = set(base[f])
        for h in rnd.sample(sorted(sh), rnd.randint(0, 35)):  # drop some (a shorter crawl)
            sh.discard(h)
        sh |= set(rnd.sample(range(10_000, 20_000), rnd.randint(0, 15)))  # add some (a different page)
        docs.append(sh)
    index = DuplicateIndex()
    for i, sh in enumerate(docs):
        index.add(f"d{i}", sh)
        candidates = list(range(i))  # every earlier document, not only the index's LSH candidates
        assert index._best_match(i, candidates) == best_match(sh, [(j, docs[j]) for j in candidates])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=2, max_size=16), st.randoms(use_true_random=False))
def test_scanning_signatures_finds_what_the_buckets_find(families: list[int], rnd) -> None:
    """`DuplicateIndex(scan=True)` (a few new documents after many known ones) proposes the
    candidates the LSH buckets propose, so every document gets the same answer, with some
    answers given as known (a previous run's) and documents too short to be indexed."""
    base = {f: set(rnd.sample(range(10_000), 60)) for f in set(families)}
    docs = []
    for f in families:
        sh = set(base[f])
        for h in rnd.sample(sorted(sh), rnd.randint(0, 45)):
            sh.discard(h)
        sh |= set(rnd.sample(range(10_000, 20_000), rnd.randint(0, 15)))
        docs.append(sh)
    buckets, scan = DuplicateIndex(), DuplicateIndex(scan=True)
    first = [buckets.add(f"d{i}", sh) for i, sh in enumerate(docs)]
    known = rnd.randint(0, len(docs))  # the first `known` answers come from a previous run
    for i, sh in enumerate(docs):
        assert scan.add(f"d{i}", sh, known=first[i] if i < known else UNKNOWN) == first[i]
    for sh in docs:
        if len(sh) >= MIN_SHINGLES:
            sig = signature(sh)
            keys = {(b, sig[b * ROWS:(b + 1) * ROWS].tobytes()) for b in range(BANDS)}
            assert scan._scan(sig) == sorted({j for key in keys for j in buckets.buckets[key]})
