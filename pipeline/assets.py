"""The Dagster assets: one per pipeline stage, then one per published dataset.

ingest → clean → segment → language → translate → tag → (datasets, each guarded by
blocking Pandera checks) → publish. The assets are thin: each stage runs shard by shard
(`pipeline.shards`: its value is a manifest of the shards' typed tables, and an unchanged
shard is not read again), the work is in `pipeline.frames` and the pure text core
`pipeline.text`, and the datasets are built part by part (`pipeline.datasets`).
"""


from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

import dagster as dg
import pandas as pd

from pipeline import datasets, frames, metadata, shards, stages
from pipeline import tables as tb
from pipeline.mt_resource import TranslationResource
from pipeline.publish import publish_all
from pipeline.report import draw_ahead
from pipeline.resources import PipelineConfig
from pipeline.runner import MIN_DOCS_FOR_POOL, StageRunner
from schemas.registry import DATASETS, describe

CODE_VERSION = "2"  # bump when a stage's output for the same input changes


def _stage_metadata(runner: StageRunner, run: shards.StageRun, m: pd.DataFrame) -> dict[str, Any]:
    """The shards reused and computed, and the documents served by the cache (reused shards
    and cache hits inside computed ones) or computed."""
    counts = runner.summary().get(run.stage, {"hits": 0, "misses": 0, "computed": 0})
    return {
        "cache_hits": counts["hits"], "cache_misses": counts["misses"],
        "computed": counts["computed"],  # misses with identical inputs are computed once
        "workers": runner.workers,
        "shards": len(m), "shards_reused": run.reused, "shards_computed": run.computed,
    }


def _json(value: dict[str, Any]) -> dg.MetadataValue:
    return dg.MetadataValue.json(dict(sorted(value.items(), key=lambda kv: (-kv[1], kv[0]))))


@dg.asset(group_name="ingest", code_version=CODE_VERSION, kinds={"python"})
def raw_documents(context: dg.AssetExecutionContext, settings: PipelineConfig) -> dg.Output[pd.DataFrame]:
    """Every file of the inbox (and every record of a JSONL file), decoded, or rejected with a reason."""
    runner = settings.runner()
    run = shards.ingest_shards(settings.inbox, settings.max_input_bytes, settings.store(), runner,
                               stages.ingest_summary)
    m = run.finish()
    s = shards.add_summaries(m)
    reasons = s.get("rejections_by_reason", {})
    context.log.info(f"inbox {settings.inbox}: {s.get('inputs', 0)} inputs, rejections by reason {reasons}")
    return dg.Output(m, metadata={
        "inbox": str(settings.inbox), "inputs": s.get("inputs", 0), "documents": s.get("documents", 0),
        "rejected": s.get("rejected", 0), "rejections_by_reason": _json(reasons),
        "encodings": _json(s.get("encodings", {})), "files_hashed": run.hashed, **_stage_metadata(runner, run, m),
    })


@dg.asset(group_name="clean", code_version=CODE_VERSION, kinds={"python"})
def clean_documents(raw_documents: pd.DataFrame, settings: PipelineConfig) -> dg.Output[pd.DataFrame]:
    """Normalised, homoglyph-folded, unwrapped text with its layout (title, dateline, trailer split out)."""
    runner = settings.runner()
    run = shards.map_shards(
        "clean", raw_documents, settings.store(), runner, ("inputs",),
        partial(stages.clean, max_chars=settings.max_document_chars), stages.clean_summary,
        extra=settings.max_document_chars,
    )
    m = run.finish()
    return dg.Output(m, metadata={**shards.add_summaries(m), **_stage_metadata(runner, run, m)})


@dg.asset(group_name="segment", code_version=CODE_VERSION, kinds={"python"})
def segmented_documents(clean_documents: pd.DataFrame, settings: PipelineConfig) -> dg.Output[pd.DataFrame]:
    """Paragraph-level segments and sentences with exact offsets into the cleaned text."""
    runner = settings.runner()
    run = shards.map_shards(
        "segment", clean_documents, settings.store(), runner, ("docs", "blocks"),
        stages.segment, stages.segment_summary,
    )
    m = run.finish()
    return dg.Output(m, metadata={**shards.add_summaries(m), **_stage_metadata(runner, run, m)})


