"""The dev corpus through the whole Dagster job, checked against its manifest.

Skipped with a message where ../shared/corpus/dev is absent (a user's clone).
"""

from __future__ import annotations

import re
import shutil
import unicodedata

import pandas as pd
import pytest

from tests.helpers import dev_corpus, dev_manifest, failed_checks, read, run_pipeline


def _encoding(name: str) -> str:
    """Manifest spelling -> the codec family we report (EUC-KR bytes are decoded as CP949)."""
    name = name.strip().lower().replace("_", "-")
    return {"euc-kr": "cp949", "windows-1251": "cp1251", "utf8": "utf-8"}.get(name, name)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    corpus = dev_corpus()
    base = tmp_path_factory.mktemp("dev")
    inbox = base / "inbox"
    shutil.copytree(corpus / "docs", inbox)
    result = run_pipeline(inbox, base / "outputs", base / "storage")
    assert result.success, failed_checks(result)
    docs = read(base / "outputs", "documents")
    return {
        "documents": docs.set_index("source_file"), "rejections": read(base / "outputs", "rejections"),
        "segments": read(base / "outputs", "segments"), "mentions": read(base / "outputs", "mentions"),
    }


def test_every_file_is_a_document(run) -> None:
    files = {row["file"] for row in dev_manifest()}
    assert set(run["documents"].index) == files
    assert run["rejections"].empty


@pytest.mark.parametrize("field", ["expected_language", "encoding", "title", "dateline_place"])
def test_manifest_fields(run, field: str) -> None:
    docs = run["documents"]
    wrong = []
    for row in dev_manifest():
        doc = docs.loc[row["file"]]
        gold = row[field]
        if field == "expected_language":
            got = doc["language"]
        elif field == "encoding":
            got, gold = _encoding(doc["encoding"] or ""), _encoding(gold)
        else:
            if not gold:
                continue
            got = doc[field]
        if got != gold:
            wrong.append(f"{row['file']}: expected {gold!r}, got {got!r}")
    assert wrong == []


def test_decoded_text_is_clean(run) -> None:
    for source_file, doc in run["documents"].iterrows():
        assert "\ufffd" not in doc["text"], source_file
        assert "\r" not in doc["text"], source_file


def _norm(value: object) -> str:
    """The scorer's comparison: NFKC, casefold, quotes and brackets ignored."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    s = unicodedata.normalize("NFKC", str(value)).casefold().replace("ё", "е")
    return " ".join(re.sub(r"[\"'«»“”‘’()\[\]·・,.:;!?]", " ", s).split())


# Floors just below what the pipeline reaches on the dev set (title 27/27, date 11/11,
# dateline 10/10, no wrong value): one miss per field is tolerated, one wrong value at most.
@pytest.mark.parametrize(("field", "floor"), [("title", 0.96), ("published_date", 0.9), ("dateline_place", 0.9)])
def test_page_metadata_against_gold(run, field: str, floor: float) -> None:
    docs = run["documents"]
    rows = [r for r in dev_manifest() if r["expect"] == "ok" or r["expect"].startswith("duplicate_of:")]
    correct = wrong = 0
    with_gold = [r for r in rows if r[field]]
    report = []
    for row in rows:
        got = docs.loc[row["file"], field]
        got = str(got)[:10] if field == "published_date" and got is not None and got == got else _norm(got)
        gold = row[field] if field == "published_date" else _norm(row[field])
        if gold and got == gold:
            correct += 1
        elif got:
            wrong += 1
            report.append(f"{row['file']}: gold {gold!r}, got {got!r}")
        elif gold:
            report.append(f"{row['file']}: gold {gold!r}, got nothing")
    assert correct / len(with_gold) >= floor, report
    assert wrong <= 1 and wrong / len(rows) <= 0.05, report


def test_published_date_evidence_and_source(run) -> None:
    docs = run["documents"]
    dated = docs[docs["published_date"].notna()]
    assert dated["published_date_evidence"].notna().all() and dated["published_date_source"].notna().all()
    undated = docs[docs["published_date"].isna()]
    assert undated["published_date_evidence"].isna().all() and undated["published_date_source"].isna().all()
    for source_file, doc in dated.iterrows():
        if doc["published_date_source"] != "metadata":  # the string as written, found in the text
            assert all(part in doc["text"] for part in doc["published_date_evidence"].split(" / ")), source_file


def test_near_duplicate_pair_and_no_false_duplicate(run) -> None:
    docs = run["documents"]
    rows = dev_manifest()
    expected = {r["file"]: r["expect"].split(":", 1)[1] for r in rows if r["expect"].startswith("duplicate_of:")}
    assert expected, "the dev corpus has a near-duplicate pair"
    for copy, original in expected.items():
        pair = {docs.loc[copy, "duplicate_of"], docs.loc[original, "duplicate_of"]}
        assert docs.loc[original, "doc_id"] in pair or docs.loc[copy, "doc_id"] in pair
    flagged = docs[docs["duplicate_of"].notna()]
    assert set(flagged.index) <= set(expected) | set(expected.values())
    assert flagged["duplicate_similarity"].between(0.9, 1.0).all()
    assert docs[docs["duplicate_of"].isna()]["duplicate_similarity"].isna().all()


def test_no_mention_taken_from_boilerplate(run) -> None:
    from pipeline.text.types import CONTENT_KINDS

    segs, ments = run["segments"], run["mentions"]
    assert (segs["kind"] == "boilerplate").any()
    furniture = segs[~segs["kind"].isin(list(CONTENT_KINDS))]
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for doc_id, start, end in zip(furniture["doc_id"], furniture["char_start"], furniture["char_end"], strict=True):
        by_doc.setdefault(doc_id, []).append((start, end))
    inside = [
        (doc_id, surface) for doc_id, s, e, surface in
        zip(ments["doc_id"], ments["char_start"], ments["char_end"], ments["surface"], strict=True)
        if any(a <= s and e <= b for a, b in by_doc.get(doc_id, []))
    ]  # fmt: skip
    assert inside == []
