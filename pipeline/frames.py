"""The pipeline's stages as functions on typed tables (pandas frames with Arrow types, no
Dagster here).

Every stage takes the tables it needs (`pipeline.tables`: `inputs`, `docs`, `blocks`,
`sentences`, ... in long form keyed by `doc_id`) and returns the tables it adds. The
per-document work of a stage is a module-level function of plain JSON-like values
(`clean_one`, `segment_one`, `language_one`, `tag_batch`), run through `run_stage` (cache,
worker pool). `inputs` and `docs` hold one row per input, a document (`status == "ok"`) or a
rejection, so conservation holds by construction. The `build_*` functions turn the tables
into the published datasets. A stage may be given any set of documents (one shard or many):
nothing here depends on seeing the whole inbox, except duplicate detection, which takes the
`dedup` rows of every document (see `duplicate_map`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from pipeline.cache import payload_key
from pipeline.guard import BudgetExceeded, failed, time_budget, timeout_detail
from pipeline.runner import StageRunner, run_stage
from pipeline.tables import Tables, frame, opt
from pipeline.text.clean import clean_document
from pipeline.text.dedup import (
    MIN_SHINGLES,
    UNKNOWN,
    Duplicate,
    DuplicateIndex,
    Rescore,
    band_keys,
    content_text,
    shingles,
    signature,
)
from pipeline.text.inbox import ExtractFn, extract_file, iter_inputs, list_inbox
from pipeline.text.language import detect_many
from pipeline.text.pages import block_pages
from pipeline.text.segment import segment_document
from pipeline.text.translate import translate_items
from pipeline.text.types import CONTENT_KINDS, Block, Extracted, Rejection, SentenceSpan

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def _loads(value: str | list | None) -> Any:
    """A per-document value: already a list (from the typed tables), or JSON text (a tag result)."""
    if isinstance(value, list):
        return value
    return json.loads(value) if isinstance(value, str) and value else []


def make_doc_id(source_file: str, source_record: int | None, content_sha256: str) -> str:
    """Content- and location-addressed id: same input, same id, on any machine."""
    key = f"{source_file}\x00{'' if source_record is None else source_record}\x00{content_sha256}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _utc(ts: dt.datetime | None) -> dt.datetime:
    if ts is None:
        return EPOCH
    return ts.astimezone(dt.UTC) if ts.tzinfo else ts.replace(tzinfo=dt.UTC)


def _by_doc(df: pd.DataFrame, cols: Sequence[str]) -> dict[str, list[list[Any]]]:
    """doc_id -> its rows (the given columns, in table order) as lists."""
    out: dict[str, list[list[Any]]] = {}
    for doc_id, *values in zip(df["doc_id"], *(df[c] for c in cols), strict=True):
        out.setdefault(doc_id, []).append([opt(v) for v in values])
    return out


def documents_only(docs: pd.DataFrame) -> pd.DataFrame:
    return docs[docs["status"] == "ok"]


def published_only(t: Tables) -> Tables:
    """`t` without the rows of documents that became rejections after the stage that wrote
    them (a later stage failed on the document: `rejected_at`); `docs` itself keeps them."""
    if "docs" not in t:
        return t
    ok = documents_only(t["docs"])["doc_id"]
    out = dict(t)
    for name, df in t.items():
        if name not in ("docs", "inputs") and "doc_id" in df.columns:
            keep = df["doc_id"].isin(ok)
            if not keep.all():
                out[name] = df[keep].reset_index(drop=True)
    return out


def rejected_at(stage: str, docs: pd.DataFrame, ids: Sequence[str], results: Sequence[Any]) -> dict[str, pd.DataFrame]:
    """`{"docs": ...}` with the documents whose result is a failure (`pipeline.guard`) turned into
    rejections at `stage`, when there are any; else nothing (the upstream `docs` stands)."""
    failures = {d: f for d, r in zip(ids, results, strict=True) if (f := failed(r))}
    if not failures:
        return {}
    out = docs.copy()
    at = out["doc_id"].map(failures)
    hit = at.notna()
    out.loc[hit, "status"] = "rejected"
    out.loc[hit, "stage"] = stage
    out.loc[hit, "reason"] = [f[0] for f in at[hit]]
    out.loc[hit, "detail"] = [f[1] for f in at[hit]]
    return {"docs": out}


# --- ingest -------------------------------------------------------------------------


def _row(item: Extracted | Rejection) -> dict[str, Any]:
    if isinstance(item, Rejection):
        return {
            "source_file": item.source_file, "source_record": item.source_record, "status": "rejected",
            "stage": item.stage, "reason": item.reason, "detail": item.detail, "n_bytes": item.n_bytes,
            "modified_at": _utc(item.modified_at),
        }
    return {
        "source_file": item.source_file, "source_record": item.source_record, "status": "ok",
        "source_format": item.source_format, "encoding": item.encoding, "content_sha256": item.content_sha256,
        "n_bytes": item.n_bytes, "raw_text": item.text, "meta_title": item.title, "meta_published": item.published,
        "url": item.url, "meta_source_name": item.source_name, "record_id": item.record_id,
        "modified_at": _utc(item.modified_at),
        "page_starts": list(item.page_starts) if item.page_starts else None,
        "meta_published_source": item.published_source,
    }


def _input_order(row: Mapping[str, Any]) -> tuple[str, bool, int]:
    return row["source_file"], row["source_record"] is not None, row["source_record"] or 0


def ingest_tables(
    inbox: Path, max_bytes: int, runner: StageRunner | None = None, files: Sequence[str] | None = None
) -> Tables:
    """`inputs`: one row per input file or JSONL record (of `files`, default the whole inbox), in
    a stable order; with a cache, a file whose path and bytes were seen before is not decoded again."""
    extract = cached_extract(runner) if runner is not None and runner.cache is not None else extract_file
    extract = budgeted(extract, runner.budget_s if runner is not None else None)
    rels = list_inbox(inbox) if files is None else sorted(files)
    rows = sorted((_row(item) for item in iter_inputs(inbox, rels, max_bytes=max_bytes, extract=extract)),
                  key=_input_order)
    return {"inputs": frame("inputs", rows)}


def budgeted(extract: ExtractFn, budget_s: float | None) -> ExtractFn:
    """`extract` stopped after `budget_s` on one file (a parser looping on a hostile PDF): the
    file is rejected as timeout (not cached, so the next run tries again)."""

    def run(data: bytes, rel: str, st: os.stat_result, reject: Callable[..., Rejection], max_bytes: int
            ) -> Iterator[Any]:
        try:
            with time_budget(budget_s):
                items = list(extract(data, rel, st, reject, max_bytes))
        except BudgetExceeded:
            items = [reject("timeout", timeout_detail("ingest", budget_s), len(data), st)]
        yield from items

    return run


def cached_extract(runner: StageRunner) -> ExtractFn:
    """`extract_file` behind the stage cache, keyed by (path, sha256 of the bytes); the file's
    mtime is stamped afresh on every run (it is not part of what extraction computes)."""
    cache, version = runner.cache, runner.version("ingest")
    assert cache is not None
    counts = cache.count("ingest")

    def extract(
        data: bytes, rel: str, st: os.stat_result, reject: Callable[..., Rejection], max_bytes: int
    ) -> Iterator[Any]:
        key = payload_key("ingest", version, [rel, max_bytes, hashlib.sha256(data).hexdigest()])
        found = cache.get_many("ingest", [key]).get(key)
        mtime = dt.datetime.fromtimestamp(st.st_mtime, tz=dt.UTC)
        if found is not None:
            counts.hits += 1
            yield from (_item_from_json(x, mtime) for x in found)
            return
        counts.misses += 1
        counts.computed += 1
        items = list(extract_file(data, rel, st, reject, max_bytes))
        cache.put_many("ingest", {key: [_item_to_json(x) for x in items]})
        yield from items

    return extract


def _item_to_json(item: Extracted | Rejection) -> dict[str, Any]:
    import dataclasses

    out = {k: v for k, v in dataclasses.asdict(item).items() if k != "modified_at"}
    if isinstance(item, Extracted):
        out["published"] = item.published.isoformat() if item.published else None
    return {"kind": "extracted" if isinstance(item, Extracted) else "rejection", **out}


def _item_from_json(d: dict[str, Any], mtime: dt.datetime) -> Extracted | Rejection:
    fields = {k: v for k, v in d.items() if k != "kind"}
    if d["kind"] == "rejection":
        return Rejection(**fields, modified_at=mtime)
    published = dt.date.fromisoformat(fields.pop("published")) if fields.get("published") else None
    fields.pop("published", None)
    if fields.get("page_starts") is not None:
        fields["page_starts"] = tuple(fields["page_starts"])
    return Extracted(**fields, published=published, modified_at=mtime)


# --- clean --------------------------------------------------------------------------


def clean_one(p: dict[str, Any]) -> dict[str, Any]:
    """Clean one document (the cached, pooled unit of the clean stage)."""
    published = dt.date.fromisoformat(p["published_hint"]) if p["published_hint"] else None
    cleaned = clean_document(
        p["raw_text"], source_format=p["source_format"], title_hint=p["title_hint"],
        published_hint=published, source_name_hint=p["source_name_hint"],
    )
    if not cleaned.text.strip():
        return {"empty": True}
    return {
        "text": cleaned.text, "title": cleaned.title, "dateline_place": cleaned.dateline_place,
        "source_name": cleaned.source_name,
        "published_date": cleaned.published_date.isoformat() if cleaned.published_date else None,
        "published_date_evidence": cleaned.published_date_evidence,
        # the container's own field name when it has one (pdf_info, pdf_xmp, docx_core)
        "published_date_source": (p["published_source_hint"] or "metadata")
        if cleaned.published_date_source == "metadata" else cleaned.published_date_source,
        "blocks": [[b.kind, b.start, b.end] for b in cleaned.blocks],
        "related": [[h.text, list(h.labels)] for h in cleaned.related_headlines],
        "block_pages": block_pages(p["raw_text"], p["page_starts"] or [], cleaned.text, cleaned.blocks),
    }


_CLEANED = ("text", "title", "dateline_place", "source_name", "published_date_evidence", "published_date_source")


def clean_tables(t: Tables, max_chars: int | None = None, runner: StageRunner | None = None) -> Tables:
    """`docs` (every input, with its cleaned text and layout fields), `blocks` and `related`
    (the trailer's headlines). A document whose cleaned text is empty becomes a rejection, and
    one longer than `max_chars` a too_large rejection (the size budget: no input stalls a run)."""
    rows = t["inputs"].drop(columns=["page_starts"]).to_dict("records")
    starts = t["inputs"]["page_starts"].tolist()
    payloads, owners = [], []
    for row, page_starts in zip(rows, starts, strict=True):
        row.update({k: opt(v) for k, v in row.items()})
        raw = row.pop("raw_text")
        if row["status"] != "ok":
            continue
        if max_chars is not None and len(raw) > max_chars:
            row.update(status="rejected", stage="clean", reason="too_large",
                       detail=f"{len(raw)} characters of text, above the budget of {max_chars} (max_document_chars)")
            continue
        published = row["meta_published"]
        payloads.append({
            "raw_text": raw, "source_format": row["source_format"], "title_hint": row["meta_title"],
            "published_hint": published.isoformat() if published else None, "source_name_hint": row["meta_source_name"],
            "page_starts": opt(page_starts),
            "published_source_hint": row["meta_published_source"],
        })
        owners.append(row)
    blocks, related = [], []
    for row, r in zip(owners, run_stage("clean", clean_one, payloads, runner), strict=True):
        if f := failed(r):
            row.update(status="rejected", stage="clean", reason=f[0], detail=f[1])
            continue
        if r.get("empty"):
            row.update(status="rejected", stage="clean", reason="empty",
                       detail="no text left after cleaning (only whitespace, markup or boilerplate)")
            continue
        doc_id = make_doc_id(row["source_file"], row["source_record"], row["content_sha256"])
        row.update({k: r[k] for k in _CLEANED}, doc_id=doc_id,
                   published_date=dt.date.fromisoformat(r["published_date"]) if r["published_date"] else None)
        pages = r["block_pages"]
        blocks += [
            {"doc_id": doc_id, "seq": seq, "kind": kind, "char_start": start, "char_end": end,
             "page": pages[seq] if pages else None}
            for seq, (kind, start, end) in enumerate(r["blocks"])
        ]
        related += [{"doc_id": doc_id, "seq": seq, "text": text, "labels": labels}
                    for seq, (text, labels) in enumerate(r["related"])]
    return {"docs": frame("docs", rows), "blocks": frame("blocks", blocks), "related": frame("related", related)}


def dedup_table(t: Tables) -> pd.DataFrame:
    """Per document what duplicate detection compares: its place in the inbox order, the key
    of its normalised text (exact copies), the shingles of its content and their MinHash
    signature (near copies; the signature only when there are enough shingles to judge)."""
    docs = documents_only(t["docs"])
    blocks = _by_doc(t["blocks"], ["kind", "char_start", "char_end"])
    sets = [shingles(content_text(text, [Block(*b) for b in blocks.get(doc_id, [])]))
            for doc_id, text in zip(docs["doc_id"], docs["text"], strict=True)]
    ordered = [sorted(sh) for sh in sets]
    return frame("dedup", {
        "doc_id": docs["doc_id"].tolist(), "source_file": docs["source_file"].tolist(),
        "source_record": [opt(r) for r in docs["source_record"]],
        "exact_key": [near_duplicate_key(text) for text in docs["text"]],
        "shingles": ordered,
        "shingles_key": [hashlib.sha256(json.dumps(sh).encode()).hexdigest()[:16] for sh in ordered],
        "signature": [signature(sh).astype("int64").tolist() if len(sh) >= MIN_SHINGLES else [] for sh in sets],
    })


# --- segment ------------------------------------------------------------------------


def segment_one(p: dict[str, Any]) -> dict[str, Any]:
    blocks = [Block(kind, start, end) for kind, start, end in p["blocks"]]
    seg = segment_document(p["text"], blocks)
    return {"sentences": [[s.seq, s.segment_seq, s.start, s.end] for s in seg.sentences],
            # per block: [seq, forms, tags, starts, ends]
            "korean_tokens": [[seq, *([tok[k] for tok in tokens] for k in range(4))]
                              for seq, tokens in sorted(seg.korean_tokens.items())]}


def _doc_payloads(t: Tables, with_sentences: bool = False) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    docs = documents_only(t["docs"])
    blocks = _by_doc(t["blocks"], ["kind", "char_start", "char_end"])
    sentences = _by_doc(t["sentences"], ["seq", "segment_seq", "char_start", "char_end"]) if with_sentences else {}
    payloads = []
    for doc_id, text in zip(docs["doc_id"], docs["text"], strict=True):
        p = {"text": text, "blocks": blocks.get(doc_id, [])}
        if with_sentences:
            p["sentences"] = sentences.get(doc_id, [])
        payloads.append(p)
    return docs, payloads


def segment_tables(t: Tables, runner: StageRunner | None = None) -> Tables:
    """`sentences`: each document's sentences with exact offsets into its text."""
    docs, payloads = _doc_payloads(t)
    results = run_stage("segment", segment_one, payloads, runner)
    done = [(doc_id, r) for doc_id, r in zip(docs["doc_id"], results, strict=True) if not failed(r)]
    rows = [
        {"doc_id": doc_id, "seq": seq, "segment_seq": seg, "char_start": start, "char_end": end}
        for doc_id, r in done for seq, seg, start, end in r["sentences"]
    ]
    korean = [
        {"doc_id": doc_id, "segment_seq": seg, "forms": forms, "tags": tags, "starts": starts, "ends": ends}
        for doc_id, r in done for seg, forms, tags, starts, ends in r["korean_tokens"]
    ]
    return {"sentences": frame("sentences", rows), "korean_tokens": frame("korean_tokens", korean),
            **rejected_at("segment", t["docs"], docs["doc_id"], results)}


# --- language -----------------------------------------------------------------------


def language_one(p: dict[str, Any]) -> dict[str, Any]:
    """Language per document (content blocks only), per segment and per sentence."""
    text = p["text"]
    blocks = [Block(kind, start, end) for kind, start, end in p["blocks"]]
    sentences = [SentenceSpan(*s) for s in p["sentences"]]
    content = "\n".join(text[b.start:b.end] for b in blocks if b.kind in CONTENT_KINDS) or text
    related = p["related"]
    seg_texts = [text[b.start:b.end] for b in blocks]
    sent_texts = [text[s.start:s.end] for s in sentences]
    found = detect_many([content, *seg_texts, *sent_texts, *related], p["languages"])
    doc_lang, seg_langs = found[0], found[1:1 + len(blocks)]
    sent_langs = found[1 + len(blocks):1 + len(blocks) + len(sentences)]
    rel_langs = found[1 + len(blocks) + len(sentences):]
    # Letterless or short, unsure spans keep the document's language (see _settle).
    return {
        "language": doc_lang[0], "language_confidence": doc_lang[1],
        "segment_languages": [_settle(x, t, doc_lang[0]) for x, t in zip(seg_langs, seg_texts, strict=True)],
        "sentence_languages": [_settle(x, t, doc_lang[0]) for x, t in zip(sent_langs, sent_texts, strict=True)],
        "related_languages": [x[0] for x in rel_langs],
    }


def language_tables(t: Tables, languages: Sequence[str], runner: StageRunner | None = None) -> Tables:
    """Language (lingua, restricted to `languages`) per document, block, sentence and related headline."""
    docs, payloads = _doc_payloads(t, with_sentences=True)
    related = _by_doc(t["related"], ["text"])
    chosen = sorted(set(languages))
    for doc_id, p in zip(docs["doc_id"], payloads, strict=True):
        p.update(related=[r[0] for r in related.get(doc_id, [])], languages=chosen)
    results = run_stage("language", language_one, payloads, runner)
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in ("doc", "block", "sentence", "related")}
    for doc_id, r in zip(docs["doc_id"], results, strict=True):
        if failed(r):
            continue
        out["doc"].append({"doc_id": doc_id, "language": r["language"], "language_confidence": r["language_confidence"]})
        for kind, key in (("block", "segment_languages"), ("sentence", "sentence_languages")):
            out[kind] += [{"doc_id": doc_id, "seq": seq, "language": lang, "language_confidence": conf}
                          for seq, (lang, conf) in enumerate(r[key])]
        out["related"] += [{"doc_id": doc_id, "seq": seq, "language": lang}
                           for seq, lang in enumerate(r["related_languages"])]
    return {**{f"{kind}_languages": frame(f"{kind}_languages", rows) for kind, rows in out.items()},
            **rejected_at("language", t["docs"], docs["doc_id"], results)}


