"""Killing the publisher mid-write never exposes a partial dataset (SIGKILL in a subprocess)."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from pipeline import PROJECT_ROOT
from pipeline.publish import STAGING, publish_all

_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import pandas as pd
    from pipeline.publish import publish_all
    sys.path.insert(0, {root!r})
    from tests.test_crash_safety import sentences
    publish_all({{"sentences": sentences(int(sys.argv[2]), "new")}}, Path(sys.argv[1]))
    """
)


def sentences(n: int, tag: str) -> pd.DataFrame:
    text = [f"{tag} sentence number {i} about the Northern Sea Route and Vladivostok." for i in range(n)]
    return pd.DataFrame({
        "doc_id": [f"{i // 100:016x}" for i in range(n)], "seq": [i % 100 for i in range(n)],
        "segment_seq": [0] * n, "char_start": [0] * n, "char_end": [len(t) for t in text], "text": text,
        "language": ["en"] * n, "language_confidence": [1.0] * n, "text_en": text,
        "translation_status": ["source_english"] * n, "translation_model": [None] * n,
    })


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sigkill_during_publication_leaves_the_previous_dataset(tmp_path: Path) -> None:
    outputs = tmp_path / "outputs"
    publish_all({"sentences": sentences(1000, "old")}, outputs)
    live = outputs / "sentences"
    before = {p.name: _sha(p) for p in live.iterdir()}
    manifest_before = (outputs / "manifest.json").read_bytes()

    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER.format(root=str(PROJECT_ROOT)), str(outputs), "400000"],
        cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    killed_while_writing = False
    while time.monotonic() < deadline and proc.poll() is None:
        partial = list((outputs / STAGING).glob("sentences-*/*.parquet"))
        if partial:
            os.kill(proc.pid, signal.SIGKILL)
            killed_while_writing = True
            break
        time.sleep(0.002)
    proc.wait()
    assert killed_while_writing, f"writer finished before it could be killed: {proc.stderr.read().decode()[-500:]}"
    assert proc.returncode == -signal.SIGKILL

    # The live folder is untouched and complete; the half-written file is only in staging.
    assert {p.name: _sha(p) for p in live.iterdir()} == before
    table = pq.read_table(live)
    assert table.num_rows == 1000 and table.column("text")[0].as_py().startswith("old")
    assert (outputs / "manifest.json").read_bytes() == manifest_before
    assert json.loads(manifest_before)["datasets"]["sentences"]["sha256"] == before["part-00000.parquet"]

    # The next run clears the stale staging folder and publishes normally.
    publish_all({"sentences": sentences(2000, "next")}, outputs)
    assert pq.read_table(live).num_rows == 2000
    assert not (outputs / STAGING).exists()
    assert [p.name for p in live.iterdir()] == ["part-00000.parquet"]
