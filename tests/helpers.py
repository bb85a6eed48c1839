"""Shared test helpers: run the real Dagster job on a temporary inbox, read what it published."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
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

    settings.setdefault("cache_dir", str(storage / "cache"))  # each test its own cache
    settings.setdefault("store_dir", str(storage / "shards"))
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


def serialize_pdf(objects: list[bytes]) -> bytes:
    """PDF objects (object 1 the catalog) as a file with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def minimal_pdf(text: str) -> bytes:
    """A real one-page PDF with a text layer, xref offsets computed (no PDF library)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return serialize_pdf(objects)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def graphql(base: str, query: str, variables: dict | None = None) -> dict:
    req = urllib.request.Request(
        f"{base}/graphql", data=json.dumps({"query": query, "variables": variables or {}}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=60) as resp:
        body = json.load(resp)
    assert "errors" not in body, body["errors"]
    return body["data"]


_LOCATIONS = "{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus } } } }"


@contextmanager
def webserver(env: dict[str, str], timeout: float = 120) -> Iterator[str]:
    """`make ui` on a free localhost port in its own process group; yields the base URL once the
    code location is loaded, kills the whole group afterwards."""
    port = free_port()
    bin_dir = Path(sys.executable).parent
    proc = subprocess.Popen(
        [str(bin_dir / "dagster-webserver"), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        status: dict[str, str] = {}
        while status.get("korea_russia_etl") != "LOADED":
            if time.monotonic() > deadline or proc.poll() is not None:
                pytest.fail(f"webserver did not load the code location: {status}")
            try:
                entries = graphql(base, _LOCATIONS)["workspaceOrError"]["locationEntries"]
                status = {e["name"]: e["loadStatus"] for e in entries}
            except OSError:
                pass
            time.sleep(0.5)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
