"""Dagster resource for offline machine translation (CTranslate2 + SentencePiece).

The work is done by the pure modules `pipeline.text.translate` (packages, models, batching) and
`pipeline.text.translation_memory` (SQLite cache); this is the configuration and the per-run
state. Nothing heavy is loaded until a sentence needs a model, so the resource is free to build
and, with no package installed, answers no_model for every non-English sentence at once.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import dagster as dg
from pydantic import Field, PrivateAttr

from pipeline import PROJECT_ROOT
from pipeline.progress import Progress
from pipeline.text.scripts import has_letters
from pipeline.text.translate import (
    BatchFn,
    Outcome,
    PackageInfo,
    discover_packages,
    get_translator,
    translate_items,
)
from pipeline.text.translation_memory import TranslationMemory

__all__ = ["Outcome", "TranslationResource", "default_memory_path", "default_models_dir"]

TARGET_LANGUAGE = "en"


def default_models_dir() -> str:
    return os.environ.get("PIPELINE_MT_MODELS") or str(PROJECT_ROOT / "mt_models")


def default_memory_path() -> str:
    if os.environ.get("PIPELINE_MT_MEMORY"):
        return os.environ["PIPELINE_MT_MEMORY"]
    home = os.environ.get("DAGSTER_HOME") or str(PROJECT_ROOT / ".dagster_home")
    return str(Path(home) / "translation_memory.sqlite")


def default_intra_threads() -> int:
    return max(1, min(2, os.cpu_count() or 1))


class TranslationResource(dg.ConfigurableResource):
    """Translates (language, sentence) pairs to English with installed Argos / OPUS-MT packages,
    through a persistent translation memory."""

    models_dir: str = Field(
        default_factory=default_models_dir,
        description="Folder of .argosmodel files / package folders (env PIPELINE_MT_MODELS).",
    )
    memory_path: str = Field(
        default_factory=default_memory_path,
        description="SQLite translation memory (env PIPELINE_MT_MEMORY; default in DAGSTER_HOME).",
    )
    beam_size: int = Field(default=2, description="Beam width (1 = greedy, fastest).")
    max_batch_size: int = Field(default=32, description="Sentences per translate_batch call.")
    max_decoding_length: int = Field(default=256, description="Maximum output tokens per sentence.")
    max_input_length: int = Field(
        default=256,
        description="Inputs longer than this (in tokens) are split at word starts, not truncated.",
    )
    compute_type: str = Field(
        default="int8", description="CTranslate2 compute type (int8, float32, ...)."
    )
    device: str = Field(default="cpu", description="CTranslate2 device.")
    inter_threads: int = Field(default=1, description="Batches translated in parallel.")
    intra_threads: int = Field(
        default_factory=default_intra_threads,
        description="Threads per batch (default min(2, cpus)).",
    )

    _memory: TranslationMemory | None = PrivateAttr(default=None)
    _memory_error: str | None = PrivateAttr(default=None)
    _package_errors: list[str] = PrivateAttr(default_factory=list)

    # --- state ------------------------------------------------------------------------

    def packages(self) -> list[PackageInfo]:
        """Installed packages (highest version per pair); broken ones are noted for describe()."""
        errors: list[str] = []
        found = discover_packages(self.models_dir, errors)
        self._package_errors = errors
        return found

    def _open_memory(self, create: bool) -> TranslationMemory | None:
        if self._memory is None and self._memory_error is None:
            if not create and not Path(self.memory_path).expanduser().is_file():
                return None
            try:
                self._memory = TranslationMemory(self.memory_path)
            except (OSError, sqlite3.Error) as exc:  # translate anyway, just without the cache
                self._memory_error = repr(exc)
        return self._memory

    def _memory_get(self, model_id: str, sources: Iterable[str]) -> dict[str, str]:
        """Translation-memory lookup that degrades to "all misses" on a database error."""
        memory = self._open_memory(create=True)
        if memory is None:
            return {}
        try:
            return memory.get_many(model_id, sources)
        except sqlite3.Error as exc:
            self._memory_error = repr(exc)
            return {}

    def _memory_put(self, model_id: str, pairs: Sequence[tuple[str, str]]) -> int:
        """Translation-memory write; a database error (locked, disk full) is noted, not raised."""
        memory = self._open_memory(create=True)
        if memory is None:
            return 0
        try:
            return memory.put_many(model_id, pairs)
        except sqlite3.Error as exc:
            self._memory_error = repr(exc)
            return 0

    def _loader(self, package: PackageInfo) -> BatchFn:
        translator = get_translator(
            package,
            device=self.device,
            compute_type=self.compute_type,
            inter_threads=self.inter_threads,
            intra_threads=self.intra_threads,
        )

        def run(texts: list[str]) -> list[str]:
            return translator.translate_batch(
                texts,
                beam_size=self.beam_size,
                max_batch_size=self.max_batch_size,
                max_decoding_length=self.max_decoding_length,
                max_input_length=self.max_input_length,
            )

        return run

    # --- API --------------------------------------------------------------------------

    def translate(self, items: list[tuple[str, str]]) -> list[Outcome]:
        """One Outcome per (language, sentence) item, in order (see translate_items)."""
        needs_model = any(lang != TARGET_LANGUAGE for lang, _ in items)
        by_source: dict[str, PackageInfo] = {}
        if needs_model:
            for pkg in self.packages():
                if pkg.to_code == TARGET_LANGUAGE:
                    by_source[pkg.from_code] = pkg
        # Progress over the distinct sentences that need a model: memory hits, then model batches.
        work = {(by_source[lang].model_id, text) for lang, text in items if lang in by_source and has_letters(text)}
        progress = Progress("translate", len(work), unit="sentences")
        memory = _GuardedMemory(self, progress)  # opens the SQLite file only when a lookup happens

        def load(package: PackageInfo) -> BatchFn:
            batch = self._loader(package)

            def run(texts: list[str]) -> list[str]:
                out = batch(texts)
                progress.advance(len(texts))
                return out

            return run

        outcomes = translate_items(items, by_source, load, memory, self.max_batch_size, TARGET_LANGUAGE)
        progress.finish()
        return outcomes

    def describe(self) -> dict[str, Any]:
        """JSON-serialisable summary: packages, settings, and this instance's memory counters."""
        packages = self.packages()
        memory = self._open_memory(create=False)
        counters = (
            memory.counters()
            if memory is not None
            else {"hits": 0, "misses": 0, "stored": 0, "entries": 0}
        )
        out: dict[str, Any] = {
            "models_dir": str(Path(self.models_dir).expanduser()),
            "packages": {pkg.pair: pkg.describe() for pkg in packages},
            "device": self.device,
            "compute_type": self.compute_type,
            "beam_size": self.beam_size,
            "max_batch_size": self.max_batch_size,
            "inter_threads": self.inter_threads,
            "intra_threads": self.intra_threads,
            "memory_path": str(Path(self.memory_path).expanduser()),
            "memory": counters,
        }
        if self._package_errors:
            out["package_errors"] = list(self._package_errors)
        if self._memory_error:
            out["memory_error"] = self._memory_error
        return out


class _GuardedMemory:
    """The resource's translation memory as `translate_items` wants it: opened lazily, and a
    database error never stops translation."""

    def __init__(self, owner: TranslationResource, progress: Progress | None = None) -> None:
        self._owner = owner
        self._progress = progress

    def get_many(self, model_id: str, sources: Iterable[str]) -> dict[str, str]:
        found = self._owner._memory_get(model_id, sources)
        if self._progress is not None:
            self._progress.advance(len(found))
        return found

    def put_many(self, model_id: str, pairs: Sequence[tuple[str, str]]) -> int:
        return self._owner._memory_put(model_id, pairs)
