"""The checks that span a dataset's parts (a unique column, entity counts against mentions)
read each part once: what they need of a part is kept by its fingerprint (`PartSummaries`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import checks, datasets
from pipeline.resources import PipelineConfig
from pipeline.shards import digest


def _parts(tmp_path: Path, name: str, frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Part files of `name` (only the columns the checks read), one per shard."""
    rows = []
    for shard, df in frames.items():
        path = tmp_path / name / f"part-{shard}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pandas(df, preserve_index=False), path)
        rows.append({"shard": shard, "fingerprint": digest(name, df.to_json()), "path": str(path), "rows": len(df),
                     "sha256": "", "stats": "[]"})
    return pd.DataFrame(rows, columns=datasets.PART_COLUMNS)


def _settings(tmp_path: Path) -> PipelineConfig:
    return PipelineConfig(seeds_dir=str(tmp_path), outputs_dir=str(tmp_path / "out"), cache_dir=str(tmp_path / "cache"),
                          store_dir=str(tmp_path / "store"), workers=1)


MENTIONS = {
    "00": pd.DataFrame({"doc_id": ["a", "a", "b"], "entity_id": ["gpe:russia", "gpe:russia", "gpe:russia"]}),
    "01": pd.DataFrame({"doc_id": ["c", "c", "d"], "entity_id": ["gpe:russia", "per:x", None]}),
}


def test_entity_counts_are_checked_against_every_part_of_mentions(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    mentions = _parts(tmp_path, "mentions", MENTIONS)
    right = _parts(tmp_path, "entities", {"all": pd.DataFrame(
        {"entity_id": ["gpe:russia", "per:x"], "n_mentions": [4, 1], "n_documents": [3, 1]})})
    assert checks.entities_match_mentions(settings, right, mentions).passed
    wrong = _parts(tmp_path / "wrong", "entities", {"all": pd.DataFrame(
        {"entity_id": ["gpe:russia", "per:x"], "n_mentions": [3, 1], "n_documents": [2, 1]})})
    result = checks.entities_match_mentions(settings, wrong, mentions)
    assert not result.passed
    assert result.metadata["num_failures"].value == 1


def test_a_part_is_summarised_once_and_a_removed_part_forgotten(tmp_path: Path) -> None:
    store = _settings(tmp_path).store()
    mentions = _parts(tmp_path, "mentions", MENTIONS)
    read: list[str] = []

    def counts(path: str) -> dict[str, list[int]]:
        read.append(Path(path).name)
        return checks.mention_counts(path)

    first = datasets.PartSummaries(store, "mentions.entity_counts").of(mentions, counts)
    assert first == [{"gpe:russia": [3, 2]}, {"gpe:russia": [1, 1], "per:x": [1, 1]}]
    added = pd.concat([mentions, _parts(tmp_path, "mentions", {"02": pd.DataFrame({"doc_id": ["e"], "entity_id": ["per:x"]})})],
                      ignore_index=True)
    read.clear()
    assert datasets.PartSummaries(store, "mentions.entity_counts").of(added, counts)[2] == {"per:x": [1, 1]}
    assert read == ["part-02.parquet"]
    read.clear()
    datasets.PartSummaries(store, "mentions.entity_counts").of(added.iloc[1:], counts)
    assert read == []
    kept = store.read_json(store.path("summaries", "mentions.entity_counts.json"))
    assert sorted(kept) == sorted(added["fingerprint"].iloc[1:])


def test_a_key_in_two_parts_is_found_across_parts(tmp_path: Path) -> None:
    """Each part is validated alone; the same doc_id in two of them is found here."""
    settings = _settings(tmp_path)
    ids = {"00": ["a" * 16, "b" * 16], "01": ["c" * 16, "d" * 16]}
    parts = _parts(tmp_path, "documents", {s: pd.DataFrame({"doc_id": v}) for s, v in ids.items()})
    assert checks.unique_across_parts(settings, parts, "documents", "doc_id").empty
    ids["02"] = ["e" * 16, "a" * 16]
    parts = _parts(tmp_path, "documents", {s: pd.DataFrame({"doc_id": v}) for s, v in ids.items()})
    found = checks.unique_across_parts(settings, parts, "documents", "doc_id")
    assert found["failure_case"].tolist() == ["a" * 16, "a" * 16]
    assert set(found["check"]) == {"unique across parts"}


def test_conservation_failures_names_each_kind_of_breach() -> None:
    import pandas as pd

    from pipeline.checks import conservation_failures

    def frame(rows: list[tuple[str, int | None]]) -> pd.DataFrame:
        return pd.DataFrame(rows, columns=["source_file", "source_record"]).astype({"source_record": "Int64"})

    documents = frame([("a.txt", None), ("b.jsonl", 0), ("b.jsonl", 2), ("c.jsonl", 1), ("d.txt", None), ("e.txt", None)])
    rejections = frame([("b.jsonl", 1), ("c.jsonl", 1), ("d.txt", None), ("e.txt", 0), ("stray.txt", None)])
    found = conservation_failures(["a.txt", "b.jsonl", "c.jsonl", "d.txt", "e.txt", "lost.txt"], documents, rejections)
    assert found == [
        "c.jsonl: records not exactly 0..1 once each: [1, 1]",
        "d.txt: 2 outcomes for one file",
        "e.txt: both whole-file and per-record outcomes",
        "lost.txt: neither a document nor a rejection",
        "stray.txt: outcome for a file that is not in the inbox",
    ]
    assert conservation_failures(["a.txt", "b.jsonl"], documents[:3], rejections[:1]) == []
