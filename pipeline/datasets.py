"""The published datasets, shard by shard: each dataset is a set of per-shard Parquet files in
the store, rebuilt only for shards whose stage tables (or, for documents, duplicate links)
changed; publication links them into the dataset folder (`pipeline.publish`).

A part's fingerprint is a hash of the dataset, the layout version and the shard's fingerprint
at the tag stage (the last stage, so it covers every earlier one), plus for `documents` the
shard's duplicate links (duplicate detection is the one thing that looks across shards).
`entities` is one part built from every mentions part. Checks cache their passing verdicts
under the same fingerprints, so a re-run validates only new parts.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from upath import UPath

from pipeline import frames
from pipeline import tables as tb
from pipeline.metadata import stat_frame, stat_rows
from pipeline.shards import Store, digest, layout_version, load, shard_of, shard_tables

PART_COLUMNS = ["shard", "fingerprint", "path", "rows", "sha256", "stats"]

# The stage tables each dataset is built from.
READS: dict[str, tuple[str, ...]] = {
    "documents": ("docs", "blocks", "sentences", "doc_languages", "doc_en"),
    "segments": ("docs", "blocks", "block_languages", "doc_languages"),
    "sentences": ("docs", "sentences", "sentence_languages", "sentence_en", "doc_languages"),
    "related_headlines": ("docs", "related", "related_languages", "doc_languages"),
    "mentions": ("mentions",),
    "topics": ("topics",),
    "rejections": ("docs",),
}


def parquet_bytes(name: str, df: pd.DataFrame) -> bytes:
    """The published file of `df` (typed by the schema, descriptions attached, sorted)."""
    from pipeline.publish import PARQUET_OPTIONS, to_arrow

    sink = pa.BufferOutputStream()
    pq.write_table(to_arrow(name, df), sink, **PARQUET_OPTIONS)
    return sink.getvalue().to_pybytes()


def _part(store: Store, name: str, shard: str, fp: str, build: Callable[[], pd.DataFrame]) -> dict[str, Any]:
    meta = _stored_part(store, name, shard, fp)
    if meta is None:
        meta = _write_part(store, name, shard, fp, build())
    return _part_row(store, name, shard, fp, meta)


def _stored_part(store: Store, name: str, shard: str, fp: str) -> dict[str, Any] | None:
    """The stored part's counts, when its file and its meta are both there (and reuse is on)."""
    if not store.reuse:
        return None
    meta = store.read_json(store.path("datasets", name, shard, f"{fp}.json"))
    if meta is None or not store.path("datasets", name, shard, f"{fp}.parquet").exists():
        return None
    return meta


def _write_part(store: Store, name: str, shard: str, fp: str, df: pd.DataFrame) -> dict[str, Any]:
    path = store.path("datasets", name, shard, f"{fp}.parquet")
    data = parquet_bytes(name, df)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    meta = {"rows": len(df), "sha256": hashlib.sha256(data).hexdigest(), "stats": stat_rows(name, df)}
    store.write_json(store.path("datasets", name, shard, f"{fp}.json"), meta)
    return {**meta, "built": True}


def _part_row(store: Store, name: str, shard: str, fp: str, meta: dict[str, Any]) -> dict[str, Any]:
    path = store.path("datasets", name, shard, f"{fp}.parquet")
    return {"shard": shard, "fingerprint": fp, "path": str(path), "rows": meta["rows"], "sha256": meta["sha256"],
            "stats": json.dumps(meta["stats"]), "built": bool(meta.get("built"))}


def build_part_job(job: tuple[str, bool, str, str, str, dict[str, Any], Any]) -> dict[str, Any]:
    """Builds and writes one shard's part (a module-level function of plain values, so the
    worker pool can run the shards of a dataset on every core); returns its stored meta."""
    root, reuse, name, shard, fp, row, links = job
    store = Store(root, reuse)
    return _write_part(store, name, shard, fp, BUILDERS[name](frames.published_only(load(store, row, READS[name])), links))


