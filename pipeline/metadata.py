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


# The columns the counts below are made of, derived from a dataset's rows (see `stat_rows`).
STAT_COLUMNS: dict[str, list[str]] = {
    "documents": ["language", "month", "duplicate"],
    "segments": ["language"],
    "sentences": ["language", "translation_status"],
    "mentions": ["entity_type", "linked"],
    "topics": ["topic"],
    "rejections": ["reason"],
}


def stat_rows(name: str, df: pd.DataFrame) -> list[list[Any]]:
    """The dataset's rows counted by its STAT_COLUMNS: [value, ..., count] lists, small enough to
    keep beside each part, so the counts of a whole dataset are sums over its parts."""
    cols = STAT_COLUMNS.get(name)
    if not cols or df.empty:
        return []
    derived = pd.DataFrame(index=df.index)
    for col in cols:
        if col == "month":
            months = pd.to_datetime(df["published_date"]).dt.strftime("%Y-%m")
            derived[col] = months.fillna("(no date)")
        elif col == "duplicate":
            derived[col] = df["duplicate_of"].notna()
        elif col == "linked":  # per:x- = unlinked
            derived[col] = df["entity_id"].notna() & ~df["entity_id"].fillna("").str.contains(":x-", regex=False)
        else:
            derived[col] = df[col].astype(object).where(df[col].notna(), "(none)").astype(str)
    grouped = derived.groupby(cols, sort=True).size()
    return [[*(key if isinstance(key, tuple) else (key,)), int(n)] for key, n in grouped.items()]


def stat_frame(name: str, rows: Iterable[list[Any]]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=[*STAT_COLUMNS.get(name, []), "n"])


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


def translation_status_by_language(stats: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence language: the number of sentences in each translation status
    (from sentences, or from counted rows with an `n` column)."""
    if stats.empty:
        return pd.DataFrame(columns=["language"])
    weights = stats["n"] if "n" in stats.columns else pd.Series(1, index=stats.index)
    crosstab = pd.crosstab(stats["language"].astype(str), stats["translation_status"].astype(str),
                           values=weights, aggfunc="sum").fillna(0).astype("int64")
    return crosstab.reset_index().rename_axis(columns=None)


def published_uri(outputs: Path, name: str) -> str:
    """Where analysts find the dataset: the published folder, as a file URI."""
    return (outputs / name).as_uri() + "/"


def _sums(stats: pd.DataFrame, col: str) -> dict[str, int]:
    """Value -> count, largest first then by name (as `counts`), from counted rows."""
    found = stats.groupby(col)["n"].sum()
    return {str(k): int(v) for k, v in sorted(found.items(), key=lambda kv: (-kv[1], str(kv[0])))}


def dataset_metadata(
    name: str, stats: pd.DataFrame, outputs: Path, preview: pd.DataFrame, rows: int,
) -> dict[str, Any]:
    """Materialization metadata of a dataset asset, from its counted rows (`stat_frame`) and its first rows."""
    meta: dict[str, Any] = {
        "dagster/row_count": rows,
        "dagster/uri": published_uri(outputs, name),
        "published_path": dg.MetadataValue.path(str(outputs / name)),
        "preview": preview_table(name, preview),
    }
    if name in ("documents", "sentences", "segments"):
        meta[f"{name}_by_language"] = dg.MetadataValue.json(_sums(stats, "language"))
    if name == "documents":
        meta["documents_by_month"] = dg.MetadataValue.json(dict(sorted(_sums(stats, "month").items())))
        meta["duplicates"] = int(stats.loc[stats["duplicate"].astype(bool), "n"].sum())
    if name == "sentences":
        by_lang = translation_status_by_language(stats)
        meta["translation_status_by_language"] = table(by_lang, types={c: "int64" for c in by_lang.columns if c != "language"})
    if name == "rejections":
        meta["rejections_by_reason"] = dg.MetadataValue.json(_sums(stats, "reason"))
    if name == "mentions":
        meta["mentions_by_type"] = dg.MetadataValue.json(_sums(stats, "entity_type"))
        total = int(stats["n"].sum())
        linked = int(stats.loc[stats["linked"].astype(bool), "n"].sum())
        meta["linked_share"] = round(linked / total, 3) if total else 0.0
    if name == "topics":
        meta["documents_by_topic"] = dg.MetadataValue.json(_sums(stats, "topic"))
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
