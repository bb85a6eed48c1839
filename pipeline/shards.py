"""The inbox in shards: each stage runs shard by shard and skips the shards whose inputs did not change.

An input belongs to shard `shard_of(source_file)` (a hash prefix of its path: 64 shards, stable
across runs and machines), so a file, its JSONL records, its document rows and its rejection
all live in one shard. A stage's asset value is a small manifest (one row per shard: the
shard's fingerprint and where its typed tables are), not a frame. The fingerprint of a shard
at a stage is a hash of the stage's version and the shard's fingerprint at the stage before
(at ingest: of its files' paths, stat and bytes), and its tables are stored under it
(`<store>/<stage>/<shard>/<fingerprint>/<table>.parquet`, then `_meta.json`, written last, marks
it complete). So an unchanged shard costs one small read per stage, and only changed shards
are read, computed (documents inside them still answered by the per-document cache) and
written, one group of shards in memory at a time.

Every path goes through UPath: the store may be on object storage like the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from upath import UPath

from pipeline import tables as tb
from pipeline.progress import Progress
from pipeline.runner import StageRunner

N_SHARDS = 64
GROUP_DOCS = 512  # documents computed together (a worker pool batch); bounds the run's memory
MANIFEST_COLUMNS = ["shard", "fingerprint", "units", "tables", "summary"]


def shard_of(source_file: str) -> str:
    return f"{hashlib.sha256(source_file.encode('utf-8')).digest()[0] % N_SHARDS:02x}"


def digest(*parts: object) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(json.dumps(part, sort_keys=True, default=str).encode("utf-8") + b"\x00")
    return h.hexdigest()[:20]


@lru_cache(maxsize=1)
def layout_version() -> str:
    """Hash of the code that lays out stage tables and datasets (a change invalidates every shard)."""
    here = Path(__file__).resolve().parent
    files = [here / n for n in ("frames.py", "tables.py", "shards.py", "datasets.py", "publish.py", "checks.py")]
    files += sorted((here.parent / "schemas").glob("*.py"))
    h = hashlib.sha256()
    for f in files:
        if f.is_file():
            h.update(f.name.encode() + hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()[:16]


@dataclass
class Store:
    """Where shard tables live (any UPath URL); `reuse` False recomputes every shard (cache off)."""

    root: str
    reuse: bool = True

    def path(self, *parts: str) -> UPath:
        return UPath(self.root).joinpath(*parts)

    def write(self, path: UPath, table: pa.Table, **kwargs: Any) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            pq.write_table(table, fh, compression="zstd", **kwargs)

    def read(self, path: str, columns: Sequence[str] | None = None) -> pd.DataFrame:
        with UPath(path).open("rb") as fh:
            return tb.to_frame(pq.read_table(fh, columns=list(columns) if columns else None))

    def read_json(self, path: UPath) -> Any:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def write_json(self, path: UPath, value: Any) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value, sort_keys=True, default=str), encoding="utf-8")

    def prune(self, area: str, keep: Mapping[str, str]) -> None:
        """Remove every entry of `<area>/<shard>/` other than the shard's current fingerprint."""
        base = self.path(area)
        if not base.exists():
            return
        for shard_dir in base.iterdir():
            for entry in shard_dir.iterdir() if shard_dir.is_dir() else []:
                if not entry.name.startswith(keep.get(shard_dir.name, "\x00")):
                    if entry.is_dir():
                        entry.fs.rm(entry.path, recursive=True)
                    else:
                        entry.unlink()


