"""The UI can load the code location: `dagster definitions validate` and a webserver smoke test."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pipeline import PROJECT_ROOT

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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_webserver_loads_the_location_on_localhost(tmp_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [str(BIN / "dagster-webserver"), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=PROJECT_ROOT, env=_env(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/server_info", timeout=5) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("webserver did not come up")
                time.sleep(0.5)
        query = "{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus } } } }"
        status = None
        while time.monotonic() < deadline:
            req = urllib.request.Request(
                f"{base}/graphql", data=json.dumps({"query": query}).encode(),
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(req, timeout=30) as resp:
                entries = json.load(resp)["data"]["workspaceOrError"]["locationEntries"]
            status = {e["name"]: e["loadStatus"] for e in entries}
            if status.get("korea_russia_etl") == "LOADED":
                break
            time.sleep(0.5)
        assert status == {"korea_russia_etl": "LOADED"}
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
