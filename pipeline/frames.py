"""The pipeline's stages as functions on pandas frames (no Dagster here).

One frame flows forward: every input (file or JSONL record) is one row from ingest on,
either a document (`status == "ok"`) or a rejection, so conservation holds by
construction and is checked again before publication. Per-document structures (blocks,
sentences, mentions, ...) travel as JSON columns between stages and are exploded into
the published datasets at the end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.progress import track_rows
from pipeline.text.clean import clean_document
from pipeline.text.dedup import content_text, find_duplicates
from pipeline.text.inbox import iter_inbox
from pipeline.text.language import detect_many
from pipeline.text.pages import block_pages
from pipeline.text.segment import segment_document
from pipeline.text.translate import Outcome
from pipeline.text.types import CONTENT_KINDS, Block, Extracted, Rejection, SentenceSpan

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def _loads(value: str | None) -> Any:
    return json.loads(value) if isinstance(value, str) and value else []


def make_doc_id(source_file: str, source_record: int | None, content_sha256: str) -> str:
    """Content- and location-addressed id: same input, same id, on any machine."""
    key = f"{source_file}\x00{'' if source_record is None else source_record}\x00{content_sha256}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _utc(ts: dt.datetime | None) -> dt.datetime:
    if ts is None:
        return EPOCH
    return ts.astimezone(dt.UTC) if ts.tzinfo else ts.replace(tzinfo=dt.UTC)


# --- ingest -------------------------------------------------------------------------

RAW_COLUMNS = [
    "source_file", "source_record", "status", "stage", "reason", "detail", "source_format",
    "encoding", "content_sha256", "n_bytes", "raw_text", "meta_title", "meta_published", "url",
    "meta_source_name", "record_id", "modified_at", "page_starts", "meta_published_source",
]


def _row(item: Extracted | Rejection) -> dict[str, Any]:
    if isinstance(item, Rejection):
        return {
            "source_file": item.source_file, "source_record": item.source_record, "status": "rejected",
            "stage": item.stage, "reason": item.reason, "detail": item.detail, "source_format": None,
            "encoding": None, "content_sha256": None, "n_bytes": item.n_bytes, "raw_text": None,
            "meta_title": None, "meta_published": None, "url": None, "meta_source_name": None,
            "record_id": None, "modified_at": _utc(item.modified_at), "page_starts": None,
            "meta_published_source": None,
        }
    return {
        "source_file": item.source_file, "source_record": item.source_record, "status": "ok",
        "stage": None, "reason": None, "detail": None, "source_format": item.source_format,
        "encoding": item.encoding, "content_sha256": item.content_sha256, "n_bytes": item.n_bytes,
        "raw_text": item.text, "meta_title": item.title,
        "meta_published": item.published.isoformat() if item.published else None, "url": item.url,
        "meta_source_name": item.source_name, "record_id": item.record_id,
        "modified_at": _utc(item.modified_at),
        "page_starts": _json(list(item.page_starts)) if item.page_starts else None,
        "meta_published_source": item.published_source,
    }


def ingest_frame(inbox: Path, max_bytes: int) -> pd.DataFrame:
    """One row per input file or JSONL record, in a stable order."""
    rows = [_row(item) for item in iter_inbox(inbox, max_bytes=max_bytes)]
    df = pd.DataFrame(rows, columns=RAW_COLUMNS)
    df["source_record"] = df["source_record"].astype("Int64")
    df["n_bytes"] = df["n_bytes"].astype("Int64")
    df["modified_at"] = pd.to_datetime(df["modified_at"], utc=True).astype("datetime64[us, UTC]")
    return sort_inputs(df)


def sort_inputs(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(["source_file", "source_record"], na_position="first", kind="stable").reset_index(drop=True)


# --- clean --------------------------------------------------------------------------


def clean_frame(raw: pd.DataFrame) -> pd.DataFrame:
    """Clean each document; a document whose cleaned text is empty becomes a rejection."""
    df = raw.copy()
    for col in ("doc_id", "text", "title", "dateline_place", "source_name", "published_date",
                "published_date_evidence", "published_date_source", "blocks", "related", "block_pages"):
        df[col] = None
    for i, row in track_rows("clean", df[df["status"] == "ok"]):
        published = dt.date.fromisoformat(row["meta_published"]) if row["meta_published"] else None
        cleaned = clean_document(
            row["raw_text"], source_format=row["source_format"], title_hint=row["meta_title"],
            published_hint=published, source_name_hint=row["meta_source_name"],
        )
        if not cleaned.text.strip():
            df.loc[i, ["status", "stage", "reason", "detail"]] = [
                "rejected", "clean", "empty", "no text left after cleaning (only whitespace, markup or boilerplate)"
            ]
            continue
        df.at[i, "doc_id"] = make_doc_id(row["source_file"], _opt_int(row["source_record"]), row["content_sha256"])
        df.at[i, "text"] = cleaned.text
        df.at[i, "title"] = cleaned.title
        df.at[i, "dateline_place"] = cleaned.dateline_place
        df.at[i, "source_name"] = cleaned.source_name
        df.at[i, "published_date"] = cleaned.published_date.isoformat() if cleaned.published_date else None
        df.at[i, "published_date_evidence"] = cleaned.published_date_evidence
        container = row["meta_published_source"] if isinstance(row["meta_published_source"], str) else None
        df.at[i, "published_date_source"] = (
            (container or "metadata") if cleaned.published_date_source == "metadata" else cleaned.published_date_source
        )  # the container's own field name when it has one (pdf_info, pdf_xmp, docx_core)
        df.at[i, "blocks"] = _json([[b.kind, b.start, b.end] for b in cleaned.blocks])
        df.at[i, "related"] = _json([[h.text, list(h.labels)] for h in cleaned.related_headlines])
        df.at[i, "block_pages"] = _json(
            block_pages(row["raw_text"], _loads(row["page_starts"]), cleaned.text, cleaned.blocks)
        )
    return df.drop(columns=["raw_text"])


def _opt_int(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _blocks(row: pd.Series) -> list[Block]:
    return [Block(kind, start, end) for kind, start, end in _loads(row["blocks"])]


def _sentences(row: pd.Series) -> list[SentenceSpan]:
    return [SentenceSpan(seq, seg, start, end) for seq, seg, start, end in _loads(row["sentences"])]


def documents_only(df: pd.DataFrame) -> pd.DataFrame:
    return df[df["status"] == "ok"]


# --- segment ------------------------------------------------------------------------


def segment_frame(cleaned: pd.DataFrame) -> pd.DataFrame:
    df = cleaned.copy()
    df["sentences"] = None
    for i, row in track_rows("segment", documents_only(df)):
        _, sentences = segment_document(row["text"], _blocks(row))
        df.at[i, "sentences"] = _json([[s.seq, s.segment_seq, s.start, s.end] for s in sentences])
    return df


# --- language -----------------------------------------------------------------------


def language_frame(segmented: pd.DataFrame, languages: Sequence[str]) -> pd.DataFrame:
    """Language per document (content blocks only), per segment and per sentence."""
    df = segmented.copy()
    for col in ("language", "language_confidence", "segment_languages", "sentence_languages", "related_languages"):
        df[col] = None
    for i, row in track_rows("language", documents_only(df)):
        text, blocks, sentences = row["text"], _blocks(row), _sentences(row)
        content = "\n".join(text[b.start:b.end] for b in blocks if b.kind in CONTENT_KINDS) or text
        related = [h[0] for h in _loads(row["related"])]
        seg_texts = [text[b.start:b.end] for b in blocks]
        sent_texts = [text[s.start:s.end] for s in sentences]
        found = detect_many([content, *seg_texts, *sent_texts, *related], languages)
        doc_lang, seg_langs = found[0], found[1:1 + len(blocks)]
        sent_langs = found[1 + len(blocks):1 + len(blocks) + len(sentences)]
        rel_langs = found[1 + len(blocks) + len(sentences):]
        df.at[i, "language"], df.at[i, "language_confidence"] = doc_lang
        # Letterless or short, unsure spans keep the document's language (see _settle).
        df.at[i, "segment_languages"] = _json([
            _settle(x, t, doc_lang[0]) for x, t in zip(seg_langs, seg_texts, strict=True)
        ])
        df.at[i, "sentence_languages"] = _json([
            _settle(x, t, doc_lang[0]) for x, t in zip(sent_langs, sent_texts, strict=True)
        ])
        df.at[i, "related_languages"] = _json([x[0] for x in rel_langs])
    return df


SHORT_SPAN_LETTERS = 25  # below this many letters lingua's guess between neighbours (ru/uk) is noise
UNSURE = 0.8


def _settle(found: tuple[str, float], span: str, doc_lang: str) -> list[Any]:
    """A short span that the detector is unsure about keeps the document's language:
    "Для" or "1. Обмен депутатами" inside a Russian report is Russian, not Ukrainian."""
    lang, conf = found
    if lang not in ("und", doc_lang) and conf < UNSURE and sum(c.isalpha() for c in span) < SHORT_SPAN_LETTERS:
        return [doc_lang, 0.0]
    return [lang, conf]


# --- translate ----------------------------------------------------------------------

Translate = Callable[[list[tuple[str, str]]], list[Any]]


def translate_frame(df_in: pd.DataFrame, translate: Translate | None) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Fill sentence-level English; `translate` maps (language, text) pairs to outcomes
    with text_en/status/model_id/error (see pipeline.mt_resource)."""
    df = df_in.copy()
    df["sentence_en"] = None
    df["text_en"] = None
    items: list[tuple[str, str]] = []
    owners: list[tuple[Any, int]] = []
    for i, row in documents_only(df).iterrows():
        text = row["text"]
        for n, ((lang, _), s) in enumerate(zip(_loads(row["sentence_languages"]), _sentences(row), strict=True)):
            items.append((lang, text[s.start:s.end]))
            owners.append((i, n))
    if translate is not None:
        outcomes = translate(items)
    else:
        outcomes = [_passthrough(lang, text) for lang, text in items]
    per_doc: dict[Any, list[list[Any]]] = {}
    stats: dict[str, Any] = {"sentences": len(items), "by_status": {}, "no_model_languages": set(), "failed": []}
    for (i, _), (lang, text), out in zip(owners, items, outcomes, strict=True):
        per_doc.setdefault(i, []).append([out.text_en, out.status, out.model_id])
        stats["by_status"][out.status] = stats["by_status"].get(out.status, 0) + 1
        if out.status == "no_model":
            stats["no_model_languages"].add(lang)
        if out.status == "failed":
            stats["failed"].append({"language": lang, "text": text[:80], "error": out.error})
    for i, rows in per_doc.items():
        df.at[i, "sentence_en"] = _json(rows)
        if all(r[0] for r in rows):
            df.at[i, "text_en"] = " ".join(r[0] for r in rows)
    stats["no_model_languages"] = sorted(stats["no_model_languages"])
    return df, stats


