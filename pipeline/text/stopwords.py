"""Stop-word density (jusText's measure of running text) for English and Russian lines."""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=4)
def stoplist(language: str) -> frozenset[str]:
    import justext  # ships stop-word lists for ~100 languages (BSD); loaded once

    return frozenset(w.casefold() for w in justext.get_stoplist(language))


def stopword_density(line: str) -> float | None:
    """Share of a line's words that are stop words; None for scripts without a list here (Korean)."""
    words = [w.casefold() for w in _TOKEN.findall(line)]
    if not words:
        return None
    cyr = sum(bool(_CYRILLIC.search(w)) for w in words)
    lat = sum(bool(_LATIN.search(w)) for w in words)
    if max(cyr, lat) < len(words) / 2:
        return None
    stop = stoplist("Russian" if cyr >= lat else "English")
    return sum(w in stop for w in words) / len(words)
