"""Full calendar dates as written in en/ru/ko text, with their spans (pure functions).

Shapes: "Sept. 6, 2019", "November. 29, 2002", "July 26. 2023", "6 September 2019", "25-Apr-2019", "15 декабря 2016 г.",
"2013년 5월 26일", "2018.10.16", "2018/06/27", "2015. 03. 09", "08.11.2018" (day first),
"12/24/2009" (month first unless the first number cannot be a month), "17-06-2024" (day first;
read only when the order is certain). Two-digit years
("22.12.21") are read only after a date label, in the order of the label's language.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np

from pipeline.text.memo import per_document

_EN_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_RU_MONTHS = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "ма": 5, "июн": 6,
    "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}  # fmt: skip
EN_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
RU_MONTH = (
    r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|янв|фев|мар|апр|май|июн|июл|авг|сент|сен|окт|нояб|ноя|дек)\.?"
)
MIN_YEAR, MAX_YEAR = 1945, 2100


def month_number(name: str) -> int | None:
    low = name.lower().rstrip(".")
    if low[:1].isascii():
        return _EN_MONTHS.get(low[:3])
    if low.startswith("ма"):
        return 3 if low.startswith("мар") else 5
    return _RU_MONTHS.get(low[:3])


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_NUM_L = r"(?<![\d.,/:-])"  # not the tail of a longer number, range or time
_NUM_R = r"(?![\d])"
_SHAPES = (
    # "June 18,2024", and "July 26. 2023" (a calendar widget's full stop after the day)
    (re.compile(rf"\b({EN_MONTH})\s(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s?|\.\s|\s)(\d{{4}})\b"), "mdy"),
    # "6 September 2019", and "25-Apr-2019" (hyphens throughout)
    (re.compile(rf"(?<![\d-])\b(\d{{1,2}})(?:(?:st|nd|rd|th)?\s({EN_MONTH}),?\s|-({EN_MONTH})-)(\d{{4}})\b"), "dmyh"),
    (re.compile(rf"(?<![\d-])(\d{{1,2}})\s({RU_MONTH})\s(\d{{4}})(?:\s?г(?:ода|\.)?)?", re.I), "dmy"),
    (re.compile(r"(\d{4})년\s?(\d{1,2})월\s?(\d{1,2})일"), "ymd"),
    (re.compile(rf"{_NUM_L}(\d{{4}})\s?([./-])\s?(\d{{1,2}})\s?\2\s?(\d{{1,2}}){_NUM_R}\.?"), "ysmsd"),
    (re.compile(rf"{_NUM_L}(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}}){_NUM_R}"), "dmy"),
    (re.compile(rf"{_NUM_L}(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}){_NUM_R}"), "slash"),
    (re.compile(rf"{_NUM_L}(\d{{1,2}})-(\d{{1,2}})-(\d{{4}}){_NUM_R}"), "dash"),
)

_FOUR_DIGITS = re.compile(r"\d{4}")


def _to_date(order: str, groups: tuple[str, ...], day_first: bool) -> dt.date | None:
    if order == "ysmsd":
        y, _, m, d = groups
        return safe_date(int(y), int(m), int(d))
    if order == "slash":  # US month-first (day-first on Russian pages) unless that cannot be a month
        a, b, y = (int(g) for g in groups)
        if day_first:
            a, b = b, a
        return safe_date(y, a, b) if a <= 12 else safe_date(y, b, a)
    if order == "dash":  # "17-06-2024" is day first; "06-07-2024" could be either: no date
        a, b, y = (int(g) for g in groups)
        return safe_date(y, b, a) if a > 12 or a == b else (safe_date(y, a, b) if b > 12 else None)
    if order == "dmyh":  # the month is in the spaced or the hyphenated group
        d, spaced, hyphened, y = groups
        order, groups = "dmy", (d, spaced or hyphened, y)
    parts = dict(zip(order, groups, strict=True))
    month = int(parts["m"]) if parts["m"].isdigit() else month_number(parts["m"])
    return safe_date(int(parts["y"]), month, int(parts["d"])) if month else None


def full_date_spans(text: str, day_first: bool = False) -> list[tuple[dt.date, int, int]]:
    """Every complete (day, month, year) date in the text: (date, start, end), by position.
    `day_first` reads "05/12/2016" as 5 December (Russian pages), else as May 12."""
    return list(_full_date_spans(text, day_first))


@per_document
def _full_date_spans(text: str, day_first: bool) -> tuple[tuple[dt.date, int, int], ...]:
    found: list[tuple[dt.date, int, int]] = []
    taken: list[tuple[int, int]] = []
    if not _FOUR_DIGITS.search(text):  # every shape has a four-digit year
        return ()
    for rx, order in _SHAPES:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            d = _to_date(order, m.groups(), day_first)
            if d:
                end = m.end() - (1 if m.group(0).endswith(".") and order == "ysmsd" else 0)
                found.append((d, m.start(), end))
                taken.append((m.start(), m.end()))
    return tuple(sorted(found, key=lambda x: x[1]))


def full_dates(text: str) -> list[dt.date]:
    return [d for d, _, _ in full_date_spans(text)]


def is_day_first(text: str) -> bool:
    """Slash dates are day-first where the page is mostly Cyrillic."""
    cyr, lat = cyrillic_latin_counts(text)
    return cyr > lat


def cyrillic_latin_counts(text: str) -> tuple[int, int]:
    """(characters in U+0400-U+04FF, characters whose lower case is in a-z), counted as
    arrays: one character at a time this was 15 % of the clean stage."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    cyr = np.count_nonzero((codes >= 0x0400) & (codes <= 0x04FF))
    lower = codes | 0x20  # A-Z -> a-z; no other code point lands in a-z this way
    lat = np.count_nonzero((lower >= 0x61) & (lower <= 0x7A)) + np.count_nonzero(np.isin(codes, _LOWER_TO_LATIN))
    return int(cyr), int(lat)


# The two characters outside A-Z/a-z whose str.lower() compares within "a".."z":
# U+0130 (İ -> "i̇") and U+212A (Kelvin sign -> "k").
_LOWER_TO_LATIN = np.array([0x0130, 0x212A], dtype="<u4")


_TWO_DIGIT = re.compile(r"^(\d{2})([./-])(\d{2})\2(\d{2})(?![\d./-])")


def _century(yy: int) -> int:
    return 2000 + yy if yy < 70 else 1900 + yy


def two_digit_year_date(text: str, lang: str) -> tuple[dt.date, str] | None:
    """A "YY.MM.DD" (Korean label) / "DD.MM.YY" (Russian) / "MM/DD/YY" (English) date at the start."""
    m = _TWO_DIGIT.match(text)
    if not m:
        return None
    a, b, c = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if lang == "ko":
        d = safe_date(_century(a), b, c)
    elif lang == "ru":
        d = safe_date(_century(c), b, a)
    elif lang == "en" and m.group(2) == "/":
        d = safe_date(_century(c), a, b)
    else:
        d = None
    return (d, m.group(0)) if d else None
