"""Everything derived from the models: Arrow schemas with descriptions, Dagster column
schemas, the data dictionary, and validation with a failure sample."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pandera.errors
import pandera.pandas as pa
import pyarrow as arrow

from schemas.documents import Documents
from schemas.entities import Entities
from schemas.mentions import Mentions
from schemas.rejections import Rejections
from schemas.related_headlines import RelatedHeadlines
from schemas.segments import Segments
from schemas.sentences import Sentences
from schemas.topics import Topics

SCHEMA_VERSION = "1"

# Dataset name -> model, in publication order.
DATASETS: dict[str, type[pa.DataFrameModel]] = {
    "documents": Documents,
    "segments": Segments,
    "sentences": Sentences,
    "related_headlines": RelatedHeadlines,
    "mentions": Mentions,
    "entities": Entities,
    "topics": Topics,
    "rejections": Rejections,
}

# Sort keys: rows are written in this order so files are deterministic.
SORT_KEYS: dict[str, list[str]] = {
    "documents": ["source_file", "source_record", "doc_id"],
    "segments": ["doc_id", "seq"],
    "sentences": ["doc_id", "seq"],
    "related_headlines": ["doc_id", "seq"],
    "mentions": ["doc_id", "seq"],
    "entities": ["entity_id"],
    "topics": ["doc_id", "topic"],
    "rejections": ["source_file", "source_record"],
}

_ARROW_BY_DTYPE = {
    "string": arrow.string(),
    "string[python]": arrow.string(),
    "str": arrow.string(),
    "Int64": arrow.int64(),
    "int64": arrow.int64(),
    "Float64": arrow.float64(),
    "float64": arrow.float64(),
    "boolean": arrow.bool_(),
    "bool": arrow.bool_(),
    "date": arrow.date32(),
    "datetime64[us, UTC]": arrow.timestamp("us", tz="UTC"),
}
_ARROW_BY_NAME = {"list<string>": arrow.list_(arrow.string())}


def describe(model: type[pa.DataFrameModel]) -> str:
    """One-line description of a dataset: its module docstring."""
    return (sys.modules[model.__module__].__doc__ or "").strip()


def columns(model: type[pa.DataFrameModel]) -> dict[str, pa.Column]:
    return dict(model.to_schema().columns)


def arrow_type(column: pa.Column) -> arrow.DataType:
    named = (column.metadata or {}).get("arrow")
    if named:
        return _ARROW_BY_NAME[named]
    return _ARROW_BY_DTYPE[str(column.dtype)]


def arrow_schema(name: str) -> arrow.Schema:
    """Arrow schema of a dataset, each field carrying its description in field metadata."""
    model = DATASETS[name]
    fields = [
        arrow.field(
            col_name,
            arrow_type(col),
            nullable=bool(col.nullable) or str(col.dtype) == "object",
            metadata={"description": col.description or ""},
        )
        for col_name, col in columns(model).items()
    ]
    descriptions = {f.name: f.metadata[b"description"].decode() for f in fields}
    return arrow.schema(
        fields,
        metadata={
            "dataset": name,
            "schema_version": SCHEMA_VERSION,
            "description": describe(model),
            "column_descriptions": json.dumps(descriptions, ensure_ascii=False, sort_keys=True),
        },
    )


def empty_frame(name: str) -> pd.DataFrame:
    """A zero-row frame with the dataset's columns (validates against the model)."""
    return pd.DataFrame({c: pd.Series([], dtype="object") for c in columns(DATASETS[name])})


def validate(name: str, df: pd.DataFrame) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Validate lazily; return (validated frame, None) or (None, failure cases)."""
    try:
        return DATASETS[name].validate(df, lazy=True), None
    except pandera.errors.SchemaErrors as exc:
        return None, exc.failure_cases


def data_dictionary() -> str:
    """Markdown data dictionary generated from the models."""
    lines = ["# Data dictionary", "", "Generated from the Pandera models in `schemas/`; do not edit by hand.", ""]
    for name, model in DATASETS.items():
        lines += [f"## `{name}`", "", describe(model), "", "| column | type | nullable | description |", "|---|---|---|---|"]
        for col_name, col in columns(model).items():
            lines.append(f"| `{col_name}` | {arrow_type(col)} | {'yes' if col.nullable else 'no'} | {col.description or ''} |")
        lines.append("")
    return "\n".join(lines)


def conform(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Cast a frame to the model's dtypes without running its checks (the checks are
    Dagster asset checks, so a bad frame is reported there rather than crashing the step)."""
    out = df.copy()
    for col_name, col in columns(DATASETS[name]).items():
        kind = str(col.dtype)
        if kind in ("string[python]", "string", "str"):
            out[col_name] = out[col_name].astype("string")
        elif kind in ("Int64", "int64"):
            out[col_name] = out[col_name].astype("Int64")
        elif kind in ("Float64", "float64"):
            out[col_name] = out[col_name].astype("Float64")
        elif kind == "datetime64[us, UTC]":
            out[col_name] = pd.to_datetime(out[col_name], utc=True).astype("datetime64[us, UTC]")
        elif kind == "date":
            out[col_name] = out[col_name].astype("object")
    return out


SNAPSHOT_PATH = Path(__file__).with_name("published_schema.json")


def schema_snapshot() -> dict[str, dict[str, str]]:
    """Column -> Arrow type of every dataset: what readers of the published files rely on."""
    return {name: {f.name: str(f.type) for f in arrow_schema(name)} for name in DATASETS}


def compatibility_problems(old: dict[str, dict[str, str]], new: dict[str, dict[str, str]]) -> list[str]:
    """Changes that would break a reader of the previous version: a dataset or column
    removed or renamed, or a column's type changed. Adding columns or datasets is safe."""
    problems = []
    for name, cols in old.items():
        if name not in new:
            problems.append(f"dataset {name} removed")
            continue
        for col, typ in cols.items():
            if col not in new[name]:
                problems.append(f"{name}.{col} removed or renamed")
            elif new[name][col] != typ:
                problems.append(f"{name}.{col} changed type {typ} -> {new[name][col]}")
    return problems
