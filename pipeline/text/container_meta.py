"""Plausibility of the title and date a PDF or Word file declares about itself.

Document properties are filled by whatever program wrote the file: often the real headline
and date, just as often a file name ("Microsoft Word - bulletin_final.doc"), a template's
placeholder ("Title", "Untitled") or a clock that was never set (1970, 1601). Only a value
that looks like a headline, or a date in a plausible range, is used as a hint.
"""

from __future__ import annotations

import datetime as dt
import re

_PLACEHOLDER_TITLES = frozenset({
    "untitled", "title", "document", "word document", "new document", "presentation",
    "slide 1", "pdf", "no title", "без названия", "документ", "новый документ", "заголовок",
    "제목 없음", "제목", "문서", "새 문서",
})
_FILE_NAME = re.compile(r"\.(?:docx?|pdf|rtf|odt|txt|html?|indd|qxd|p65|pm\d|tmp|hwp|xlsx?|pptx?)$", re.I)
_PROGRAM_PREFIX = re.compile(r"^(?:microsoft\s+(?:word|powerpoint|excel)\s*-|untitled\s*-)", re.I)
_EARLIEST = dt.date(1990, 1, 1)
_LATEST = dt.date(2100, 1, 1)


def plausible_title(value: object) -> str | None:
    """The title when it reads like a headline, else None."""
    if not isinstance(value, str):
        return None
    title = " ".join(value.replace("\x00", "").split())
    letters = sum(ch.isalpha() for ch in title)
    if letters < 3 or len(title) > 300:
        return None
    if title.casefold() in _PLACEHOLDER_TITLES or _FILE_NAME.search(title) or _PROGRAM_PREFIX.match(title):
        return None
    if " " not in title and ("_" in title or "/" in title or "\\" in title):
        return None  # "bulletin_2019_05", "C:\\docs\\x": a path or file name
    return title


def plausible_date(value: object) -> dt.date | None:
    """The day of a datetime/date within 1990..2099, else None."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date) and _EARLIEST <= value < _LATEST:
        return value
    return None
