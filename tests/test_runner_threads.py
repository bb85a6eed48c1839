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
