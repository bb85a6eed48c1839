"""Persistent translation memory: (model id, source sentence) -> English, in SQLite.

One table, keyed by the model id (which embeds a hash of the model weights, so a changed model
never reuses old translations) and the sha256 of the source sentence. WAL mode, so readers and
one writer from several processes can share the file. Plain text columns only, no pickle.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model_id TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (model_id, source_sha256)
) WITHOUT ROWID
"""
_CHUNK = 500  # below SQLite's bound-parameter limit


def source_key(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


class TranslationMemory:
    """SQLite-backed cache with per-instance counters: hits, misses (lookups not found) and
    stored (rows written by this instance)."""

    def __init__(self, path: str | os.PathLike[str], timeout: float = 30.0) -> None:
        self.path = Path(path).expanduser()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.hits = 0
        self.misses = 0
        self.stored = 0
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(
            self.path, timeout=timeout, check_same_thread=False, isolation_level=None
        )
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute(_SCHEMA)

    def get_many(self, model_id: str, sources: Iterable[str]) -> dict[str, str]:
        """Stored translations of `sources` (each unique source counts one hit or miss)."""
        wanted = {source_key(s): s for s in dict.fromkeys(sources)}
        found: dict[str, str] = {}
        keys = list(wanted)
        with self._lock:
            for i in range(0, len(keys), _CHUNK):
                chunk = keys[i : i + _CHUNK]
                rows = self._conn.execute(
                    "SELECT source_sha256, source, target FROM translations WHERE model_id = ? "
                    f"AND source_sha256 IN ({','.join('?' * len(chunk))})",
                    [model_id, *chunk],
                ).fetchall()
                for key, source, target in rows:
                    if (
                        wanted.get(key) == source
                    ):  # guard against (astronomically unlikely) collisions
                        found[source] = target
            self.hits += len(found)
            self.misses += len(wanted) - len(found)
        return found

    def put_many(self, model_id: str, pairs: Sequence[tuple[str, str]]) -> int:
        """Store (source, target) pairs; returns how many rows were new."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        rows = [(model_id, source_key(s), s, t, now) for s, t in pairs]
        if not rows:
            return 0
        with self._lock:
            before = self._conn.total_changes
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.executemany(
                    "INSERT OR IGNORE INTO translations"
                    " (model_id, source_sha256, source, target, created_at) VALUES (?, ?, ?, ?, ?)",
                    rows,
                )
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            added = self._conn.total_changes - before
            self.stored += added
        return added

    def __len__(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT COUNT(*) FROM translations").fetchone()[0])

    def counters(self) -> dict[str, int]:
        return {
            "hits": self.hits,
            "misses": self.misses,
            "stored": self.stored,
            "entries": len(self),
        }

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