SHORT_SPAN_LETTERS = 25  # below this many letters lingua's guess between neighbours (ru/uk) is noise
UNSURE = 0.8


def _settle(found: tuple[str, float], span: str, doc_lang: str) -> list[Any]:
    """A short span that the detector is unsure about keeps the document's language:
    "Для" or "1. Обмен депутатами" inside a Russian report is Russian, not Ukrainian."""
    lang, conf = found
    if lang not in ("und", doc_lang) and conf < UNSURE and sum(c.isalpha() for c in span) < SHORT_SPAN_LETTERS:
        return [doc_lang, 0.0]
    return [lang, conf]


def _inherit(lang: str, conf: float, doc_lang: str) -> tuple[str, float]:
    return (doc_lang, 0.0) if lang == "und" else (lang, conf)


# --- translate ----------------------------------------------------------------------

Translate = Callable[[list[tuple[str, str]]], list[Any]]


def translate_tables(t: Tables, translate: Translate | None) -> tuple[Tables, dict[str, Any]]:
    """Sentence-level English (`sentence_en`) and the document's (`doc_en`, when every sentence
    has one); `translate` maps (language, text) pairs to outcomes with text_en/status/model_id/error
    (see pipeline.mt_resource)."""
    docs = documents_only(t["docs"])
    text_of = dict(zip(docs["doc_id"], docs["text"], strict=True))
    doc_lang = dict(zip(t["doc_languages"]["doc_id"], t["doc_languages"]["language"], strict=True))
    sents = published_only(t)["sentences"].merge(t["sentence_languages"], on=["doc_id", "seq"], how="left",
                                                  validate="one_to_one")
    items: list[tuple[str, str]] = []
    for doc_id, start, end, lang, conf in zip(sents["doc_id"], sents["char_start"], sents["char_end"],
                                              sents["language"], sents["language_confidence"], strict=True):
        # the sentence's published language (und -> the document's) decides its status
        items.append((_inherit(lang, conf, doc_lang[doc_id])[0], text_of[doc_id][start:end]))
    # Without a translator the same rules apply with no package installed.
    outcomes = translate(items) if translate is not None else translate_items(items, {}, _no_loader, None, 1)
    stats: dict[str, Any] = {"sentences": len(items), "by_status": {}, "no_model_languages": set(), "failed": []}
    rows, per_doc = [], {}
    for doc_id, seq, (lang, text), out in zip(sents["doc_id"], sents["seq"], items, outcomes, strict=True):
        rows.append({"doc_id": doc_id, "seq": seq, "text_en": out.text_en, "translation_status": out.status,
                     "translation_model": out.model_id})
        per_doc.setdefault(doc_id, []).append(out.text_en)
        stats["by_status"][out.status] = stats["by_status"].get(out.status, 0) + 1
        if out.status == "no_model":
            stats["no_model_languages"].add(lang)
        if out.status == "failed":
            stats["failed"].append({"language": lang, "text": text[:80], "error": out.error})
    doc_en = [{"doc_id": d, "text_en": " ".join(en) if all(en) else None} for d, en in per_doc.items()]
    stats["no_model_languages"] = sorted(stats["no_model_languages"])
    return {"sentence_en": frame("sentence_en", rows), "doc_en": frame("doc_en", doc_en)}, stats