def build_parts(
    name: str, tagged: pd.DataFrame, store: Store, extra: Mapping[str, object] | None = None,
    workers: int = 1, links: Mapping[str, Any] | None = None,
) -> tuple[pd.DataFrame, int]:
    """The dataset's part per shard (reused when its fingerprint is stored); and how many were built.
    The parts to build are built in the worker pool when there are enough of them (`pool_map`)."""
    from pipeline.runner import pool_map

    parts: list[dict[str, Any] | None] = []
    todo: list[tuple[int, dict[str, Any], str]] = []
    for row in tagged.to_dict("records"):
        fp = digest(name, layout_version(), row["fingerprint"], (extra or {}).get(row["shard"]))
        meta = _stored_part(store, name, row["shard"], fp)
        parts.append(None if meta is None else _part_row(store, name, row["shard"], fp, meta))
        if meta is None:
            todo.append((len(parts) - 1, row, fp))
    jobs = [(store.root, store.reuse, name, row["shard"], fp, row, dict((links or {}).get(row["shard"], {})))
            for _, row, fp in todo]
    metas = list(pool_map(build_part_job, jobs, workers))
    for (i, row, fp), meta in zip(todo, metas, strict=True):
        parts[i] = _part_row(store, name, row["shard"], fp, meta)
    return _finish(store, name, [p for p in parts if p is not None])


def _finish(store: Store, name: str, parts: list[dict[str, Any]]) -> tuple[pd.DataFrame, int]:
    store.prune(f"datasets/{name}", {p["shard"]: p["fingerprint"] for p in parts})
    built = sum(p.pop("built") for p in parts)
    return pd.DataFrame(parts, columns=PART_COLUMNS), built


# --- documents: duplicate links across shards ---------------------------------------


def duplicate_links(tagged: pd.DataFrame, store: Store) -> dict[str, dict[str, list[Any]]]:
    """shard -> {doc_id: [duplicate_of, similarity]} over the whole corpus, computed again only
    when some shard's `dedup` rows changed (they depend on the cleaned text alone), and then
    only from the first document that changed in inbox order (`frames.duplicate_map`)."""
    tables = [shard_tables(row) for row in tagged[["tables"]].to_dict("records")]
    paths = [t["dedup"] for t in tables]
    # `docs` written again after clean: a later stage rejected some document (pipeline.guard),
    # whose text must not be anyone's first copy
    redone = [p for p in (t["docs"] for t in tables) if UPath(p).parts[-4] != "clean"]
    key = digest("dedup", layout_version(), paths, redone)
    path = store.path("dedup", f"{key}.json")
    found = store.read_json(path) if store.reuse else None
    if found is None:
        # the shingles (most of the bytes) are read only for documents compared or candidates
        keys = [c for c in tb.empty("dedup").columns if c != "shingles"]
        rows = (tb.to_frame(store.read_many(paths, keys)) if paths
                else tb.empty("dedup").drop(columns="shingles").assign(_path=""))
        if redone:
            status = pd.concat([store.read(p, columns=["doc_id", "status"]) for p in redone], ignore_index=True)
            gone = set(status.loc[status["status"] != "ok", "doc_id"])
            rows = rows[~rows["doc_id"].isin(gone)].reset_index(drop=True)
        state_path = store.path("dedup", "state.parquet")
        previous = _read_dedup_state(store, state_path) if store.reuse else None
        links, state = frames.duplicate_map(rows.drop(columns="_path"), previous,
                                            _ShingleReader(store, dict(zip(rows["doc_id"], rows["_path"], strict=True))))
        source_of = dict(zip(rows["doc_id"], rows["source_file"], strict=True))
        found = {}
        for doc_id, (first, similarity) in links.items():
            found.setdefault(shard_of(source_of[doc_id]), {})[doc_id] = [first, similarity]
        base = store.path("dedup")
        if base.exists():
            for old in base.iterdir():
                old.unlink()
        _write_dedup_state(store, state_path, state)
        store.write_json(path, found)
    return found


def _write_dedup_state(store: Store, path: Any, state: Mapping[str, Any]) -> None:
    """`frames.duplicate_map`'s state as one table (a row per document in inbox order, with its
    near-copy answer): as JSON, reading and writing it took 0.3 s of a re-run at 10k documents."""
    ids = [d for d, _ in state["order"]]
    near = state["near"]
    store.write(path, pa.table({
        "doc_id": pa.array(ids, pa.string()), "shingles_key": pa.array([k for _, k in state["order"]], pa.string()),
        "duplicate_of": pa.array([near[d][0] if d in near else None for d in ids], pa.string()),
        "similarity": pa.array([near[d][1] if d in near else None for d in ids], pa.float64()),
    }))


def _read_dedup_state(store: Store, path: Any) -> dict[str, Any] | None:
    try:
        t = store.read_arrow(str(path)).to_pydict()
    except (OSError, ValueError, pa.ArrowException):
        return None
    ids, dup, sim = t["doc_id"], t["duplicate_of"], t["similarity"]
    return {"order": [[d, k] for d, k in zip(ids, t["shingles_key"], strict=True)],
            "near": {d: [f, x] for d, f, x in zip(ids, dup, sim, strict=True) if f is not None}}


