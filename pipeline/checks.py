"""Blocking asset checks: a failure stops `published_datasets`, so the previous
datasets stay as they were.

The checks take the datasets' part lists (`pipeline.datasets`) and check part by part (per
shard: offsets, conservation), remembering passing verdicts by the parts' fingerprints, so a
re-run checks only new parts; what spans parts (unique keys, entity counts) is checked from
the few columns it needs.

They are the specs of one `multi_asset_check` run as one step (`build_checks`): the UI lists
each check on its asset as before and can run any subset. A step per check cost a re-run
after one added file 0.1-0.2 s each in Dagster's step and event handling, for checks that
mostly find their verdicts remembered (README, "The Dagster graph").
"""

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import dagster as dg
import pandas as pd

from pipeline.datasets import PartSummaries, Verdicts, read_columns, read_part
from pipeline.metadata import failure_metadata
from pipeline.resources import PipelineConfig
from pipeline.shards import digest, inbox_shards
from pipeline.text.inbox import list_inbox  # the walker's own rule for what is an input
from schemas.registry import DATASETS, columns, validate

CHECKS_STEP = "validate_datasets"


@dataclass(frozen=True)
class Check:
    """One blocking check: its verdict is reported on `asset` and on each of `also_on`."""

    asset: str
    name: str
    description: str
    reads: tuple[str, ...]  # the datasets (part lists) it takes, by argument name
    run: Callable[..., dg.AssetCheckResult]  # (settings, **parts) -> one result
    also_on: tuple[str, ...] = ()

    def specs(self) -> list[dg.AssetCheckSpec]:
        return [
            dg.AssetCheckSpec(
                name=self.name, asset=key, blocking=True, description=self.description,
                additional_deps=sorted({dep for dep in self.reads if dep != key}),
            )
            for key in (self.asset, *self.also_on)
        ]


def _schema_check(name: str) -> Check:
    def _check(settings: PipelineConfig, **inputs: pd.DataFrame) -> dg.AssetCheckResult:
        parts = inputs[name]
        verdicts = Verdicts(settings.store(), f"{name}_schema")
        found = []
        jobs = [(name, path) for path in parts["path"]]
        pending = verdicts.many(list(parts["fingerprint"]), validate_parts, jobs, settings.workers, group=PARTS_PER_VALIDATION)
        for _, failures in pending:
            if failures is not None:
                found.append(failures)
        verdicts.close()
        for col, c in columns(DATASETS[name]).items():
            if c.unique and len(parts) > 1:  # each part is validated alone: uniqueness across them here
                dup = unique_across_parts(settings, parts, name, col)
                if len(dup):
                    found.append(dup)
        rows = int(parts["rows"].sum())
        if not found:
            return dg.AssetCheckResult(passed=True, metadata=failure_metadata([], rows=rows))
        failures = pd.concat(found, ignore_index=True)
        dg.get_dagster_logger().error(f"{name}: {len(failures)} schema failures")
        return dg.AssetCheckResult(passed=False, metadata=failure_metadata(failures, rows=rows))

    return Check(
        name, f"{name}_schema", reads=(name,), run=_check,
        description=f"Validates `{name}` against the Pandera model {DATASETS[name].__name__} (lazy, all failures; "
                    "part by part, unique columns across parts).",
    )


def unique_across_parts(settings: PipelineConfig, parts: pd.DataFrame, name: str, col: str) -> pd.DataFrame:
    """The values of `col` found more than once over all the parts (failure cases)."""
    keys = pd.Series([k for found in PartSummaries(settings.store(), f"{name}.{col}").of(
        parts, partial(part_keys, name, col)) for k in found], dtype=object)
    dup = keys[keys.duplicated(keep=False)]
    return pd.DataFrame({"column": col, "check": "unique across parts", "failure_case": dup})


def part_keys(name: str, col: str, path: str) -> list[Any]:
    """The values of a unique column in one part (JSON-safe: kept in `PartSummaries`)."""
    return [None if pd.isna(v) else v for v in read_part(path, name, [col])[col].tolist()]


def validate_part(job: tuple[str, str]) -> tuple[bool, pd.DataFrame | None]:
    """One part of dataset `name` against its schema (module-level: the worker pool runs it)."""
    name, path = job
    return _verdict(name, read_part(path, name))


def _verdict(name: str, df: pd.DataFrame) -> tuple[bool, pd.DataFrame | None]:
    _, failures = validate(name, df)
    return failures is None, failures


# Parts validated in one Pandera call: its cost is mostly per call and column (24 ms for a
# part of 16 documents), so part by part the schema checks of a cold run cost more than
# building the datasets.
PARTS_PER_VALIDATION = 8


def validate_parts(jobs: list[tuple[str, str]]) -> list[tuple[bool, pd.DataFrame | None]]:
    """`validate_part` of each job (parts of one dataset), in one Pandera call when the parts
    pass together. Every check of the models is row by row or a uniqueness, so parts that
    pass together pass one by one; when they do not, each is validated alone for its own
    verdict and failure cases."""
    frames = [read_part(path, name) for name, path in jobs]
    if len(frames) > 1:
        _, failures = validate(jobs[0][0], pd.concat(frames, ignore_index=True))
        if failures is None:
            return [(True, None)] * len(frames)
    return [_verdict(name, df) for (name, _), df in zip(jobs, frames, strict=True)]


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


