"""Which writing system a piece of text is in: a cheap, model-free signal."""

from __future__ import annotations

import unicodedata


def script_counts(text: str) -> dict[str, int]:
    """Count letters per script family (hangul, cyrillic, latin, han, kana, other)."""
    counts = {"hangul": 0, "cyrillic": 0, "latin": 0, "han": 0, "kana": 0, "other": 0}
    for ch in text:
        if not ch.isalpha():
            continue
        code = ord(ch)
        if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
            counts["hangul"] += 1
        elif 0x0400 <= code <= 0x052F:
            counts["cyrillic"] += 1
        elif 0x3040 <= code <= 0x30FF:
            counts["kana"] += 1
        elif 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
            counts["han"] += 1
        elif "LATIN" in unicodedata.name(ch, ""):
            counts["latin"] += 1
        else:
            counts["other"] += 1
    return counts


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def dominant_script(text: str) -> str | None:
    """The script with most letters, or None when the text has no letter."""
    counts = script_counts(text)
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else None
