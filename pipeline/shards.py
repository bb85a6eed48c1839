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
written. A group of shards is one job, run whole in a worker process (it reads the shards'
tables, computes and writes them), so the run process only hands out jobs and enters their
small results, and each worker holds one group's tables at a time.

Every path goes through UPath: the store may be on object storage like the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from upath import UPath

from pipeline import tables as tb
from pipeline.progress import Progress
from pipeline.runner import StageRunner

N_SHARDS = 64
JOB_DOCS = 128  # documents (about) per shard job: enough jobs for every worker, and bounded memory in each
# Stages whose few documents go to the warm worker of `make run` (`pipeline.prewarm`), where
# their models are loaded; ingest and clean load none and run here meanwhile.
MODEL_STAGES = frozenset({"segment", "language", "tag"})
# `changed`: documents of the shard computed afresh in this run at this stage (at the nearest
# stage before it that counts them, for a stage that does not), -1 when the shard was reused:
# the next stage's estimate of its own work (a pool of workers pays only for real work).
MANIFEST_COLUMNS = ["shard", "fingerprint", "units", "changed", "tables", "summary"]


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
    files = [here / n for n in ("frames.py", "stages.py", "tables.py", "shards.py", "datasets.py", "publish.py", "checks.py")]
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
        return tb.to_frame(self.read_arrow(path, columns))

    def read_arrow(self, path: str, columns: Sequence[str] | None = None) -> pa.Table:
        with UPath(path).open("rb") as fh:
            return pq.read_table(fh, columns=list(columns) if columns else None)

    def read_many(self, paths: Sequence[str], columns: Sequence[str] | None = None) -> pa.Table:
        """The tables at `paths` as one, with a `_path` column naming each row's file: read on
        a few threads (Arrow decodes without the GIL) and turned into pandas once, which for
        the 64 shards of a 10k inbox was most of reading them one frame at a time."""
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=4) as pool:
            tables = list(pool.map(lambda p: self.read_arrow(p, columns), paths))
        which = pa.array(np.repeat(np.arange(len(paths), dtype=np.int32), [t.num_rows for t in tables]))
        named = pa.DictionaryArray.from_arrays(which, pa.array(list(paths), pa.string()))
        return pa.concat_tables(tables).append_column("_path", named)

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


RACY_NS = 2_000_000_000  # a file changed this close to the last scan may have an unchanged stat


def stat_signature(st: os.stat_result) -> list[int]:
    """What the inbox index compares of a file's stat (device, inode, size, mtime, ctime)."""
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


@dataclass
class StatIndex:
    """The sha256 of each inbox file at the last scan, with the stat it had then (git's index
    idea): a file whose device, inode, size, mtime and ctime are all unchanged, and that was not
    modified within RACY_NS of that scan, is not read again. Any write to a file changes its
    ctime, which no one can set back, so a file rewritten with its old size and mtime is read."""

    scanned_ns: int = 0
    entries: dict[str, list[Any]] = field(default_factory=dict)
    seen: dict[str, list[Any]] = field(default_factory=dict)
    hashed: int = 0

    def sha256(self, rel: str, st: os.stat_result, read: Callable[[], str]) -> str:
        sig = stat_signature(st)
        old = self.entries.get(rel)
        settled = max(st.st_mtime_ns, st.st_ctime_ns) < self.scanned_ns - RACY_NS
        if old is not None and old[:-1] == sig and settled:
            digest_ = old[-1]
        else:
            digest_ = read()
            self.hashed += 1
        self.seen[rel] = [*sig, digest_]
        return digest_

    @classmethod
    def load(cls, store: Store) -> StatIndex:
        found = store.read_json(store.path("inbox_index.json")) if store.reuse else None
        if not isinstance(found, dict):
            return cls()
        return cls(int(found.get("scanned_ns", 0)), dict(found.get("entries", {})))

    def save(self, store: Store, scanned_ns: int) -> None:
        store.write_json(store.path("inbox_index.json"), {"scanned_ns": scanned_ns, "entries": self.seen})


def file_fingerprint(inbox: Path, rel: str, max_bytes: int, index: StatIndex | None = None) -> list[Any]:
    """What ingest reads of one input: its path, what stat says of it and its target, its bytes
    (their sha256; from `index` when the file is unchanged since the last scan)."""
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

        def read() -> str:
            with open(path, "rb") as fh:
                return hashlib.sha256(fh.read(max_bytes + 1)).hexdigest()

        try:
            out.append(index.sha256(rel, st, read) if index is not None else read())
        except OSError as exc:
            out.append(f"read {exc.errno}")
    return out