def _by_shard(parts: pd.DataFrame) -> dict[str, tuple[str, str]]:
    return {shard: (fp, path) for shard, fp, path in zip(parts["shard"], parts["fingerprint"], parts["path"], strict=True)}


def _offsets_check(name: str, text_col: str) -> Check:
    def _check(settings: PipelineConfig, **inputs: pd.DataFrame) -> dg.AssetCheckResult:
        documents, parts = inputs["documents"], inputs[name]
        verdicts, docs = Verdicts(settings.store(), f"{name}_offsets"), _by_shard(documents)
        keys, jobs = [], []
        for shard, (fp, path) in _by_shard(parts).items():
            doc_fp, doc_path = docs.get(shard, ("", ""))
            keys.append(digest(doc_fp, fp))
            jobs.append((name, text_col, path, doc_path))
        found = [bad for passed, bad in verdicts.many(keys, offsets_part, jobs, settings.workers) if not passed]
        verdicts.close()
        bad = pd.concat(found, ignore_index=True) if found else pd.DataFrame()
        return dg.AssetCheckResult(passed=bad.empty, metadata=failure_metadata(bad, rows=int(parts["rows"].sum())))

    return Check(
        name, f"{name}_offsets", reads=("documents", name), run=_check,
        description=f"`documents.text[char_start:char_end] == {name}.{text_col}` for every row.",
    )


def offsets_part(job: tuple[str, str, str, str]) -> tuple[bool, pd.DataFrame]:
    """The offset failures of one shard's part of `name` against its documents part
    (module-level: the worker pool runs it)."""
    name, text_col, path, doc_path = job
    text = read_part(doc_path, "documents", ["doc_id", "text"]).set_index("doc_id")["text"] if doc_path else pd.Series(dtype=object)
    bad = offset_failures(text, read_part(path, name, ["doc_id", "seq", "char_start", "char_end", text_col]), text_col)
    return bad.empty, bad


def conservation_failures(inbox_files: list[str], documents: pd.DataFrame, rejections: pd.DataFrame) -> list[str]:
    """Every inbox file is exactly one document/rejection, or a set of records 0..n-1 each exactly once."""
    problems = []
    files = pd.concat([documents["source_file"], rejections["source_file"]], ignore_index=True)
    records_col = pd.concat([documents["source_record"], rejections["source_record"]], ignore_index=True)
    # file -> its outcomes' record numbers (None: a whole-file outcome), in plain Python: a
    # pandas group per file cost ~0.1 ms each, a second per 10,000 files
    by_file: dict[str, list[int | None]] = {}
    for f, r, whole in zip(files.tolist(), records_col.tolist(), records_col.isna().tolist(), strict=True):
        if not pd.isna(f):
            by_file.setdefault(f, []).append(None if whole else int(r))
    for f in inbox_files:
        group = by_file.pop(f, None)
        if group is None:
            problems.append(f"{f}: neither a document nor a rejection")
            continue
        records = [r for r in group if r is not None]
        wholes = len(group) - len(records)
        if records:
            if wholes:
                problems.append(f"{f}: both whole-file and per-record outcomes")
            if sorted(records) != list(range(len(records))):
                problems.append(f"{f}: records not exactly 0..{len(records) - 1} once each: {sorted(records)[:20]}")
        elif wholes != 1:
            problems.append(f"{f}: {wholes} outcomes for one file")
    problems += [f"{f}: outcome for a file that is not in the inbox" for f in sorted(by_file)]
    return problems


def conservation_part(job: tuple[list[str], str, str]) -> tuple[bool, list[str]]:
    """Conservation in one shard: its inbox files against its documents and rejections parts
    (module-level: the worker pool runs it)."""
    files, doc_path, rej_path = job
    cols = ["source_file", "source_record"]
    d = read_part(doc_path, "documents", cols) if doc_path else pd.DataFrame(columns=cols)
    r = read_part(rej_path, "rejections", cols) if rej_path else pd.DataFrame(columns=cols)
    found = conservation_failures(files, d, r)
    return not found, found


def conservation(settings: PipelineConfig, documents: pd.DataFrame, rejections: pd.DataFrame) -> dg.AssetCheckResult:
    inbox_files = list_inbox(settings.inbox)
    verdicts, docs, rejs = Verdicts(settings.store(), "conservation"), _by_shard(documents), _by_shard(rejections)
    by_shard = inbox_shards(inbox_files)
    keys, jobs = [], []
    for shard in sorted(set(by_shard) | set(docs) | set(rejs)):
        files = by_shard.get(shard, [])
        doc_fp, doc_path = docs.get(shard, ("", ""))
        rej_fp, rej_path = rejs.get(shard, ("", ""))
        keys.append(digest(files, doc_fp, rej_fp))
        jobs.append((files, doc_path, rej_path))
    problems = [p for passed, found in verdicts.many(keys, conservation_part, jobs, settings.workers)
                if not passed for p in found]
    verdicts.close()
    return dg.AssetCheckResult(passed=not problems, metadata={
        "inbox_files": len(inbox_files), "documents": int(documents["rows"].sum()),
        "rejections": int(rejections["rows"].sum()), **failure_metadata(problems),
    })


