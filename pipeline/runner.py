"""Runs one stage's per-document function over many documents: cache first, then the misses
in a pool of worker processes (both cores), each unique input computed once.

Workers are started (spawn: no state inherited from the Dagster process, whose threads make
fork unsafe) by the first stage that has enough work, and kept for the next stages of the run
(Dagster runs the stage assets one after the other in the same process), so each worker
imports the text core and loads each model once per run, not once per stage. A stage with a
handful of misses (a re-run after adding one file) runs in the calling process: no worker
start-up, and no model a stage does not need is loaded, unless `make run` started the warm
worker (`pipeline.prewarm`): then those few documents go to it, where their models are loaded.
"""

from __future__ import annotations

import atexit
import importlib
import multiprocessing as mp
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from pipeline import fewer_gc_passes
from pipeline.cache import StageCache, code_version, payload_key, reference_data_version
from pipeline.guard import DEFAULT_BUDGET_S, Guarded, timed_out
from pipeline.progress import Progress

MIN_DOCS_FOR_POOL = 16  # below this, worker start-up (~2 s with imports) costs more than it saves


def default_workers() -> int:
    return max(1, int(os.environ.get("PIPELINE_WORKERS") or os.cpu_count() or 1))


@dataclass
class StageRunner:
    """How stages run: the cache (None = compute everything) and the number of workers."""

    cache: StageCache | None = None
    workers: int = 1
    versions: dict[str, str] = field(default_factory=dict)
    budget_s: float | None = DEFAULT_BUDGET_S  # per document and stage (pipeline.guard)

    def version(self, stage: str) -> str:
        """Code version, plus the reference data version for the stages that read it."""
        if stage not in self.versions:
            extra = f"+{reference_data_version()}" if stage in REFERENCE_DATA_STAGES else ""
            self.versions[stage] = code_version() + extra
        return self.versions[stage]

    def summary(self) -> dict[str, dict[str, int]]:
        return self.cache.summary() if self.cache is not None else {}


REFERENCE_DATA_STAGES = frozenset({"tag"})


BATCH_DOCS = 16  # documents per worker task for stages whose function takes a batch


def run_stage(
    stage: str, fn: Callable[[Any], Any], payloads: Sequence[dict[str, Any]],
    runner: StageRunner | None, batched: bool = False,
) -> list[dict[str, Any]]:
    """`fn(payload)` for every payload, in order (with `batched`, `fn(list of payloads)` returns
    their results, so a model can be called once for many documents); `fn` must be a
    module-level function of plain JSON-like values (it crosses process boundaries and is
    cached as JSON). Each document runs guarded (`pipeline.guard`): one that raises or runs past
    the runner's time budget gets a failure result instead (see `guard.failed`); a timeout is
    not cached, so a later run tries again."""
    runner = runner or StageRunner()
    cache = runner.cache
    guarded = Guarded(fn, stage, runner.budget_s, batched)
    if cache is None:
        return _map(guarded, list(payloads), runner.workers, batched, Progress(stage, len(payloads)))
    version = runner.version(stage)
    keys = [payload_key(stage, version, p) for p in payloads]
    known = cache.get_many(stage, keys)
    todo = {k: p for k, p in zip(keys, payloads, strict=True) if k not in known}
    progress = Progress(stage, len(todo))  # the run log says where a long stage is
    computed = dict(zip(todo, _map(guarded, list(todo.values()), runner.workers, batched, progress), strict=True))
    cache.put_many(stage, {k: r for k, r in computed.items() if not timed_out(r)})
    known.update(computed)
    counts = cache.count(stage)
    n_missed = sum(1 for k in keys if k in todo)
    counts.misses += n_missed
    counts.hits += len(keys) - n_missed
    counts.computed += len(todo)
    return [known[k] for k in keys]


_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def _shared_pool(workers: int) -> ProcessPoolExecutor:
    global _pool, _pool_size
    if _pool is None or _pool_size != workers:
        shutdown_pool()
        _pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"),
                                    initializer=_worker_init)
        _pool_size = workers
    return _pool


_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS", "RAYON_NUM_THREADS")
_limits: Any = None


def _worker_init() -> None:
    """One BLAS/OpenMP thread per worker: the workers already use every core, and numpy's
    matrix products (natasha, spaCy) starting a thread per core on top oversubscribed them
    (natasha on 1,005 blocks with two workers: 4.0 CPU-s, 1.6 with one thread each); lingua's
    rayon pool likewise. The environment covers libraries loaded later, threadpoolctl those
    already loaded."""
    global _limits
    fewer_gc_passes()
    atexit.register(_leave_at_once)
    for name in _THREAD_ENV:
        os.environ[name] = "1"
    from threadpoolctl import threadpool_limits

    _limits = threadpool_limits(limits=1)  # kept: the limit lasts as long as the worker