@dg.asset(group_name="language", code_version=CODE_VERSION, kinds={"python"})
def language_documents(segmented_documents: pd.DataFrame, settings: PipelineConfig) -> dg.Output[pd.DataFrame]:
    """Language (lingua, restricted to the configured set) per document, segment and sentence."""
    runner = settings.runner()
    languages = sorted(set(settings.languages))
    run = shards.map_shards(
        "language", segmented_documents, settings.store(), runner, ("docs", "blocks", "sentences", "related"),
        partial(stages.language, languages=languages), stages.language_summary, extra=languages,
    )
    m = run.finish()
    return dg.Output(m, metadata={
        "languages": _json(shards.add_summaries(m).get("languages", {})),
        "detector_languages": dg.MetadataValue.json(list(settings.languages)),
        **_stage_metadata(runner, run, m),
    })


def _translation_identity(translation: TranslationResource) -> dict[str, Any]:
    """What decides a translation's outcome: the packages (model ids) and decoding settings."""
    return {k: v for k, v in translation.describe().items() if k not in ("memory", "memory_path", "models_dir")}


@dg.asset(group_name="translate", code_version=CODE_VERSION, kinds={"python"})
def translated_documents(
    context: dg.AssetExecutionContext, language_documents: pd.DataFrame, translation: TranslationResource,
    settings: PipelineConfig,
) -> dg.Output[pd.DataFrame]:
    """English for every sentence: itself when English, else offline MT when a package is installed."""
    runner = settings.runner()

    def compute(t: tb.Tables, _: StageRunner) -> tuple[tb.Tables, bool]:
        out, stats = frames.translate_tables(t, translation.translate)
        for failure in stats["failed"]:
            context.log.error(f"translation failed ({failure['language']}): {failure['error']} :: {failure['text']}")
        return out, not stats["failed"]

    # With no package installed no model is loaded, so the status rules run in the worker pool;
    # with one, here, where the model is loaded once (same outcomes either way: no package).
    models = bool(translation.packages())
    run = shards.map_shards(
        "translate", language_documents, settings.store(), runner,
        ("docs", "sentences", "doc_languages", "sentence_languages"),
        compute if models else stages.translate_without_model, stages.translate_summary,
        extra=_translation_identity(translation), pooled=not models,
    )
    m = run.finish()
    s = shards.add_summaries(m)
    no_model = sorted(s.get("no_model_languages", {}))
    if no_model:
        context.log.warning(f"no translation package for: {', '.join(no_model)} (see mt_models/README.md)")
    described = translation.describe()
    return dg.Output(m, metadata={
        "sentences": s.get("sentences", 0), "by_status": dg.MetadataValue.json(s.get("by_status", {})),
        "no_model_languages": dg.MetadataValue.json(no_model),
        "translation": dg.MetadataValue.json(described),
        **{f"memory_{k}": v for k, v in described.get("memory", {}).items()},
        "shards": len(m), "shards_reused": run.reused, "shards_computed": run.computed,
    })


@dg.asset(group_name="tag", code_version=CODE_VERSION, kinds={"python"})
def tagged_documents(translated_documents: pd.DataFrame, settings: PipelineConfig) -> dg.Output[pd.DataFrame]:
    """Entity mentions (catalog, NER, patterns, dates) and topics, from the article body only."""
    runner = settings.runner()
    run = shards.map_shards(
        "tag", translated_documents, settings.store(), runner,
        ("docs", "blocks", "sentences", "korean_tokens", "doc_languages"),
        stages.tag, stages.tag_summary,
    )
    m = run.finish()
    return dg.Output(m, metadata={**shards.add_summaries(m), **_stage_metadata(runner, run, m)})


# One builder per published dataset (the datasets themselves are declared in the schema
# registry): adding a dataset means its model in schemas/registry.py, its frame builder in
# pipeline/frames.py and its entry in datasets.READS.
# name -> (builds the dataset's parts from the asset it reads, that asset)
BUILDERS: dict[str, tuple[Callable[[pd.DataFrame, PipelineConfig], tuple[pd.DataFrame, int]], str]] = {
    name: ((lambda m, settings, name=name: datasets.build_parts(name, m, settings.store(), workers=settings.workers)),
           "tagged_documents")
    for name in datasets.READS
}
BUILDERS["documents"] = (
    lambda m, settings, links=None: datasets.build_documents_parts(m, settings.store(), settings.workers, links),
    "tagged_documents",
)
BUILDERS["entities"] = (
    lambda m, settings: datasets.build_entities_part(m, settings.store(), settings.runner().version("tag")), "mentions",
)
BUILDERS = {name: BUILDERS[name] for name in DATASETS}


