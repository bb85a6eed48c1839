"""Korea–Russia document ETL: a pure text core (`pipeline.text`) and a thin Dagster layer."""

import gc
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


# The cyclic garbage collector's thresholds for the run's processes (Python's default is
# (700, 10, 10)). Importing Dagster, pandas and the models and building frames allocate
# millions of long-lived objects, and a re-run after one added file spent about 1.2 s of its
# 10 s in ~1,600 collections (most of them full ones walking every object); with these,
# about 20 collections and 0.3 s. Memory is unchanged in practice: almost nothing here is
# cyclic garbage, and reference counting frees the rest at once.
GC_THRESHOLDS = (50_000, 20, 20)


def fewer_gc_passes() -> None:
    """Called first by `make run` (before the heavy imports) and by each worker process."""
    gc.set_threshold(*GC_THRESHOLDS)