class _ShingleReader:
    """doc_id -> its shingles, reading each shard's dedup table once, when first asked."""

    def __init__(self, store: Store, path_of: Mapping[str, str]) -> None:
        self.store, self.path_of = store, path_of
        self.read: dict[str, dict[str, Any]] = {}

    def __call__(self, doc_id: str) -> Any:
        path = self.path_of[doc_id]
        if path not in self.read:
            t = self.store.read(path, columns=["doc_id", "shingles"])
            self.read[path] = dict(zip(t["doc_id"], t["shingles"], strict=True))
        return self.read[path][doc_id]


def build_documents_parts(tagged: pd.DataFrame, store: Store, workers: int = 1,
                          links: Mapping[str, Any] | None = None) -> tuple[pd.DataFrame, int]:
    """`links`: `duplicate_links`' answer when the caller computed it already (in a thread, while
    the worker pool built the other datasets)."""
    links = duplicate_links(tagged, store) if links is None else links
    extra = {shard: sorted(links.get(shard, {}).items()) for shard in tagged["shard"]}
    return build_parts("documents", tagged, store, extra, workers=workers, links=links)


def build_entities_part(mentions: pd.DataFrame, store: Store, reference_version: str) -> tuple[pd.DataFrame, int]:
    """One part from every mentions part (entities count across documents), from each mentions
    part's entity counts, which are kept by its fingerprint: after one added file only that
    shard's mentions are read again (reading every part took most of the step at 10k documents)."""
    from pipeline.text.tagging import load_catalog

    fp = digest("entities", layout_version(), list(mentions["fingerprint"]), reference_version)

    def build() -> pd.DataFrame:
        catalog = load_catalog().entries
        keys = {}
        counted = []
        for shard, part_fp, path in zip(mentions["shard"], mentions["fingerprint"], mentions["path"], strict=True):
            keys[shard] = digest("entity_counts", layout_version(), part_fp, reference_version)
            counted.append(_entity_counts(store, shard, keys[shard], path, catalog))
        store.prune("datasets/entity_counts", keys)
        return frames.entities_from_counts(frames.merge_entity_counts(counted), catalog)

    return _finish(store, "entities", [_part(store, "entities", "all", fp, build)])


def _entity_counts(store: Store, shard: str, key: str, path: str, catalog: Sequence[Any]) -> frames.EntityCounts:
    where = store.path("datasets", "entity_counts", shard, f"{key}.json")
    found = store.read_json(where) if store.reuse else None
    if found is None:
        cols = ["doc_id", "seq", "entity_id", "entity_type", "name_en", "surface"]
        m = pd.read_parquet(path, columns=cols).sort_values(["doc_id", "seq"], kind="stable")
        found = frames.count_entities(m, catalog)
        store.write_json(where, found)
    return found


# Each dataset's part from its shard's tables and the shard's duplicate links (doc_id ->
# [first copy, similarity]; only `documents` reads them).
BUILDERS: dict[str, Callable[[tb.Tables, Mapping[str, Any]], pd.DataFrame]] = {
    "documents": lambda t, links: frames.build_documents(t, {d: (v[0], v[1]) for d, v in links.items()}),
    "segments": lambda t, links: frames.build_segments(t),
    "sentences": lambda t, links: frames.build_sentences(t),
    "related_headlines": lambda t, links: frames.build_related_headlines(t),
    "mentions": lambda t, links: frames.build_mentions(t),
    "topics": lambda t, links: frames.build_topics(t),
    "rejections": lambda t, links: frames.build_rejections(t),
}


# --- reading parts back (checks, metadata) ------------------------------------------