def inbox_shards(files: Sequence[str]) -> dict[str, list[str]]:
    by_shard: dict[str, list[str]] = {}
    for rel in files:
        by_shard.setdefault(shard_of(rel), []).append(rel)
    return by_shard


# --- running a stage over shards ----------------------------------------------------

Compute = Callable[[tb.Tables, StageRunner], tuple[tb.Tables, bool]]
Summarize = Callable[[tb.Tables], dict[str, Any]]


def settled(out: tb.Tables, stage: str) -> bool:
    """False when this stage stopped a document at the time budget: the shard is not stored as
    complete, so the next run tries that document again (a timeout may be a busy machine)."""
    table = out.get("docs", out.get("inputs"))
    if table is None:
        return True
    return not ((table["stage"] == stage) & (table["reason"] == "timeout")).any()


def save_shard(store: Store, stage: str, shard: str, fp: str, out: tb.Tables, units: int,
               summary: dict[str, Any], reusable: bool = True) -> dict[str, Any]:
    """Write one shard's tables at this stage, then its `_meta.json` (which marks it complete).
    A shard that is not `reusable` (a failed translation, a document stopped at the time budget)
    gets none, so it is computed again next run, and a fingerprint of its own for this run
    (returned in the meta), so that nothing built on it downstream is reused either."""
    if not reusable:
        fp = f"{fp}~{os.urandom(6).hex()}"
    folder = store.path(stage, shard, fp)
    paths = {}
    for name, df in out.items():
        path = folder / f"{name}.parquet"
        store.write(path, tb.to_arrow(name, df))
        paths[name] = str(path)
    meta = {"units": units, "tables": paths, "summary": summary}
    if reusable:
        # the stored paths are relative to the store, so a store that moves with its project
        # folder (or is copied to another machine) still finds its shards
        store.write_json(folder / "_meta.json", {**meta, "tables": {n: _in_store(p) for n, p in paths.items()}})
        return meta
    return {**meta, "fingerprint": fp}


def _in_store(path: str) -> str:
    """A shard table's path inside the store, `<stage>/<shard>/<fingerprint>/<table>.parquet`
    (also from the absolute paths that earlier versions stored)."""
    return "/".join(str(path).replace("\\", "/").split("/")[-4:])


@dataclass
class StageRun:
    """One stage over the shards: which were reused, which computed, with what."""

    stage: str
    store: Store
    runner: StageRunner
    version: str
    reused: int = 0
    computed: int = 0
    hashed: int = 0  # ingest: files whose bytes were read and hashed (the others: StatIndex)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def fingerprint(self, upstream: str) -> str:
        return digest(self.stage, self.version, layout_version(), upstream)

    def done(self, shard: str, fp: str) -> dict[str, Any] | None:
        """The stored result of `shard` at `fp`, when complete and reuse is on."""
        if not self.store.reuse:
            return None
        meta = self.store.read_json(self.store.path(self.stage, shard, fp, "_meta.json"))
        if meta is not None:
            meta["tables"] = {n: str(self.store.path(*_in_store(p).split("/"))) for n, p in meta["tables"].items()}
        return meta

    def reuse(self, shard: str, fp: str, meta: dict[str, Any], upstream_tables: Mapping[str, str]) -> None:
        self.reused += 1
        if self.runner.cache is not None:
            self.runner.cache.count(self.stage).hits += meta["units"]
        self._add(shard, fp, meta, upstream_tables, -1)

    def saved(self, shard: str, fp: str, meta: dict[str, Any], upstream_tables: Mapping[str, str],
              changed: int) -> None:
        self.computed += 1
        self._add(shard, meta.get("fingerprint", fp), meta, upstream_tables, changed)

    def _add(self, shard: str, fp: str, meta: dict[str, Any], upstream_tables: Mapping[str, str],
             changed: int) -> None:
        self.rows.append({
            "shard": shard, "fingerprint": fp, "units": meta["units"], "changed": changed,
            "tables": json.dumps({**upstream_tables, **meta["tables"]}, sort_keys=True),
            "summary": json.dumps(meta["summary"], sort_keys=True),
        })

    def finish(self) -> pd.DataFrame:
        self.store.prune(self.stage, {r["shard"]: r["fingerprint"] for r in self.rows})
        return manifest(self.rows)


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


