"""The whole Dagster job, in process, on a temporary inbox: what analysts get."""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest

from schemas.registry import DATASETS, columns
from tests.helpers import copy_seeds, failed_checks, read, run_pipeline


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dg.ExecuteInProcessResult, Path]:
    base = tmp_path_factory.mktemp("seeds_run")
    inbox = copy_seeds(base / "inbox")
    (inbox / "notes.bin").write_bytes(b"\x00\x01\x02 not a document")
    (inbox / "batch.jsonl").write_text(
        json.dumps({"id": "a1", "title": "Forum opens", "text": "The Korea-Russia forum opened in Vladivostok on Monday.",
                    "published": "2024-09-02", "url": "https://example.org/a1"}) + "\n{\"id\": \"broken\"\n",
        encoding="utf-8",
    )
    result = run_pipeline(inbox, base / "outputs", base / "storage")
    return result, base


def test_job_succeeds_and_every_check_passes(seeds_run) -> None:
    result, _ = seeds_run
    assert result.success
    assert failed_checks(result) == []
    keys = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert {"raw_documents", "clean_documents", "published_datasets", *DATASETS} <= keys


def test_every_dataset_is_published_with_the_schema_columns_and_descriptions(seeds_run) -> None:
    _, base = seeds_run
    outputs = base / "outputs"
    manifest = json.loads((outputs / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["datasets"]) == set(DATASETS)
    for name, model in DATASETS.items():
        files = sorted((outputs / name).glob("*.parquet"))
        assert files, name
        schema = pq.read_schema(files[0])
        assert schema.names == list(columns(model))
        for field in schema:
            assert field.metadata and field.metadata[b"description"], f"{name}.{field.name}"
        assert pq.read_table(outputs / name).num_rows == manifest["datasets"][name]["rows"]
    assert (outputs / "DATA_DICTIONARY.md").read_text(encoding="utf-8").count("## ") >= len(DATASETS)


def test_inputs_are_conserved(seeds_run) -> None:
    _, base = seeds_run
    docs, rej = read(base / "outputs", "documents"), read(base / "outputs", "rejections")
    outcomes = sorted(
        [(f, None if r != r else int(r)) for f, r in zip(docs["source_file"], docs["source_record"], strict=True)]
        + [(f, None if r != r else int(r)) for f, r in zip(rej["source_file"], rej["source_record"], strict=True)],
        key=str,
    )
    assert len(outcomes) == len(set(outcomes)) == 5  # 2 seeds, 1 binary, 2 JSONL records
    assert set(rej["reason"]) <= {"binary", "unsupported_format", "malformed_record"}
    assert rej.set_index("source_file").loc["batch.jsonl", "reason"] == "malformed_record"
    assert (rej["detail"].str.len() > 0).all()


def test_offsets_are_exact(seeds_run) -> None:
    _, base = seeds_run
    outputs = base / "outputs"
    texts = read(outputs, "documents").set_index("doc_id")["text"]
    for name, col in (("segments", "text"), ("sentences", "text"), ("mentions", "surface")):
        df = read(outputs, name)
        for row in df.itertuples():
            assert texts[row.doc_id][row.char_start:row.char_end] == getattr(row, col)


def test_duckdb_and_polars_read_the_folders(seeds_run) -> None:
    _, base = seeds_run
    outputs = base / "outputs"
    n_docs = duckdb.sql(f"select count(*) from read_parquet('{outputs}/documents/*.parquet')").fetchall()[0][0]
    assert n_docs == len(read(outputs, "documents"))
    joined = duckdb.sql(
        f"select d.language, count(*) from read_parquet('{outputs}/sentences/*.parquet') s "
        f"join read_parquet('{outputs}/documents/*.parquet') d using (doc_id) group by 1 order by 1"
    ).fetchall()
    assert {lang for lang, _ in joined} >= {"en", "ru"}
    frame = pl.read_parquet(outputs / "segments" / "*.parquet")
    assert frame.height == len(read(outputs, "segments"))


def test_english_sentences_carry_their_text_and_others_say_why_not(seeds_run) -> None:
    _, base = seeds_run
    sent = read(base / "outputs", "sentences")
    en = sent[sent["language"] == "en"]
    assert (en["translation_status"] == "source_english").all() and (en["text_en"] == en["text"]).all()
    other = sent[sent["language"] != "en"]
    assert set(other["translation_status"]) <= {"no_model", "translated", "failed"}


def test_second_run_is_byte_identical(seeds_run, tmp_path: Path) -> None:
    _, base = seeds_run
    again = run_pipeline(base / "inbox", tmp_path / "outputs", tmp_path / "storage")
    assert again.success
    first = json.loads((base / "outputs" / "manifest.json").read_text(encoding="utf-8"))["datasets"]
    second = json.loads((tmp_path / "outputs" / "manifest.json").read_text(encoding="utf-8"))["datasets"]
    assert {k: v["sha256"] for k, v in first.items()} == {k: v["sha256"] for k, v in second.items()}


def test_a_failing_blocking_check_keeps_the_previous_datasets(seeds_run, tmp_path: Path) -> None:
    """Break one input on purpose (a JSONL record missing from the outcomes is not possible
    through ingest, so corrupt the conservation premise instead: a file appears after ingest)."""
    _, base = seeds_run
    outputs = tmp_path / "outputs"
    inbox = copy_seeds(tmp_path / "inbox")
    assert run_pipeline(inbox, outputs, tmp_path / "storage").success
    before = (outputs / "manifest.json").read_bytes()
    before_docs = read(outputs, "documents")

    from pipeline.definitions import build_definitions
    from pipeline.resources import ParquetIOManagerFactory, PipelineConfig

    class LateFileConfig(PipelineConfig):
        """Adds a file to the inbox once ingest has run, so conservation must fail."""

        @property
        def inbox(self) -> Path:  # type: ignore[override]
            path = super().inbox
            if (path / "seen").exists():
                (path / "late.txt").write_text("arrived after ingest", encoding="utf-8")
            (path / "seen").touch()
            return path

    defs = build_definitions(
        settings=LateFileConfig(seeds_dir=str(inbox), outputs_dir=str(outputs)),
        io_manager=ParquetIOManagerFactory(base_dir=str(tmp_path / "storage2")),
    )
    with dg.instance_for_test() as instance:
        result = defs.resolve_job_def("refresh_datasets").execute_in_process(instance=instance, raise_on_error=False)
    assert "conservation" in failed_checks(result)
    assert "published_datasets" not in {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert (outputs / "manifest.json").read_bytes() == before
    assert read(outputs, "documents").equals(before_docs)


def test_one_check_runs_alone_from_the_shared_checks_step(seeds_run) -> None:
    """The checks are the specs of one multi-asset check (one step): selecting a single check,
    as "Execute" on it in the UI does, evaluates that check alone, on the stored datasets."""
    from pipeline.definitions import build_definitions
    from pipeline.resources import ParquetIOManagerFactory, PipelineConfig

    _, base = seeds_run
    defs = build_definitions(
        settings=PipelineConfig(seeds_dir=str(base / "inbox"), outputs_dir=str(base / "outputs"),
                                cache_dir=str(base / "storage" / "cache"), store_dir=str(base / "storage" / "shards")),
        io_manager=ParquetIOManagerFactory(base_dir=str(base / "storage")),
    )
    key = dg.AssetCheckKey(dg.AssetKey("sentences"), "sentences_offsets")
    job = defs.resolve_implicit_global_asset_job_def().get_subset(asset_selection=set(), asset_check_selection={key})
    with dg.instance_for_test() as instance:
        result = job.execute_in_process(instance=instance, raise_on_error=False)
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    assert [(e.asset_key, e.check_name, e.passed) for e in evaluations] == [(key.asset_key, key.name, True)]
    assert result.get_asset_materialization_events() == []


def test_one_dataset_materializes_alone_from_the_shared_datasets_step(seeds_run) -> None:
    """The datasets are the outputs of one multi-asset (one step): selecting `entities` alone,
    as "Materialize" on it in the UI does, builds it from the stored mentions parts without
    materializing mentions or any other dataset, and gives the parts the full run gave."""
    from pipeline.definitions import build_definitions
    from pipeline.resources import ParquetIOManagerFactory, PipelineConfig

    full, base = seeds_run
    defs = build_definitions(
        settings=PipelineConfig(seeds_dir=str(base / "inbox"), outputs_dir=str(base / "outputs"),
                                cache_dir=str(base / "storage" / "cache"), store_dir=str(base / "storage" / "shards")),
        io_manager=ParquetIOManagerFactory(base_dir=str(base / "storage")),
    )
    job = defs.resolve_implicit_global_asset_job_def().get_subset(
        asset_selection={dg.AssetKey("entities")}, asset_check_selection=set())
    with dg.instance_for_test() as instance:
        result = job.execute_in_process(instance=instance, raise_on_error=False)
    assert result.success
    events = result.get_asset_materialization_events()
    assert [e.asset_key.to_user_string() for e in events] == ["entities"]

    def rows(events: list) -> int:
        return next(e.materialization.metadata["dagster/row_count"].value for e in events
                    if e.asset_key.to_user_string() == "entities")

    assert rows(events) == rows(full.get_asset_materialization_events()) > 0


def test_a_check_that_raises_fails_alone_in_its_step(tmp_path: Path) -> None:
    """The checks share a step: one raising is reported as a failed check with its error, and
    the step's other checks still give their verdicts."""
    from pipeline.checks import Check, build_checks
    from pipeline.resources import PipelineConfig

    @dg.asset(name="table")
    def table() -> pd.DataFrame:
        return pd.DataFrame({"x": [1, 2]})

    def broken(settings: PipelineConfig, table: pd.DataFrame) -> dg.AssetCheckResult:
        raise ValueError("a bug in a check")

    def fine(settings: PipelineConfig, table: pd.DataFrame) -> dg.AssetCheckResult:
        return dg.AssetCheckResult(passed=len(table) == 2)

    checks = build_checks(checks=[Check("table", "broken", "raises", ("table",), broken),
                                  Check("table", "fine", "passes", ("table",), fine)])
    settings = PipelineConfig(seeds_dir=str(tmp_path), outputs_dir=str(tmp_path / "out"))
    with dg.instance_for_test() as instance:
        result = dg.materialize([table, *checks], resources={"settings": settings}, instance=instance,
                                raise_on_error=False)
    verdicts = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert verdicts["fine"].passed and not verdicts["broken"].passed
    assert "a bug in a check" in verdicts["broken"].metadata["error"].value