def entities_match_mentions(
    settings: PipelineConfig, entities: pd.DataFrame, mentions: pd.DataFrame
) -> dg.AssetCheckResult:
    def compute() -> tuple[bool, dict[str, object]]:
        # A document's mentions are all in its shard's part, so per-part counts add up.
        counted = PartSummaries(settings.store(), "mentions.entity_counts").of(mentions, mention_counts)
        expected = pd.DataFrame([(eid, n, d) for part in counted for eid, (n, d) in part.items()],
                                columns=["entity_id", "n_mentions", "n_documents"]).groupby("entity_id").sum()
        e = read_columns(entities, "entities", ["entity_id", "n_mentions", "n_documents"])
        got = e.set_index("entity_id")[["n_mentions", "n_documents"]].astype(int)
        merged = expected.join(got, how="outer", lsuffix="_expected", rsuffix="_published")
        bad = merged[(merged["n_mentions_expected"] != merged["n_mentions_published"])
                     | (merged["n_documents_expected"] != merged["n_documents_published"])]
        return bad.empty, {"entities": len(e), "linked_mentions": int(expected["n_mentions"].sum()),
                           **failure_metadata(bad.reset_index())}

    key = digest(list(entities["fingerprint"]), list(mentions["fingerprint"]))
    verdicts = Verdicts(settings.store(), "entities_match_mentions")
    passed, meta = verdicts(key, compute)
    verdicts.close()
    return dg.AssetCheckResult(passed=passed, metadata=meta or {"entities": int(entities["rows"].sum()), "num_failures": 0})


def mention_counts(path: str) -> dict[str, list[int]]:
    """entity_id -> [mentions, documents] of the linked mentions in one part of `mentions`."""
    m = read_part(path, "mentions", ["doc_id", "entity_id"])
    g = m[m["entity_id"].notna()].groupby("entity_id")["doc_id"].agg(["size", "nunique"])
    return {eid: [int(n), int(d)] for eid, n, d in zip(g.index, g["size"], g["nunique"], strict=True)}


CHECKS: list[Check] = [
    *(_schema_check(name) for name in DATASETS),
    _offsets_check("segments", "text"), _offsets_check("sentences", "text"), _offsets_check("mentions", "surface"),
    Check("rejections", "conservation", reads=("documents", "rejections"), run=conservation, also_on=("documents",),
          description="Every input file (and JSONL record) is a document or a rejection: never neither, never twice."),
    Check("entities", "entities_match_mentions", reads=("entities", "mentions"), run=entities_match_mentions,
          description="Every linked mention's entity is in `entities`, and `n_mentions`/`n_documents` equal the "
                      "mention counts."),
]


def build_checks(checks: list[Check] = CHECKS) -> list[dg.AssetChecksDefinition]:
    """The checks in one step, after the datasets' step (`pipeline.assets.datasets_asset`)
    has built every dataset, the derived ones (entities, from mentions) included."""
    return [_checks_step(CHECKS_STEP, checks)]


def _checks_step(step: str, checks: list[Check]) -> dg.AssetChecksDefinition:
    """One step running `checks`; a check runs when any of its specs is selected (the UI can
    run one check alone) and reports the same verdict on each of its assets."""
    reads = sorted({name for check in checks for name in check.reads})

    @dg.multi_asset_check(
        name=step, specs=[spec for check in checks for spec in check.specs()], can_subset=True,
        description="Validates the datasets before they are published: " + ", ".join(
            sorted({f"{c.asset}.{c.name}" for c in checks})) + ".",
        ins={name: dg.AssetIn(name) for name in reads},
    )
    def _step(context: dg.AssetCheckExecutionContext, settings: PipelineConfig, **parts: pd.DataFrame):
        selected = context.selected_asset_check_keys
        for check in checks:
            keys = [spec.key for spec in check.specs()]
            if not any(key in selected for key in keys):
                continue
            try:
                result = check.run(settings, **{name: parts[name] for name in check.reads})
            except Exception:  # a broken check fails alone: the step's other checks still report
                context.log.exception(f"check {check.name} on {check.asset} raised")
                result = dg.AssetCheckResult(passed=False, metadata={
                    "num_failures": 1, "error": dg.MetadataValue.text(traceback.format_exc()[-4000:]),
                })
            if not result.passed:
                context.log.error(f"check {check.name} failed on {check.asset}")
            for key in keys:
                if key in selected:
                    yield dg.AssetCheckResult(
                        asset_key=key.asset_key, check_name=key.name, passed=result.passed,
                        severity=result.severity, metadata=result.metadata,
                    )

    return _step
