"""Which writing system a piece of text is in: a cheap, model-free signal."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import numpy as np

SCRIPTS = ("hangul", "cyrillic", "latin", "han", "kana", "other")
_LAST_LETTER = 0x323AF  # the last letter Unicode assigns (CJK Extension H); nothing above is alphabetic
_SHORT = 32  # below this many characters a Python loop is cheaper than the array set-up (~7 µs)


def script_of(ch: str) -> str | None:
    """The script family of one character, None when it is not a letter."""
    if not ch.isalpha():
        return None
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if 0x0400 <= code <= 0x052F:
        return "cyrillic"
    if 0x3040 <= code <= 0x30FF:
        return "kana"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
        return "han"
    if "LATIN" in unicodedata.name(ch, ""):
        return "latin"
    return "other"


@lru_cache(maxsize=1)
def _table() -> np.ndarray:
    """`script_of` of every code point up to the last letter, as an index into SCRIPTS
    (len(SCRIPTS) for a non-letter); built once per process (~0.15 s)."""
    index = {name: i for i, name in enumerate(SCRIPTS)}
    table = np.full(_LAST_LETTER + 2, len(SCRIPTS), dtype=np.uint8)
    for code in range(_LAST_LETTER + 1):
        script = script_of(chr(code))
        if script is not None:
            table[code] = index[script]
    return table


def count_by_character(text: str) -> dict[str, int]:
    """`script_counts` one character at a time (the definition; cheaper on short texts)."""
    counts = dict.fromkeys(SCRIPTS, 0)
    for ch in text:
        script = script_of(ch)
        if script is not None:
            counts[script] += 1
    return counts


def script_counts(text: str) -> dict[str, int]:
    """Count letters per script family (hangul, cyrillic, latin, han, kana, other)."""
    if len(text) < _SHORT:
        return count_by_character(text)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    found = np.bincount(_table()[np.minimum(codes, _LAST_LETTER + 1)], minlength=len(SCRIPTS) + 1)
    return {name: int(found[i]) for i, name in enumerate(SCRIPTS)}


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def dominant_script(text: str) -> str | None:
    """The script with most letters, or None when the text has no letter."""
    counts = script_counts(text)
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else None