_warm: ProcessPoolExecutor | None = None
_warm_task: Future | None = None


def start_warm(task: Callable[..., Any], *args: Any) -> None:
    """One worker process, started now, that runs `task(*args)` (`pipeline.prewarm.warm_up`)
    and then takes the stages' small jobs (`pool_map(..., warm=True)`)."""
    global _warm, _warm_task
    stop_warm()
    _warm = ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn"), initializer=_worker_init)
    _warm_task = _warm.submit(task, *args)


def warm_result() -> Any:
    """What the warm worker's task returned (None: no warm worker, or it failed)."""
    try:
        return _warm_task.result() if _warm_task is not None else None
    except Exception:  # noqa: BLE001 - a failed warm-up only means nothing was loaded ahead
        return None


def stop_warm(wait: bool = False) -> None:
    """The warm worker is let go: the run's stages use the whole pool (or no worker at all)."""
    global _warm, _warm_task
    if _warm is not None:
        _warm.shutdown(wait=wait, cancel_futures=True)
    _warm, _warm_task = None, None


def _leave_at_once() -> None:
    """A worker's last act: exit without the interpreter's teardown, which frees every object
    of the loaded models one by one (0.3 s with spaCy's English pipeline) while the run waits
    for its workers. Each task's results are written and returned before the worker exits."""
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def shutdown_pool() -> None:
    global _pool
    stop_warm(wait=True)
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


atexit.register(shutdown_pool)


def _map(fn: Callable[[Any], Any], items: list[Any], workers: int, batched: bool, progress: Progress) -> list[Any]:
    out: list[Any] = []
    if not batched:
        for result in pool_map(fn, items, workers):
            out.append(result)
            progress.advance()
    else:
        chunks = [items[i : i + BATCH_DOCS] for i in range(0, len(items), BATCH_DOCS)]
        pooled = len(items) >= MIN_DOCS_FOR_POOL
        for results in pool_map(fn, chunks, workers if pooled else 1, chunksize=1):
            out.extend(results)
            progress.advance(len(results))
    progress.finish()
    return out


# Modules the run process imports later (the report's matplotlib, 0.5 s), imported in a thread
# while this process has nothing to do but wait for workers: in a re-run after one added file
# that import was on the critical path, and the wait for the warm worker's models hides it.
_later_imports: list[str] = []
_importing: threading.Thread | None = None


def import_while_waiting(*modules: str) -> None:
    """Have `modules` imported the first time this process waits for a worker."""
    _later_imports.extend(m for m in modules if m not in _later_imports)


def _start_imports() -> None:
    global _importing
    if _importing is None and _later_imports:
        _importing = threading.Thread(target=_import_all, args=(tuple(_later_imports),), daemon=True,
                                      name="imports-while-waiting")
        _importing.start()


def _import_all(modules: tuple[str, ...]) -> None:
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception:  # noqa: BLE001 - the code that needs the module raises its own error
            return


def imports_done() -> None:
    """Wait for the imports started while waiting: call before forking, so that no thread is
    copied into the child in the middle of an import (it would hold the module's lock)."""
    if _importing is not None:
        _importing.join()


def pool_map(fn: Callable[[Any], Any], items: list[Any], workers: int, chunksize: int | None = None,
             warm: bool = False) -> Iterator[Any]:
    """`fn` over `items`, in order, as results arrive (in the worker pool when it pays; with
    `warm`, work too small for the pool goes to the warm worker when there is one)."""
    if workers <= 1 or (chunksize is None and len(items) < MIN_DOCS_FOR_POOL):
        done = 0
        if warm and _warm is not None and items:
            _start_imports()
            try:
                for result in _warm.map(fn, items):
                    done += 1
                    yield result
                return
            except BrokenProcessPool:  # the warm worker died: the rest here
                stop_warm()
        yield from (fn(item) for item in items[done:])
        return
    stop_warm()
    _start_imports()
    chunksize = chunksize or max(1, min(16, len(items) // (workers * 8)))
    done = 0
    try:
        for result in _shared_pool(workers).map(fn, items, chunksize=chunksize):
            done += 1
            yield result
    except BrokenProcessPool:  # a worker died (killed, out of memory): a fresh pool for the rest
        shutdown_pool()
        yield from _shared_pool(workers).map(fn, items[done:], chunksize=chunksize)
