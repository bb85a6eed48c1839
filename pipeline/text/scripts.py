"""Which writing system a piece of text is in: a cheap, model-free signal."""

from __future__ import annotations

import re
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


# Script families by code point range, checked in `script_of`'s order before the name test.
_RANGES = (("hangul", ((0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F))), ("cyrillic", ((0x0400, 0x052F),)),
           ("kana", ((0x3040, 0x30FF),)), ("han", ((0x4E00, 0x9FFF), (0x3400, 0x4DBF))))
# A Hangul letter (syllable, jamo or compatibility jamo): script_of's "hangul" family as a pattern.
HANGUL_LETTER = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_NO_LATIN_FROM = 0x20000  # no letter from here on is named LATIN (CJK extensions): no name lookup


@lru_cache(maxsize=1)
def _table() -> np.ndarray:
    """`script_of` of every code point up to the last letter, as an index into SCRIPTS
    (len(SCRIPTS) for a non-letter); built once per process, by ranges (~50 ms; one
    `script_of` call per code point took 0.17 s). Equal to `script_of` (tests/text/test_scripts.py)."""
    n = _LAST_LETTER + 1
    alpha = np.fromiter((chr(c).isalpha() for c in range(n)), dtype=bool, count=n)
    table = np.full(n + 1, len(SCRIPTS), dtype=np.uint8)
    table[:n][alpha] = SCRIPTS.index("other")
    named = alpha.copy()
    for script, ranges in reversed(_RANGES):  # the first range in script_of's order wins
        for lo, hi in ranges:
            table[lo : hi + 1][alpha[lo : hi + 1]] = SCRIPTS.index(script)
            named[lo : hi + 1] = False
    latin = SCRIPTS.index("latin")
    for code in np.flatnonzero(named[:_NO_LATIN_FROM]).tolist():
        if "LATIN" in unicodedata.name(chr(code), ""):
            table[code] = latin
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
