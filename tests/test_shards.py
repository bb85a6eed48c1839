"""Shards without Dagster: stable assignment, fingerprints that follow the bytes, reuse of unchanged shards."""

from __future__ import annotations

import json
import os
import time
from functools import partial
from pathlib import Path

import pandas as pd

from pipeline import frames, shards, stages
from pipeline.cache import StageCache
from pipeline.runner import StageRunner
from tests.helpers import SEEDS


def test_shard_of_is_stable_and_in_range() -> None:
    names = [f"batch{i // 100:03d}/{i:06d}.txt" for i in range(2000)]
    got = [shards.shard_of(n) for n in names]
    assert got == [shards.shard_of(n) for n in names]
    assert {int(s, 16) for s in got} == set(range(shards.N_SHARDS))  # every shard used, none beyond


def test_file_fingerprint_follows_the_bytes_not_only_stat(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Seoul and Moscow signed.", encoding="utf-8")
    st = path.stat()
    before = shards.file_fingerprint(tmp_path, "a.txt", 1 << 20)
    path.write_text("Seoul and Moscow sighed.", encoding="utf-8")  # same size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # same mtime
    assert shards.file_fingerprint(tmp_path, "a.txt", 1 << 20) != before


def test_an_unchanged_file_is_not_read_again_and_a_rewritten_one_is(tmp_path: Path) -> None:
    """The stat index: same stat and settled since the last scan -> the stored sha256; a file
    rewritten with the same size and its old mtime still changes ctime, so it is read."""
    path = tmp_path / "a.txt"
    path.write_text("Seoul and Moscow signed.", encoding="utf-8")
    st = path.stat()
    first = shards.StatIndex()
    before = shards.file_fingerprint(tmp_path, "a.txt", 1 << 20, first)
    assert first.hashed == 1
    settled = shards.StatIndex(st.st_ctime_ns + shards.RACY_NS + 1, first.seen)  # as if scanned later
    assert shards.file_fingerprint(tmp_path, "a.txt", 1 << 20, settled) == before
    assert settled.hashed == 0
    racy = shards.StatIndex(st.st_ctime_ns, first.seen)  # scanned while the file was being written
    assert shards.file_fingerprint(tmp_path, "a.txt", 1 << 20, racy) == before
    assert racy.hashed == 1
    time.sleep(0.01)  # a later ctime, on file systems that count in coarse steps too
    path.write_text("Seoul and Moscow sighed.", encoding="utf-8")  # same size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # same mtime
    again = shards.StatIndex(st.st_ctime_ns + shards.RACY_NS + 1, first.seen)
    after = shards.file_fingerprint(tmp_path, "a.txt", 1 << 20, again)
    assert after != before and again.hashed == 1


def test_a_second_scan_of_a_settled_inbox_reads_no_file(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(5):
        (inbox / f"{i}.txt").write_text(f"Document {i} about Busan and Vladivostok.", encoding="utf-8")
    old = time.time_ns() - 2 * shards.RACY_NS  # files last written well before the scans
    for f in inbox.iterdir():
        os.utime(f, ns=(old, old))
    store = shards.Store(str(tmp_path / "store"))
    saved = tmp_path / "store" / "inbox_index.json"

    def scan_then_settle() -> int:
        """Scan, then date the scan RACY_NS later (utime just set every ctime to now)."""
        hashed = shards.ingest_shards(inbox, 1 << 20, store, StageRunner(), lambda t: {}).hashed
        index = json.loads(saved.read_text(encoding="utf-8"))
        saved.write_text(json.dumps({**index, "scanned_ns": index["scanned_ns"] + 2 * shards.RACY_NS}), encoding="utf-8")
        return hashed

    assert scan_then_settle() == 5
    assert scan_then_settle() == 0
    (inbox / "new.txt").write_text("A new document.", encoding="utf-8")
    assert scan_then_settle() == 1
    (inbox / "0.txt").unlink()
    assert scan_then_settle() == 0
    assert "0.txt" not in json.loads(saved.read_text(encoding="utf-8"))["entries"]


def _clean(store: shards.Store, inbox: Path) -> tuple[shards.StageRun, shards.StageRun]:
    runner = StageRunner()
    ingest = shards.ingest_shards(inbox, 1 << 20, store, runner, lambda t: {})
    manifest = ingest.finish()
    clean = shards.map_shards("clean", manifest, store, runner, ("inputs",),
                              lambda t, r: (frames.clean_tables(t, None, r), True), lambda t: {})
    return ingest, clean


def test_unchanged_shards_are_reused_and_rows_stay_in_their_files_shard(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    text = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    for i in range(6):
        (inbox / f"{i}.txt").write_text(f"{text}\n\nCopy {i}.\n", encoding="utf-8")
    store = shards.Store(str(tmp_path / "store"))
    ingest, clean = _clean(store, inbox)
    n = len({shards.shard_of(f"{i}.txt") for i in range(6)})
    assert (ingest.computed, clean.computed) == (n, n)
    m = clean.finish()
    for row in m.to_dict("records"):
        t = shards.load(store, row, ["docs", "blocks"])
        assert {shards.shard_of(f) for f in t["docs"]["source_file"]} == {row["shard"]}
        assert set(t["blocks"]["doc_id"]) <= set(t["docs"]["doc_id"])

    (inbox / "0.txt").write_text(f"{text}\n\nChanged.\n", encoding="utf-8")
    ingest, clean = _clean(store, inbox)
    assert (ingest.computed, ingest.reused, clean.computed, clean.reused) == (1, n - 1, 1, n - 1)
    # what the next stage reads of its work: the one changed document, every other shard reused
    changed = clean.finish().set_index("shard")["changed"]
    assert changed[shards.shard_of("0.txt")] == 1
    assert set(changed.drop(shards.shard_of("0.txt"))) <= {-1}

    ingest, clean = _clean(shards.Store(str(tmp_path / "store"), reuse=False), inbox)
    assert (ingest.reused, clean.reused) == (0, 0)  # the cache off: every shard computed


def _ingest_and_clean(store: shards.Store, inbox: Path, workers: int) -> tuple[pd.DataFrame, StageRunner]:
    runner = StageRunner(cache=StageCache(str(Path(store.root).parent / f"cache{workers}")), workers=workers)
    ingest = shards.ingest_shards(inbox, 1 << 20, store, runner, stages.ingest_summary).finish()
    clean = shards.map_shards("clean", ingest, store, runner, ("inputs",), partial(stages.clean, max_chars=None),
                              stages.clean_summary).finish()
    return clean, runner


def test_shard_jobs_in_the_worker_pool_write_what_the_run_process_writes(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(40):
        (inbox / f"{i:02d}.txt").write_text(f"{texts[i % len(texts)]}\n\nCopy number {i}.\n", encoding="utf-8")
    (inbox / "empty.txt").write_bytes(b"")  # a rejection travels with its shard too
    one, one_runner = _ingest_and_clean(shards.Store(str(tmp_path / "one" / "store")), inbox, workers=1)
    pooled, pooled_runner = _ingest_and_clean(shards.Store(str(tmp_path / "two" / "store")), inbox, workers=2)
    assert len(one) == len(pooled) > 16  # enough documents for the pool
    cols = ["shard", "fingerprint", "units", "summary"]
    pd.testing.assert_frame_equal(one[cols], pooled[cols])
    for a, b in zip(one.to_dict("records"), pooled.to_dict("records"), strict=True):
        for name in ("inputs", "docs", "blocks", "dedup"):
            pd.testing.assert_frame_equal(shards.load(shards.Store(""), a, [name])[name],
                                          shards.load(shards.Store(""), b, [name])[name])
    # the workers' cache counters reach the run's metadata
    assert one_runner.summary() == pooled_runner.summary()
    assert pooled_runner.summary()["clean"]["misses"] == 40
