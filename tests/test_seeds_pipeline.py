"""The two seed records through the whole Dagster job: what issue 2 promises analysts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from tests.helpers import SEEDS, copy_seeds, read, run_pipeline


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    base = tmp_path_factory.mktemp("seeds")
    result = run_pipeline(copy_seeds(base / "inbox"), base / "outputs", base / "storage")
    assert result.success
    names = ("documents", "segments", "sentences", "related_headlines", "rejections", "mentions", "topics")
    return {name: read(base / "outputs", name) for name in names}


def _doc(out: dict[str, pd.DataFrame], language: str) -> pd.Series:
    docs = out["documents"]
    rows = docs[docs["language"] == language]
    assert len(rows) == 1, docs[["source_file", "language"]]
    return rows.iloc[0]


def test_two_documents_no_rejections(out) -> None:
    assert len(out["documents"]) == 2
    assert out["rejections"].empty


def test_english_seed_layout(out) -> None:
    doc = _doc(out, "en")
    assert doc["title"] == "Local governments of S. Korea, Russia vow to boost cooperation"
    assert doc["dateline_place"] == "SEOUL"
    assert doc["published_date"] == dt.date(2019, 9, 6)
    assert doc["source_name"] == "Yonhap"
    assert doc["text"].startswith(doc["title"])
    assert "(END)" not in doc["text"]


def test_english_seed_trailer_is_split_out(out) -> None:
    doc = _doc(out, "en")
    related = out["related_headlines"]
    mine = related[related["doc_id"] == doc["doc_id"]].sort_values("seq")
    assert len(mine) == 10
    labels = [list(x) for x in mine["labels"]]
    assert sum("LEAD" in x for x in labels) == 2
    assert sum("News Focus" in x for x in labels) == 1
    for headline in mine["text"]:
        assert headline not in doc["text"]
    # The raw seed really has them after the article: the split is the cleaner's work.
    raw = next(p for p in SEEDS.iterdir() if "Yonhap" in p.read_text(encoding="utf-8", errors="replace"))
    raw_text = raw.read_text(encoding="utf-8", errors="replace")
    assert all(h in raw_text for h in mine["text"])
    segs = out["segments"]
    assert not segs[(segs["doc_id"] == doc["doc_id"]) & segs["text"].isin(list(mine["text"]))].shape[0]


def test_trailer_does_not_reach_mentions_or_topics(out) -> None:
    doc = _doc(out, "en")
    mentions = out["mentions"][out["mentions"]["doc_id"] == doc["doc_id"]]
    surfaces = " ".join(mentions["surface"])
    assert "BTS" not in surfaces and "THAAD" not in surfaces


def test_russian_seed_is_unwrapped_and_dehyphenated(out) -> None:
    doc = _doc(out, "ru")
    text = doc["text"]
    assert "российско-корейского" in text
    assert "Северо-Восточной" in text
    for paragraph in text.split("\n\n"):
        assert "\n" not in paragraph, paragraph[:120]
    assert "- " not in text.replace(" - ", "").replace("— ", "")


def test_russian_seed_list_items(out) -> None:
    doc = _doc(out, "ru")
    segs = out["segments"]
    items = segs[(segs["doc_id"] == doc["doc_id"]) & (segs["kind"] == "list_item")]
    assert len(items) >= 2
    assert items["text"].str.match(r"^\d+[.)]\s").all()


def test_sentence_languages_and_english_text(out) -> None:
    sent = out["sentences"]
    en_doc, ru_doc = _doc(out, "en"), _doc(out, "ru")
    en = sent[sent["doc_id"] == en_doc["doc_id"]]
    ru = sent[sent["doc_id"] == ru_doc["doc_id"]]
    assert (en["language"] == "en").mean() > 0.9 and (ru["language"] == "ru").mean() > 0.9
    assert (en.loc[en["language"] == "en", "text_en"] == en.loc[en["language"] == "en", "text"]).all()
    assert set(ru["translation_status"]) <= {"no_model", "translated"}


def test_ids_are_stable_content_hashes(out, tmp_path: Path) -> None:
    again = run_pipeline(copy_seeds(tmp_path / "inbox"), tmp_path / "outputs", tmp_path / "storage")
    assert again.success
    assert sorted(read(tmp_path / "outputs", "documents")["doc_id"]) == sorted(out["documents"]["doc_id"])
