"""Every closed vocabulary of the datasets, in one place: the text core produces these values
and the Pandera schemas (schemas/) import them to validate, so the two can never disagree."""

from __future__ import annotations

# Reasons an input cannot become a document (`rejections.reason`).
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
    "processing_error",  # a stage's code raised on this document (a bug; the run goes on)
    "timeout",  # a stage ran past the time budget on this document (max_document_seconds)
)

# Stages that may reject an input (`rejections.stage`).
REJECTION_STAGES = ("ingest", "clean", "segment", "language", "tag")

# Paragraph-level block kinds (`segments.kind`).
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

# Kinds whose text is the article proper; language, tagging and topics only look at these.
# `boilerplate` is page furniture kept in the text (menus, widgets, counters, date/byline
# lines, notices, related-story boxes); `other` is a block no rule could place.
CONTENT_KINDS = frozenset({"title", "dateline", "body", "caption", "list_item", "heading"})

# Entity types (`mentions.entity_type`); catalog entities use the named ones only.
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "TITLE", "DATE")

# How a mention was found (`mentions.method`).
MENTION_METHODS = ("gazetteer", "ner", "pattern")

# `sentences.translation_status`.
SOURCE_ENGLISH, TRANSLATED, NO_MODEL, FAILED = "source_english", "translated", "no_model", "failed"
TRANSLATION_STATUSES = (SOURCE_ENGLISH, TRANSLATED, NO_MODEL, FAILED)
# Statuses under which a sentence has an English text.
STATUSES_WITH_ENGLISH = (SOURCE_ENGLISH, TRANSLATED)
