"""Incremental by content: the per-stage cache computes only what changed, and the published
datasets are byte-identical to a cold run's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline import cache as cache_mod
from pipeline.shards import shard_of
from pipeline.text.inbox import list_inbox
from tests.helpers import SEEDS, read, run_pipeline

STAGES = {"ingest": "raw_documents", "clean": "clean_documents", "segment": "segmented_documents", "language": "language_documents",
          "tag": "tagged_documents"}

pytestmark = pytest.mark.slow


def _counts(result) -> dict[str, tuple[int, int]]:
    out = {}
    for stage, asset in STAGES.items():
        meta = result.asset_materializations_for_node(asset)[0].metadata
        out[stage] = (meta["cache_hits"].value, meta["cache_misses"].value)
    return out


def _shards_computed(result) -> dict[str, int]:
    """Shards computed per stage (the others were reused without reading their documents)."""
    return {stage: result.asset_materializations_for_node(asset)[0].metadata["shards_computed"].value
            for stage, asset in {**STAGES, "translate": "translated_documents"}.items()}


def _parts_built(result) -> dict[str, int]:
    from schemas.registry import DATASETS

    found = {e.asset_key.to_user_string(): e.materialization.metadata for e in result.get_asset_materialization_events()}
    return {name: found[name]["parts_built"].value for name in DATASETS}


def _manifest(outputs: Path) -> dict:
    return json.loads((outputs / "manifest.json").read_text(encoding="utf-8"))["datasets"]


def _paragraphs(path: Path) -> list[str]:
    return [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("incremental")
    inbox = base / "inbox"
    inbox.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds:
        shutil.copy2(seed, inbox / seed.name)
    paras = _paragraphs(seeds[-1])
    half = len(paras) // 2
    (inbox / "part_a.txt").write_text("\n\n".join(paras[:half]) + "\n", encoding="utf-8")
    (base / "part_b.txt").write_text("\n\n".join(paras[half:]) + "\n", encoding="utf-8")
    return base


def _run(work: Path, name: str, **settings):
    result = run_pipeline(work / "inbox", work / f"out-{name}", work / "storage", **settings)
    assert result.success, name
    return result


def test_incremental_runs(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = _run(work, "cold")
    assert _counts(cold) == {stage: (0, 3) for stage in STAGES}

    n_shards = len({shard_of(f) for f in list_inbox(work / "inbox")})
    assert set(_shards_computed(cold).values()) == {n_shards}

    warm = _run(work, "warm")
    assert _counts(warm) == {stage: (3, 0) for stage in STAGES}, "the second run computes nothing"
    assert set(_shards_computed(warm).values()) == {0}, "no shard is read again"
    assert set(_parts_built(warm).values()) == {0}, "no dataset part is rebuilt"
    assert _manifest(work / "out-warm") == _manifest(work / "out-cold"), "byte-identical to the cold run"

    _run(work, "uncached", cache_dir="")
    assert _manifest(work / "out-uncached") == _manifest(work / "out-cold")

    shutil.copy2(work / "part_b.txt", work / "inbox" / "part_b.txt")
    added = _run(work, "added")
    assert _counts(added) == {stage: (3, 1) for stage in STAGES}, "one added file computes one document"
    assert set(_shards_computed(added).values()) == {1}, "only the new file's shard"
    assert {k: v for k, v in _parts_built(added).items() if k != "entities"} == {
        name: 1 for name in _parts_built(added) if name != "entities"}, "one part per dataset rebuilt"
    docs = read(work / "out-added", "documents")
    assert len(docs) == 4 and "part_b.txt" in set(docs["source_file"])

    (work / "inbox" / "part_b.txt").unlink()
    removed = _run(work, "removed")
    assert _counts(removed) == {stage: (3, 0) for stage in STAGES}
    assert _manifest(work / "out-removed") == _manifest(work / "out-cold"), "exactly its rows are gone"
    for name in ("documents", "segments", "sentences", "mentions"):
        gone = read(work / "out-removed", name)
        assert len(gone) == len(read(work / "out-added", name)) - int(
            (read(work / "out-added", name)["doc_id"] == docs.loc[docs["source_file"] == "part_b.txt", "doc_id"].iloc[0]).sum()
        )

    # A catalog (reference data) change: every document re-tagged, none re-cleaned.
    monkeypatch.setattr("pipeline.runner.reference_data_version", lambda: "catalog-changed")
    retag = _run(work, "retag")
    assert _counts(retag) == {"ingest": (3, 0), "clean": (3, 0), "segment": (3, 0), "language": (3, 0), "tag": (0, 3)}
    assert _manifest(work / "out-retag") == _manifest(work / "out-cold")


def test_reference_data_version_follows_the_catalog(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(cache_mod.DATA_DIR, data)
    before = cache_mod.reference_data_version(data)
    with (data / "entities.csv").open("a", encoding="utf-8") as fh:
        fh.write("org:test_org,ORG,Test Org,,,,,,,test\n")
    assert cache_mod.reference_data_version(data) != before
    assert cache_mod.reference_data_version(cache_mod.DATA_DIR) == cache_mod.reference_data_version()


def test_a_sharded_dataset_reads_as_one(work: Path) -> None:
    """Each dataset folder is one part per shard; pandas, pyarrow, polars and DuckDB read it whole."""
    import duckdb
    import polars as pl
    import pyarrow.dataset as ds

    out = work / "out-reader"
    inbox = work / "reader-inbox"
    inbox.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        for i in range(4):  # enough files to fill several shards
            (inbox / f"{i}_{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\n\nCopy {i}.\n", encoding="utf-8")
    assert run_pipeline(inbox, out, work / "reader-storage").success
    parts = sorted(p.name for p in (out / "sentences").iterdir())
    assert len(parts) > 1 and all(p.startswith("part-") and p.endswith(".parquet") for p in parts)
    whole = read(out, "sentences")
    glob = str(out / "sentences" / "**" / "*.parquet")
    assert ds.dataset(out / "sentences").to_table().num_rows == len(whole)
    assert pl.scan_parquet(glob).select(pl.len()).collect().item() == len(whole)
    assert duckdb.sql(f"select count(*), count(distinct doc_id) from read_parquet('{glob}')").fetchall()[0] == (
        len(whole), whole["doc_id"].nunique())
    assert whole["doc_id"].nunique() == len(read(out, "documents")) == 4 * len(list(SEEDS.glob("*.txt")))