def manifest(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(sorted(rows, key=lambda r: r["shard"]), columns=MANIFEST_COLUMNS)


def shard_tables(row: Mapping[str, Any]) -> dict[str, str]:
    return json.loads(row["tables"])


def load(store: Store, row: Mapping[str, Any], names: Sequence[str]) -> tb.Tables:
    paths = shard_tables(row)
    return {name: store.read(paths[name]) for name in names}


def add_summaries(manifest_df: pd.DataFrame) -> dict[str, Any]:
    """The shards' summaries added up (numbers add, dicts add key by key)."""
    total: dict[str, Any] = {}
    for text in manifest_df["summary"]:
        _add(total, json.loads(text))
    return total


def _add(into: dict[str, Any], other: Mapping[str, Any]) -> None:
    for k, v in other.items():
        if isinstance(v, dict):
            _add(into.setdefault(k, {}), v)
        else:
            into[k] = into.get(k, 0) + v


# --- ingest -------------------------------------------------------------------------


def file_fingerprint(inbox: Path, rel: str, max_bytes: int) -> list[Any]:
    """What ingest reads of one input: its path, what stat says of it and its target, its bytes."""
    path = inbox / rel
    try:
        lst = os.lstat(path)
    except OSError as exc:
        return [rel, "lstat", exc.errno]
    out: list[Any] = [rel, lst.st_mode, lst.st_size, lst.st_mtime_ns]
    st = lst
    if stat.S_ISLNK(lst.st_mode):
        try:
            out.append(os.readlink(path))
            st = os.stat(path)
            out += [st.st_mode, st.st_size, st.st_mtime_ns]
        except OSError as exc:
            return [*out, "target", exc.errno]
    if stat.S_ISREG(st.st_mode) and 0 < st.st_size <= max_bytes:
        try:
            with open(path, "rb") as fh:
                out.append(hashlib.sha256(fh.read(max_bytes + 1)).hexdigest())
        except OSError as exc:
            out.append(f"read {exc.errno}")
    return out


def inbox_shards(files: Sequence[str]) -> dict[str, list[str]]:
    by_shard: dict[str, list[str]] = {}
    for rel in files:
        by_shard.setdefault(shard_of(rel), []).append(rel)
    return by_shard


# --- running a stage over shards ----------------------------------------------------


@dataclass
class StageRun:
    """One stage over the shards: which were reused, which computed, with what."""

    stage: str
    store: Store
    runner: StageRunner
    version: str
    reused: int = 0
    computed: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)

    def fingerprint(self, upstream: str) -> str:
        return digest(self.stage, self.version, layout_version(), upstream)

    def done(self, shard: str, fp: str) -> dict[str, Any] | None:
        """The stored result of `shard` at `fp`, when complete and reuse is on."""
        if not self.store.reuse:
            return None
        return self.store.read_json(self.store.path(self.stage, shard, fp, "_meta.json"))

    def reuse(self, shard: str, fp: str, meta: dict[str, Any], upstream_tables: Mapping[str, str]) -> None:
        self.reused += 1
        if self.runner.cache is not None:
            self.runner.cache.count(self.stage).hits += meta["units"]
        self._add(shard, fp, meta, upstream_tables)

    def save(self, shard: str, fp: str, out: tb.Tables, units: int, summary: dict[str, Any],
             upstream_tables: Mapping[str, str], reusable: bool = True) -> None:
        self.computed += 1
        folder = self.store.path(self.stage, shard, fp)
        paths = {}
        for name, df in out.items():
            path = folder / f"{name}.parquet"
            self.store.write(path, tb.to_arrow(name, df))
            paths[name] = str(path)
        meta = {"units": units, "tables": paths, "summary": summary}
        if reusable:  # a shard with a failed translation is computed again next run
            self.store.write_json(folder / "_meta.json", meta)
        self._add(shard, fp, meta, upstream_tables)

    def _add(self, shard: str, fp: str, meta: dict[str, Any], upstream_tables: Mapping[str, str]) -> None:
        self.rows.append({
            "shard": shard, "fingerprint": fp, "units": meta["units"],
            "tables": json.dumps({**upstream_tables, **meta["tables"]}, sort_keys=True),
            "summary": json.dumps(meta["summary"], sort_keys=True),
        })

    def finish(self) -> pd.DataFrame:
        self.store.prune(self.stage, {r["shard"]: r["fingerprint"] for r in self.rows})
        return manifest(self.rows)