@dataclass(frozen=True)
class ShardJob:
    """Shards of one stage computed together, in a worker process or the run's own: the job
    reads their upstream tables, computes, writes each shard's tables and returns only their
    metas and the cache counters (the run process never holds the tables)."""

    stage: str
    store: Store
    cache_root: str | None
    versions: dict[str, str]
    compute: Compute | None  # None for ingest
    summarize: Summarize
    needs: tuple[str, ...] = ()
    shards: tuple[tuple[str, str, Any], ...] = ()  # (shard, fingerprint, upstream row | inbox files)
    inbox: str = ""  # ingest: the inbox the files are in
    max_bytes: int = 0
    budget_s: float | None = None  # per document and stage (pipeline.guard)


def _job_runner(job: ShardJob) -> StageRunner:
    from pipeline.cache import StageCache

    cache = StageCache(job.cache_root) if job.cache_root is not None else None
    return StageRunner(cache=cache, workers=1, versions=dict(job.versions), budget_s=job.budget_s)


def run_job(job: ShardJob) -> tuple[list[dict[str, Any]], dict[str, dict[str, int]]]:
    """Compute one job's shards at its stage; their metas in order, and the cache counters."""
    runner = _job_runner(job)
    if job.inbox:  # ingest: each shard's files are read on their own
        from pipeline.frames import ingest_tables

        metas = []
        for shard, fp, rels in job.shards:
            t = ingest_tables(Path(job.inbox), job.max_bytes, runner, files=rels)
            units = int(t["inputs"]["status"].eq("ok").sum())
            metas.append(save_shard(job.store, job.stage, shard, fp, t, units, job.summarize(t), settled(t, "ingest")))
        return metas, runner.summary()
    tables = [load(job.store, row, job.needs) for _, _, row in job.shards]
    group = {name: pd.concat([t[name] for t in tables], ignore_index=True) for name in job.needs}
    assert job.compute is not None
    out, reusable = job.compute(group, runner)
    parts = split(out, out.get("docs", group.get("docs")))
    metas = []
    for (shard, fp, _), t in zip(job.shards, tables, strict=True):
        mine = {name: parts.get(shard, {}).get(name, tb.empty(name)) for name in out}
        units = int((t["docs" if "docs" in t else "inputs"]["status"] == "ok").sum())
        metas.append(save_shard(job.store, job.stage, shard, fp, mine, units, job.summarize({**t, **mine}), reusable))
    return metas, runner.summary()


def _run_jobs(run: StageRun, jobs: list[ShardJob], work: list[list[int]], pooled: bool,
              upstream: Mapping[str, Mapping[str, str]], progress: Progress) -> None:
    """The jobs in the worker pool (when pooled, with more than one job and enough documents to
    compute to pay for starting workers) or in this process; each result is entered in `run`
    as it arrives. `work[j]` holds the expected documents to compute of job j's shards."""
    from pipeline.runner import MIN_DOCS_FOR_POOL, pool_map

    expected = sum(sum(w) for w in work)
    workers = run.runner.workers if pooled and len(jobs) > 1 and expected >= MIN_DOCS_FOR_POOL else 1
    results = pool_map(run_job, jobs, workers, chunksize=1, warm=run.stage in MODEL_STAGES)
    for job, estimates, (metas, counted) in zip(jobs, work, results, strict=True):
        # the job's own count of documents computed, else (a stage without one) the estimate
        left = counted[run.stage]["misses"] if run.stage in counted else sum(estimates)
        for k, ((shard, fp, _), meta, estimate) in enumerate(zip(job.shards, metas, estimates, strict=True)):
            changed = left if k == len(metas) - 1 else min(left, estimate)  # a job counts for all its shards
            left -= changed
            run.saved(shard, fp, meta, upstream.get(shard, {}), changed)
            progress.advance()
        if run.runner.cache is not None:
            for stage, c in counted.items():
                mine = run.runner.cache.count(stage)
                mine.hits, mine.misses, mine.computed = mine.hits + c["hits"], mine.misses + c["misses"], \
                    mine.computed + c["computed"]


