"""Layout recognition on paragraphs: chrome, trailers, title, dateline, block kinds, date.

Works on the paragraph strings produced by `unwrap.split_paragraphs` and decides what each
is. It removes only page chrome, timestamps and trailers; everything else stays in the text
and is classified, so running it again on its own output finds the same structure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pipeline.text.types import RelatedHeadline

# --- page chrome -----------------------------------------------------------------------------
# Curated navigation/share labels seen on news pages (en/ru/ko). Only whole lines that equal one
# of these are dropped; a word inside a sentence is never touched.
CHROME_LINES = frozenset(
    s.casefold()
    for s in (
        "All news",
        "Latest news",
        "More news",
        "Related news",
        "Related articles",
        "Share",
        "Share this article",
        "Print",
        "Print this article",
        "Subscribe",
        "Email",
        "Tweet",
        "Facebook",
        "Twitter",
        "Home",
        "Menu",
        "Back to top",
        "Top",
        "Read more",
        "Comments",
        "Advertisement",
        "Skip to content",
        "Skip to main content",
        "Font size",
        "Все новости",
        "Лента новостей",
        "Поделиться",
        "Печать",
        "Версия для печати",
        "Подписаться",
        "Читать также",
        "Читайте также",
        "Комментарии",
        "Реклама",
        "Наверх",
        "공유하기",
        "인쇄",
        "구독",
        "목록",
        "기사목록",
        "댓글",
        "맨위로",
        "스크랩",
    )
)
_MENU_SPLIT = re.compile(r"\s*[|•·]\s*")
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)\s|copyright\b)|all rights reserved|все права защищены|무단\s?전재", re.I
)
_COOKIE = re.compile(r"\bcookies?\b|\bкуки\b|файлы cookie", re.I)
_TIMESTAMP = re.compile(r"^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?$")
_CRAWL_DATE = re.compile(r"^date\s+(\d{4})-(\d{2})-(\d{2})$", re.I)
_HAS_ALNUM = re.compile(r"\w")


def _is_menu(line: str) -> bool:
    items = [i for i in _MENU_SPLIT.split(line) if i]
    return (
        len(items) >= 3
        and len(line) <= 160
        and len(_MENU_SPLIT.findall(line)) >= 2
        and all(len(i.split()) <= 3 for i in items)
    )


def is_chrome(line: str) -> bool:
    """A whole paragraph that is page furniture rather than document content."""
    if line.casefold() in CHROME_LINES:
        return True
    if not _HAS_ALNUM.search(line) and len(line) <= 5:
        return True  # separators like "-", "***", "|"
    if len(line) <= 300 and (_COPYRIGHT.search(line) or _COOKIE.search(line)):
        return True
    return _is_menu(line)


# --- dates -----------------------------------------------------------------------------------
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


def month_number(name: str) -> int | None:
    low = name.lower().rstrip(".")
    if low[:1].isascii():
        return _EN_MONTHS.get(low[:3])
    if low.startswith("ма"):
        return 3 if low.startswith("мар") else 5
    return _RU_MONTHS.get(low[:3])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_FULL_DATES = (
    # (regex, group order) -- "Sept. 6, 2019", "6 September 2019", "6 сентября 2019", ISO-ish, 한국어
    (re.compile(rf"\b({EN_MONTH})\s(\d{{1,2}}),\s(\d{{4}})\b"), "mdy"),
    (re.compile(rf"\b(\d{{1,2}})\s({EN_MONTH})\s(\d{{4}})\b"), "dmy"),
    (re.compile(rf"(?<![\d-])(\d{{1,2}})\s({RU_MONTH})\s(\d{{4}})\b", re.I), "dmy"),
    (re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b"), "ymd"),
    (re.compile(r"\b(\d{4})년\s?(\d{1,2})월\s?(\d{1,2})일"), "ymd"),
)


def full_dates(text: str) -> list[dt.date]:
    """Every complete (day, month, year) date written in the text."""
    found: list[dt.date] = []
    for rx, order in _FULL_DATES:
        for m in rx.finditer(text):
            parts = dict(zip(order, m.groups(), strict=True))
            month = int(parts["m"]) if parts["m"].isdigit() else month_number(parts["m"])
            if month:
                d = _safe_date(int(parts["y"]), month, int(parts["d"]))
                if d:
                    found.append(d)
    return found


# --- datelines -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Dateline:
    end: int  # the dateline is paragraph[:end]
    place: str
    agency: str | None
    month: int | None = None
    day: int | None = None
    year: int | None = None


_EN_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z'.\-]+(?:\s[A-Z][A-Z'.\-]+)*)"
    rf"(?:,\s[A-Z][A-Za-z.'\-]+(?:\s[A-Z][A-Za-z.'\-]+)*)?"
    rf"(?:,\s(?P<month>{EN_MONTH})\s(?P<day>\d{{1,2}})(?:,\s(?P<year>\d{{4}}))?)?"
    rf"(?:\s\((?P<agency>[^()]{{2,40}})\)\s?(?:--|—|–|-)|\.?\s/(?P<agency2>[^/]{{2,30}})/\.?)"
)
_RU_PLACE = r"(?P<place>[А-ЯЁ][А-ЯЁа-яё\-]+(?:\s[А-ЯЁ][А-ЯЁа-яё\-]+)?)"
_RU_DATE = (
    rf",\s(?P<day>\d{{1,2}})\s(?P<month>{RU_MONTH})(?:\s(?P<year>\d{{4}})(?:\sг(?:ода|\.)?)?)?"
)
_RU_DATELINES = (
    # "ВЛАДИВОСТОК, 5 сентября. /ТАСС/."  /  "ВЛАДИВОСТОК, 11 сен – РИА Новости."
    re.compile(rf"^{_RU_PLACE}{_RU_DATE}\.?\s?/(?P<agency>[^/]{{2,30}})/\.?"),
    re.compile(rf"^{_RU_PLACE}{_RU_DATE}\s?[–—-]\s?(?P<agency>[^.]{{2,40}}?)\."),
    # "Владивосток, ИА Приморье24."
    re.compile(
        rf"^{_RU_PLACE},\s(?P<agency>(?:ИА|РИА|ИТАР-ТАСС|ТАСС|Интерфакс|ПРАЙМ|REGNUM)\b[^.]{{0,30}})\."
    ),
    # "ВЛАДИВОСТОК. ..." (caps only: a capitalised word plus a full stop is just a sentence)
    re.compile(
        r"^(?P<place>[А-ЯЁ]{4,}(?:[\s-][А-ЯЁ]{2,})*)(?:,\s(?P<day>\d{1,2})\s"
        rf"(?P<month>{RU_MONTH}))?\.(?=\s)"
    ),
)
# "[서울=뉴스핌] 홍길동 기자 =" / "(서울=연합뉴스) 홍길동 기자 ="
_KO_DATELINE = re.compile(
    r"^[\[(](?P<place>[가-힣]{1,10})=(?P<agency>[^\])=]{1,20})[\])]"
    r"(?:\s?[가-힣]{2,4}\s?(?:기자|특파원|통신원)(?:\s?=)?)?"
)
# Byline at the end: "포항=하인식 기자 hais@hankyung.com"
_KO_BYLINE = re.compile(r"^(?P<place>[가-힣]{1,10})=[가-힣]{2,4}\s?(?:기자|특파원|통신원)\b")


def find_dateline(paragraph: str) -> Dateline | None:
    m = _EN_DATELINE.match(paragraph)
    if m:
        month = month_number(m["month"]) if m["month"] else None
        return Dateline(
            m.end(), m["place"], (m["agency"] or m["agency2"]).strip(),
            month, int(m["day"]) if m["day"] else None, int(m["year"]) if m["year"] else None,
        )  # fmt: skip
    m = _KO_DATELINE.match(paragraph)
    if m:
        return Dateline(m.end(), m["place"], m["agency"].strip())
    for rx in _RU_DATELINES:
        m = rx.match(paragraph)
        if m:
            groups = m.groupdict()
            agency = groups.get("agency")
            if agency:
                agency = re.sub(r"^ИА\s+", "", agency.strip())
            month = month_number(groups["month"]) if groups.get("month") else None
            return Dateline(
                m.end(), m["place"], agency, month,
                int(groups["day"]) if groups.get("day") else None,
                int(groups["year"]) if groups.get("year") else None,
            )  # fmt: skip
    return None


# --- trailers (related headlines) ------------------------------------------------------------
_END_MARK = re.compile(r"(?:^|\s)\(END\)$")
_GMT_STAMP = re.compile(r"GMT\s\d{1,2}:\d{2}\b.*$")
_LABEL = re.compile(r"^\(([^()]{1,40})\)\s*")


def parse_headline(line: str) -> RelatedHeadline:
    """Split "(LEAD) (News Focus) Text" into the text and its labels."""
    labels: list[str] = []
    while True:
        m = _LABEL.match(line)
        if not m or not m.group(1)[:1].isupper() and not m.group(1)[:1].isdigit():
            break
        labels.append(m.group(1).strip())
        line = line[m.end() :]
    return RelatedHeadline(line.strip(), tuple(labels))


def _is_headline_like(p: str) -> bool:
    return len(p) <= 160 and not p.endswith((".", ",", ";", ":")) and _HAS_ALNUM.search(p)


def split_trailer(paras: list[str]) -> tuple[list[str], list[RelatedHeadline]]:
    """Cut the related-headlines trailer (after "(END)", GMT-stamped lists, labelled runs)."""
    for i, p in enumerate(paras):
        if _END_MARK.search(p):
            head = _END_MARK.sub("", p).strip()
            kept = paras[:i] + ([head] if head else [])
            return kept, [h for h in map(parse_headline, paras[i + 1 :]) if h.text]
    for i, p in enumerate(paras):
        if i > 0 and _GMT_STAMP.search(p):
            texts = [_GMT_STAMP.sub("", q).strip() for q in paras[i:]]
            return paras[:i], [parse_headline(t) for t in texts if t]
    run = 0
    while run < len(paras) - 1 and _is_headline_like(paras[-1 - run]):
        run += 1
    tail = paras[len(paras) - run :]
    if run >= 3 and sum(bool(parse_headline(p).labels) for p in tail) >= 2:
        return paras[: len(paras) - run], [parse_headline(p) for p in tail]
    return paras, []


# --- title, kinds ----------------------------------------------------------------------------
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[•▪●◦*])\s+\S")
_DASH_ITEM = re.compile(r"^[-—–]\s+\S")
_CAPTION_END = re.compile(
    r"\((?:Yonhap|AFP|Reuters|AP|EPA|Xinhua|Kyodo|TASS|Newsis|News1|PHOTO NOT FOR SALE)\)$"
)
_CAPTION_START = re.compile(
    r"^(?:This (?:file |handout )?(?:photo|image|picture)|In this (?:file )?photo|"
    r"Фото(?::|\s[-—–])|사진\s?=)"
)
_NO_FINAL = (".", ",", ";", "!", "?", "…")


def _words(p: str) -> int:
    return len(p.split())


def _is_title_like(p: str) -> bool:
    return (
        len(p) <= 160
        and _words(p) <= 20
        and not p.endswith((".", ",", ";", ":", "…"))
        and _HAS_ALNUM.search(p) is not None
        and not _LIST_ITEM.match(p)
        and not _DASH_ITEM.match(p)
        and find_dateline(p) is None
        and not is_caption(p)
    )


def _is_section_label(p: str) -> bool:
    return len(p) <= 20 and _words(p) <= 2 and all(ch.isalpha() or ch == " " for ch in p)


def _is_body_like(p: str, title: str) -> bool:
    return len(p) >= max(60, 1.3 * len(title)) or find_dateline(p) is not None


def is_caption(p: str) -> bool:
    return bool(_CAPTION_END.search(p) or _CAPTION_START.match(p))


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def find_title(paras: list[str], title_hint: str | None) -> int | None:
    """Index of the paragraph that is the headline, or None."""
    if title_hint:
        hint = _norm(title_hint)
        for i, p in enumerate(paras[:3]):
            if _norm(p) == hint:
                return i
    start = 1 if len(paras) > 1 and _is_section_label(paras[0]) else 0
    for i in range(start, min(start + 1, len(paras))):
        p = paras[i]
        if _is_title_like(p) and any(_is_body_like(q, p) for q in paras[i + 1 : i + 4]):
            return i
    return None


@dataclass
class Layout:
    """Kept paragraphs with their parts: (kind, start, end) offsets relative to the paragraph."""

    paragraphs: list[str]
    parts: list[list[tuple[str, int, int]]]
    title: str | None = None
    dateline_place: str | None = None
    source_name: str | None = None
    published_date: dt.date | None = None
    related_headlines: list[RelatedHeadline] = field(default_factory=list)


def _resolve_date(
    dateline: Dateline | None,
    text: str,
    stamps: list[dt.date],
    crawl: list[dt.date],
    hint: dt.date | None,
) -> dt.date | None:
    """Publication date from the text; never guesses a year that the text does not give."""
    if dateline and dateline.month and dateline.day:
        if dateline.year:
            return _safe_date(dateline.year, dateline.month, dateline.day)
        years = {d.year for d in stamps + crawl}
        if len(years) != 1:
            years = {
                d.year
                for d in full_dates(text)
                if (d.month, d.day) == (dateline.month, dateline.day)
            }
        if len(years) == 1:
            return _safe_date(years.pop(), dateline.month, dateline.day)
        if hint and (hint.month, hint.day) == (dateline.month, dateline.day):
            return hint
        return None
    for candidates in (stamps, crawl):
        if len(set(candidates)) == 1:
            return candidates[0]
    return hint


def analyse_layout(
    paragraphs: list[str],
    *,
    title_hint: str | None = None,
    published_hint: dt.date | None = None,
    source_name_hint: str | None = None,
) -> Layout:
    stamps: list[dt.date] = []
    crawl: list[dt.date] = []
    kept: list[str] = []
    for p in paragraphs:
        m = _TIMESTAMP.match(p) or _CRAWL_DATE.match(p)
        if m:
            d = _safe_date(*(int(g) for g in m.groups()))
            if d:
                (stamps if m.re is _TIMESTAMP else crawl).append(d)
            continue
        if not is_chrome(p):
            kept.append(p)
    kept, headlines = split_trailer(kept)

    title_idx = find_title(kept, title_hint)
    title = " ".join(title_hint.split()) if title_hint and title_hint.strip() else None
    if title is None and title_idx is not None:
        title = kept[title_idx]

    # Dateline: the lead of one of the first body paragraphs, else a Korean byline at the end.
    dateline: Dateline | None = None
    dateline_idx: int | None = None
    first = 0 if title_idx is None else title_idx + 1
    for i in range(first, min(first + 4, len(kept))):
        dateline = find_dateline(kept[i])
        if dateline:
            dateline_idx = i
            break
    if dateline is None:
        for i in range(len(kept) - 1, max(first, len(kept) - 3) - 1, -1):
            m = _KO_BYLINE.match(kept[i])
            if m and len(kept[i]) <= 100:
                dateline, dateline_idx = Dateline(len(kept[i]), m["place"], None), i
                break

    parts: list[list[tuple[str, int, int]]] = []
    for i, p in enumerate(kept):
        if i == dateline_idx and dateline is not None:
            cut = len(p[: dateline.end].rstrip())
            rest = len(p) - len(p[dateline.end :].lstrip())
            parts.append(
                [("dateline", 0, cut)] + ([("body", rest, len(p))] if rest < len(p) else [])
            )
        else:
            parts.append([(_kind(kept, i, title_idx), 0, len(p))])

    return Layout(
        paragraphs=kept,
        parts=parts,
        title=title,
        dateline_place=dateline.place if dateline else None,
        source_name=(dateline.agency if dateline and dateline.agency else None) or source_name_hint,
        published_date=_resolve_date(dateline, "\n".join(kept), stamps, crawl, published_hint),
        related_headlines=headlines,
    )


def _kind(paras: list[str], i: int, title_idx: int | None) -> str:
    p = paras[i]
    if i == title_idx:
        return "title"
    if title_idx is not None and i < title_idx:
        return "other"  # section labels ("Новости") above the headline
    if _LIST_ITEM.match(p):
        return "list_item"
    if _DASH_ITEM.match(p) and any(
        0 <= j < len(paras) and j != title_idx and _DASH_ITEM.match(paras[j])
        for j in (i - 1, i + 1)
    ):
        return "list_item"
    if is_caption(p):
        return "caption"
    between = 0 < i < len(paras) - 1
    if between and not p.endswith(_NO_FINAL) and _HAS_ALNUM.search(p):
        if len(p) <= 80 and _words(p) <= 10:
            return "heading"
        if len(p) <= 200 and "," in p:
            return "caption"  # a photo caption line sitting between paragraphs
    return "body"
