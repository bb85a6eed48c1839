"""`segments`: one row per paragraph-level block of a document's cleaned text."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from schemas.base import HEX16, LANGUAGE_PATTERN, DatasetModel, Float64, Int64, String

SEGMENT_KINDS = (
    "title", "dateline", "body", "caption", "list_item", "heading", "related_headline", "boilerplate", "other",
)


class Segments(DatasetModel):
    doc_id: Series[String] = pa.Field(str_matches=HEX16, description="Document key (documents.doc_id).")
    seq: Series[Int64] = pa.Field(ge=0, description="0-based position of the segment in the document.")
    kind: Series[String] = pa.Field(
        isin=SEGMENT_KINDS, description="Role of the block: title, dateline, body, caption, list_item, heading, related_headline, boilerplate (page furniture kept in the text: menus, widgets, counters, date and byline lines, notices, related-story boxes; not used for language, entities or topics) or other."
    )
    char_start: Series[Int64] = pa.Field(ge=0, description="Start offset in documents.text (0-based, inclusive).")
    char_end: Series[Int64] = pa.Field(ge=0, description="End offset in documents.text (exclusive); text[char_start:char_end] == text.")
    text: Series[String] = pa.Field(description="The segment's text, exactly documents.text[char_start:char_end].")
    language: Series[String] = pa.Field(str_matches=LANGUAGE_PATTERN, description="ISO 639-1 language of the segment; 'und' when there is no letter to judge.")
    language_confidence: Series[Float64] = pa.Field(ge=0, le=1, description="Detector confidence for `language` (0..1).")
    page: Series[Int64] = pa.Field(
        nullable=True, ge=1,
        description="1-based page of the source PDF on which the segment starts (physical page order, not the printed page label); null for formats without pages (text, HTML, JSONL, DOCX).",
    )

    @pa.dataframe_check(description="char_start < char_end")
    def ordered_offsets(cls, df):  # noqa: N805 - pandera passes the class
        return df["char_start"] < df["char_end"]