def _no_loader(package: Any) -> Any:
    raise AssertionError("no package is given, so nothing is loaded")


# --- tag ----------------------------------------------------------------------------


def tag_batch(payloads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entity mentions and topics of a batch of documents, from content blocks only (the models
    are called once per batch: `pipeline.text.tagging.tag_documents`)."""
    from pipeline.text.tagging import DocumentInput, tag_documents

    docs = [DocumentInput(
        p["text"], p["language"], [Block(kind, start, end) for kind, start, end in _loads(p["blocks"])],
        [SentenceSpan(*s) for s in _loads(p["sentences"])],
        dt.date.fromisoformat(p["published_date"]) if p["published_date"] else None,
        {(a, b): list(zip(forms, tags, starts, ends, strict=True))
         for a, b, forms, tags, starts, ends in p.get("korean_tokens", [])},
    ) for p in payloads]
    return [{
        "mentions": _json([
            [m.char_start, m.char_end, m.surface, m.entity_type, m.entity_id, m.name_en, m.method,
             float(m.confidence), m.sentence_seq, m.date_value.isoformat() if m.date_value else None, m.linked_to]
            for m in mentions
        ]),
        "topics": _json([[t.topic, float(t.score), list(t.evidence)] for t in topics]),
    } for mentions, topics in tag_documents(docs)]


def _korean_tokens(t: Tables) -> dict[str, list[list[Any]]]:
    """doc_id -> [block start, block end, forms, tags, starts, ends] of each Hangul content block
    the segment stage analysed (none when the table is absent: tagging analyses the blocks)."""
    tokens = t.get("korean_tokens")
    if tokens is None or tokens.empty:
        return {}
    blocks = t["blocks"]
    bounds = {(d, s): (int(a), int(b)) for d, s, a, b in zip(
        blocks["doc_id"], blocks["seq"], blocks["char_start"], blocks["char_end"], strict=True)}
    out: dict[str, list[list[Any]]] = {}
    for d, seg, forms, tags, starts, ends in zip(tokens["doc_id"], tokens["segment_seq"], tokens["forms"],
                                                 tokens["tags"], tokens["starts"], tokens["ends"], strict=True):
        out.setdefault(d, []).append([*bounds[(d, int(seg))], opt(forms), opt(tags), opt(starts), opt(ends)])
    return out


def tag_tables(t: Tables, runner: StageRunner | None = None) -> Tables:
    """`mentions` (catalog, NER, patterns, dates) and `topics` per document, from content blocks only."""
    docs, payloads = _doc_payloads(t, with_sentences=True)
    lang = dict(zip(t["doc_languages"]["doc_id"], t["doc_languages"]["language"], strict=True))
    korean = _korean_tokens(t)
    for doc_id, published, p in zip(docs["doc_id"], docs["published_date"], payloads, strict=True):
        p.update(language=lang[doc_id], published_date=published.isoformat() if opt(published) else None)
        if doc_id in korean:
            p["korean_tokens"] = korean[doc_id]
    results = run_stage("tag", tag_batch, payloads, runner, batched=True)
    mentions, topics = [], []
    for doc_id, r in zip(docs["doc_id"], results, strict=True):
        if failed(r):
            continue
        for seq, (start, end, surface, etype, eid, name_en, method, conf, sent_seq, date_value, linked) in enumerate(
            _loads(r["mentions"])
        ):
            mentions.append({
                "doc_id": doc_id, "seq": seq, "char_start": start, "char_end": end, "surface": surface,
                "entity_type": etype, "entity_id": eid, "name_en": name_en, "method": method, "confidence": conf,
                "sentence_seq": sent_seq, "date_value": dt.date.fromisoformat(date_value) if date_value else None,
                "linked_to": linked,
            })
        topics += [{"doc_id": doc_id, "seq": seq, "topic": topic, "score": score, "evidence": list(evidence)}
                   for seq, (topic, score, evidence) in enumerate(_loads(r["topics"]))]
    return {"mentions": frame("mentions", mentions), "topics": frame("topics", topics),
            **rejected_at("tag", t["docs"], docs["doc_id"], results)}


# --- datasets -----------------------------------------------------------------------

_PUNCT_OR_SPACE = re.compile(r"[\W_]+", re.UNICODE)


def near_duplicate_key(text: str) -> str:
    """Texts equal after case, whitespace and punctuation normalisation share a key."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return hashlib.sha256(_PUNCT_OR_SPACE.sub("", folded).encode("utf-8")).hexdigest()


Duplicates = dict[str, tuple[str, float]]
SCAN_RATIO = 20  # documents known per new document from which `DuplicateIndex(scan=True)` is cheaper


def duplicate_map(dedup: pd.DataFrame, previous: Mapping[str, Any] | None = None,
                  load_shingles: Callable[[str], Collection[int]] | None = None) -> tuple[Duplicates, dict[str, Any]]:
    """doc_id -> (first copy's doc_id, similarity) for every later copy, over `dedup` rows of the
    whole corpus: exact copies (same normalised text) first, then near copies (shingles).

    Near copies depend only on the documents before in inbox order, so the answers of
    `previous` (the state this returns) hold for the documents up to the first one that differs:
    those only join the index, and only the documents after it are compared. Without a
    `shingles` column, a document's shingles come from `load_shingles(doc_id)`, called only
    for the documents that are compared or are candidates."""
    dedup = dedup.sort_values(["source_file", "source_record", "doc_id"], na_position="first", kind="stable")
    ids = dedup["doc_id"].tolist()
    order = [[d, k] for d, k in zip(ids, dedup["shingles_key"].tolist(), strict=True)]
    before = (previous or {}).get("order", [])
    same = next((i for i, (a, b) in enumerate(zip(order, before, strict=False)) if a != b), min(len(order), len(before)))
    known_near = (previous or {}).get("near", {})
    # Documents only added since `previous` (none removed or changed), wherever they sort: a
    # known document's answer still holds unless it shares a band with a document added or
    # answered anew before it (its other candidates are the same), and then it is compared with
    # those alone (`Rescore`). A file whose name sorts first so costs its near copies'
    # comparisons with it, not the whole corpus's (6 s at 10,000).
    now = {(d, k) for d, k in order}
    kept = {(d, k) for d, k in before}
    inserted_only = bool(before) and kept <= now
    todo = len(order) - len(before) if inserted_only else len(order) - same
    # a few new documents after many known ones: scan the signatures instead of filling buckets
    index = DuplicateIndex(scan=todo <= (len(order) - todo) // SCAN_RATIO)
    changed_at: dict[tuple[int, bytes], list[int]] = {}  # band -> positions of documents added or answered anew
    near: dict[str, Duplicate] = {}
    if "shingles" in dedup.columns:
        sets: Iterable[Any] = dedup["shingles"]
    elif load_shingles is None:
        raise ValueError("dedup rows without shingles need load_shingles")
    else:
        sets = (partial(load_shingles, doc_id) for doc_id in ids)
    for i, (doc_id, sh, sig, key) in enumerate(zip(ids, sets, dedup["signature"], dedup["shingles_key"], strict=True)):
        sig_array = np.asarray(sig, dtype=np.uint64) if len(sig) or callable(sh) else None
        k = known_near.get(doc_id)
        previously = Duplicate(doc_id, k[0], k[1]) if k else None
        bands = band_keys(sig_array) if inserted_only and i >= same and sig_array is not None and len(sig_array) else []
        known: object = UNKNOWN
        if i < same:
            known = previously
        elif inserted_only and (doc_id, key) in kept:
            changed = sorted({j for b in bands for j in changed_at.get(b, ())})
            known = Rescore(previously, tuple(changed)) if changed else previously
        found = index.add(doc_id, sh, sig_array, known)  # distinct hashes, as the dedup table stores them
        if found is not None:
            near[doc_id] = found
        if (doc_id, key) not in kept or (i >= same and found != previously):
            for b in bands:
                changed_at.setdefault(b, []).append(i)
    first_by_key: dict[str, str] = {}
    out: Duplicates = {}
    for doc_id, key in zip(ids, dedup["exact_key"], strict=True):
        first = first_by_key.setdefault(key, doc_id)
        if first != doc_id:
            out[doc_id] = (first, 1.0)
        elif doc_id in near:
            out[doc_id] = (near[doc_id].duplicate_of, near[doc_id].similarity)
    state = {"order": order, "near": {d: [x.duplicate_of, x.similarity] for d, x in near.items()}}
    return out, state


def _count(df: pd.DataFrame) -> dict[str, int]:
    return df["doc_id"].value_counts().to_dict()


def _languages(t: Tables) -> dict[str, tuple[str, float]]:
    dl = t["doc_languages"]
    return {d: (lang, conf) for d, lang, conf in zip(dl["doc_id"], dl["language"], dl["language_confidence"], strict=True)}


def build_documents(t: Tables, duplicates: Duplicates | None = None) -> pd.DataFrame:
    """One row per document; `duplicates` (see `duplicate_map`) from the whole corpus, else from `t`."""
    if duplicates is None:
        duplicates = duplicate_map(dedup_table(t))[0]
    docs = documents_only(t["docs"]).drop(columns=["status", "stage", "reason", "detail", "meta_title",
                                                  "meta_published", "meta_source_name", "meta_published_source",
                                                  "record_id"])
    langs, en = _languages(t), dict(zip(t["doc_en"]["doc_id"], t["doc_en"]["text_en"], strict=True))
    n_segments, n_sentences = _count(t["blocks"]), _count(t["sentences"])
    ids = docs["doc_id"].tolist()
    dups = [duplicates.get(d, (None, None)) for d in ids]
    df = docs.assign(
        language=[langs[d][0] for d in ids], language_confidence=[langs[d][1] for d in ids],
        n_chars=docs["text"].str.len(), n_segments=[n_segments.get(d, 0) for d in ids],
        n_sentences=[n_sentences.get(d, 0) for d in ids], text_en=[opt(en.get(d)) for d in ids],
        duplicate_of=[d[0] for d in dups], duplicate_similarity=[d[1] for d in dups],
        ingested_at=docs["modified_at"],
    )
    return _frame("documents", df)


def _spans(spans: pd.DataFrame, languages: pd.DataFrame, t: Tables) -> pd.DataFrame:
    """Spans with their text (a slice of the document's) and their language, `und` inherited."""
    docs = documents_only(t["docs"])
    text_of = dict(zip(docs["doc_id"], docs["text"], strict=True))
    doc_lang = {d: lang for d, (lang, _) in _languages(t).items()}
    df = spans.merge(languages, on=["doc_id", "seq"], how="left", validate="one_to_one")
    settled = [_inherit(lang, conf, doc_lang[d]) for d, lang, conf in
               zip(df["doc_id"], df["language"], df["language_confidence"], strict=True)]
    return df.assign(
        text=[text_of[d][s:e] for d, s, e in zip(df["doc_id"], df["char_start"], df["char_end"], strict=True)],
        language=[x[0] for x in settled], language_confidence=[x[1] for x in settled],
    )


def build_segments(t: Tables) -> pd.DataFrame:
    return _frame("segments", _spans(t["blocks"], t["block_languages"], t))


def build_sentences(t: Tables) -> pd.DataFrame:
    df = _spans(t["sentences"], t["sentence_languages"], t)
    return _frame("sentences", df.merge(t["sentence_en"], on=["doc_id", "seq"], how="left", validate="one_to_one"))


def build_related_headlines(t: Tables) -> pd.DataFrame:
    doc_lang = {d: lang for d, (lang, _) in _languages(t).items()}
    df = t["related"].merge(t["related_languages"], on=["doc_id", "seq"], how="left", validate="one_to_one")
    return _frame("related_headlines", df.assign(language=[
        doc_lang[d] if lang == "und" else lang for d, lang in zip(df["doc_id"], df["language"], strict=True)
    ]))


def build_rejections(t: Tables) -> pd.DataFrame:
    rej = t["docs"][t["docs"]["status"] == "rejected"]
    return _frame("rejections", rej.assign(detail=rej["detail"].fillna(""), detected_at=rej["modified_at"]))


def build_mentions(t: Tables) -> pd.DataFrame:
    """Mentions numbered by offset within their document; a title points at its person's new number."""
    m = t["mentions"].sort_values(["doc_id", "char_start", "char_end", "entity_type", "seq"], kind="stable")
    new_seq = m.groupby("doc_id", sort=False).cumcount()
    renumber = dict(zip(zip(m["doc_id"], m["seq"], strict=True), new_seq, strict=True))
    title_of = [None if opt(linked) is None else renumber.get((d, int(linked)))
                for d, linked in zip(m["doc_id"], m["linked_to"], strict=True)]
    return _frame("mentions", m.assign(seq=new_seq.to_numpy(), title_of=title_of))


def build_topics(t: Tables) -> pd.DataFrame:
    return _frame("topics", t["topics"])


def build_entities(mentions: pd.DataFrame, catalog: Iterable[Any]) -> pd.DataFrame:
    """Catalog entities seen in the corpus, counted from the mentions (sorted by doc_id, seq)."""
    catalog = list(catalog)
    return entities_from_counts(count_entities(mentions, catalog), catalog)


# What `entities` needs of a set of mentions: per linked id [n_mentions, n_documents], and for
# ids beyond the catalog [first (doc_id, seq), entity_type, name_en counts, surface counts].
# JSON-like, and counts of disjoint sets of documents (the shards' parts) add up.
EntityCounts = dict[str, dict[str, list[Any]]]


def count_entities(mentions: pd.DataFrame, catalog: Iterable[Any]) -> EntityCounts:
    from pipeline.text.tagging.ids import count_forms

    linked = mentions[mentions["entity_id"].notna()]
    counts = linked.groupby("entity_id").agg(n_mentions=("doc_id", "size"), n_documents=("doc_id", "nunique"))
    known = {e.entity_id for e in catalog}
    first = linked.drop_duplicates("entity_id").set_index("entity_id")
    forms = count_forms(zip(linked["entity_id"], linked["entity_type"], linked["name_en"], linked["surface"],
                            strict=True), dict.fromkeys(known))
    return {
        "counts": {e: [int(m), int(d)] for e, m, d in counts.itertuples(name=None)},
        "forms": {e: [[first.at[e, "doc_id"], int(first.at[e, "seq"])], etype, dict(names), dict(surfaces)]
                  for e, (etype, names, surfaces) in forms.items()},
    }


def merge_entity_counts(parts: Iterable[EntityCounts]) -> EntityCounts:
    """The counts of the union of the parts' (disjoint) documents."""
    counts: dict[str, list[int]] = {}
    forms: dict[str, list[Any]] = {}
    for part in parts:
        for e, (m, d) in part["counts"].items():
            total = counts.setdefault(e, [0, 0])
            total[0] += m
            total[1] += d
        for e, (first, etype, names, surfaces) in part["forms"].items():
            have = forms.get(e)
            if have is None:
                forms[e] = [list(first), etype, dict(names), dict(surfaces)]
                continue
            if tuple(first) < tuple(have[0]):  # the type of the id's first mention in document order
                have[0], have[1] = list(first), etype
            for into, more in ((have[2], names), (have[3], surfaces)):
                for k, v in more.items():
                    into[k] = into.get(k, 0) + v
    return {"counts": counts, "forms": forms}


def entities_from_counts(counted: EntityCounts, catalog: Iterable[Any]) -> pd.DataFrame:
    from pipeline.text.tagging.ids import records_beyond_catalog

    by_id = {e.entity_id: e for e in catalog}
    by_id |= records_beyond_catalog({  # GeoNames cities, unlinked names (per:x-...)
        e: (etype, Counter(names), Counter(surfaces)) for e, (_, etype, names, surfaces) in counted["forms"].items()})
    rows = []
    for entity_id, (n_mentions, n_documents) in sorted(counted["counts"].items()):
        e = by_id.get(entity_id)
        if e is None:
            continue  # the entities check reports mentions linked to unknown ids
        rows.append({
            "entity_id": entity_id, "entity_type": e.entity_type, "name_en": e.name_en,
            "name_ru": e.name_ru or None, "name_ko": e.name_ko or None, "aliases": list(e.aliases),
            "wikidata_id": e.wikidata_id or None, "n_documents": int(n_documents),
            "n_mentions": int(n_mentions),
        })
    return _frame("entities", pd.DataFrame(rows))


def _frame(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """A frame with exactly the model's columns, its dtypes and sort order."""
    from schemas.registry import DATASETS, SORT_KEYS, conform

    cols = list(DATASETS[name].to_schema().columns)
    df = df.reindex(columns=cols).reset_index(drop=True)
    df = conform(name, df)
    return df.sort_values(SORT_KEYS[name], na_position="first", kind="stable").reset_index(drop=True)


# --- the whole flow in memory (tests and tools; the Dagster assets run it shard by shard) ---


def run_stages(
    inbox: Path, languages: Sequence[str], translate: Translate | None = None, runner: StageRunner | None = None,
    max_bytes: int = 64 * 1024 * 1024, max_chars: int | None = None,
) -> Tables:
    """Every stage table of the inbox, in one process."""
    t = ingest_tables(inbox, max_bytes, runner)
    t |= clean_tables(t, max_chars, runner)
    t |= segment_tables(t, runner)
    t |= language_tables(t, languages, runner)
    t |= translate_tables(t, translate)[0]
    return t | tag_tables(t, runner)


def build_datasets(t: Tables) -> dict[str, pd.DataFrame]:
    """The published datasets from complete stage tables (in memory)."""
    from pipeline.text.tagging import load_catalog

    t = published_only(t)

    out = {
        "documents": build_documents(t), "segments": build_segments(t), "sentences": build_sentences(t),
        "related_headlines": build_related_headlines(t), "mentions": build_mentions(t),
    }
    out["entities"] = build_entities(out["mentions"], load_catalog().entries)
    return out | {"topics": build_topics(t), "rejections": build_rejections(t)}
