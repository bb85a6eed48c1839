"""Worker processes run their numeric libraries on one thread each (the pool uses the cores)."""

from __future__ import annotations

from pipeline.runner import pool_map, shutdown_pool


def blas_threads(_: int) -> list[int]:
    import numpy  # noqa: F401 - loads the BLAS that threadpoolctl reports
    from threadpoolctl import threadpool_info

    return [lib["num_threads"] for lib in threadpool_info()]


def test_pool_workers_use_one_blas_thread() -> None:
    try:
        seen = list(pool_map(blas_threads, list(range(4)), workers=2, chunksize=1))
    finally:
        shutdown_pool()
    assert len(seen) == 4 and all(seen)
    assert all(n == 1 for threads in seen for n in threads)


def thread_settings(_: int) -> dict[str, str | None]:
    import os

    return {name: os.environ.get(name) for name in ("OMP_NUM_THREADS", "RAYON_NUM_THREADS")}


def test_pool_workers_start_with_one_thread_settings_for_later_libraries() -> None:
    """OpenMP and rayon (lingua) read these when they first start their pools, in the worker."""
    try:
        seen = list(pool_map(thread_settings, list(range(4)), workers=2, chunksize=1))
    finally:
        shutdown_pool()
    assert seen == [{"OMP_NUM_THREADS": "1", "RAYON_NUM_THREADS": "1"}] * 4


LATER_IMPORT = """
import sys
from pipeline.runner import import_while_waiting, imports_done, pool_map, shutdown_pool

import_while_waiting("wave")
list(pool_map(abs, [-1, -2], workers=1))  # computed here: no wait for a worker, nothing imported
imports_done()
print("wave" in sys.modules)
list(pool_map(abs, [-1, -2], workers=2, chunksize=1))  # waits for the pool's workers
imports_done()
print("wave" in sys.modules)
shutdown_pool()
"""


def test_modules_needed_later_are_imported_while_the_process_waits_for_workers() -> None:
    """A fresh interpreter (this one may have imported the module already)."""
    import subprocess
    import sys

    from pipeline import PROJECT_ROOT

    out = subprocess.run([sys.executable, "-c", LATER_IMPORT], cwd=PROJECT_ROOT, capture_output=True, text=True,
                         timeout=120, check=True).stdout.split()
    assert out == ["False", "True"]