def _passthrough(lang: str, text: str) -> Outcome:
    if lang == "en":
        return Outcome(text, "source_english")
    return Outcome(None, "no_model")


# --- tag ----------------------------------------------------------------------------


def tag_frame(df_in: pd.DataFrame) -> pd.DataFrame:
    """Entity mentions and topics per document, from content blocks only."""
    from pipeline.text.tagging import tag_document

    df = df_in.copy()
    df["mentions"] = None
    df["topics"] = None
    for i, row in track_rows("tag", documents_only(df)):
        published = dt.date.fromisoformat(row["published_date"]) if row["published_date"] else None
        mentions, topics = tag_document(row["text"], row["language"], _blocks(row), _sentences(row), published)
        df.at[i, "mentions"] = _json([
            [m.char_start, m.char_end, m.surface, m.entity_type, m.entity_id, m.name_en, m.method,
             float(m.confidence), m.sentence_seq, m.date_value.isoformat() if m.date_value else None, m.linked_to]
            for m in mentions
        ])
        df.at[i, "topics"] = _json([[t.topic, float(t.score), list(t.evidence)] for t in topics])
    return df


# --- datasets -----------------------------------------------------------------------

_PUNCT_OR_SPACE = re.compile(r"[\W_]+", re.UNICODE)


def near_duplicate_key(text: str) -> str:
    """Texts equal after case, whitespace and punctuation normalisation share a key."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return hashlib.sha256(_PUNCT_OR_SPACE.sub("", folded).encode("utf-8")).hexdigest()


def build_documents(df: pd.DataFrame) -> pd.DataFrame:
    docs = documents_only(df)
    near = {d.doc_id: d for d in find_duplicates(
        [(row["doc_id"], content_text(row["text"], _blocks(row))) for _, row in docs.iterrows()]
    )}  # fmt: skip
    first_by_key: dict[str, str] = {}
    rows = []
    for _, row in docs.iterrows():
        key = near_duplicate_key(row["text"])
        duplicate_of = first_by_key.setdefault(key, row["doc_id"])
        similarity = 1.0 if duplicate_of != row["doc_id"] else None
        if similarity is None and row["doc_id"] in near:
            duplicate_of, similarity = near[row["doc_id"]].duplicate_of, near[row["doc_id"]].similarity
        n_sentences = len(_loads(row["sentences"]))
        rows.append({
            "doc_id": row["doc_id"], "source_file": row["source_file"], "source_record": row["source_record"],
            "source_format": row["source_format"], "encoding": row["encoding"],
            "content_sha256": row["content_sha256"], "n_bytes": row["n_bytes"], "url": row["url"],
            "title": row["title"], "source_name": row["source_name"], "dateline_place": row["dateline_place"],
            "published_date": dt.date.fromisoformat(row["published_date"]) if row["published_date"] else None,
            "published_date_evidence": row["published_date_evidence"],
            "published_date_source": row["published_date_source"],
            "language": row["language"], "language_confidence": row["language_confidence"],
            "text": row["text"], "n_chars": len(row["text"]), "n_segments": len(_loads(row["blocks"])),
            "n_sentences": n_sentences, "text_en": row.get("text_en"),
            "duplicate_of": None if duplicate_of == row["doc_id"] else duplicate_of,
            "duplicate_similarity": similarity,
            "ingested_at": row["modified_at"],
        })
    return _frame("documents", rows)


def build_segments(df: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for _, row in documents_only(df).iterrows():
        text = row["text"]
        pages = _loads(row.get("block_pages"))
        for seq, (block, (lang, conf)) in enumerate(zip(_blocks(row), _loads(row["segment_languages"]), strict=True)):
            lang, conf = _inherit(lang, conf, row)
            rows.append({
                "doc_id": row["doc_id"], "seq": seq, "kind": block.kind, "char_start": block.start,
                "char_end": block.end, "text": text[block.start:block.end], "language": lang,
                "language_confidence": conf, "page": pages[seq] if pages else None,
            })
    return _frame("segments", rows)


def _inherit(lang: str, conf: float, row: pd.Series) -> tuple[str, float]:
    return (row["language"], 0.0) if lang == "und" else (lang, conf)


def build_sentences(df: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for _, row in documents_only(df).iterrows():
        text = row["text"]
        english = _loads(row.get("sentence_en"))
        for s, (lang, conf), en in zip(_sentences(row), _loads(row["sentence_languages"]), english, strict=True):
            lang, conf = _inherit(lang, conf, row)
            rows.append({
                "doc_id": row["doc_id"], "seq": s.seq, "segment_seq": s.segment_seq, "char_start": s.start,
                "char_end": s.end, "text": text[s.start:s.end], "language": lang, "language_confidence": conf,
                "text_en": en[0], "translation_status": en[1], "translation_model": en[2],
            })
    return _frame("sentences", rows)


def build_related_headlines(df: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for _, row in documents_only(df).iterrows():
        langs = _loads(row["related_languages"])
        for seq, ((text, labels), lang) in enumerate(zip(_loads(row["related"]), langs, strict=True)):
            rows.append({
                "doc_id": row["doc_id"], "seq": seq, "text": text,
                "language": row["language"] if lang == "und" else lang, "labels": list(labels),
            })
    return _frame("related_headlines", rows)


def build_rejections(df: pd.DataFrame) -> pd.DataFrame:
    rej = df[df["status"] == "rejected"]
    rows = [
        {
            "source_file": r["source_file"], "source_record": r["source_record"], "stage": r["stage"],
            "reason": r["reason"], "detail": r["detail"] or "", "n_bytes": r["n_bytes"], "detected_at": r["modified_at"],
        }
        for _, r in rej.iterrows()
    ]
    return _frame("rejections", rows)


def build_mentions(df: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for _, row in documents_only(df).iterrows():
        found = sorted(enumerate(_loads(row["mentions"])), key=lambda im: (im[1][0], im[1][1], im[1][3]))
        new_seq = {old: new for new, (old, _) in enumerate(found)}
        for seq, (_, m) in enumerate(found):
            start, end, surface, etype, eid, name_en, method, conf, sent_seq, date_value, linked = m
            rows.append({
                "doc_id": row["doc_id"], "seq": seq, "sentence_seq": sent_seq, "char_start": start, "char_end": end,
                "surface": surface, "entity_type": etype, "entity_id": eid, "name_en": name_en, "method": method,
                "confidence": conf, "date_value": dt.date.fromisoformat(date_value) if date_value else None,
                "title_of": new_seq.get(linked) if linked is not None else None,
            })
    return _frame("mentions", rows)


def build_topics(df: pd.DataFrame) -> pd.DataFrame:
    rows = [
        {"doc_id": row["doc_id"], "topic": topic, "score": score, "evidence": list(evidence)}
        for _, row in documents_only(df).iterrows()
        for topic, score, evidence in _loads(row["topics"])
    ]
    return _frame("topics", rows)


def build_entities(mentions: pd.DataFrame, catalog: Iterable[Any]) -> pd.DataFrame:
    """Catalog entities seen in the corpus, counted from the mentions."""
    from pipeline.text.tagging.ids import beyond_catalog

    linked = mentions[mentions["entity_id"].notna()]
    counts = linked.groupby("entity_id").agg(n_mentions=("doc_id", "size"), n_documents=("doc_id", "nunique"))
    by_id = {e.entity_id: e for e in catalog}
    by_id |= beyond_catalog(zip(linked["entity_id"], linked["entity_type"], linked["name_en"], linked["surface"],
                                strict=True), by_id)  # GeoNames cities, unlinked names (per:x-...)
    rows = []
    for entity_id, c in counts.iterrows():
        e = by_id.get(entity_id)
        if e is None:
            continue  # the entities check reports mentions linked to unknown ids
        rows.append({
            "entity_id": entity_id, "entity_type": e.entity_type, "name_en": e.name_en,
            "name_ru": e.name_ru or None, "name_ko": e.name_ko or None, "aliases": list(e.aliases),
            "wikidata_id": e.wikidata_id or None, "n_documents": int(c["n_documents"]),
            "n_mentions": int(c["n_mentions"]),
        })
    return _frame("entities", rows)


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows -> frame with the model's columns, dtypes and sort order."""
    from schemas.registry import DATASETS, SORT_KEYS, conform

    cols = list(DATASETS[name].to_schema().columns)
    df = pd.DataFrame(rows, columns=cols)
    df = conform(name, df)
    return df.sort_values(SORT_KEYS[name], na_position="first", kind="stable").reset_index(drop=True)
