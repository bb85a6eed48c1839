"""Stage functions at the frame level (no Dagster): what each stage adds, as typed tables, on real text."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from pipeline import frames, tables
from pipeline.text.language import DEFAULT_LANGUAGES
from tests.helpers import SEEDS

RU = (
    "Россия и Южная Корея подписали соглашение о торговле во Владивостоке.\n\n"
    "2017-09-11\n\n"
    "Стороны обсудили сотрудничество в Арктике и на Дальнем Востоке и поставки газа.\n"
)
EN = "Moscow and Seoul signed a trade accord on Tuesday. The deal covers gas and shipping.\n"


def _inbox(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, text in files.items():
        if isinstance(text, bytes):
            (inbox / name).write_bytes(text)
        else:
            (inbox / name).write_text(text, encoding="utf-8")
    return inbox


def _typed(t: tables.Tables) -> None:
    """Every table has exactly its declared columns and converts to its Arrow schema."""
    for name, df in t.items():
        assert list(df.columns) == tables.SCHEMAS[name].names, name
        assert tables.to_arrow(name, df).schema.equals(tables.SCHEMAS[name]), name


def _through(inbox: Path, stop: str) -> tables.Tables:
    t = frames.ingest_tables(inbox, 64 * 1024 * 1024)
    t |= frames.clean_tables(t)
    if stop == "clean":
        return t
    t |= frames.segment_tables(t)
    if stop == "segment":
        return t
    t |= frames.language_tables(t, DEFAULT_LANGUAGES)
    if stop == "language":
        return t
    t |= frames.translate_tables(t, None)[0]
    return t if stop == "translate" else t | frames.tag_tables(t)


def test_ingest_one_row_per_input_documents_and_rejections(tmp_path: Path) -> None:
    inbox = _inbox(tmp_path, {"b.txt": EN, "a.jsonl": '{"text": "Seoul and Moscow met."}\nnot json\n', "empty.txt": ""})
    t = frames.ingest_tables(inbox, 64 * 1024 * 1024)
    _typed(t)
    inputs = t["inputs"]
    assert list(zip(inputs["source_file"], inputs["source_record"].astype(object).where(inputs["source_record"].notna(), None),
                    strict=True)) == [("a.jsonl", 0), ("a.jsonl", 1), ("b.txt", None), ("empty.txt", None)]
    assert inputs["status"].tolist() == ["ok", "rejected", "ok", "rejected"]
    assert inputs.loc[3, "reason"] == "empty"
    assert inputs.loc[2, "raw_text"] == EN and inputs.loc[2, "encoding"] == "utf-8"
    only = frames.ingest_tables(inbox, 64 * 1024 * 1024, files=["b.txt"])["inputs"]
    assert only["source_file"].tolist() == ["b.txt"]


def test_clean_gives_docs_blocks_related_and_the_size_budget(tmp_path: Path) -> None:
    paragraph = "Moscow and Seoul signed a trade accord on Tuesday. " * 40
    inbox = _inbox(tmp_path, {"big.txt": "\n\n".join([paragraph] * 5), "small.txt": paragraph + "\n\n" + EN})
    raw = frames.ingest_tables(inbox, 64 * 1024 * 1024)
    t = frames.clean_tables(raw, max_chars=len(paragraph) * 2)
    _typed(t)
    docs = t["docs"].set_index("source_file")
    assert docs.loc["big.txt", ["status", "stage", "reason"]].tolist() == ["rejected", "clean", "too_large"]
    assert "max_document_chars" in docs.loc["big.txt", "detail"]
    assert docs.loc["small.txt", "status"] == "ok" and len(docs.loc["small.txt", "doc_id"]) == 16
    text = docs.loc["small.txt", "text"]
    blocks = t["blocks"]
    assert set(blocks["doc_id"]) == {docs.loc["small.txt", "doc_id"]} and blocks["seq"].tolist() == list(range(len(blocks)))
    assert all(text[s:e].strip() == text[s:e] != "" for s, e in zip(blocks["char_start"], blocks["char_end"], strict=True))
    assert frames.build_rejections(t)["reason"].tolist() == ["too_large"]


def test_seeds_pass_the_default_budget() -> None:
    from pipeline.resources import DEFAULT_MAX_DOCUMENT_CHARS

    t = frames.clean_tables(frames.ingest_tables(SEEDS, 64 * 1024 * 1024), DEFAULT_MAX_DOCUMENT_CHARS)
    assert (t["docs"]["status"] == "ok").all()
    assert len(t["related"]) > 0 and t["related"]["labels"].map(len).sum() > 0  # Yonhap trailer labels


def test_segment_sentences_lie_inside_their_blocks(tmp_path: Path) -> None:
    t = _through(_inbox(tmp_path, {"en.txt": EN, "ru.txt": RU}), "segment")
    _typed({"sentences": t["sentences"]})
    text = dict(zip(t["docs"]["doc_id"], t["docs"]["text"], strict=True))
    blocks = t["blocks"].set_index(["doc_id", "seq"])
    for d, seg, s, e in zip(t["sentences"]["doc_id"], t["sentences"]["segment_seq"], t["sentences"]["char_start"],
                            t["sentences"]["char_end"], strict=True):
        assert blocks.loc[(d, seg), "char_start"] <= s < e <= blocks.loc[(d, seg), "char_end"]
        assert text[d][s:e].strip()
    assert len(t["sentences"]) >= 5


def test_language_per_document_block_and_sentence(tmp_path: Path) -> None:
    t = _through(_inbox(tmp_path, {"en.txt": EN, "ru.txt": RU}), "language")
    _typed({k: t[k] for k in ("doc_languages", "block_languages", "sentence_languages", "related_languages")})
    by_file = dict(zip(t["docs"]["source_file"], t["docs"]["doc_id"], strict=True))
    lang = dict(zip(t["doc_languages"]["doc_id"], t["doc_languages"]["language"], strict=True))
    assert lang[by_file["en.txt"]] == "en" and lang[by_file["ru.txt"]] == "ru"
    assert len(t["sentence_languages"]) == len(t["sentences"]) and len(t["block_languages"]) == len(t["blocks"])


def test_without_a_translator_letterless_sentences_are_no_model(tmp_path: Path) -> None:
    t = _through(_inbox(tmp_path, {"ru.txt": RU}), "language")
    out, stats = frames.translate_tables(t, None)
    _typed(out)
    sentences = frames.build_sentences(t | out)
    letterless = sentences[sentences["text"] == "2017-09-11"]
    assert len(letterless) == 1
    assert letterless["translation_status"].tolist() == ["no_model"]
    assert letterless["text_en"].isna().all()
    assert set(sentences["translation_status"]) == {"no_model"}
    assert stats["no_model_languages"] == ["ru"]
    assert out["doc_en"]["text_en"].isna().all()


def test_tag_mentions_are_slices_of_the_text(tmp_path: Path) -> None:
    t = _through(_inbox(tmp_path, {"en.txt": EN, "ru.txt": RU}), "tag")
    _typed({"mentions": t["mentions"], "topics": t["topics"]})
    text = dict(zip(t["docs"]["doc_id"], t["docs"]["text"], strict=True))
    m = t["mentions"]
    assert {"Moscow", "Seoul", "Владивостоке"} <= set(m["surface"])
    assert all(text[d][s:e] == surface for d, s, e, surface in zip(m["doc_id"], m["char_start"], m["char_end"],
                                                                   m["surface"], strict=True))
    assert "arctic_far_east" in set(t["topics"]["topic"])  # "в Арктике и на Дальнем Востоке"
    assert t["topics"]["score"].between(0, 1).all()


def test_mentions_are_renumbered_by_offset_and_titles_follow() -> None:
    t = {"mentions": tables.frame("mentions", [
        {"doc_id": "d", "seq": 0, "char_start": 10, "char_end": 15, "surface": "Putin", "entity_type": "PERSON",
         "method": "gazetteer", "confidence": 0.9},
        {"doc_id": "d", "seq": 1, "char_start": 0, "char_end": 9, "surface": "President", "entity_type": "TITLE",
         "method": "pattern", "confidence": 0.9, "linked_to": 0},
    ])}
    built = frames.build_mentions(t)
    assert built["surface"].tolist() == ["President", "Putin"]
    assert built["seq"].tolist() == [0, 1] and built["title_of"].tolist()[0] == 1


def test_worker_pool_gives_the_same_tables_as_one_process(tmp_path: Path) -> None:
    from pipeline.runner import MIN_DOCS_FOR_POOL, StageRunner

    paragraphs = [p for seed in sorted(SEEDS.glob("*.txt")) for p in seed.read_text(encoding="utf-8").split("\n\n")
                  if len(p.strip()) > 40]
    files = {f"doc{i:03d}.txt": paragraphs[i % len(paragraphs)] + f"\n\n{i}\n" for i in range(MIN_DOCS_FOR_POOL + 2)}
    cleaned = _through(_inbox(tmp_path, files), "clean")
    alone = frames.segment_tables(cleaned, StageRunner(workers=1))["sentences"]
    pooled = frames.segment_tables(cleaned, StageRunner(workers=2))["sentences"]
    assert pooled.equals(alone)
    assert set(pooled["doc_id"]) == set(frames.documents_only(cleaned["docs"])["doc_id"])


def test_every_registered_dataset_has_one_builder_and_asset() -> None:
    from pipeline.assets import BUILDERS, DATASET_ASSETS
    from schemas.registry import DATASETS

    assert list(BUILDERS) == list(DATASETS)
    assert sorted(k.to_user_string() for a in DATASET_ASSETS for k in a.keys) == sorted(DATASETS)


@pytest.mark.parametrize("name", sorted(tables.SCHEMAS))
def test_empty_tables_have_their_arrow_types(name: str) -> None:
    assert pa.Table.from_pandas(tables.empty(name), preserve_index=False).num_rows == 0
    assert tables.to_arrow(name, tables.empty(name)).schema.equals(tables.SCHEMAS[name])


def test_duplicate_map_from_a_previous_state_equals_a_fresh_one(tmp_path: Path) -> None:
    """Near copies found again from the first changed document on give the same answer as from scratch."""
    import random

    seeds = [s.read_text(encoding="utf-8") for s in sorted(SEEDS.glob("*.txt"))]
    rng = random.Random(7)
    files = {}
    for i in range(24):  # copies of the seeds, some cut short, some with a line of their own
        text = seeds[i % len(seeds)]
        if i % 3 == 1:
            text = text[: int(len(text) * rng.uniform(0.6, 0.95))]
        files[f"{i:02d}.txt"] = text + (f"\n\nNote {i}.\n" if i % 4 == 0 else "")
    t = _through(_inbox(tmp_path, files), "clean")
    rows = frames.dedup_table(t)
    fresh, state = frames.duplicate_map(rows)
    assert fresh and len({d for d, _ in fresh.values()}) >= 1
    order = rows.sort_values("source_file").reset_index(drop=True)
    # the last two: one new document after 23 known ones (the signature scan), and none new
    assert (len(order) - 1) // frames.SCAN_RATIO >= 1
    for keep in (order.iloc[:10], order.drop(index=[5]), order.iloc[::2], order.iloc[:-1]):
        _, before = frames.duplicate_map(keep)
        assert frames.duplicate_map(rows, before)[0] == fresh
    assert frames.duplicate_map(rows, state)[0] == fresh
    # shingles loaded on demand: the same answers, and only candidates' shingles are read
    shingles_of = dict(zip(rows["doc_id"], rows["shingles"], strict=True))
    loaded: list[str] = []

    def load(doc_id: str) -> object:
        loaded.append(doc_id)
        return shingles_of[doc_id]

    lazy = rows.drop(columns="shingles")
    assert frames.duplicate_map(lazy, None, load)[0] == fresh
    loaded.clear()
    _, before = frames.duplicate_map(order.iloc[:-1])
    assert frames.duplicate_map(lazy, before, load)[0] == fresh
    assert 0 < len(set(loaded)) < len(rows)


def test_duplicate_map_after_documents_added_anywhere_equals_a_fresh_one(tmp_path: Path) -> None:
    """Documents added before, between and after known ones (a new file's name may sort first):
    the same answers as from scratch, and a document added first reads only its neighbours'
    shingles, not the whole corpus's."""
    import random

    seeds = [s.read_text(encoding="utf-8") for s in sorted(SEEDS.glob("*.txt"))]
    rng = random.Random(11)
    files = {}
    for i in range(30):  # copies, cut copies and copies with a line of their own, in a shuffled order
        text = seeds[rng.randrange(len(seeds))]
        if rng.random() < 0.4:
            text = text[: int(len(text) * rng.uniform(0.5, 0.95))]
        files[f"{rng.randrange(10**6):06d}_{i:02d}.txt"] = text + (f"\n\nNote {i}.\n" if rng.random() < 0.3 else "")
    rows = frames.dedup_table(_through(_inbox(tmp_path, files), "clean"))
    fresh, _ = frames.duplicate_map(rows)
    assert fresh
    order = rows.sort_values("source_file").reset_index(drop=True)
    for trial in range(12):
        keep = order.drop(index=rng.sample(range(len(order)), 1 + trial % 5))
        _, before = frames.duplicate_map(keep)
        assert frames.duplicate_map(rows, before)[0] == fresh, trial
    # one document added first: its own and its candidates' shingles are read, no others
    shingles_of = dict(zip(rows["doc_id"], rows["shingles"], strict=True))
    loaded: list[str] = []

    def load(doc_id: str) -> object:
        loaded.append(doc_id)
        return shingles_of[doc_id]

    _, before = frames.duplicate_map(order.iloc[1:])
    assert frames.duplicate_map(rows.drop(columns="shingles"), before, load)[0] == fresh
    first_copies = {d for d, (f, _) in fresh.items() if f == order["doc_id"].iloc[0]}
    assert set(loaded) <= {order["doc_id"].iloc[0], *first_copies} | set(fresh) | {f for f, _ in fresh.values()}
    assert len(set(loaded)) < len(rows)


def test_entities_from_counts_of_any_split_of_the_documents_equal_entities_from_all_mentions(tmp_path: Path) -> None:
    """`entities` is built from each shard's entity counts: counted over any split of the
    documents into parts and merged, they give what all the mentions at once give (types of
    ids beyond the catalog from their first mention in document order, forms counted)."""
    import random

    from pipeline.text.tagging import load_catalog

    paragraphs = [p for seed in sorted(SEEDS.glob("*.txt")) for p in seed.read_text(encoding="utf-8").split("\n\n")
                  if len(p.strip()) > 40]
    extra = ["Deputy Minister Andrei Rudenko met Ambassador Georgy Zinoviev and Lee Do-hoon in Moscow on Monday.",
             "Замминистра Андрей Руденко встретился в Москве с послом Ли До Хуном.",
             "Lee Do-hoon, the ambassador, later met Andrei Rudenko in Seoul."]
    files = {f"d{i:02d}.txt": text for i, text in enumerate([*paragraphs, *extra])}
    mentions = frames.build_mentions(_through(_inbox(tmp_path, files), "tag")).sort_values(["doc_id", "seq"], kind="stable")
    catalog = load_catalog().entries
    whole = frames.build_entities(mentions, catalog)
    assert len(whole) and whole["entity_id"].str.contains(":x-").any()  # ids beyond the catalog too
    docs = sorted(set(mentions["doc_id"]))
    rng = random.Random(3)
    for parts in (1, 2, 3, len(docs)):
        group = {d: rng.randrange(parts) for d in docs}
        counted = [frames.count_entities(mentions[mentions["doc_id"].map(group) == g], catalog) for g in range(parts)]
        rng.shuffle(counted)  # the parts' order does not matter either
        assert frames.entities_from_counts(frames.merge_entity_counts(counted), catalog).equals(whole)
