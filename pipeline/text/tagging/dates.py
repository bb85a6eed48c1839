"""DATE mentions: a cheap regex finds date-shaped spans, dateparser resolves each one.

dateparser never sees whole sentences (slow, and it happily reads "2+2" or a time as a
date); it gets only the day-month(-year) core of a regex hit, in the document language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

_EN_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
             r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_RU_MONTH = r"(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|сен|окт|ноя|дек|янв|фев|авг)[а-я]*\.?"
_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "en": [
        re.compile(rf"\b(?P<core>{_EN_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)(?![\d:])"),
        re.compile(rf"\b(?P<core>\d{{1,2}}(?:st|nd|rd|th)?\s+{_EN_MONTH}\.?(?:,?\s+\d{{4}})?)(?![\d:])"),
    ],
    "ru": [
        re.compile(rf"(?<![\d.])(?P<core>\d{{1,2}})(?:\s*[–—-]\s*\d{{1,2}})?\s+(?P<month>{_RU_MONTH})"
                   rf"(?:\s+(?P<year>\d{{4}})(?:\s*(?:года|году|год|г\.|г\b))?)?", re.IGNORECASE),
    ],
    "ko": [
        re.compile(r"(?<!\d)(?P<core>(?:\d{4}년\s*)?\d{1,2}월\s*\d{1,2}일)"),
    ],
    "*": [
        re.compile(r"(?<![\d.])(?P<core>(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2})(?![\d.:])"),
        re.compile(r"(?<![\d.])(?P<core>\d{1,2}\.\d{1,2}\.(?:19|20)\d{2})(?![\d.:])"),
    ],
}
_PREFILTER = re.compile(rf"{_EN_MONTH}|{_RU_MONTH}|\d월|\d[./-]\d", re.IGNORECASE)
_HAS_YEAR = re.compile(r"(?:19|20)\d{2}")
_DIGIT = re.compile(r"\d")  # a cheap first test: the month-name alternation scans slowly


@lru_cache(maxsize=8192)
def _parse(core: str, language: str, base: dt.date | None) -> dt.date | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    languages = [language] if language in ("en", "ru", "ko") else None
    parsed = dateparser.parse(core, languages=languages, settings=settings)
    if parsed is None or not 1900 <= parsed.year <= 2100:
        return None
    return parsed.date()


def find_dates(text: str, start: int, end: int, language: str,
               published: dt.date | None) -> Iterator[tuple[int, int, dt.date]]:
    """(start, end, date) for each resolvable date in text[start:end]."""
    chunk = text[start:end]
    if not _DIGIT.search(chunk) or not _PREFILTER.search(chunk):  # every pattern has a digit
        return
    taken: list[tuple[int, int]] = []
    for pattern in [*_PATTERNS.get(language, []), *_PATTERNS["*"]]:
        for m in pattern.finditer(chunk):
            s, e = start + m.start(), start + m.end()
            if any(s < te and e > ts for ts, te in taken):
                continue
            if "month" in m.groupdict():
                core = " ".join(g for g in (m.group("core"), m.group("month"), m.group("year")) if g)
            else:
                core = m.group("core")
            if not _HAS_YEAR.search(core) and published is None:
                continue  # no year and nothing to anchor it: don't guess
            date = _parse(core, language, published)
            if date is not None:
                taken.append((s, e))
                yield s, e, date
