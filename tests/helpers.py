"""Shared test helpers: run the real Dagster job on a temporary inbox, read what it published."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from pipeline import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"
DEV_CORPUS = Path(os.environ.get("PIPELINE_DEV_CORPUS") or PROJECT_ROOT.parent / "shared" / "corpus" / "dev")


def dev_corpus() -> Path:
    """The dev corpus folder, or a clean skip where it is not shipped (a user's clone)."""
    if not (DEV_CORPUS / "manifest.csv").is_file():
        pytest.skip(f"dev corpus not found at {DEV_CORPUS} (set PIPELINE_DEV_CORPUS to run these tests)")
    return DEV_CORPUS


def dev_manifest() -> list[dict[str, str]]:
    with (dev_corpus() / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def copy_seeds(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for f in SEEDS.iterdir():
        if f.is_file():
            shutil.copy2(f, dest / f.name)
    return dest


def run_pipeline(
    inbox: Path, outputs: Path, storage: Path, translation: object | None = None, **settings: object
) -> dg.ExecuteInProcessResult:
    """The refresh job exactly as `make run` executes it, with test locations."""
    from pipeline.definitions import build_definitions
    from pipeline.resources import ParquetIOManagerFactory, PipelineConfig

    defs = build_definitions(
        settings=PipelineConfig(seeds_dir=str(inbox), outputs_dir=str(outputs), **settings),
        translation=translation,
        io_manager=ParquetIOManagerFactory(base_dir=str(storage)),
    )
    with dg.instance_for_test() as instance:
        return defs.resolve_job_def("refresh_datasets").execute_in_process(instance=instance, raise_on_error=False)


def read(outputs: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(outputs / name)


def failed_checks(result: dg.ExecuteInProcessResult) -> list[str]:
    return [
        e.check_name for e in result.get_asset_check_evaluations() if not e.passed
    ]
