"""The typed tables the stages hand each other: long form, keyed by `doc_id`, real Arrow types.

Each stage reads the tables it needs and writes only the tables it adds (one shard at a time,
see `pipeline.shards`); nothing per document travels as a JSON string. `inputs` and `docs`
have one row per input (file or JSONL record), documents and rejections alike, so
conservation holds by construction; the others have rows for documents only.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

_S, _I, _F = pa.string(), pa.int64(), pa.float64()
_TS = pa.timestamp("us", tz="UTC")

# The per-input columns shared by `inputs` (ingest) and `docs` (clean).
_INPUT_FIELDS = [
    ("source_file", _S), ("source_record", _I), ("status", _S), ("stage", _S), ("reason", _S), ("detail", _S),
    ("source_format", _S), ("encoding", _S), ("content_sha256", _S), ("n_bytes", _I), ("meta_title", _S),
    ("meta_published", pa.date32()), ("url", _S), ("meta_source_name", _S), ("record_id", _S),
    ("modified_at", _TS), ("meta_published_source", _S),
]

SCHEMAS: dict[str, pa.Schema] = {
    # ingest: one row per input, with the decoded text
    "inputs": pa.schema([*_INPUT_FIELDS, ("raw_text", _S), ("page_starts", pa.list_(_I))]),
    # clean: one row per input (status may turn to rejected), the cleaned text and layout
    "docs": pa.schema([
        *_INPUT_FIELDS, ("doc_id", _S), ("text", _S), ("title", _S), ("dateline_place", _S), ("source_name", _S),
        ("published_date", pa.date32()), ("published_date_evidence", _S), ("published_date_source", _S),
    ]),
    # what duplicate detection compares (exact key of the normalised text, content shingles)
    "dedup": pa.schema([
        ("doc_id", _S), ("source_file", _S), ("source_record", _I), ("exact_key", _S), ("shingles", pa.list_(_I)),
        ("shingles_key", _S), ("signature", pa.list_(_I)),
    ]),
    "blocks": pa.schema([("doc_id", _S), ("seq", _I), ("kind", _S), ("char_start", _I), ("char_end", _I), ("page", _I)]),
    "related": pa.schema([("doc_id", _S), ("seq", _I), ("text", _S), ("labels", pa.list_(_S))]),
    # segment (and the kiwipiepy tokens of each Hangul content block, offsets into the block,
    # from the analysis that split it: tagging reads them instead of analysing the block again)
    "sentences": pa.schema([("doc_id", _S), ("seq", _I), ("segment_seq", _I), ("char_start", _I), ("char_end", _I)]),
    "korean_tokens": pa.schema([
        ("doc_id", _S), ("segment_seq", _I), ("forms", pa.list_(_S)), ("tags", pa.list_(_S)),
        ("starts", pa.list_(_I)), ("ends", pa.list_(_I)),
    ]),
    # language (per document, block, sentence and related headline; `und` not yet inherited)
    "doc_languages": pa.schema([("doc_id", _S), ("language", _S), ("language_confidence", _F)]),
    "block_languages": pa.schema([("doc_id", _S), ("seq", _I), ("language", _S), ("language_confidence", _F)]),
    "sentence_languages": pa.schema([("doc_id", _S), ("seq", _I), ("language", _S), ("language_confidence", _F)]),
    "related_languages": pa.schema([("doc_id", _S), ("seq", _I), ("language", _S)]),
    # translate
    "sentence_en": pa.schema([
        ("doc_id", _S), ("seq", _I), ("text_en", _S), ("translation_status", _S), ("translation_model", _S),
    ]),
    "doc_en": pa.schema([("doc_id", _S), ("text_en", _S)]),
    # tag (`seq` is the tagger's order; the published seq is by offset)
    "mentions": pa.schema([
        ("doc_id", _S), ("seq", _I), ("char_start", _I), ("char_end", _I), ("surface", _S), ("entity_type", _S),
        ("entity_id", _S), ("name_en", _S), ("method", _S), ("confidence", _F), ("sentence_seq", _I),
        ("date_value", pa.date32()), ("linked_to", _I),
    ]),
    "topics": pa.schema([("doc_id", _S), ("seq", _I), ("topic", _S), ("score", _F), ("evidence", pa.list_(_S))]),
}

Tables = dict[str, pd.DataFrame]


def frame(name: str, rows: list[dict[str, Any]] | dict[str, list[Any]]) -> pd.DataFrame:
    """Rows (or columns) -> a frame holding exactly the table's columns, through its Arrow types."""
    schema = SCHEMAS[name]
    if isinstance(rows, dict):
        return to_frame(pa.Table.from_pydict({f.name: rows[f.name] for f in schema}, schema=schema))
    return to_frame(pa.Table.from_pylist(rows, schema=schema))


def empty(name: str) -> pd.DataFrame:
    return to_frame(SCHEMAS[name].empty_table())


def to_arrow(name: str, df: pd.DataFrame) -> pa.Table:
    """A stage frame as its Arrow table (columns in schema order, types enforced)."""
    schema = SCHEMAS[name]
    return pa.Table.from_pandas(df[[f.name for f in schema]], schema=schema, preserve_index=False)


def _types(t: pa.DataType) -> Any:
    # Nullable integers stay integers (source_record, page), not floats with NaN.
    return pd.Int64Dtype() if t == pa.int64() else None


def to_frame(table: pa.Table) -> pd.DataFrame:
    return table.to_pandas(types_mapper=_types, date_as_object=True)


def opt(value: Any) -> Any:
    """A cell as a plain Python value: pandas' missing markers (NA, NaN, NaT) as None, numpy
    scalars and arrays (Arrow lists) as Python ones (they go into JSON cache keys)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value
