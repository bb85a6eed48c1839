"""A reader that knows only the previous published schema can still read the new files."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

from pipeline.publish import publish_all
from schemas.registry import SNAPSHOT_PATH, compatibility_problems, conform, schema_snapshot


def test_current_schemas_are_compatible_with_the_published_snapshot() -> None:
    """Removing, renaming or retyping a published column needs a migration: bump
    SCHEMA_VERSION, refresh schemas/published_schema.json and write the note in the README."""
    snapshot = json.loads(SNAPSHOT_PATH.read_text(encoding="utf-8"))
    assert compatibility_problems(snapshot["datasets"], schema_snapshot()) == []


def test_the_checker_flags_renames_and_allows_additions() -> None:
    old = {"documents": {"doc_id": "string", "title": "string"}}
    assert compatibility_problems(old, {"documents": {"doc_id": "string", "title": "string", "x": "int64"}}) == []
    assert compatibility_problems(old, {"documents": {"doc_id": "string", "headline": "string"}}) == [
        "documents.title removed or renamed"
    ]


def test_an_old_reader_reads_new_files_with_its_own_schema(tmp_path: Path) -> None:
    """Simulate the previous version: the reader's schema lacks the newest column."""
    rows = pd.DataFrame({
        "doc_id": ["0123456789abcdef"], "topic": ["arctic_far_east"], "score": [0.5], "evidence": [["Arctic"]],
    })
    publish_all({"topics": conform("topics", rows)}, tmp_path)
    new_schema = ds.dataset(tmp_path / "topics").schema
    old_schema = pa.schema([f for f in new_schema if f.name != new_schema.names[-1]])
    table = ds.dataset(tmp_path / "topics", schema=old_schema).to_table()
    assert table.schema.names == old_schema.names
    assert table.to_pylist() == [{"doc_id": "0123456789abcdef", "topic": "arctic_far_east", "score": 0.5}]
