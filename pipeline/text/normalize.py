"""Character-level normalisation and Cyrillic homoglyph folding (pure, no I/O)."""

from __future__ import annotations

import re
import unicodedata

# Invisible characters that only break tokenisation: zero-width space/joiners, word joiner,
# BOM used as ZWNBSP, and the soft hyphen (a typesetting hint, never content).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)

# Line-breaking characters other than "\n": PDFs and Word exports use them as real breaks.
_LINE_BREAKS = {ord("\r"): "\n", 0x0B: "\n", 0x0C: "\n", 0x85: "\n", 0x2028: "\n", 0x2029: "\n"}

_INVISIBLE_KEEP_SOFT = {k: v for k, v in _INVISIBLE.items() if k != 0xAD}
# The same two tables as character classes: a regex scans in C where str.translate with a dict
# looks up every character (5-10x slower on a page of text, same result).
_LINE_BREAK_CHARS = re.compile("[" + "".join(map(chr, _LINE_BREAKS)) + "]")
_INVISIBLE_CHARS = re.compile("[" + "".join(map(chr, _INVISIBLE_KEEP_SOFT)) + "]")
SOFT_BREAK = "\x00"  # placeholder while other soft hyphens are dropped
_SOFT_BREAK = re.compile(r"\u00ad[ \t]*\n")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def normalize_chars(text: str) -> str:
    """NFC, drop invisibles/controls, one kind of space and newline; keeps blank-line counts.

    Blank-line runs are kept as they are: the unwrapper needs them to tell a wrapped
    line gap from a paragraph gap. `collapse_blank_lines` finishes the job afterwards.
    """
    text = text.replace("\r\n", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAK_CHARS.sub("\n", text)
    # A soft hyphen ending a line marks a word broken by the wrap: keep it there (as the one
    # invisible left) so the unwrapper glues the halves; everywhere else it goes.
    text = _SOFT_BREAK.sub(SOFT_BREAK + "\n", text.replace(SOFT_BREAK, "")).replace("\u00ad", "").replace(SOFT_BREAK, "\u00ad")
    text = _INVISIBLE_CHARS.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    return fold_homoglyphs(text)


def collapse_blank_lines(text: str) -> str:
    return _MANY_NEWLINES.sub("\n\n", text)


# Latin and Greek letters that render identically to Cyrillic ones (Russian alphabet only).
_HOMOGLYPHS = {
    **dict(zip("aeopcyxABEKMHOPCTX", "аеорсухАВЕКМНОРСТХ", strict=True)),
    **dict(zip("οαερκτχΑΒΕΚΜΗΟΡΤΧΥ", "оаерктхАВЕКМНОРТХУ", strict=True)),
}
_HOMOGLYPH_TABLE = str.maketrans(_HOMOGLYPHS)
_HG_CLASS = re.escape("".join(_HOMOGLYPHS))
# Only words holding both a Cyrillic letter and a look-alike are candidates (fast C-level filter).
_WORD = re.compile(rf"(?<![^\W\d_])(?=[^\W\d_]*[\u0400-\u04ff])(?=[^\W\d_]*[{_HG_CLASS}])[^\W\d_]+")


_ANY_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def fold_homoglyphs(text: str) -> str:
    """Inside words that are mostly Cyrillic, replace Latin/Greek look-alikes by Cyrillic.

    Spoofed or OCR-damaged words ("Владивοстοке" with Greek omicrons) otherwise miss every
    gazetteer and dictionary lookup. Words without Cyrillic letters are never touched.
    """

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        n_cyr = sum(_is_cyrillic(ch) for ch in word)
        others = [ch for ch in word if not _is_cyrillic(ch)]
        # Only fold when every foreign letter has a Cyrillic twin ("Samsungа" stays as is).
        if n_cyr == 0 or n_cyr < len(others) or any(ch not in _HOMOGLYPHS for ch in others):
            return word
        return word.translate(_HOMOGLYPH_TABLE)

    if not _ANY_CYRILLIC.search(text):
        return text  # (an English or Korean page: no word to fold, no per-word scan)
    return _WORD.sub(fix, text)
