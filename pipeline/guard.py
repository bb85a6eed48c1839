"""One document's work in a stage, guarded: an exception or a run past the time budget becomes
that document's failure (a rejection with its reason), never a failed or stalled run.

The budget is a real-time timer (SIGALRM) in the thread that runs the work, which is the main
thread of a worker process or of the run process (Dagster's in-process executor). It stops
Python code, such as a loop that never ends (a Korean sentence once made the tagger loop for
ever); a C extension is stopped when it returns to Python. Where no timer can be set (not the
main thread, or no SIGALRM on the platform) the work runs without one and exceptions are still
caught.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

FAILED = "_failed"  # key of a failed document's result: [reason, detail]
DEFAULT_BUDGET_S = 300.0  # per document and stage; ordinary documents take well under a second


class BudgetExceeded(BaseException):
    """Raised inside the guarded work when its time is up (a BaseException, like
    KeyboardInterrupt, so that the text core's own `except Exception` fallbacks cannot swallow
    it and go on looping)."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise BudgetExceeded


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise BudgetExceeded in the body after `seconds` (no limit with None or 0, or where no
    timer can be set). The previous handler and timer are restored."""
    usable = bool(seconds) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def failure(reason: str, detail: str) -> dict[str, Any]:
    return {FAILED: [reason, detail]}


def failed(result: Any) -> tuple[str, str] | None:
    """(reason, detail) of a failed document's result, else None."""
    if isinstance(result, dict) and FAILED in result:
        reason, detail = result[FAILED]
        return reason, detail
    return None


def timed_out(result: Any) -> bool:
    return (failed(result) or ("",))[0] == "timeout"


def timeout_detail(stage: str, budget_s: float | None) -> str:
    return f"{stage}: over the budget of {budget_s:g} s per document (max_document_seconds)"


def _describe(stage: str, exc: BaseException) -> str:
    return f"{stage}: {type(exc).__name__}: {exc}"[:500]


@dataclass(frozen=True)
class Guarded:
    """`fn` (a module-level function, so this pickles into worker processes) under the guard.
    With `batched`, `fn` takes a list of payloads; when the batch fails, each document runs
    again alone, so only the one at fault fails."""

    fn: Callable[[Any], Any]
    stage: str
    budget_s: float | None = DEFAULT_BUDGET_S
    batched: bool = False

    def __call__(self, item: Any) -> Any:
        if not self.batched:
            return self._one(item)
        try:
            with time_budget(self.budget_s):
                return self.fn(item)
        except (Exception, BudgetExceeded):  # each document again alone: only the one at fault fails
            return [self._alone(p) for p in item]

    def _alone(self, payload: Any) -> Any:
        result = self._one([payload])
        return result if failed(result) else result[0]

    def _one(self, payload: Any) -> Any:
        try:
            with time_budget(self.budget_s):
                return self.fn(payload)
        except BudgetExceeded:
            return failure("timeout", timeout_detail(self.stage, self.budget_s))
        except Exception as exc:  # noqa: BLE001 - a bug on one document must not stop the run
            return failure("processing_error", _describe(self.stage, exc))
