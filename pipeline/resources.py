"""Dagster resources: where the inbox and outputs are, and the pipeline's knobs."""


import os
from pathlib import Path

import dagster as dg
import pandas as pd
from pydantic import Field
from upath import UPath

from pipeline.cache import StageCache, default_cache_dir
from pipeline.guard import DEFAULT_BUDGET_S
from pipeline.locations import (
    default_outputs_dir,
    default_seeds_dir,
    default_storage_dir,
    default_store_dir,
)
from pipeline.runner import StageRunner, default_workers
from pipeline.shards import Store
from pipeline.text.language import DEFAULT_LANGUAGES

DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024
# Tagging runs at ~40k characters/s on Russian text (natasha); past this budget a document
# would hold a run for minutes, so it is rejected as too_large with the figures.
DEFAULT_MAX_DOCUMENT_CHARS = 1_000_000


def default_budget_s() -> float:
    return float(os.environ.get("PIPELINE_MAX_DOCUMENT_SECONDS") or DEFAULT_BUDGET_S)


class PipelineConfig(dg.ConfigurableResource):
    """Locations and limits. Environment overrides are read when the definitions load."""

    seeds_dir: str = Field(default_factory=default_seeds_dir, description="Inbox folder, walked recursively.")
    outputs_dir: str = Field(default_factory=default_outputs_dir, description="Where datasets are published.")
    languages: list[str] = Field(
        default_factory=lambda: list(DEFAULT_LANGUAGES),
        description="Languages the detector may answer (ISO 639-1); others are forced into these, so keep neighbours.",
    )
    max_input_bytes: int = Field(
        default=DEFAULT_MAX_INPUT_BYTES, description="Inputs above this size are rejected as too_large without being read."
    )
    max_document_chars: int = Field(
        default=DEFAULT_MAX_DOCUMENT_CHARS,
        description="Decoded documents longer than this (characters) are rejected as too_large before cleaning.",
    )

    max_document_seconds: float = Field(
        default_factory=default_budget_s,
        description="A stage that runs longer than this on one document (seconds; env PIPELINE_MAX_DOCUMENT_SECONDS) "
        "stops, and the document is rejected as timeout; 0 = no limit.",
    )

    cache_dir: str = Field(
        default_factory=default_cache_dir,
        description="Per-stage content-addressed cache (any UPath URL; env PIPELINE_CACHE_DIR, default in DAGSTER_HOME). Empty = no cache.",
    )
    workers: int = Field(
        default_factory=default_workers, description="Worker processes for per-document work (env PIPELINE_WORKERS; default: the CPU count)."
    )

    store_dir: str = Field(
        default_factory=default_store_dir,
        description="Stage tables per shard and dataset parts (any UPath URL; env PIPELINE_STORE_DIR).",
    )

    def store(self) -> Store:
        """Shards are reused across runs only when the cache is on (`cache_dir` set)."""
        return Store(self.store_dir, reuse=bool(self.cache_dir))

    def runner(self) -> StageRunner:
        """A fresh runner per asset: its cache counters are that stage's hits and misses."""
        return StageRunner(cache=StageCache(self.cache_dir) if self.cache_dir else None, workers=self.workers,
                           budget_s=self.max_document_seconds or None)

    @property
    def inbox(self) -> Path:
        return Path(self.seeds_dir).expanduser().resolve()

    @property
    def outputs(self) -> Path:
        return Path(self.outputs_dir).expanduser().resolve()


class ParquetFrameIOManager(dg.IOManager):
    """Stores intermediate DataFrames as Parquet (never pickle), locally or on any fsspec URL,
    at `<base>/<asset key path>.parquet`.

    Not `dg.UPathIOManager`: the assets are unpartitioned, and that class stores a debug log
    event for every value written or read (36 of the ~220 events of a run, each one a write
    to the run's event log: about 0.3 s of a re-run after one added file). The path is in the
    output's metadata instead, as that class puts it."""

    extension = ".parquet"

    def __init__(self, base_path: UPath) -> None:
        self.base_path = base_path

    def path(self, context: dg.InputContext | dg.OutputContext) -> UPath:
        *parents, name = context.get_asset_identifier()
        return self.base_path.joinpath(*parents, name + self.extension)

    def handle_output(self, context: dg.OutputContext, obj: pd.DataFrame) -> None:
        path = self.path(context)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            obj.to_parquet(fh, index=False)
        context.add_output_metadata({"path": dg.MetadataValue.path(str(path))})

    def load_input(self, context: dg.InputContext) -> pd.DataFrame:
        with self.path(context).open("rb") as fh:
            return pd.read_parquet(fh)


class ParquetIOManagerFactory(dg.ConfigurableIOManagerFactory):
    base_dir: str = Field(default_factory=default_storage_dir)

    def create_io_manager(self, context) -> ParquetFrameIOManager:
        return ParquetFrameIOManager(base_path=UPath(self.base_dir))