@dg.multi_asset(
    name="build_datasets", can_subset=True,
    outs={name: dg.AssetOut(
        group_name="validate", code_version=CODE_VERSION, kinds={"pandas"}, description=describe(DATASETS[name]),
        is_required=False,  # a subset (one dataset selected in the UI) yields only its outputs
        metadata={"dagster/column_schema": metadata.column_schema(name)},
    ) for name in DATASETS},
    ins={"tagged_documents": dg.AssetIn("tagged_documents")},
    internal_asset_deps={name: {dg.AssetKey(BUILDERS[name][1])} for name in DATASETS},
)
def datasets_asset(context: dg.AssetExecutionContext, settings: PipelineConfig, tagged_documents: pd.DataFrame):
    """Every published dataset, part by part (unchanged parts are reused), in one step.

    Each dataset is its own asset in the graph, with its own materialization and metadata;
    they are built in one step because a step costs Dagster's step and event handling (about
    0.1 s each), most of a re-run after one added file for datasets whose parts are reused.
    A dataset built from another (entities, from mentions) gets that one's parts here, built
    or reused, whether or not it is selected itself."""
    selected = {key.to_user_string() for key in context.selected_asset_keys}
    parts: dict[str, pd.DataFrame] = {"tagged_documents": tagged_documents}

    def parts_of(name: str) -> pd.DataFrame:
        if name not in parts:
            build, reads = BUILDERS[name]
            extra = {"links": links.result()} if name == "documents" and links is not None else {}
            parts[name], built[name] = build(parts_of(reads), settings, **extra)
        return parts[name]

    built: dict[str, int] = {}
    # Duplicate detection, the one look across shards, is serial (6 s of a cold run at 10k
    # documents): it runs in a thread while the worker pool builds the other datasets' parts
    # (the run process only waits for them), and documents are built last, from its answer.
    with ThreadPoolExecutor(1, thread_name_prefix="duplicates") as ahead:
        links = ahead.submit(datasets.duplicate_links, tagged_documents, settings.store()) \
            if "documents" in selected else None
        for name in sorted((n for n in DATASETS if n in selected), key=lambda n: n == "documents"):
            parts_of(name)
    # A small change (as few documents tagged in this run as the stages keep out of the worker
    # pool): the second core is free to draw the report's charts while the checks run.
    if int(tagged_documents["changed"].clip(lower=0).sum()) < MIN_DOCS_FOR_POOL:
        draw_ahead({name: parts[name] for name in DATASETS if name in parts}, settings.outputs, settings.store())
    for name in DATASETS:
        if name not in selected:
            continue
        got = parts[name]
        preview = datasets.head(got, name, metadata.PREVIEW_COLUMNS[name], metadata.PREVIEW_ROWS)
        yield dg.Output(got, output_name=name, metadata={
            **metadata.dataset_metadata(name, datasets.stats(got, name), settings.outputs, preview,
                                        int(got["rows"].sum())),
            "parts": len(got), "parts_built": built[name],
        })


DATASET_ASSETS = [datasets_asset]


@dg.asset(
    group_name="publish", code_version=CODE_VERSION, kinds={"parquet"},
    ins={name: dg.AssetIn(name) for name in DATASETS},
)
def published_datasets(
    context: dg.AssetExecutionContext, settings: PipelineConfig, **parts: pd.DataFrame
) -> dg.MaterializeResult:
    """Links every validated dataset's part files into `<outputs>/<name>/`, each swapped in atomically."""
    published = publish_all(parts, settings.outputs, parts=True)
    # One log line for all datasets: each line is an event written to the run's storage (~9 ms).
    context.log.info("published " + "; ".join(f"{p.name}: {p.rows} rows in {len(p.files)} files -> {p.path}"
                                              for p in published))
    return dg.MaterializeResult(metadata={
        "outputs": dg.MetadataValue.path(str(settings.outputs)),
        "rows": dg.MetadataValue.json({p.name: p.rows for p in published}),
        "files_sha256": dg.MetadataValue.json({p.name: p.sha256 for p in published}),
    })