Compute = Callable[[tb.Tables], tuple[tb.Tables, dict[str, Any]]]


def split(out: tb.Tables, docs: pd.DataFrame) -> dict[str, tb.Tables]:
    """Tables of several shards -> per shard (rows keyed by source_file, or by doc_id through `docs`)."""
    shard_of_doc = {d: shard_of(f) for d, f in zip(docs["doc_id"], docs["source_file"], strict=True) if tb.opt(d)}
    parts: dict[str, tb.Tables] = {}
    for name, df in out.items():
        keys = (df["source_file"].map(shard_of) if "source_file" in df.columns
                else df["doc_id"].map(shard_of_doc))
        for shard, part in df.groupby(keys, sort=False):
            parts.setdefault(shard, {})[name] = part.reset_index(drop=True)
    return parts


def map_shards(
    stage: str, upstream: pd.DataFrame, store: Store, runner: StageRunner, needs: Sequence[str],
    compute: Compute, summarize: Callable[[tb.Tables], dict[str, Any]], extra: object = "",
) -> StageRun:
    """`compute` over the shards of `upstream` whose fingerprint at this stage has no stored result,
    a group of shards (about GROUP_DOCS documents) at a time; `compute` returns the stage's tables
    and whether they may be reused."""
    run = StageRun(stage, store, runner, digest(runner.version(stage), extra))
    pending: list[tuple[dict[str, Any], str, tb.Tables]] = []
    progress = Progress(f"{stage} shards", len(upstream))

    def flush() -> None:
        if not pending:
            return
        group = {name: pd.concat([t[name] for _, _, t in pending], ignore_index=True) for name in needs}
        out, reusable = compute(group)
        parts = split(out, out.get("docs", group.get("docs")))
        for row, fp, t in pending:
            mine = {name: parts.get(row["shard"], {}).get(name, tb.empty(name)) for name in out}
            units = int((t["docs" if "docs" in t else "inputs"]["status"] == "ok").sum())
            run.save(row["shard"], fp, mine, units, summarize({**t, **mine}), shard_tables(row), reusable)
            progress.advance()
        pending.clear()

    for row in upstream.to_dict("records"):
        fp = run.fingerprint(row["fingerprint"])
        meta = run.done(row["shard"], fp)
        if meta is not None:
            run.reuse(row["shard"], fp, meta, shard_tables(row))
            progress.advance()
            continue
        t = load(store, row, needs)
        pending.append((row, fp, t))
        if sum(len(next(iter(x.values()))) for _, _, x in pending) >= GROUP_DOCS:
            flush()
    flush()
    progress.finish()
    return run


def ingest_shards(
    inbox: Path, max_bytes: int, store: Store, runner: StageRunner,
    summarize: Callable[[tb.Tables], dict[str, Any]],
) -> StageRun:
    """The `inputs` table of every shard of the inbox; a shard whose files (paths, stat, bytes)
    are unchanged is not read again beyond hashing its bytes."""
    from pipeline.frames import ingest_tables
    from pipeline.text.inbox import list_inbox

    run = StageRun("ingest", store, runner, digest(runner.version("ingest"), max_bytes))
    by_shard = inbox_shards(list_inbox(inbox))
    progress = Progress("ingest shards", len(by_shard))
    for shard, rels in sorted(by_shard.items()):
        fp = run.fingerprint([file_fingerprint(inbox, rel, max_bytes) for rel in rels])
        meta = run.done(shard, fp)
        if meta is not None:
            run.reuse(shard, fp, meta, {})
        else:
            t = ingest_tables(inbox, max_bytes, runner, files=rels)
            units = int(t["inputs"]["status"].eq("ok").sum())
            run.save(shard, fp, t, units, summarize(t), {})
        progress.advance()
    progress.finish()
    return run
