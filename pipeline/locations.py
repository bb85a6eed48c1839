"""Where the inbox, the outputs and the stored stage tables are by default (environment first).

Kept apart from the Dagster resources so that `make run` can find the inbox before Dagster is
imported (`pipeline.prewarm`)."""

import os
from pathlib import Path

from pipeline import PROJECT_ROOT


def default_seeds_dir() -> str:
    return os.environ.get("PIPELINE_SEEDS_DIR") or str(PROJECT_ROOT / "seeds")


def default_outputs_dir() -> str:
    return os.environ.get("PIPELINE_OUTPUTS_DIR") or str(PROJECT_ROOT / "outputs")


def default_storage_dir() -> str:
    """Intermediate asset values (Parquet), beside Dagster's run history."""
    home = os.environ.get("DAGSTER_HOME") or str(PROJECT_ROOT / ".dagster_home")
    return str(Path(home) / "storage")


def default_store_dir() -> str:
    """The stage tables of each shard (`pipeline.shards`), beside Dagster's run history."""
    return os.environ.get("PIPELINE_STORE_DIR") or str(Path(default_storage_dir()) / "shards")
