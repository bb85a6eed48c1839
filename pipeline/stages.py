"""Each stage as a shard job: what it computes on a group of shards' tables, and what it says
of one shard (the summary the asset adds up into its metadata).

Plain module-level functions with no Dagster import, so a worker process can run a whole
group of shards (read its tables, compute, write its tables) and the run process only hands
out groups and collects their small results. Settings a stage needs (the size budget, the
detector's languages) are bound with `functools.partial`, which pickles like the function.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from pipeline import frames
from pipeline import tables as tb
from pipeline.runner import StageRunner
from pipeline.shards import settled


def counts(values: Any) -> dict[str, int]:
    return {str(k): int(v) for k, v in pd.Series(values, dtype=object).dropna().value_counts().items()}


def status(t: tb.Tables) -> dict[str, int]:
    s = t["docs" if "docs" in t else "inputs"]["status"]
    return {"documents": int((s == "ok").sum()), "rejected": int((s == "rejected").sum())}


# --- what each stage computes (tables of a group of shards -> its tables, reusable) ---------


def clean(t: tb.Tables, runner: StageRunner, max_chars: int | None) -> tuple[tb.Tables, bool]:
    out = frames.clean_tables(t, max_chars, runner)
    return out | {"dedup": frames.dedup_table(out)}, settled(out, "clean")


def segment(t: tb.Tables, runner: StageRunner) -> tuple[tb.Tables, bool]:
    out = frames.segment_tables(t, runner)
    return out, settled(out, "segment")


def language(t: tb.Tables, runner: StageRunner, languages: list[str]) -> tuple[tb.Tables, bool]:
    out = frames.language_tables(t, languages, runner)
    return out, settled(out, "language")


def translate_without_model(t: tb.Tables, runner: StageRunner) -> tuple[tb.Tables, bool]:
    """The translate stage when no translation package is installed: statuses only."""
    return frames.translate_tables(t, None)[0], True


def tag(t: tb.Tables, runner: StageRunner) -> tuple[tb.Tables, bool]:
    out = frames.tag_tables(t, runner)
    return out, settled(out, "tag")


# --- what each stage says of one shard --------------------------------------------------------


def ingest_summary(t: tb.Tables) -> dict[str, Any]:
    inputs = t["inputs"]
    return {"inputs": len(inputs), **status(t),
            "rejections_by_reason": counts(inputs.loc[inputs["status"] == "rejected", "reason"]),
            "encodings": counts(inputs["encoding"])}


def clean_summary(t: tb.Tables) -> dict[str, Any]:
    docs = frames.documents_only(t["docs"])
    return {**status(t), "with_title": int(docs["title"].notna().sum()),
            "with_published_date": int(docs["published_date"].notna().sum())}


def segment_summary(t: tb.Tables) -> dict[str, Any]:
    return {**status(t), "sentences": len(t["sentences"])}


def language_summary(t: tb.Tables) -> dict[str, Any]:
    return {"languages": counts(t["doc_languages"]["language"])}


def translate_summary(t: tb.Tables) -> dict[str, Any]:
    en = t["sentence_en"].merge(t["sentence_languages"], on=["doc_id", "seq"]).merge(
        t["doc_languages"], on="doc_id", suffixes=("", "_doc"))
    lang = en["language"].where(en["language"] != "und", en["language_doc"])  # as published
    return {"sentences": len(en), "by_status": counts(en["translation_status"]),
            "no_model_languages": counts(lang[en["translation_status"] == "no_model"])}


def tag_summary(t: tb.Tables) -> dict[str, Any]:
    return {"mentions": len(t["mentions"])}
