"""`make run` makes a normal run of the code location: the UI lists it under the job, with the
location's origin and the job's current snapshot (so "Re-execute" has nothing to warn about)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from pipeline import PROJECT_ROOT
from tests.helpers import copy_seeds, graphql, webserver

pytestmark = pytest.mark.slow

LOCATION, REPOSITORY, JOB = "korea_russia_etl", "__repository__", "refresh_datasets"


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, dict[str, str], Path]:
    base = tmp_path_factory.mktemp("cli_run")
    env = dict(os.environ)
    env.update({
        "DAGSTER_HOME": str(base / "home"),
        "PIPELINE_SEEDS_DIR": str(copy_seeds(base / "inbox")),
        "PIPELINE_OUTPUTS_DIR": str(base / "outputs"),
    })
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run"], cwd=PROJECT_ROOT, env=env,
        capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc, env, base


def test_prints_where_each_dataset_went(cli_run) -> None:
    proc, _, base = cli_run
    outputs = base / "outputs"
    for name in ("documents", "sentences", "mentions", "rejections"):
        assert f"{outputs / name}" in proc.stdout
        assert list((outputs / name).glob("*.parquet"))
    assert f"inbox:   {base / 'inbox'}" in proc.stdout
    assert f"{outputs / 'report' / 'index.html'}" in proc.stdout


def test_the_run_is_a_run_of_the_code_location(cli_run) -> None:
    _, env, _ = cli_run
    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        runs = instance.get_runs()
        assert len(runs) == 1
        run = runs[0]
        assert run.job_name == JOB
        assert run.status == dg.DagsterRunStatus.SUCCESS
        assert run.remote_job_origin is not None
        assert run.remote_job_origin.location_name == LOCATION
        assert run.tags["dagster/code_location"] == LOCATION
        assert run.tags["launched_by"] == "make run"
        # the repository label tag the UI filters a job's runs by is stored with it
        label = {".dagster/repository": f"{REPOSITORY}@{LOCATION}"}
        assert [r.run_id for r in instance.get_runs(filters=dg.RunsFilter(job_name=JOB, tags=label))] == [run.run_id]


_JOB_RUNS = """
query ($selector: PipelineSelector!, $filter: RunsFilter!) {
  pipelineOrError(params: $selector) { ... on Pipeline { name pipelineSnapshotId } }
  runsOrError(filter: $filter) {
    ... on Runs { results { runId status pipelineName pipelineSnapshotId
                            repositoryOrigin { repositoryLocationName repositoryName } } }
  }
}
"""


def test_the_webserver_lists_it_under_the_job_with_the_current_snapshot(cli_run) -> None:
    _, env, _ = cli_run
    with webserver(env) as base:
        data = graphql(base, _JOB_RUNS, {
            "selector": {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY, "pipelineName": JOB},
            # the filter the job's Runs tab uses: job name and the repository label tag
            "filter": {"pipelineName": JOB, "tags": [{"key": ".dagster/repository", "value": f"{REPOSITORY}@{LOCATION}"}]},
        })
    runs = data["runsOrError"]["results"]
    assert len(runs) == 1 and runs[0]["status"] == "SUCCESS"
    assert runs[0]["repositoryOrigin"] == {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY}
    assert runs[0]["pipelineSnapshotId"] == data["pipelineOrError"]["pipelineSnapshotId"]


def test_a_location_that_does_not_load_is_a_clear_error(tmp_path: Path) -> None:
    from pipeline.launch import CodeLocationError, create_location_run

    workspace = tmp_path / "workspace.yaml"
    workspace.write_text(
        f"load_from:\n  - python_module:\n      module_name: pipeline.no_such_module\n      location_name: {LOCATION}\n",
        encoding="utf-8",
    )
    with dg.instance_for_test() as instance:
        with pytest.raises(CodeLocationError, match="no_such_module"):
            create_location_run(instance, {}, {}, workspace=workspace)
        assert instance.get_runs() == []
