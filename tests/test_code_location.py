"""The UI can load the code location: `dagster definitions validate` and a webserver smoke test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipeline import PROJECT_ROOT
from tests.helpers import graphql, webserver

BIN = Path(sys.executable).parent


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["DAGSTER_HOME"] = str(tmp_path)
    (tmp_path / "dagster.yaml").touch()
    return env


def test_definitions_validate(tmp_path: Path) -> None:
    proc = subprocess.run(
        [str(BIN / "dagster"), "definitions", "validate", "-w", "workspace.yaml"],
        cwd=PROJECT_ROOT, env=_env(tmp_path), capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "korea_russia_etl" in proc.stdout + proc.stderr


def test_definitions_hold_the_pipeline() -> None:
    from pipeline.definitions import defs

    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert {"raw_documents", "clean_documents", "segmented_documents", "language_documents",
            "translated_documents", "tagged_documents", "published_datasets"} <= keys
    assert defs.resolve_job_def("refresh_datasets") is not None
    assert defs.resolve_schedule_def("daily_refresh") is not None
    assert defs.resolve_sensor_def("inbox_sensor") is not None


def test_webserver_loads_the_location_on_localhost(tmp_path: Path) -> None:
    with webserver(_env(tmp_path)) as base:
        entries = graphql(base, "{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus } } } }")
    status = {e["name"]: e["loadStatus"] for e in entries["workspaceOrError"]["locationEntries"]}
    assert status == {"korea_russia_etl": "LOADED"}


def test_job_snapshot_does_not_depend_on_the_hash_seed() -> None:
    """The webserver's code server and `make run`'s are different processes: the job snapshot
    they compute must be the same, or the UI flags every run as made from another snapshot."""
    code = (
        "from pipeline.definitions import defs;"
        "print(defs.resolve_job_def('refresh_datasets').get_job_snapshot().snapshot_id)"
    )
    ids = set()
    for seed in ("1", "2", "3"):
        proc = subprocess.run(
            [sys.executable, "-c", code], cwd=PROJECT_ROOT, env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True, text=True, timeout=300,
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
        ids.add(proc.stdout.strip().splitlines()[-1])
    assert len(ids) == 1, ids
