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
from schemas.registry import DATASETS, describe

CODE_VERSION = "1"  # bump when a stage's output for the same input changes


def _preview(df: pd.DataFrame, cols: list[str]) -> dg.MetadataValue:
    return metadata.table(df, cols)  # a table, not Markdown: a title like "<2020 ...>" stays visible


def _status_counts(df: pd.DataFrame) -> dict[str, int]:
    return {"documents": int((df["status"] == "ok").sum()), "rejected": int((df["status"] == "rejected").sum())}


@dg.asset(group_name="ingest", code_version=CODE_VERSION, kinds={"python"})
def raw_documents(context: dg.AssetExecutionContext, settings: PipelineConfig) -> dg.Output[pd.DataFrame]:
    """Every file of the inbox (and every record of a JSONL file), decoded, or rejected with a reason."""
    df = frames.ingest_frame(settings.inbox, settings.max_input_bytes)
    reasons = df.loc[df["status"] == "rejected", "reason"].value_counts().to_dict()
    context.log.info(f"inbox {settings.inbox}: {len(df)} inputs, rejections by reason {reasons}")
    return dg.Output(df, metadata={
        "inbox": str(settings.inbox), "inputs": len(df), **_status_counts(df),
        "rejections_by_reason": dg.MetadataValue.json({k: int(v) for k, v in reasons.items()}),
        "encodings": dg.MetadataValue.json(df["encoding"].dropna().value_counts().to_dict()),
        "preview": _preview(df, ["source_file", "source_record", "status", "reason", "source_format", "encoding"]),
    })


@dg.asset(group_name="clean", code_version=CODE_VERSION, kinds={"python"})
def clean_documents(raw_documents: pd.DataFrame) -> dg.Output[pd.DataFrame]:
    """Normalised, homoglyph-folded, unwrapped text with its layout (title, dateline, trailer split out)."""
    df = frames.clean_frame(raw_documents)
    docs = frames.documents_only(df)
    return dg.Output(df, metadata={
        **_status_counts(df),
        "with_title": int(docs["title"].notna().sum()),
        "with_published_date": int(docs["published_date"].notna().sum()),
        "preview": _preview(docs, ["source_file", "title", "dateline_place", "source_name", "published_date"]),
    })


@dg.asset(group_name="segment", code_version=CODE_VERSION, kinds={"python"})
def segmented_documents(clean_documents: pd.DataFrame) -> dg.Output[pd.DataFrame]:
    """Paragraph-level segments and sentences with exact offsets into the cleaned text."""
    df = frames.segment_frame(clean_documents)
    docs = frames.documents_only(df)
    n_sent = int(docs["sentences"].map(lambda s: len(frames._loads(s))).sum()) if len(docs) else 0
    return dg.Output(df, metadata={**_status_counts(df), "sentences": n_sent})


@dg.asset(group_name="language", code_version=CODE_VERSION, kinds={"python"})
def language_documents(segmented_documents: pd.DataFrame, settings: PipelineConfig) -> dg.Output[pd.DataFrame]:
    """Language (lingua, restricted to the configured set) per document, segment and sentence."""
    df = frames.language_frame(segmented_documents, settings.languages)
    docs = frames.documents_only(df)
    return dg.Output(df, metadata={
        "languages": dg.MetadataValue.json(docs["language"].value_counts().to_dict()),
        "detector_languages": dg.MetadataValue.json(list(settings.languages)),
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
def tagged_documents(translated_documents: pd.DataFrame) -> dg.Output[pd.DataFrame]:
    """Entity mentions (catalog, NER, patterns, dates) and topics, from the article body only."""
    df = frames.tag_frame(translated_documents)
    docs = frames.documents_only(df)
    n_mentions = int(docs["mentions"].map(lambda s: len(frames._loads(s))).sum()) if len(docs) else 0
    return dg.Output(df, metadata={"mentions": n_mentions})


def _dataset_asset(name: str, build: Callable[[pd.DataFrame], pd.DataFrame]) -> dg.AssetsDefinition:
    @dg.asset(
        name=name, group_name="validate", code_version=CODE_VERSION, kinds={"pandas"},
        description=describe(DATASETS[name]), metadata={"dagster/column_schema": metadata.column_schema(name)},
    )
    def _asset(tagged_documents: pd.DataFrame, settings: PipelineConfig) -> dg.Output[pd.DataFrame]:
        df = build(tagged_documents)
        return dg.Output(df, metadata=metadata.dataset_metadata(name, df, settings.outputs))

    return _asset


documents = _dataset_asset("documents", frames.build_documents)
segments = _dataset_asset("segments", frames.build_segments)
sentences = _dataset_asset("sentences", frames.build_sentences)
related_headlines = _dataset_asset("related_headlines", frames.build_related_headlines)
rejections = _dataset_asset("rejections", frames.build_rejections)
mentions = _dataset_asset("mentions", frames.build_mentions)
topics = _dataset_asset("topics", frames.build_topics)


@dg.asset(
    group_name="validate", code_version=CODE_VERSION, kinds={"pandas"}, description=describe(DATASETS["entities"]),
    metadata={"dagster/column_schema": metadata.column_schema("entities")},
)
def entities(mentions: pd.DataFrame, settings: PipelineConfig) -> dg.Output[pd.DataFrame]:
    from pipeline.text.tagging import load_catalog

    df = frames.build_entities(mentions, load_catalog().entries)
    return dg.Output(df, metadata=metadata.dataset_metadata("entities", df, settings.outputs))


DATASET_ASSETS = [documents, segments, sentences, related_headlines, mentions, entities, topics, rejections]


@dg.asset(group_name="publish", code_version=CODE_VERSION, kinds={"parquet"})
def published_datasets(
    context: dg.AssetExecutionContext, settings: PipelineConfig, documents: pd.DataFrame, segments: pd.DataFrame,
    sentences: pd.DataFrame, related_headlines: pd.DataFrame, mentions: pd.DataFrame, entities: pd.DataFrame,
    topics: pd.DataFrame, rejections: pd.DataFrame,
) -> dg.MaterializeResult:
    """Writes every validated dataset to `<outputs>/<name>/` as Parquet, each swapped in atomically."""
    frames_by_name = {
        "documents": documents, "segments": segments, "sentences": sentences, "related_headlines": related_headlines,
        "mentions": mentions, "entities": entities, "topics": topics, "rejections": rejections,
    }
    published = publish_all(frames_by_name, settings.outputs)
    for p in published:
        context.log.info(f"published {p.name}: {p.rows} rows -> {p.path}")
    return dg.MaterializeResult(metadata={
        "outputs": dg.MetadataValue.path(str(settings.outputs)),
        "rows": dg.MetadataValue.json({p.name: p.rows for p in published}),
        "files_sha256": dg.MetadataValue.json({p.name: p.sha256 for p in published}),
    })
