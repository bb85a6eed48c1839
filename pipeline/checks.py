"""Blocking asset checks: a failure stops `published_datasets`, so the previous
datasets stay as they were."""



import dagster as dg
import pandas as pd

from pipeline.resources import PipelineConfig
from pipeline.text.inbox import list_inbox  # the walker's own rule for what is an input
from schemas.registry import DATASETS, validate

SAMPLE_ROWS = 10


def _sample(df: pd.DataFrame) -> dg.MetadataValue:
    head = df.head(SAMPLE_ROWS).astype("string").fillna("")
    return dg.MetadataValue.md(head.to_markdown(index=False) if len(head) else "_(none)_")


def _schema_check(name: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=name, name=f"{name}_schema", blocking=True,
        description=f"Validates `{name}` against the Pandera model {DATASETS[name].__name__} (lazy, all failures).",
    )
    def _check(context: dg.AssetCheckExecutionContext, df: pd.DataFrame) -> dg.AssetCheckResult:
        _, failures = validate(name, df)
        if failures is None:
            return dg.AssetCheckResult(passed=True, metadata={"rows": len(df)})
        context.log.error(f"{name}: {len(failures)} schema failures")
        return dg.AssetCheckResult(
            passed=False, severity=dg.AssetCheckSeverity.ERROR,
            metadata={"num_failures": len(failures), "failure_sample": _sample(failures)},
        )

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
    @dg.asset_check(
        asset=name, name=f"{name}_offsets", blocking=True,
        additional_ins={"documents": dg.AssetIn("documents")},
        description=f"documents.text[char_start:char_end] == {name}.{text_col} for every row.",
    )
    def _check(documents: pd.DataFrame, df: pd.DataFrame) -> dg.AssetCheckResult:
        bad = offset_failures(documents.set_index("doc_id")["text"], df, text_col)
        return dg.AssetCheckResult(
            passed=bad.empty, metadata={"rows": len(df), "num_failures": len(bad), "failure_sample": _sample(bad)},
        )

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


@dg.asset_check(
    asset="rejections", name="conservation", blocking=True,
    additional_ins={"documents": dg.AssetIn("documents")},
    description="Every input file (and JSONL record) is a document or a rejection: never neither, never twice.",
)
def conservation(settings: PipelineConfig, documents: pd.DataFrame, rejections: pd.DataFrame) -> dg.AssetCheckResult:
    inbox_files = list_inbox(settings.inbox)
    problems = conservation_failures(inbox_files, documents, rejections)
    return dg.AssetCheckResult(passed=not problems, metadata={
        "inbox_files": len(inbox_files), "documents": len(documents), "rejections": len(rejections),
        "num_failures": len(problems), "failure_sample": dg.MetadataValue.md("\n".join(f"- {p}" for p in problems[:20]) or "_(none)_"),
    })


@dg.asset_check(
    asset="entities", name="entities_match_mentions", blocking=True,
    additional_ins={"mentions": dg.AssetIn("mentions")},
    description="Every linked mention's entity is in `entities`, and n_mentions/n_documents equal the mention counts.",
)
def entities_match_mentions(entities: pd.DataFrame, mentions: pd.DataFrame) -> dg.AssetCheckResult:
    linked = mentions[mentions["entity_id"].notna()]
    expected = linked.groupby("entity_id").agg(n_mentions=("doc_id", "size"), n_documents=("doc_id", "nunique"))
    got = entities.set_index("entity_id")[["n_mentions", "n_documents"]].astype(int)
    merged = expected.join(got, how="outer", lsuffix="_expected", rsuffix="_published")
    bad = merged[(merged["n_mentions_expected"] != merged["n_mentions_published"])
                 | (merged["n_documents_expected"] != merged["n_documents_published"])]
    return dg.AssetCheckResult(passed=bad.empty, metadata={
        "entities": len(entities), "linked_mentions": len(linked), "num_failures": len(bad),
        "failure_sample": _sample(bad.reset_index()),
    })


def build_checks() -> list[dg.AssetChecksDefinition]:
    checks = [_schema_check(name) for name in DATASETS]
    checks += [_offsets_check("segments", "text"), _offsets_check("sentences", "text"), _offsets_check("mentions", "surface")]
    return checks + [conservation, entities_match_mentions]
