"""Plain value types passed between the text-core stages (no Dagster, no pandas)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Reasons an input cannot become a document (the `rejections.reason` vocabulary).
REJECTION_REASONS = (
    "empty",
    "binary",
    "undecodable",
    "too_large",
    "malformed_record",
    "unsupported_format",
    "unreadable",
    "encrypted",  # a PDF that needs a password
    "no_text_layer",  # a PDF of page images only (scanned), nothing to read without OCR
)

# Paragraph-level block kinds (the `segments.kind` vocabulary).
SEGMENT_KINDS = (
    "title",
    "dateline",
    "body",
    "caption",
    "list_item",
    "heading",
    "related_headline",
    "boilerplate",
    "other",
)

# Kinds whose text is the article proper; language, taggers and topics only look at these.
# `boilerplate` is page furniture kept in the text (menus, widgets, counters, date/byline
# lines, notices, related-story boxes); `other` is a block no rule could place.
CONTENT_KINDS = frozenset({"title", "dateline", "body", "caption", "list_item", "heading"})


@dataclass(frozen=True)
class Rejection:
    """An input (file, or one record of a multi-record file) that did not become a document."""

    source_file: str  # path relative to the inbox, POSIX separators
    source_record: int | None  # 0-based record index inside a multi-record file, else None
    reason: str  # one of REJECTION_REASONS
    detail: str  # human-readable explanation
    n_bytes: int
    stage: str = "ingest"
    modified_at: dt.datetime | None = None  # the input's own mtime (UTC), for a stable detected_at


@dataclass
class Extracted:
    """Decoded text of one document, with whatever metadata the container carried."""

    source_file: str
    source_record: int | None
    source_format: str  # txt, md, html, jsonl, pdf, docx
    encoding: str  # codec the bytes were decoded with (utf-8, utf-8-sig, cp1251, cp949, utf-16-le, ...)
    text: str  # decoded (for HTML: main content) text, not yet cleaned
    content_sha256: str  # hex sha256 of the raw bytes of the file (or of the JSONL line)
    n_bytes: int
    title: str | None = None  # from container metadata (HTML <title>/og:title, JSONL title, ...)
    published: dt.date | None = None  # from container metadata
    url: str | None = None
    source_name: str | None = None  # publisher from container metadata (og:site_name, JSONL)
    record_id: str | None = None  # the record's own id (JSONL `id`)
    modified_at: dt.datetime | None = None  # the input's own mtime (UTC), for a stable ingested_at
    # Paged formats (PDF): offset in `text` where each page starts; None for other formats.
    page_starts: tuple[int, ...] | None = None
    # Finer kind of where `published` came from (pdf_info, pdf_xmp, docx_core); None = generic.
    published_source: str | None = None


@dataclass(frozen=True)
class Block:
    """A paragraph-level span of the cleaned text: text[start:end] is the block, stripped."""

    kind: str  # one of SEGMENT_KINDS
    start: int
    end: int


@dataclass(frozen=True)
class RelatedHeadline:
    text: str
    labels: tuple[str, ...] = ()


@dataclass
class CleanedDocument:
    """Result of cleaning + layout recognition; `text` becomes `documents.text`."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    dateline_place: str | None = None
    source_name: str | None = None
    published_date: dt.date | None = None
    published_date_evidence: str | None = None  # the date as written
    published_date_source: str | None = None  # label, dateline, stamp, byline, crawl_prefix, metadata
    related_headlines: list[RelatedHeadline] = field(default_factory=list)


@dataclass(frozen=True)
class SentenceSpan:
    """A sentence of the cleaned text: text[start:end] is the sentence."""

    seq: int  # 0-based within the document
    segment_seq: int
    start: int
    end: int


# Entity types of `mentions.entity_type`.
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "TITLE", "DATE")


@dataclass(frozen=True)
class Mention:
    """An entity mention; text[char_start:char_end] == surface."""

    char_start: int
    char_end: int
    surface: str
    entity_type: str  # one of ENTITY_TYPES
    entity_id: str | None  # catalog id when linked
    name_en: str  # canonical English name, or a standard romanisation when unlinked
    method: str  # gazetteer, ner, pattern
    confidence: float
    sentence_seq: int | None = None
    date_value: dt.date | None = None  # resolved ISO date for DATE mentions
    linked_to: int | None = None  # for TITLE mentions: index (in the returned list) of the PERSON it precedes


@dataclass(frozen=True)
class TopicScore:
    topic: str
    score: float
    evidence: tuple[str, ...]  # matched terms, original script
