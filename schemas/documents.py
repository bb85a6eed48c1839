"""`documents`: one row per ingested document (a file, or one record of a JSONL file)."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.base import (
    HEX16,
    HEX64,
    LANGUAGE_PATTERN,
    UTC_US,
    DatasetModel,
    Date,
    Float64,
    Int64,
    String,
)

SOURCE_FORMATS = ("txt", "md", "html", "jsonl", "pdf", "docx")
PUBLISHED_DATE_SOURCES = (
    "label", "dateline", "stamp", "byline", "crawl_prefix", "metadata", "pdf_info", "pdf_xmp", "docx_core",
)


class Documents(DatasetModel):
    doc_id: Series[String] = pa.Field(
        unique=True, str_matches=HEX16,
        description="Stable document key: hash of source_file, source_record and content_sha256.",
    )
    source_file: Series[String] = pa.Field(description="Path of the input file relative to the inbox (POSIX separators).")
    source_record: Series[Int64] = pa.Field(
        nullable=True, ge=0, description="0-based record index inside a multi-record file (JSONL); null for single-document files."
    )
    source_format: Series[String] = pa.Field(isin=SOURCE_FORMATS, description="Container format the document was read from.")
    encoding: Series[String] = pa.Field(description="Character encoding the bytes were decoded with (utf-8, utf-8-sig, cp1251, cp949, ...).")
    content_sha256: Series[String] = pa.Field(str_matches=HEX64, description="SHA-256 of the raw input bytes (of the JSONL line for records).")
    n_bytes: Series[Int64] = pa.Field(ge=0, description="Size of the raw input in bytes.")
    url: Series[String] = pa.Field(nullable=True, description="Source URL when the container carries one (JSONL url, HTML canonical link).")
    title: Series[String] = pa.Field(nullable=True, description="Headline: from container metadata, else the text's headline line; null when the text has none.")
    source_name: Series[String] = pa.Field(nullable=True, description="Publisher or wire credited by the document (e.g. Yonhap, TASS), when stated.")
    dateline_place: Series[String] = pa.Field(nullable=True, description="Place named in the news dateline or byline, as written (SEOUL, ВЛАДИВОСТОК, 서울).")
    published_date: Series[Date] = pa.Field(nullable=True, description="Publication date, only when the document or its metadata states a full date; null when none, or when the article's own date candidates conflict.")
    published_date_evidence: Series[String] = pa.Field(
        nullable=True,
        description="The date as written where published_date was read ('승인 2018.10.16' gives '2018.10.16'; a year-less dateline completed by another date gives both, e.g. 'Sept. 6 / Sept. 6, 2019'); null when published_date is null.",
    )
    published_date_source: Series[String] = pa.Field(
        nullable=True, isin=PUBLISHED_DATE_SOURCES,
        description="Kind of line published_date came from: label (a date label such as Posted/Опубликовано/입력/작성일), dateline (a wire dateline), stamp (a line holding only a date and time), byline (a name + date line), crawl_prefix (the crawler's ' date YYYY-MM-DD'), metadata (a container field: HTML meta, JSONL), pdf_info / pdf_xmp / docx_core (the PDF Info dictionary, PDF XMP, DOCX core properties).",
    )
    language: Series[String] = pa.Field(str_matches=LANGUAGE_PATTERN, description="ISO 639-1 language of the article body (boilerplate excluded); 'und' when unknown.")
    language_confidence: Series[Float64] = pa.Field(ge=0, le=1, description="Detector confidence for `language` (0..1).")
    text: Series[String] = pa.Field(description="Cleaned full text; all offsets in other datasets index into this string.")
    n_chars: Series[Int64] = pa.Field(ge=0, description="Length of `text` in characters (Python string length).")
    n_segments: Series[Int64] = pa.Field(ge=0, description="Number of rows in `segments` for this document.")
    n_sentences: Series[Int64] = pa.Field(ge=0, description="Number of rows in `sentences` for this document.")
    text_en: Series[String] = pa.Field(
        nullable=True,
        description="English text assembled from sentences.text_en (null when any sentence lacks an English text).",
    )
    duplicate_of: Series[String] = pa.Field(
        nullable=True, description="doc_id of the first copy (in inbox order) when this document repeats its article content (boilerplate left out), else null."
    )
    duplicate_similarity: Series[Float64] = pa.Field(
        nullable=True, ge=0, le=1,
        description="Share of the shorter content's word 5-grams found in the other copy (1.0 for an exact copy); null when duplicate_of is null.",
    )
    ingested_at: Series[pd.DatetimeTZDtype] = pa.Field(
        dtype_kwargs=UTC_US, description="UTC modification time of the input file: stable across re-runs of the same inbox."
    )
