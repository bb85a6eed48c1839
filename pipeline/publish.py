"""Atomic, deterministic publication of datasets as Parquet folders.

A dataset is one Parquet file per shard of the inbox (`part-<shard>.parquet`, built in the
stage store by `pipeline.datasets`; `entities` is one `part-all.parquet`), or one
`part-00000.parquet` when published from a frame. Each dataset is assembled completely into a
staging folder under `<outputs>/.staging/` (its part files hard-linked from the store, so an
unchanged part costs no copy)
(readers never look there: dot-folders are ignored by pyarrow, and DuckDB globs on
`outputs/<name>/**`), fsynced, and then swapped with the live folder in one step:
on Linux with renameat2(RENAME_EXCHANGE), elsewhere with two renames. A crash at any
point leaves the previous `outputs/<name>/` complete and readable; the next run clears
the stale staging folder.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as arrow
import pyarrow.parquet as pq

from schemas.registry import (
    DATASETS,
    SORT_KEYS,
    arrow_schema,
    conform,
    data_dictionary,
    empty_frame,
)

STAGING = ".staging"
ROW_GROUP_SIZE = 50_000  # fixed, so equal inputs give byte-identical files
PART_NAME = "part-00000.parquet"


@dataclass(frozen=True)
class Published:
    name: str
    path: Path
    rows: int
    sha256: str
    files: dict[str, str]  # part file name -> sha256


def to_arrow(name: str, df: pd.DataFrame) -> arrow.Table:
    """Rows sorted by the dataset's key, typed by the schema, descriptions attached."""
    schema = arrow_schema(name)
    ordered = df.sort_values(SORT_KEYS[name], na_position="first", kind="stable").reset_index(drop=True)
    arrays = [arrow.array(_plain(ordered[field.name]), type=field.type) for field in schema]
    return arrow.Table.from_arrays(arrays, schema=schema)


def _plain(series: pd.Series) -> list:
    """Python values with pandas' missing markers turned into None."""
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        return [None if pd.isna(v) else v.to_pydatetime() for v in series]
    # One vectorised test per column (pd.isna per value was most of the publishing cost);
    # a list or tuple in a cell is a value, never missing, as element-wise isna says.
    missing = series.isna().to_numpy()
    values = series.tolist()
    if not missing.any():
        return values
    return [None if m else v for v, m in zip(values, missing.tolist(), strict=True)]


PARQUET_OPTIONS: dict[str, object] = {
    "row_group_size": ROW_GROUP_SIZE, "compression": "zstd", "use_dictionary": True, "write_statistics": True,
    "store_schema": True,
}


def write_parquet(table: arrow.Table, path: Path) -> None:
    pq.write_table(table, path, **PARQUET_OPTIONS)
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False when unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    if not hasattr(libc, "renameat2"):
        return False
    rc = libc.renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


def swap_in(staged: Path, live: Path) -> None:
    """Make `staged` the live folder; the old live folder is removed afterwards."""
    if not live.exists():
        os.rename(staged, live)
    elif _exchange(staged, live):
        shutil.rmtree(staged)  # now holds the previous version
    else:
        retired = live.with_name(f".{live.name}.retired-{uuid.uuid4().hex[:8]}")
        os.rename(live, retired)
        os.rename(staged, live)
        shutil.rmtree(retired, ignore_errors=True)
    _fsync_dir(live.parent)


def clear_staging(outputs: Path) -> None:
    shutil.rmtree(outputs / STAGING, ignore_errors=True)
    for stale in outputs.glob(".*.retired-*"):
        shutil.rmtree(stale, ignore_errors=True)


def publish_dataset(name: str, df: pd.DataFrame, outputs: Path) -> Published:
    staging = outputs / STAGING / f"{name}-{uuid.uuid4().hex[:12]}"
    staging.mkdir(parents=True)
    part = staging / PART_NAME
    write_parquet(to_arrow(name, df), part)
    _fsync_dir(staging)
    digest = hashlib.sha256(part.read_bytes()).hexdigest()
    live = outputs / name
    swap_in(staging, live)
    return Published(name, live, len(df), digest, {PART_NAME: digest})


def part_name(shard: str) -> str:
    """The published file of a dataset's part for `shard`."""
    return f"part-{shard}.parquet"


def parts_sha256(parts: pd.DataFrame) -> str:
    """The digest `publish_parts` gives the dataset made of `parts` (its manifest's sha256)."""
    return dataset_sha256({part_name(shard): sha for shard, sha in zip(parts["shard"], parts["sha256"], strict=True)})


def publish_parts(name: str, parts: pd.DataFrame, outputs: Path) -> Published:
    """`parts` (shard, path, rows, sha256 of each part file) as the dataset folder; an empty
    dataset (no shard) is one empty part, so readers still see its schema."""
    if parts.empty:
        return publish_dataset(name, conform(name, empty_frame(name)), outputs)
    staging = outputs / STAGING / f"{name}-{uuid.uuid4().hex[:12]}"
    staging.mkdir(parents=True)
    files = {}
    for shard, path, sha in zip(parts["shard"], parts["path"], parts["sha256"], strict=True):
        target = staging / part_name(shard)
        try:
            os.link(path, target)  # same file system: no copy
        except OSError:
            shutil.copyfile(path, target)
        files[target.name] = sha
    _fsync_dir(staging)
    live = outputs / name
    swap_in(staging, live)
    return Published(name, live, int(parts["rows"].sum()), dataset_sha256(files), files)


def dataset_sha256(files: dict[str, str]) -> str:
    """A dataset's digest: its file's sha256 when it is one file, else a hash over (name, sha256) of its files."""
    if len(files) == 1:
        return next(iter(files.values()))
    return hashlib.sha256("".join(f"{n} {h}\n" for n, h in sorted(files.items())).encode()).hexdigest()


def publish_all(datasets: dict[str, pd.DataFrame], outputs: Path, parts: bool = False) -> list[Published]:
    """Publish every dataset (each atomically: frames, or with `parts` the part lists of
    `pipeline.datasets`) plus the data dictionary and a manifest."""
    outputs.mkdir(parents=True, exist_ok=True)
    clear_staging(outputs)
    publish = publish_parts if parts else publish_dataset
    published = [publish(name, datasets[name], outputs) for name in DATASETS if name in datasets]
    manifest = {"datasets": {
        p.name: {"path": p.name, "rows": p.rows, "sha256": p.sha256, "files": p.files} for p in published
    }}
    _atomic_text(outputs / "manifest.json", json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    _atomic_text(outputs / "DATA_DICTIONARY.md", data_dictionary() + "\n")
    shutil.rmtree(outputs / STAGING, ignore_errors=True)
    return published


def _atomic_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
