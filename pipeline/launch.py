"""Run the refresh job as a normal run of the code location, without a webserver or daemon.

`JobDefinition.execute_in_process` records an ephemeral job with no code-location origin:
its run is missing from the job's Runs tab and the Overview timeline, and "Re-execute"
warns that the snapshot differs. Here the job is loaded from the location `workspace.yaml` declares (the module and location
name the webserver loads), the run is created from that remote job (origin, repository tag,
the location's job and execution-plan snapshots), and then it is executed in this process, as
`dagster api execute_run` would do in a run worker. The location is loaded in this process,
not in a code server as the webserver does: the run needs the module imported here anyway,
and a code server importing it a second time in another process (and serving the snapshots
over gRPC) was most of the run's fixed cost before its first step (about 6 of 9 s on the
shared machine). The snapshots are the same, so the UI shows the run under the job with the
current snapshot (tests/test_cli_run.py).

The Dagster calls below are the ones `dagster job launch` uses; they are internal APIs,
pinned with dagster==1.13.27 and covered by tests/test_cli_run.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import dagster as dg

from pipeline import PROJECT_ROOT

WORKSPACE = PROJECT_ROOT / "workspace.yaml"
LOCATION_NAME = "korea_russia_etl"
JOB_NAME = "refresh_datasets"
# One process, as before: the stages share loaded models and two cores gain nothing from
# a process per step. The run keeps this config, so a re-execution from the UI does too.
IN_PROCESS = {"execution": {"config": {"in_process": {}}}}


class CodeLocationError(RuntimeError):
    """The code location in workspace.yaml did not load (its error is in the message)."""


def create_location_run(
    instance: dg.DagsterInstance,
    run_config: Mapping[str, object],
    tags: Mapping[str, str],
    workspace: Path = WORKSPACE,
) -> dg.DagsterRun:
    """Create (not start) a run of the job as the code location in `workspace` serves it."""
    from dagster._cli.job import _create_run
    from dagster._core.remote_origin import InProcessCodeLocationOrigin
    from dagster._core.workspace.context import WorkspaceProcessContext
    from dagster._core.workspace.load_target import (
        InProcessWorkspaceLoadTarget,
        WorkspaceFileTarget,
    )

    declared = [o for o in WorkspaceFileTarget(paths=[str(workspace)]).create_origins() if o.location_name == LOCATION_NAME]
    if not declared or getattr(declared[0], "loadable_target_origin", None) is None:
        raise CodeLocationError(f"code location {LOCATION_NAME} is not declared as a Python module or file in {workspace}")
    target = InProcessWorkspaceLoadTarget(InProcessCodeLocationOrigin(
        loadable_target_origin=declared[0].loadable_target_origin, location_name=LOCATION_NAME))
    with WorkspaceProcessContext(instance, target) as process_context:
        request = process_context.create_request_context()
        if request.has_code_location_error(LOCATION_NAME):
            error = request.get_code_location_error(LOCATION_NAME)
            raise CodeLocationError(f"code location {LOCATION_NAME} failed to load:\n{error.to_string() if error else ''}")
        location = request.get_code_location(LOCATION_NAME)
        repository = next(iter(location.get_repositories().values()))
        return _create_run(
            instance=instance, code_location=location, remote_repo=repository,
            remote_job=repository.get_full_job(JOB_NAME), run_config=dict(run_config), tags=dict(tags),
            op_selection=None, run_id=None,
        )


def execute_location_run(instance: dg.DagsterInstance, run: dg.DagsterRun) -> dg.ExecutionResult:
    """Execute a created run in this process from its code origin (what a run worker does)."""
    from dagster._core.execution.api import execute_run
    from dagster._utils.hosted_user_process import recon_job_from_origin

    if run.job_code_origin is None:
        raise RuntimeError(f"run {run.run_id} has no code origin")
    return execute_run(recon_job_from_origin(run.job_code_origin), run, instance)


def sqlite_wal_normal_sync() -> None:
    """Dagster's SQLite run and event storage (WAL mode) without an fsync at every commit.

    It opens a connection per event and commits it: with SQLite's default `synchronous=FULL`
    each of the ~300 events of a run (40 steps) waited on an fsync, about 4 s of a 20 s re-run on
    this machine. `synchronous=NORMAL` in WAL mode is SQLite's documented setting for this: the
    database is never corrupted, and only a power loss (not a crash of the process) may lose the
    last events of the run record. Only SQLite connections made in this process are affected.
    """
    global _sync_set
    if _sync_set:
        return
    import sqlite3

    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    def _normal(dbapi_connection: object, _record: object) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.execute("PRAGMA synchronous=NORMAL")

    event.listen(Engine, "connect", _normal)
    _sync_set = True


_sync_set = False


def run_job(instance: dg.DagsterInstance, log_level: str = "INFO", tags: Mapping[str, str] | None = None) -> dg.ExecutionResult:
    run_config = {**IN_PROCESS, "loggers": {"console": {"config": {"log_level": log_level}}}}
    run = create_location_run(instance, run_config, tags or {})
    return execute_location_run(instance, run)
