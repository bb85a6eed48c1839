"""The Dagster assets: one per pipeline stage, then one per published dataset.

ingest → clean → segment → language → translate → tag → (datasets, each guarded by
blocking Pandera checks) → publish. The assets are thin: the work is in
`pipeline.frames` and the pure text core `pipeline.text`.
"""


from collections.abc import Callable

import dagster as dg
import pandas as pd

from pipeline import frames, metadata
from pipeline.mt_resource import TranslationResource
from pipeline.publish import publish_all
from pipeline.resources import PipelineConfig
from pipeline.runner import StageRunner
from schemas.registry import DATASETS, describe

CODE_VERSION = "1"  # bump when a stage's output for the same input changes


def _preview(df: pd.DataFrame, cols: list[str]) -> dg.MetadataValue:
    return metadata.table(df, cols)  # a table, not Markdown: a title like "<2020 ...>" stays visible


def _cache_metadata(runner: StageRunner, stage: str) -> dict[str, object]:
    """This stage's cache hits and misses (documents served from the cache / computed)."""
    counts = runner.summary().get(stage, {"hits": 0, "misses": 0, "computed": 0})
    return {
        "cache_hits": counts["hits"], "cache_misses": counts["misses"],
        "computed": counts["computed"],  # misses with identical inputs are computed once
        "workers": runner.workers,
    }


def _status_counts(df: pd.DataFrame) -> dict[str, int]:
    return {"documents": int((df["status"] == "ok").sum()), "rejected": int((df["status"] == "rejected").sum())}


@dg.asset(group_name="ingest", code_version=CODE_VERSION, kinds={"python"})
def raw_documents(context: dg.AssetExecutionContext, settings: PipelineConfig) -> dg.Output[pd.DataFrame]:
    """Every file of the inbox (and every record of a JSONL file), decoded, or rejected with a reason."""
    runner = settings.runner()
    df = frames.ingest_frame(settings.inbox, settings.max_input_bytes, runner)
    reasons = df.loc[df["status"] == "rejected", "reason"].value_counts().to_dict()
    context.log.info(f"inbox {settings.inbox}: {len(df)} inputs, rejections by reason {reasons}")
    return dg.Output(df, metadata={
        "inbox": str(settings.inbox), "inputs": len(df), **_status_counts(df),
        "rejections_by_reason": dg.MetadataValue.json({k: int(v) for k, v in reasons.items()}),
        "encodings": dg.MetadataValue.json(df["encoding"].dropna().value_counts().to_dict()),
        "preview": _preview(df, ["source_file", "source_record", "status", "reason", "source_format", "encoding"]),
        **_cache_metadata(runner, "ingest"),
    })


@dg.asset(group_name="clean", code_version=CODE_VERSION, kinds={"python"})
def clean_documents(raw_documents: pd.DataFrame, settings: PipelineConfig) -> dg.Output[pd.DataFrame]:
    """Normalised, homoglyph-folded, unwrapped text with its layout (title, dateline, trailer split out)."""
    runner = settings.runner()
    df = frames.clean_frame(raw_documents, settings.max_document_chars, runner)
    docs = frames.documents_only(df)
    return dg.Output(df, metadata={
        **_status_counts(df),
        "with_title": int(docs["title"].notna().sum()),
        "with_published_date": int(docs["published_date"].notna().sum()),
        "preview": _preview(docs, ["source_file", "title", "dateline_place", "source_name", "published_date"]),
        **_cache_metadata(runner, "clean"),
    })


@dg.asset(group_name="segment", code_version=CODE_VERSION, kinds={"python"})
def segmented_documents(clean_documents: pd.DataFrame, settings: PipelineConfig) -> dg.Output[pd.DataFrame]:
    """Paragraph-level segments and sentences with exact offsets into the cleaned text."""
    runner = settings.runner()
    df = frames.segment_frame(clean_documents, runner)
    docs = frames.documents_only(df)
    n_sent = int(docs["sentences"].map(lambda s: len(frames._loads(s))).sum()) if len(docs) else 0
    return dg.Output(df, metadata={**_status_counts(df), "sentences": n_sent, **_cache_metadata(runner, "segment")})


@dg.asset(group_name="language", code_version=CODE_VERSION, kinds={"python"})
def language_documents(segmented_documents: pd.DataFrame, settings: PipelineConfig) -> dg.Output[pd.DataFrame]:
    """Language (lingua, restricted to the configured set) per document, segment and sentence."""
    runner = settings.runner()
    df = frames.language_frame(segmented_documents, settings.languages, runner)
    docs = frames.documents_only(df)
    return dg.Output(df, metadata={
        "languages": dg.MetadataValue.json(docs["language"].value_counts().to_dict()),
        "detector_languages": dg.MetadataValue.json(list(settings.languages)),
        **_cache_metadata(runner, "language"),
    })