def read_part(path: str, name: str, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """A published part as the builders made it (the schema's pandas dtypes, lists as lists)."""
    from schemas.registry import conform

    table = pq.read_table(path, columns=list(columns) if columns else None)
    df = table.to_pandas(date_as_object=True)
    for field in table.schema:
        if pa.types.is_list(field.type):
            df[field.name] = [None if v is None else v.tolist() for v in df[field.name]]
    return conform(name, df) if columns is None else df


def read_columns(parts: pd.DataFrame, name: str, columns: Sequence[str]) -> pd.DataFrame:
    frames_ = [read_part(p, name, columns) for p in parts["path"]]
    return pd.concat(frames_, ignore_index=True) if frames_ else pd.DataFrame(columns=list(columns))


def head(parts: pd.DataFrame, name: str, columns: Sequence[str], n: int) -> pd.DataFrame:
    """The first `n` rows of the dataset, in part order."""
    got: list[pd.DataFrame] = []
    for path in parts["path"]:
        got.append(read_part(path, name, columns))
        if sum(map(len, got)) >= n:
            break
    return pd.concat(got, ignore_index=True).head(n) if got else pd.DataFrame(columns=list(columns))


class Verdicts:
    """A check's results by the fingerprint of what it read; passing ones are remembered, and
    `close` forgets the ones this run did not ask for (parts that are gone)."""

    def __init__(self, store: Store, check: str) -> None:
        self.store, self.check, self.asked = store, check, set()
        # A verdict file is written only for a pass: one listing of the folder tells which
        # are known (reading the 64 files of each check took a re-run ~0.3 s at 10k documents).
        folder = store.path("verdicts", check)
        self.passed = {entry.name for entry in folder.iterdir()} if store.reuse and folder.exists() else set()

    def __call__(self, key: str, compute: Callable[[], tuple[bool, Any]]) -> tuple[bool, Any]:
        self.asked.add(f"{key}.json")
        if f"{key}.json" in self.passed:
            return True, None
        passed, detail = compute()
        if passed:
            self._remember(key)
        return passed, detail

    def _remember(self, key: str) -> None:
        """Written under another name, then renamed: a file cut short by a crash must not count
        as a pass, now that a verdict's file is known by its name alone."""
        path = self.store.path("verdicts", self.check, f"{key}.json")
        partial = path.with_name(f"{path.name}.partial")
        self.store.write_json(partial, True)
        partial.rename(path)

    def many(self, keys: Sequence[str], fn: Callable[[Any], Any], jobs: Sequence[Any],
             workers: int = 1, group: int = 1) -> list[tuple[bool, Any]]:
        """`(key, fn(job))` for each pair, like calling the verdicts one by one, with the jobs
        whose verdict is not remembered run in the worker pool when there are enough of them
        (`fn` a module-level function of plain values). With `group` > 1, `fn` takes a list of
        up to `group` jobs and returns their results in order."""
        from pipeline.runner import MIN_DOCS_FOR_POOL, pool_map

        results: list[tuple[bool, Any]] = [(True, None)] * len(keys)
        todo = []
        for i, key in enumerate(keys):
            self.asked.add(f"{key}.json")
            if f"{key}.json" not in self.passed:
                todo.append(i)
        pending = [jobs[i] for i in todo]
        if group > 1:  # the pool when there are enough jobs, as without groups (not enough batches)
            batches = [pending[k:k + group] for k in range(0, len(pending), group)]
            pooled = workers if len(pending) >= MIN_DOCS_FOR_POOL else 1
            outcomes = [r for batch in pool_map(fn, batches, pooled, chunksize=1) for r in batch]
        else:
            outcomes = list(pool_map(fn, pending, workers))
        for i, (passed, detail) in zip(todo, outcomes, strict=True):
            if passed:
                self._remember(keys[i])
            results[i] = (passed, detail)
        return results

    def close(self) -> None:
        folder = self.store.path("verdicts", self.check)
        for entry in folder.iterdir() if folder.exists() else []:
            if entry.name not in self.asked:
                entry.unlink()


class PartSummaries:
    """What a check needs of each part of a dataset (its keys, its entity counts), kept by the
    part's fingerprint in one file per use: a re-run after one added file summarises the new
    part alone instead of reading every part again (64 parts at 10k documents)."""

    def __init__(self, store: Store, use: str) -> None:
        self.store, self.path = store, store.path("summaries", f"{use}.json")

    def of(self, parts: pd.DataFrame, summarize: Callable[[str], Any]) -> list[Any]:
        """`summarize(path)` of each part, in order; computed only for the parts not known."""
        known = (self.store.read_json(self.path) or {}) if self.store.reuse else {}
        kept = {fp: known[fp] if fp in known else summarize(path)
                for fp, path in zip(parts["fingerprint"], parts["path"], strict=True)}
        if kept.keys() != known.keys():
            self.store.write_json(self.path, kept)
        return [kept[fp] for fp in parts["fingerprint"]]


def stats(parts: pd.DataFrame, name: str) -> pd.DataFrame:
    """The dataset's counted rows (`metadata.stat_rows`) summed over its parts."""
    return stat_frame(name, (row for text in parts["stats"] for row in json.loads(text)))
