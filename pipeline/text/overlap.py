"""Greedy selection of non-overlapping spans in O(n log n) (pure, no Dagster).

The taggers rank candidate spans (longer first, catalog before NER, ...) and keep each one
that overlaps none already kept. Comparing every candidate with every kept span is
quadratic: a 1 MB paragraph with tens of thousands of hits stalled a run. Kept spans never
overlap each other, so sorted by start they are also sorted by end, and one binary search
finds the only neighbours a candidate can collide with.

Overlap is the half-open rule `a.start < b.end and b.start < a.end`: touching spans do not
overlap, and an empty span overlaps only a span that strictly contains its position.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def select_non_overlapping(
    ranked: Iterable[T], start: Callable[[T], int], end: Callable[[T], int]
) -> list[T]:
    """The items of `ranked` (best first) that overlap no better item already kept,
    in the order they were kept."""
    starts: list[int] = []  # kept non-empty spans, sorted by start (and so by end)
    ends: list[int] = []
    points: list[int] = []  # kept empty spans, sorted positions
    kept: list[T] = []
    for item in ranked:
        s, e = start(item), end(item)
        i = bisect.bisect_right(starts, s)
        if s >= e:  # empty: blocked only by a span strictly around it
            if i and starts[i - 1] < s < ends[i - 1]:
                continue
            bisect.insort(points, s)
            kept.append(item)
            continue
        if i and ends[i - 1] > s:
            continue  # the span starting at or before s reaches into this one
        if i < len(starts) and starts[i] < e:
            continue  # the next span starts inside this one
        k = bisect.bisect_right(points, s)
        if k < len(points) and points[k] < e:
            continue  # an empty span sits strictly inside
        starts.insert(i, s)
        ends.insert(i, e)
        kept.append(item)
    return kept


class SpanIndex:
    """"Does [s, e) overlap any of these spans?" in O(log n), for a fixed set of half-open spans
    that may overlap each other: among the spans starting before e, the furthest end decides.
    Replaces `any(a < e and s < b for a, b in spans)` inside loops, which is quadratic; `holds`
    and `overlapping`/`within` answer the other questions the taggers asked by scanning
    (`any(a <= s and e <= b ...)`, `[x for x in spans if ...]` in the list's order)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = list(spans)
        self._order: list[int] | None = None  # sorted on the first question (many are never asked)

    def _build(self) -> None:
        spans = self._spans
        self._order = sorted(range(len(spans)), key=spans.__getitem__)  # positions, by (start, end)
        self._starts = [spans[k][0] for k in self._order]
        self._max_end = list(itertools.accumulate((spans[k][1] for k in self._order), max))
        self._longest = max((e - s for s, e in spans), default=0)

    def _ready(self) -> bool:
        """False when there is no span; else the index is built (once) and True."""
        if not self._spans:
            return False
        if self._order is None:
            self._build()
        return True

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span (a, b) has a < end and start < b."""
        if not self._ready():
            return False
        i = bisect.bisect_left(self._starts, end)  # the spans that start before `end`
        return i > 0 and self._max_end[i - 1] > start

    def holds(self, start: int, end: int) -> bool:
        """Whether some span (a, b) has a <= start and end <= b."""
        if not self._ready():
            return False
        i = bisect.bisect_right(self._starts, start)  # the spans that start at or before `start`
        return i > 0 and self._max_end[i - 1] >= end

    def overlapping(self, start: int, end: int) -> list[int]:
        """Positions (in the given list, ascending) of the spans (a, b) with a < end and
        start < b. Only spans starting within the longest span's length of `start` are read."""
        if not self._ready():
            return []
        lo = bisect.bisect_left(self._starts, start - self._longest + 1)
        hi = bisect.bisect_left(self._starts, end)
        found = [k for k in self._order[lo:hi] if start < self._spans[k][1] and self._spans[k][0] < end]
        return sorted(found)

    def within(self, start: int, end: int) -> list[int]:
        """Positions (in the given list, ascending) of the spans (a, b) with start <= a and b <= end."""
        if not self._ready():
            return []
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_right(self._starts, end)
        return sorted(k for k in self._order[lo:hi] if self._spans[k][1] <= end)
