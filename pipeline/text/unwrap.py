"""Split normalised text into paragraphs, undoing PDF-style hard wrapping and hyphenation.

Text is either "one line = one paragraph" (what crawls and most exports give) or hard-wrapped:
lines cut near a fixed width, often mid-sentence and mid-word, sometimes double-spaced. Only
the second kind is re-joined, so ordinary short lines (titles, lists) are never glued together.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pipeline.text.dateline import find_dateline
from pipeline.text.nlp import morph

_SENTENCE_END = tuple('.!?…:;»"”)')
_LIST_START = re.compile(r"^(?:\d{1,2}[.)]\s|[•▪●◦·*]\s?|[-—–]\s)")
_TRAILING_WORD = re.compile(r"([^\W\d_]+)-$")
_DIGIT_HYPHEN = re.compile(r"\d-$")
_LEADING_WORD = re.compile(r"^([^\W\d_]+)")
# English continuation fragments that are never words on their own ("informa-\ntion").
_EN_SUFFIXES = frozenset(
    {
        "tion",
        "tions",
        "sion",
        "sions",
        "ment",
        "ments",
        "ing",
        "ings",
        "ed",
        "ly",
        "ness",
        "ity",
        "ities",
        "ance",
        "ence",
        "ances",
        "ences",
        "able",
        "ible",
        "al",
        "ally",
        "ous",
        "ive",
        "ives",
        "ure",
        "ures",
        "ist",
        "ists",
        "ism",
        "ate",
        "ated",
        "ation",
        "ations",
        "er",
        "ers",
        "est",
        "ful",
        "less",
        "ship",
        "ships",
        "ty",
        "ry",
        "ries",
        "cy",
        "cies",
    }
)


@lru_cache(maxsize=65536)
def _known(word: str) -> bool:
    return bool(word) and morph().word_is_known(word.lower())


def _is_cyrillic_word(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


def _compound_part_known(part: str) -> bool:
    """A left half of a Russian compound: a word, or a linking form like "российско"/"северо"."""
    low = part.lower()
    if _known(low):
        return True
    if low[-1:] in ("о", "е") and len(low) > 3:
        stem = low[:-1]
        return any(_known(stem + end) for end in ("", "ий", "ый", "ой", "ь"))
    return False


def keep_line_end_hyphen(left_line: str, right_line: str) -> bool:
    """Decide whether "left-" + newline + "right" is a real compound hyphen or a soft break."""
    if _DIGIT_HYPHEN.search(left_line):
        return True  # "6-\nсторонних", "2007-\n2008"
    m_left, m_right = _TRAILING_WORD.search(left_line), _LEADING_WORD.match(right_line)
    if not m_left or not m_right:
        return True
    left, right = m_left.group(1), m_right.group(1)
    if not right[0].islower():
        return True  # "Северо-\nВосточной": a capital never continues a broken word
    if _is_cyrillic_word(left) or _is_cyrillic_word(right):
        if _known(left + right):
            return False
        if _known(f"{left}-{right}"):
            return True
        return _compound_part_known(left) and _known(right)
    return right.lower() not in _EN_SUFFIXES


def _join_lines(lines: list[str]) -> str:
    pieces = [lines[0]]  # built as a list: a long wrapped paragraph must not cost O(n^2)
    for line in lines[1:]:
        prev = pieces[-1]
        if prev.endswith("\u00ad"):  # a soft-hyphen break: the halves are one word
            pieces[-1] = prev[:-1]
        elif prev.endswith("-") and len(prev) > 1 and not prev[-2].isspace():
            if not keep_line_end_hyphen(prev, line[:200]):
                pieces[-1] = prev[:-1]
        else:
            pieces.append(" ")
        pieces.append(line)
    return "".join(pieces)


def _ends_sentence(line: str) -> bool:
    return line.endswith(_SENTENCE_END)


def _is_wrapped(lines: list[str], gaps: list[int], gap0: int) -> tuple[bool, int]:
    """Hard-wrapped when many lines fill the wrap width and stop mid-sentence."""
    if len(lines) < 3:
        return False, 0
    width = max(len(line) for line in lines)
    if not 30 <= width <= 140:
        return False, width
    mid = sum(
        1
        for i, line in enumerate(lines[:-1])
        if gaps[i] == gap0 and len(line) >= 0.7 * width and not _ends_sentence(line)
    )
    return mid >= 2 and mid >= 0.3 * len(lines), width


def split_paragraphs(text: str) -> list[str]:
    """Paragraph strings (no newlines inside) of normalised text, in order, non-empty."""
    lines: list[str] = []
    gaps: list[int] = []  # gaps[i]: blank lines between lines[i] and lines[i + 1]
    blank = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            blank += 1
            continue
        if lines:
            gaps.append(blank)
        lines.append(line)
        blank = 0
    if not lines:
        return []
    gap0 = Counter(gaps).most_common(1)[0][0] if gaps else 0
    wrapped, width = _is_wrapped(lines, gaps, gap0)
    if not wrapped:
        # Even in text that is not hard-wrapped, a line ending in a soft hyphen (kept by
        # normalize_chars only there) is a word broken across the line: the halves are one word.
        joined: list[str] = []
        for line in lines:
            if joined and joined[-1].endswith("\u00ad"):
                joined[-1] = joined[-1][:-1] + line
            else:
                joined.append(line)
        return [line.replace("\u00ad", "") for line in joined]

    paragraphs: list[list[str]] = [[lines[0]]]
    for i, line in enumerate(lines[1:]):
        prev = lines[i]
        first_word = line.split(" ", 1)[0]
        full = len(prev) >= 0.75 * width or len(prev) + 1 + len(first_word) > width
        new_para = not prev.endswith("\u00ad") and (  # a soft-hyphen break never ends a paragraph
            gaps[i] > gap0
            or not full
            or (_LIST_START.match(line) is not None and _ends_sentence(prev))
            or find_dateline(line) is not None  # a wire dateline always opens the story
        )
        if new_para:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return [_join_lines(p).replace("\u00ad", "") for p in paragraphs]
