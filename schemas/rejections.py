"""`rejections`: inputs that could not become a document, with the reason."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from pipeline.text.vocab import REJECTION_REASONS, REJECTION_STAGES
from schemas.base import UTC_US, DatasetModel, Int64, String


class Rejections(DatasetModel):
    source_file: Series[String] = pa.Field(description="Path of the input file relative to the inbox (POSIX separators).")
    source_record: Series[Int64] = pa.Field(nullable=True, ge=0, description="0-based record index inside a multi-record file; null for whole files.")
    stage: Series[String] = pa.Field(isin=REJECTION_STAGES, description="Pipeline stage that rejected the input (segment, language and tag only for processing_error and timeout; ingest also for a timeout of extraction).")
    reason: Series[String] = pa.Field(isin=REJECTION_REASONS, description="Why: empty, binary (also an image or archive under any name), undecodable, too_large (over max_input_bytes, also when a PDF/DOCX inflates past it), malformed_record, unsupported_format (a text file of an extension not read, e.g. .csv), unreadable (also a corrupt or truncated PDF, a DOCX that is not a valid package), encrypted (PDF needs a password), no_text_layer (PDF of page images only), processing_error (a stage's code raised on this input: a bug, reported, the run goes on) or timeout (a stage ran past max_document_seconds on it).")
    detail: Series[String] = pa.Field(description="Human-readable explanation of the rejection.")
    n_bytes: Series[Int64] = pa.Field(ge=0, description="Size of the rejected input in bytes.")
    detected_at: Series[pd.DatetimeTZDtype] = pa.Field(
        dtype_kwargs=UTC_US, description="UTC modification time of the input file (stable across re-runs)."
    )
