"""Dataset parts and part checks in the worker pool: the same files and verdicts as one by one."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline import checks, datasets, frames, shards
from pipeline.runner import MIN_DOCS_FOR_POOL, StageRunner
from tests.helpers import SEEDS


def _clean_manifest(tmp_path: Path, store: shards.Store) -> pd.DataFrame:
    """An inbox spread over many shards, with documents and rejections (empty and binary files)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    text = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    for i in range(48):
        if i % 7 == 3:
            (inbox / f"{i:02d}.txt").write_bytes(b"")
        elif i % 7 == 5:
            (inbox / f"{i:02d}.txt").write_bytes(bytes(range(256)) * 4)
        else:
            (inbox / f"{i:02d}.txt").write_text(f"{text}\n\nCopy number {i}.\n", encoding="utf-8")
    runner = StageRunner()
    ingest = shards.ingest_shards(inbox, 1 << 20, store, runner, lambda t: {}).finish()
    return shards.map_shards("clean", ingest, store, runner, ("inputs",),
                             lambda t, r: (frames.clean_tables(t, None, r), True), lambda t: {}).finish()


def test_parts_built_in_the_pool_are_the_files_built_one_by_one(tmp_path: Path) -> None:
    one, pooled = shards.Store(str(tmp_path / "one")), shards.Store(str(tmp_path / "pooled"))
    m_one = m_pooled = _clean_manifest(tmp_path, one)  # the stage tables; each store gets its own parts
    assert len(m_one) >= MIN_DOCS_FOR_POOL  # enough parts for the pool to be used
    parts_one, built_one = datasets.build_parts("rejections", m_one, one, workers=1)
    parts_pooled, built_pooled = datasets.build_parts("rejections", m_pooled, pooled, workers=2)
    assert built_one == built_pooled == len(m_one)
    assert int(parts_one["rows"].sum()) > 0
    cols = ["shard", "fingerprint", "rows", "sha256", "stats"]
    pd.testing.assert_frame_equal(parts_one[cols], parts_pooled[cols])
    for a, b in zip(parts_one["path"], parts_pooled["path"], strict=True):
        assert Path(a).read_bytes() == Path(b).read_bytes()
    # a second build reuses every part, in the run's process
    again, built = datasets.build_parts("rejections", m_pooled, pooled, workers=2)
    assert built == 0
    pd.testing.assert_frame_equal(again[cols], parts_pooled[cols])


def test_part_checks_in_the_pool_give_the_verdicts_given_one_by_one(tmp_path: Path) -> None:
    store = shards.Store(str(tmp_path / "store"))
    m = _clean_manifest(tmp_path, store)
    parts, _ = datasets.build_parts("rejections", m, store, workers=1)
    keys, jobs = list(parts["fingerprint"]), [("rejections", p) for p in parts["path"]]
    one_by_one = [checks.validate_part(job) for job in jobs]
    pooled = datasets.Verdicts(store, "rejections_schema").many(keys, checks.validate_part, jobs, workers=2)
    assert [p for p, _ in pooled] == [p for p, _ in one_by_one] == [True] * len(keys)
    # passing verdicts are remembered: nothing is computed again
    asked: list[object] = []
    again = datasets.Verdicts(store, "rejections_schema").many(keys, asked.append, jobs, workers=1)
    assert asked == [] and again == [(True, None)] * len(keys)



def test_parts_validated_together_get_the_verdicts_of_one_by_one(tmp_path: Path) -> None:
    """Schema checks validate up to PARTS_PER_VALIDATION parts in one Pandera call; a broken
    part among good ones still fails alone, with its own failure cases, and the others pass."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    store = shards.Store(str(tmp_path / "store"))
    m = _clean_manifest(tmp_path, store)
    parts, _ = datasets.build_parts("rejections", m, store, workers=1)
    paths = [p for p, rows in zip(parts["path"], parts["rows"], strict=True) if rows][:3]
    broken = tmp_path / "broken.parquet"
    table = pq.read_table(paths[1])
    reasons = pa.array(["not_a_reason"] * table.num_rows, type=table.schema.field("reason").type)
    pq.write_table(table.set_column(table.schema.get_field_index("reason"), "reason", reasons), broken)
    jobs = [("rejections", paths[0]), ("rejections", str(broken)), ("rejections", paths[2])]
    together = checks.validate_parts(jobs)
    one_by_one = [checks.validate_part(job) for job in jobs]
    assert [p for p, _ in together] == [p for p, _ in one_by_one] == [True, False, True]
    assert set(together[1][1]["failure_case"]) == set(one_by_one[1][1]["failure_case"]) == {"not_a_reason"}
    assert checks.validate_parts(jobs[::2]) == [(True, None), (True, None)]
    keys = [f"k{i}" for i in range(len(jobs))]
    grouped = datasets.Verdicts(store, "rejections_schema").many(keys, checks.validate_parts, jobs, group=2)
    assert [p for p, _ in grouped] == [True, False, True]


def _pids(jobs: list[int]) -> list[tuple[bool, int]]:
    import os

    return [(True, os.getpid()) for _ in jobs]


def test_grouped_verdicts_use_the_pool_when_there_are_enough_jobs(tmp_path: Path) -> None:
    """Grouping parts makes fewer jobs than parts: the pool is still used for as many parts as
    it is used for ungrouped, and not for a few."""
    import os

    from pipeline.runner import shutdown_pool

    store = shards.Store(str(tmp_path / "store"))
    try:
        many = datasets.Verdicts(store, "many").many([f"k{i}" for i in range(MIN_DOCS_FOR_POOL)], _pids,
                                                     list(range(MIN_DOCS_FOR_POOL)), workers=2, group=8)
        few = datasets.Verdicts(store, "few").many(["a", "b"], _pids, [0, 1], workers=2, group=8)
    finally:
        shutdown_pool()
    assert len(many) == MIN_DOCS_FOR_POOL and os.getpid() not in {pid for _, pid in many}
    assert {pid for _, pid in few} == {os.getpid()}
