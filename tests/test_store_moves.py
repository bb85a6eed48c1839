"""A store that moves (the project folder renamed, DAGSTER_HOME copied elsewhere) keeps working:
its shards are found where it now is, and nothing is computed again."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tests.helpers import copy_seeds, run_pipeline


def _stage_counts(result) -> dict[str, tuple[int, int]]:
    counts = {}
    for event in result.get_asset_materialization_events():
        meta = event.step_materialization_data.materialization.metadata
        if "cache_hits" in meta:
            counts[event.asset_key.to_user_string()] = (meta["cache_hits"].value, meta["cache_misses"].value)
    return counts


def test_a_moved_store_finds_its_shards_and_computes_only_what_changed(tmp_path: Path) -> None:
    inbox = copy_seeds(tmp_path / "inbox")
    assert run_pipeline(inbox, tmp_path / "out-a", tmp_path / "a" / "storage").success
    (tmp_path / "a").rename(tmp_path / "b")
    again = run_pipeline(inbox, tmp_path / "out-b", tmp_path / "b" / "storage")
    assert again.success
    counts = _stage_counts(again)
    assert counts and all(misses == 0 for _, misses in counts.values()), counts
    for name in ("documents", "mentions", "sentences"):
        a = sorted(p.read_bytes() for p in (tmp_path / "out-a" / name).glob("*.parquet"))
        b = sorted(p.read_bytes() for p in (tmp_path / "out-b" / name).glob("*.parquet"))
        assert a == b, name
    # one added file: its shard is computed, and the datasets read every other shard's tables
    # (duplicate detection compares it with all of them) where the store now is
    text = next(inbox.glob("*.txt")).read_text(encoding="utf-8")
    (inbox / "added.txt").write_text(text.replace("Russia", "Russia and Korea", 1) + "\nOne more line.\n", encoding="utf-8")
    added = run_pipeline(inbox, tmp_path / "out-b", tmp_path / "b" / "storage")
    assert added.success
    assert all(misses == 1 for _, misses in _stage_counts(added).values())
    assert "added.txt" in set(pd.read_parquet(tmp_path / "out-b" / "documents")["source_file"])
