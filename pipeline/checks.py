"""Blocking asset checks: a failure stops `published_datasets`, so the previous
datasets stay as they were.

Every check is a one-spec `multi_asset_check`: its output is then named after the check
(`mentions_mentions_schema`) instead of `result`. Dagster orders a dataset's blocking checks
by output name when it wires them into the job, so equal names were ordered by set iteration,
which changes with the process' hash seed: the job snapshot of `make run`'s code server
differed from the webserver's and the UI warned on "Re-execute".
"""

import functools
from collections.abc import Callable, Mapping

import dagster as dg
import pandas as pd

from pipeline.metadata import failure_metadata
from pipeline.resources import PipelineConfig
from pipeline.text.inbox import list_inbox  # the walker's own rule for what is an input
from schemas.registry import DATASETS, validate


def blocking_check(
    asset: str, name: str, description: str, ins: Mapping[str, str], also_on: tuple[str, ...] = (),
) -> Callable[[Callable[..., dg.AssetCheckResult]], dg.AssetChecksDefinition]:
    """A blocking check on `asset` (and on each of `also_on`, with the same verdict) whose inputs
    are the named assets; the decorated function returns one AssetCheckResult."""
    specs = [
        dg.AssetCheckSpec(
            name=name, asset=key, blocking=True, description=description,
            additional_deps=sorted({dep for dep in ins.values() if dep != key}),
        )
        for key in (asset, *also_on)
    ]

    def decorate(fn: Callable[..., dg.AssetCheckResult]) -> dg.AssetChecksDefinition:
        @dg.multi_asset_check(
            name=f"{asset}_{name}", specs=specs, description=description,
            ins={arg: dg.AssetIn(key) for arg, key in ins.items()},
        )
        @functools.wraps(fn)  # Dagster reads the inputs and resources from fn's signature
        def _check(**kwargs):
            result = fn(**kwargs)
            for spec in specs:
                yield dg.AssetCheckResult(
                    asset_key=spec.asset_key, check_name=spec.name, passed=result.passed,
                    severity=result.severity, metadata=result.metadata,
                )

        return _check

    return decorate


def _schema_check(name: str) -> dg.AssetChecksDefinition:
    @blocking_check(
        name, f"{name}_schema", ins={"df": name},
        description=f"Validates `{name}` against the Pandera model {DATASETS[name].__name__} (lazy, all failures).",
    )
    def _check(df: pd.DataFrame) -> dg.AssetCheckResult:
        _, failures = validate(name, df)
        if failures is None:
            return dg.AssetCheckResult(passed=True, metadata=failure_metadata([], rows=len(df)))
        dg.get_dagster_logger().error(f"{name}: {len(failures)} schema failures")
        return dg.AssetCheckResult(passed=False, metadata=failure_metadata(failures, rows=len(df)))

    return _check


def offset_failures(doc_text: pd.Series, spans: pd.DataFrame, text_col: str) -> pd.DataFrame:
    """Rows where documents.text[char_start:char_end] != the span's text."""
    texts = doc_text.to_dict()
    bad = []
    for row in spans.itertuples(index=False):
        full = texts.get(row.doc_id)
        got = None if full is None else full[int(row.char_start):int(row.char_end)]
        if got != getattr(row, text_col):
            bad.append({"doc_id": row.doc_id, "seq": row.seq, "char_start": row.char_start, "char_end": row.char_end,
                        "expected": getattr(row, text_col), "found": got})
    return pd.DataFrame(bad)


def _offsets_check(name: str, text_col: str) -> dg.AssetChecksDefinition:
    @blocking_check(
        name, f"{name}_offsets", ins={"documents": "documents", "df": name},
        description=f"`documents.text[char_start:char_end] == {name}.{text_col}` for every row.",
    )
    def _check(documents: pd.DataFrame, df: pd.DataFrame) -> dg.AssetCheckResult:
        bad = offset_failures(documents.set_index("doc_id")["text"], df, text_col)
        return dg.AssetCheckResult(passed=bad.empty, metadata=failure_metadata(bad, rows=len(df)))

    return _check


def conservation_failures(inbox_files: list[str], documents: pd.DataFrame, rejections: pd.DataFrame) -> list[str]:
    """Every inbox file is exactly one document/rejection, or a set of records 0..n-1 each exactly once."""
    problems = []
    outcomes = pd.concat([
        documents[["source_file", "source_record"]].assign(outcome="document"),
        rejections[["source_file", "source_record"]].assign(outcome="rejection"),
    ])
    by_file = {f: g for f, g in outcomes.groupby("source_file")}
    for f in inbox_files:
        group = by_file.pop(f, None)
        if group is None:
            problems.append(f"{f}: neither a document nor a rejection")
            continue
        records = group["source_record"].dropna().astype(int).tolist()
        wholes = int(group["source_record"].isna().sum())
        if records:
            if wholes:
                problems.append(f"{f}: both whole-file and per-record outcomes")
            if sorted(records) != list(range(len(records))):
                problems.append(f"{f}: records not exactly 0..{len(records) - 1} once each: {sorted(records)[:20]}")
        elif wholes != 1:
            problems.append(f"{f}: {wholes} outcomes for one file")
    problems += [f"{f}: outcome for a file that is not in the inbox" for f in sorted(by_file)]
    return problems


@blocking_check(
    "rejections", "conservation", ins={"documents": "documents", "rejections": "rejections"}, also_on=("documents",),
    description="Every input file (and JSONL record) is a document or a rejection: never neither, never twice.",
)
def conservation(settings: PipelineConfig, documents: pd.DataFrame, rejections: pd.DataFrame) -> dg.AssetCheckResult:
    inbox_files = list_inbox(settings.inbox)
    problems = conservation_failures(inbox_files, documents, rejections)
    return dg.AssetCheckResult(passed=not problems, metadata={
        "inbox_files": len(inbox_files), "documents": len(documents), "rejections": len(rejections),
        **failure_metadata(problems),
    })


@blocking_check(
    "entities", "entities_match_mentions", ins={"entities": "entities", "mentions": "mentions"},
    description="Every linked mention's entity is in `entities`, and `n_mentions`/`n_documents` equal the mention counts.",
)
def entities_match_mentions(entities: pd.DataFrame, mentions: pd.DataFrame) -> dg.AssetCheckResult:
    linked = mentions[mentions["entity_id"].notna()]
    expected = linked.groupby("entity_id").agg(n_mentions=("doc_id", "size"), n_documents=("doc_id", "nunique"))
    got = entities.set_index("entity_id")[["n_mentions", "n_documents"]].astype(int)
    merged = expected.join(got, how="outer", lsuffix="_expected", rsuffix="_published")
    bad = merged[(merged["n_mentions_expected"] != merged["n_mentions_published"])
                 | (merged["n_documents_expected"] != merged["n_documents_published"])]
    return dg.AssetCheckResult(passed=bad.empty, metadata={
        "entities": len(entities), "linked_mentions": len(linked), **failure_metadata(bad.reset_index()),
    })


def build_checks() -> list[dg.AssetChecksDefinition]:
    checks = [_schema_check(name) for name in DATASETS]
    checks += [_offsets_check("segments", "text"), _offsets_check("sentences", "text"), _offsets_check("mentions", "surface")]
    return checks + [conservation, entities_match_mentions]
