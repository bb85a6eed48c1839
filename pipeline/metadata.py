"""What the Dagster UI shows about the datasets: previews as tables, Arrow column types,
counts per language, translation status per language, rejections per reason, failure samples.

The assets only call these builders, so the UI's view of a dataset is defined in one place.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import dagster as dg
import numpy as np
import pandas as pd

from schemas.registry import DATASETS, arrow_schema, columns

PREVIEW_ROWS = 10
EXCERPT_CHARS = 100  # long texts are cut to this many characters in previews

# The columns an analyst looks at first, in that order (title, date, language, source, text).
PREVIEW_COLUMNS: dict[str, list[str]] = {
    "documents": ["title", "published_date", "language", "source_name", "text", "source_file"],
    "segments": ["doc_id", "seq", "kind", "language", "text"],
    "sentences": ["doc_id", "seq", "language", "translation_status", "text", "text_en"],
    "related_headlines": ["doc_id", "seq", "language", "labels", "text"],
    "mentions": ["surface", "entity_type", "name_en", "entity_id", "method", "doc_id"],
    "entities": ["entity_id", "entity_type", "name_en", "name_ru", "name_ko", "n_documents", "n_mentions"],
    "topics": ["doc_id", "topic", "score", "evidence"],
    "rejections": ["source_file", "source_record", "reason", "detail"],
}


# The columns the counts below are made of (read from every part; the rest only for the preview).
STAT_COLUMNS: dict[str, list[str]] = {
    "documents": ["language", "published_date", "duplicate_of"],
    "segments": ["language"],
    "sentences": ["language", "translation_status"],
    "mentions": ["entity_type", "entity_id"],
    "topics": ["topic"],
    "rejections": ["reason"],
}


def arrow_types(name: str) -> dict[str, str]:
    """Column -> Arrow type as analysts get it from the Parquet files (string, int64, date32[day] ...)."""
    return {field.name: str(field.type) for field in arrow_schema(name)}


def column_schema(name: str) -> dg.TableSchema:
    """The dataset's columns with Arrow types, nullability and descriptions (`dagster/column_schema`)."""
    types = arrow_types(name)
    return dg.TableSchema(columns=[
        dg.TableColumn(
            name=col_name, type=types[col_name], description=col.description or "",
            constraints=dg.TableColumnConstraints(nullable=bool(col.nullable), unique=bool(col.unique)),
        )
        for col_name, col in columns(DATASETS[name]).items()
    ])


def _cell(value: Any) -> str | int | float | bool | None:
    """A value Dagster's table metadata accepts, long texts cut to an excerpt."""
    if isinstance(value, list | tuple | np.ndarray):  # list<string> columns (labels, evidence, aliases)
        value = ", ".join(str(v) for v in list(value))
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, np.generic):  # numpy scalars serialise only as Python values
        return _cell(value.item())
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, dt.datetime | dt.date | pd.Timestamp):
        return value.isoformat()
    text = " ".join(str(value).split())
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


def table(df: pd.DataFrame, cols: Sequence[str] | None = None, n: int = PREVIEW_ROWS,
          types: dict[str, str] | None = None) -> dg.MetadataValue:
    """The first `n` rows of `df` as Dagster table metadata (rendered as a table in the UI)."""
    cols = [c for c in (cols or list(df.columns)) if c in df.columns]
    types = types or {}
    schema = dg.TableSchema(columns=[dg.TableColumn(name=c, type=types.get(c, "string")) for c in cols])
    records = [
        dg.TableRecord({c: _cell(v) for c, v in zip(cols, row, strict=True)})
        for row in df[cols].head(n).itertuples(index=False, name=None)
    ]
    return dg.MetadataValue.table(records=records, schema=schema)


def preview_table(name: str, df: pd.DataFrame) -> dg.MetadataValue:
    return table(df, PREVIEW_COLUMNS[name], types=arrow_types(name))


def counts(values: Iterable[Any]) -> dict[str, int]:
    """Value -> count, largest first then by name (stable across runs)."""
    series = pd.Series(list(values), dtype="object").fillna("(none)").astype(str)
    found = series.value_counts()
    return {str(k): int(v) for k, v in sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))}


def translation_status_by_language(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence language: the number of sentences in each translation status."""
    if sentences.empty:
        return pd.DataFrame(columns=["language"])
    crosstab = pd.crosstab(sentences["language"].astype(str), sentences["translation_status"].astype(str))
    return crosstab.reset_index().rename_axis(columns=None)


def published_uri(outputs: Path, name: str) -> str:
    """Where analysts find the dataset: the published folder, as a file URI."""
    return (outputs / name).as_uri() + "/"


def dataset_metadata(
    name: str, df: pd.DataFrame, outputs: Path, preview: pd.DataFrame | None = None, rows: int | None = None,
) -> dict[str, Any]:
    """Materialization metadata of a dataset asset; `df` holds at least its STAT_COLUMNS,
    `preview` (default `df`) its first rows."""
    meta: dict[str, Any] = {
        "dagster/row_count": len(df) if rows is None else rows,
        "dagster/uri": published_uri(outputs, name),
        "published_path": dg.MetadataValue.path(str(outputs / name)),
        "preview": preview_table(name, df if preview is None else preview),
    }
    if "language" in df.columns and name in ("documents", "sentences", "segments"):
        meta[f"{name}_by_language"] = dg.MetadataValue.json(counts(df["language"]))
    if name == "documents":
        months = pd.to_datetime(df["published_date"]).dt.strftime("%Y-%m") if len(df) else pd.Series([], dtype=str)
        meta["documents_by_month"] = dg.MetadataValue.json(dict(sorted(counts(months.fillna("(no date)")).items())))
        meta["duplicates"] = int(df["duplicate_of"].notna().sum())
    if name == "sentences":
        by_lang = translation_status_by_language(df)
        meta["translation_status_by_language"] = table(by_lang, types={c: "int64" for c in by_lang.columns if c != "language"})
    if name == "rejections":
        meta["rejections_by_reason"] = dg.MetadataValue.json(counts(df["reason"]))
    if name == "mentions":
        meta["mentions_by_type"] = dg.MetadataValue.json(counts(df["entity_type"]))
        linked = df["entity_id"].notna() & ~df["entity_id"].fillna("").str.contains(":x-", regex=False)  # per:x- = unlinked
        meta["linked_share"] = round(float(linked.mean()), 3) if len(df) else 0.0
    if name == "topics":
        meta["documents_by_topic"] = dg.MetadataValue.json(counts(df["topic"]))
    return meta


def failure_metadata(failures: pd.DataFrame | Sequence[str], rows: int | None = None) -> dict[str, Any]:
    """Check-result metadata: the number of failures, and a sample only when something failed."""
    meta: dict[str, Any] = {} if rows is None else {"rows": rows}
    meta["num_failures"] = len(failures)
    if len(failures) == 0:
        return meta
    if isinstance(failures, pd.DataFrame):
        meta["failure_sample"] = table(failures, n=PREVIEW_ROWS)
    else:
        meta["failure_sample"] = dg.MetadataValue.md("\n".join(f"- `{p}`" for p in list(failures)[:20]))
    return meta
