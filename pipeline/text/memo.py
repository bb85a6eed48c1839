"""Memoisation scoped to one document (pure, no Dagster).

The layout rules ask the same question of the same paragraph many times (is it a caption, is
it page furniture, which full dates does it write): a cleaned document's paragraphs were asked
about 1.7 times each on the bench inbox. The answers depend on the text alone, so each such
function keeps them until the next document's cleaning starts (`new_document`). A cache never
outlives its document: it cannot grow with the inbox, and no document reuses another's
answers (so an inbox of repeated documents, like the benchmark's, gains nothing from it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

DOC_CACHE_SIZE = 4096  # answers kept per function; a document past it recomputes the oldest
_CACHES: list[Any] = []


def per_document(fn: F) -> F:
    """`fn` memoised until `new_document()`; its arguments must be hashable and its result
    must not be mutated by callers (return tuples, strings, numbers or None)."""
    cached = lru_cache(maxsize=DOC_CACHE_SIZE)(fn)
    _CACHES.append(cached)
    return cached  # type: ignore[return-value]


def new_document() -> None:
    """Forget every per-document answer (called when a document's cleaning starts)."""
    for cached in _CACHES:
        cached.cache_clear()