@dg.asset(group_name="translate", code_version=CODE_VERSION, kinds={"python"})
def translated_documents(
    context: dg.AssetExecutionContext, language_documents: pd.DataFrame, translation: TranslationResource
) -> dg.Output[pd.DataFrame]:
    """English for every sentence: itself when English, else offline MT when a package is installed."""
    df, stats = frames.translate_frame(language_documents, translation.translate)
    for failure in stats["failed"]:
        context.log.error(f"translation failed ({failure['language']}): {failure['error']} :: {failure['text']}")
    if stats["no_model_languages"]:
        context.log.warning(f"no translation package for: {', '.join(stats['no_model_languages'])} (see mt_models/README.md)")
    return dg.Output(df, metadata={
        "sentences": stats["sentences"],
        "by_status": dg.MetadataValue.json(stats["by_status"]),
        "no_model_languages": dg.MetadataValue.json(stats["no_model_languages"]),
        "translation": dg.MetadataValue.json(translation.describe()),
        **{f"memory_{k}": v for k, v in stats.get("memory", {}).items()},
    })


@dg.asset(group_name="tag", code_version=CODE_VERSION, kinds={"python"})
def tagged_documents(translated_documents: pd.DataFrame, settings: PipelineConfig) -> dg.Output[pd.DataFrame]:
    """Entity mentions (catalog, NER, patterns, dates) and topics, from the article body only."""
    runner = settings.runner()
    df = frames.tag_frame(translated_documents, runner)
    docs = frames.documents_only(df)
    n_mentions = int(docs["mentions"].map(lambda s: len(frames._loads(s))).sum()) if len(docs) else 0
    return dg.Output(df, metadata={"mentions": n_mentions, **_cache_metadata(runner, "tag")})


def _build_entities(mentions: pd.DataFrame) -> pd.DataFrame:
    from pipeline.text.tagging import load_catalog

    return frames.build_entities(mentions, load_catalog().entries)


# One builder per published dataset (the datasets themselves are declared in the schema
# registry): adding a dataset means its model in schemas/registry.py and one line here.
# name -> (builder, the assets it reads)
BUILDERS: dict[str, tuple[Callable[..., pd.DataFrame], tuple[str, ...]]] = {
    "documents": (frames.build_documents, ("tagged_documents",)),
    "segments": (frames.build_segments, ("tagged_documents",)),
    "sentences": (frames.build_sentences, ("tagged_documents",)),
    "related_headlines": (frames.build_related_headlines, ("tagged_documents",)),
    "mentions": (frames.build_mentions, ("tagged_documents",)),
    "entities": (_build_entities, ("mentions",)),
    "topics": (frames.build_topics, ("tagged_documents",)),
    "rejections": (frames.build_rejections, ("tagged_documents",)),
}


def _dataset_asset(name: str) -> dg.AssetsDefinition:
    build, reads = BUILDERS[name]

    @dg.asset(
        name=name, group_name="validate", code_version=CODE_VERSION, kinds={"pandas"},
        ins={dep: dg.AssetIn(dep) for dep in reads},
        description=describe(DATASETS[name]), metadata={"dagster/column_schema": metadata.column_schema(name)},
    )
    def _asset(settings: PipelineConfig, **inputs: pd.DataFrame) -> dg.Output[pd.DataFrame]:
        df = build(*(inputs[dep] for dep in reads))
        return dg.Output(df, metadata=metadata.dataset_metadata(name, df, settings.outputs))

    return _asset


DATASET_ASSETS = [_dataset_asset(name) for name in DATASETS]


@dg.asset(
    group_name="publish", code_version=CODE_VERSION, kinds={"parquet"},
    ins={name: dg.AssetIn(name) for name in DATASETS},
)
def published_datasets(
    context: dg.AssetExecutionContext, settings: PipelineConfig, **datasets: pd.DataFrame
) -> dg.MaterializeResult:
    """Writes every validated dataset to `<outputs>/<name>/` as Parquet, each swapped in atomically."""
    published = publish_all(datasets, settings.outputs)
    for p in published:
        context.log.info(f"published {p.name}: {p.rows} rows -> {p.path}")
    return dg.MaterializeResult(metadata={
        "outputs": dg.MetadataValue.path(str(settings.outputs)),
        "rows": dg.MetadataValue.json({p.name: p.rows for p in published}),
        "files_sha256": dg.MetadataValue.json({p.name: p.sha256 for p in published}),
    })