def _grouped(pending: list[tuple[str, str, Any]], sizes: list[int], estimates: list[int],
             per_job: int) -> tuple[list[list[Any]], list[list[int]]]:
    """Consecutive shards in groups of at least `per_job` documents (the last may be smaller),
    with the expected work of each shard."""
    groups: list[list[Any]] = []
    work: list[list[int]] = []
    total = 0
    for item, size, estimate in zip(pending, sizes, estimates, strict=True):
        if not groups or total >= per_job:
            groups.append([])
            work.append([])
            total = 0
        groups[-1].append(item)
        work[-1].append(estimate)
        total += size
    return groups, work


def _run_pending(run: StageRun, pending: list[tuple[str, str, Any]], sizes: list[int], estimates: list[int],
                 pooled: bool, upstream: Mapping[str, Mapping[str, str]], progress: Progress, **job: Any) -> None:
    """The shards `run` must compute, in jobs of about JOB_DOCS documents (`job`: the stage's
    ShardJob fields), run in the pool or here (`_run_jobs`)."""
    groups, work = _grouped(pending, sizes, estimates, JOB_DOCS)
    runner = run.runner
    cache_root = runner.cache.root if runner.cache is not None else None
    jobs = [ShardJob(run.stage, run.store, cache_root, {run.stage: runner.version(run.stage)}, shards=tuple(g),
                     budget_s=runner.budget_s, **job) for g in groups]
    _run_jobs(run, jobs, work, pooled, upstream, progress)
    progress.finish()


def map_shards(
    stage: str, upstream: pd.DataFrame, store: Store, runner: StageRunner, needs: Sequence[str],
    compute: Compute, summarize: Summarize, extra: object = "", pooled: bool = True,
) -> StageRun:
    """`compute` over the shards of `upstream` whose fingerprint at this stage has no stored
    result, a group of shards (about JOB_DOCS documents) per job. With `pooled`, `compute` and
    `summarize` must pickle (module-level functions or partials of them): the jobs run in the
    worker pool."""
    run = StageRun(stage, store, runner, digest(runner.version(stage), extra))
    progress = Progress(stage, len(upstream), unit="shards")
    pending: list[tuple[str, str, Any]] = []
    sizes: list[int] = []
    estimates: list[int] = []
    upstream_tables: dict[str, dict[str, str]] = {}
    for row in upstream.to_dict("records"):
        fp = run.fingerprint(row["fingerprint"])
        meta = run.done(row["shard"], fp)
        if meta is not None:
            run.reuse(row["shard"], fp, meta, shard_tables(row))
            progress.advance()
            continue
        pending.append((row["shard"], fp, row))
        sizes.append(int(row["units"]) + 1)
        # documents changed upstream in this run; a shard reused upstream: all of them
        estimates.append(int(row["changed"]) if int(row["changed"]) >= 0 else sizes[-1])
        upstream_tables[row["shard"]] = shard_tables(row)
    _run_pending(run, pending, sizes, estimates, pooled, upstream_tables, progress,
                 compute=compute, summarize=summarize, needs=tuple(needs))
    return run


def ingest_shards(inbox: Path, max_bytes: int, store: Store, runner: StageRunner, summarize: Summarize,
                  pooled: bool = True) -> StageRun:
    """The `inputs` table of every shard of the inbox; a shard whose files (paths, stat, bytes)
    are unchanged is not read again, and an unchanged file's bytes are not even hashed again
    (`StatIndex`)."""
    from pipeline.text.inbox import list_inbox

    run = StageRun("ingest", store, runner, digest(runner.version("ingest"), max_bytes))
    scanned_ns = time.time_ns()
    index = StatIndex.load(store)
    by_shard = inbox_shards(list_inbox(inbox))
    progress = Progress("ingest", len(by_shard), unit="shards")
    pending: list[tuple[str, str, Any]] = []
    for shard, rels in sorted(by_shard.items()):
        fp = run.fingerprint([file_fingerprint(inbox, rel, max_bytes, index) for rel in rels])
        meta = run.done(shard, fp)
        if meta is not None:
            run.reuse(shard, fp, meta, {})
            progress.advance()
        else:
            pending.append((shard, fp, tuple(rels)))
    index.save(store, scanned_ns)
    run.hashed = index.hashed
    sizes = [len(rels) for _, _, rels in pending]
    _run_pending(run, pending, sizes, sizes, pooled, {}, progress,
                 compute=None, summarize=summarize, inbox=str(inbox), max_bytes=max_bytes)
    return run

