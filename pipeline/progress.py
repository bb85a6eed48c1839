"""Progress of long stage loops, for the run log: done/total, rate and time left.

A line every ~10 % of the items (only when there are at least MIN_ITEMS of them) or every
30 s (whatever the size), and a closing line when anything was said: a run of a few
documents logs nothing, a run of 10,000 says where it is. Stage code calls `track_rows` /
`track` around its loop; there is no Dagster import here (the stages stay plain functions).

The logger lives under `dagster.builtin`, the namespace of `dagster.get_dagster_logger()`,
so inside a run the lines go to the run's event log (the UI's Logs tab) and the console.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import pandas as pd

LOGGER = logging.getLogger("dagster.builtin.progress")
MIN_ITEMS = 200  # below this, only the 30-second rule can speak
STEPS = 10  # a line every tenth
EVERY_SECONDS = 30.0

T = TypeVar("T")


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


class Progress:
    def __init__(
        self, stage: str, total: int, unit: str = "documents",
        log: Callable[[str], None] | None = None, clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stage, self.total, self.unit = stage, total, unit
        self.log = log or LOGGER.info
        self.clock = clock
        self.start = self.last = clock()
        self.done = 0
        self.tenth = 1 if total >= MIN_ITEMS else None  # next tenth to announce
        self.spoke = False

    def _line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        line = f"{self.stage}: {self.done}/{self.total} {self.unit} ({self.done / max(self.total, 1):.0%}), {rate:.1f} {self.unit}/s"
        if 0 < self.done < self.total and rate > 0:
            line += f", ~{_duration((self.total - self.done) / rate)} left"
        return line

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        marked = self.tenth is not None and self.done < self.total and self.done * STEPS >= self.tenth * self.total
        if marked or now - self.last >= EVERY_SECONDS:
            while self.tenth is not None and self.tenth * self.total <= self.done * STEPS:
                self.tenth += 1
            self.log(self._line(now))
            self.last, self.spoke = now, True

    def finish(self) -> None:
        now = self.clock()
        if self.spoke or now - self.start >= EVERY_SECONDS:
            self.log(f"{self._line(now)}, done in {_duration(now - self.start)}")


def track(stage: str, items: Iterable[T], total: int, unit: str = "documents") -> Iterator[T]:
    """Yield `items`, reporting progress as they are consumed."""
    progress = Progress(stage, total, unit)
    for item in items:
        yield item
        progress.advance()
    progress.finish()


def track_rows(stage: str, frame: pd.DataFrame, unit: str = "documents") -> Iterator[tuple[object, pd.Series]]:
    """`frame.iterrows()` with progress: the one-line change a stage loop needs."""
    return track(stage, frame.iterrows(), len(frame), unit)
