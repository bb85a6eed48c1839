"""Publication date of a crawled article: candidates by kind of line, decoys, conflicts.

Every full date written on a metadata-like line becomes a candidate with the string as written
(`evidence`) and its kind: `label` ("입력 2017-09-06", "Posted November. 29, 2002"), `stamp`
(a line that is only a date and time), `byline` (a short name + date line), `dateline` (a wire
dateline with a year, or whose month/day another full date of the text completes),
`crawl_prefix` (" date 2019-09-05") and `metadata` (a container field). Decoys never compete:
update stamps, related-story stamps glued to their links, print-edition stamps, page clocks and
weather boxes, copyright years and dates inside body sentences. When the article's own
candidates disagree the date is left empty: a wrong date is worse than none.

Own patterns rather than `dateparser.search_dates`: the latter reads "May" or "8.11" in any
sentence as a date and cannot tell a stamp from an event date; the shapes below are tight and
explicit per language. (`htmldate`, used by trafilatura for HTML, only sees markup.)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline.text.boilerplate import is_weather
from pipeline.text.dates_written import full_date_spans, safe_date, two_digit_year_date
from pipeline.text.headline import is_caption
from pipeline.text.page_patterns import (
    CLOCK,
    COPYRIGHT,
    EVENT_LABELS,
    KO_SURNAMES,
    PRINT_EDITION,
    PUBLISHED_LABELS,
    UPDATE_LABELS,
)

# Sources in order of trust; `metadata` and `crawl_prefix` only count when the text is silent.
SOURCES = ("label", "dateline", "stamp", "byline", "crawl_prefix", "metadata")
# Finer kinds of `metadata` a container reports (`Extracted.published_source`).
CONTAINER_SOURCES = ("pdf_info", "pdf_xmp", "docx_core")


@dataclass(frozen=True)
class DateCandidate:
    date: dt.date
    kind: str  # one of SOURCES
    evidence: str  # the date as written
    para: int  # paragraph index (-1 for metadata)


@dataclass(frozen=True)
class PublishedDate:
    date: dt.date
    source: str
    evidence: str


def _label_rx(labels: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(lab) for lab in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=[\s|•·▪:\[(]))(?:{alts})(?![A-Za-zА-Яа-яЁё가-힣])\s*[:：.]?\s*", re.I)


_PUBLISHED = _label_rx(PUBLISHED_LABELS)
_UPDATE_ALTS = "|".join(re.escape(lab) for lab in sorted(UPDATE_LABELS, key=len, reverse=True))
# An update label with its stamp, in brackets or not: "(обновлено: 15:15 29.12.2025)".
_UPDATE_CLAUSE = re.compile(rf"\(?\s*(?:{_UPDATE_ALTS})\s*[:：.]?\s*[^()|]*?\d{{4}}[^()|]*\)?", re.I)
_EVENT = _label_rx(EVENT_LABELS)
# "Posted by Jane Doe on March 4, 2021", "Опубликовал Иван Петров, 4 марта 2021", and Drupal's
# default byline "Submitted by jane on Tue, 03/04/2021 - 12:30"
_POSTED_BY = re.compile(
    r"^(?:(?:posted|published|written|submitted) by|опубликовал[а]?)\s+(?:[^,|\d]{2,40}?|[\w.\-]{2,40})"
    r"(?:\s+(?:on|at)\s+|\s*[,|]\s*)", re.I
)
_UPDATED = _label_rx(UPDATE_LABELS)
CRAWL_PREFIX = re.compile(r"^date\s(\d{4}-\d{2}(?:-\d{2})?)\b", re.I)  # "date 2020-11" has no day
_TIME = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:am|pm|a\.m\.|p\.m\.))?\b|\d{1,2}시(?:\s?\d{1,2}분)?(?:\s?\d{1,2}초)?", re.I
)
_WEEKDAY = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)(?:[a-z]*day|s|n|r|rs)?\b\.?|"
    r"\b(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс)\b|"
    r"[월화수목금토일]요일|\((?:[월화수목금토일])\)",
    re.I,
)
# Time zones written after a stamp's clock ("08.30 BST", "8:30 AM EDT", "08:30 IST") are part of it.
_TIME_ZONES = "gmt|utc|kst|msk|мск|bst|cet|cest|eet|eest|est|edt|cst|cdt|mst|mdt|pst|pdt|ist|jst|hkt|sgt|aest|aedt"
_FILLER = re.compile(
    rf"\[[^\]]{{0,15}}\]|\b(?:{_TIME_ZONES}|г\.|года|год|at|on|в)(?=\s|$|[^\w])|오전|오후|[\W\d_]", re.I
)
# "April 25, 2019 / 8:30 AM / Updated 5 years ago": an update note with no date of its own.
_RELATIVE_UPDATE = re.compile(r"\b(?:updated|обновлено)\s+\d{1,3}\s+[^\W\d_]{3,8}\s+(?:ago|назад)\b", re.I)
_NAMEISH = re.compile(
    r"^(?:(?:[\w.]{2,20}\s)?[가-힣]{2,4}\s?(?:기자|특파원|논설위원|편집위원)|(?:Автор\s)?[A-ZА-ЯЁ][\w.'\-]+(?:\s[A-ZА-ЯЁ][\w.'\-]+){1,2}"
    r"|by\s.+)$"
)
_KO_NAME = re.compile(r"^[가-힣]{2,4}$")
# "By Anna MALPAS (AFP)  Apr 25, 2019 in World" once brackets and the date are gone: "By", one to
# three capitalised names, the wire in capitals, and the section after "in".
_BY_WIRE = re.compile(r"^By(?:\s[A-ZА-ЯЁ][\w.'\-]+){1,3}(?:\s[A-Z]{2,10})?(?:\sin\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?$")
# The issuing body after the stamp on a government page: "2018.11.08 청와대", "2021.07.29 외교부",
# "2023.03.02 통일부", "2019.09.06 울산시" (one word ending like an office, ministry or city).
_KO_ISSUER = re.compile(
    r"^(?=[가-힣]{2})[가-힣]{0,10}(?:청와대|대통령실|부|처|청|위원회|대사관|영사관|시|도|군|구|재단|연구원|공사|공단|협회)$"
)
_OTHER_LABEL = re.compile(r"^\s*[•·▪\-]?\s*([^\d:：|]{1,30}?)\s*[:：]")
_AUTHOR_LABEL = re.compile(r"^(?:author|by|writer|автор|글쓴이|작성자|기자|기자명)$", re.I)
_MAX_META_LINE = 120
RUBRIC_WORD = 12
_COUNTER_WORD = re.compile(r"\b(?:просмотр\w*|комментари\w*|views?|hits?|comments?)\b|조회수?|댓글|추천수?", re.I)
# Korean labels written after the stamp: "2016/06/02 14:55 송고", "2021.03.04 입력".
_POSTFIX_LABEL = re.compile(r"\d(?:\s\d{1,2}:\d{2}(?::\d{2})?)?\s?(?:송고|입력)\s*(?:$|[|)\]>])")
_OTHER_FIELD = re.compile(
    r"^[•·▪]?\s*(?:작성자|글쓴이|등록자|조회수?|첨부파일|분류|내용|번호|출처|담당부서|담당자|연락처|Author|Views|Hits?|Source"
    r"|Автор|Источник"
    r"|Просмотров|Рубрика)\s*[:：]?$",
    re.I,
)
_LEADING_TIME = re.compile(r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*,?\s*)?")
_LEADING_WEEKDAY = re.compile(
    r"(?:(?:(?:mon|tue|wed|thu|fri|sat|sun)(?:[a-z]*day|s|n|r|rs)?|понедельник|вторник|среда|четверг|пятница|суббота"
    r"|воскресенье)(?![^\W\d_])\.?)?\s*,?\s*",
    re.I,
)
_SOURCE_AFTER = re.compile(r"^[\s\d:,|]*(?:Источник|Source|출처|Автор|Author|By)\s?[:：]", re.I)
# A rubric after the stamp: " | Новости политики", " | World news" (a few words, no sentence).
_RUBRIC_AFTER = re.compile(r"^(?:,?\s\d{1,2}:\d{2})?\s*\|\s*[^\W\d_][^|.!?:;\d]{0,50}$")  # the clock may come first
CLOCK_LINE = 50  # "Сегодня 2 мая 2024, четверг" is a clock; a longer line starting "Сегодня" is a sentence


def names_weekday(line: str) -> bool:
    """The line names a day of the week ("Tuesday, March 9, 2021", "2025.06.30 (월)"), as a
    page's clock widget does."""
    return bool(_WEEKDAY.search(line))


def _residual(line: str, start: int, end: int) -> str:
    rest = re.sub(r"^T(?=\d{1,2}:\d{2})", " ", line[end:])  # ISO "2019-09-06T10:21"
    rest = line[:start] + " " + rest
    rest = _RELATIVE_UPDATE.sub(" ", rest)
    rest = _TIME.sub(" ", rest)
    rest = _WEEKDAY.sub(" ", rest)
    return " ".join(_FILLER.sub(" ", rest).split())


def _script(label: str) -> str:
    if re.search(r"[가-힣]", label):
        return "ko"
    return "ru" if re.search(r"[А-Яа-яЁё]", label) else "en"


def _dates_after(rx: re.Pattern[str], line: str, day_first: bool = False) -> list[tuple[dt.date, str, int]]:
    """(date, as written, label start) for each label of `rx` followed directly by a date."""
    out = []
    for m in rx.finditer(line):
        lang = _script(m.group(0))
        tail = line[m.end() :]
        tail = tail[len(_LEADING_TIME.match(tail).group(0)) :]  # "обновлено: 15:15 29.12.2025"
        tail = tail[len(_LEADING_WEEKDAY.match(tail).group(0)) :]  # "on Thu, 03/04/2021", "Published: Tuesday, …"
        spans = full_date_spans(tail, day_first)
        if spans and spans[0][1] == 0:
            d, s, e = spans[0]
            out.append((d, tail[s:e], m.start()))
            continue
        two = two_digit_year_date(tail, lang)
        if two:
            out.append((two[0], two[1], m.start()))
    return out


_FIELD_ONLY = re.compile(r"^\s*[:：]?\s*$")


def field_label(line: str) -> str | None:
    """The kind of a line that is only a field label: published, updated, event or other
    (author, views, attachments ...); None for any other line."""
    for kind, rx in (("updated", _UPDATED), ("published", _PUBLISHED), ("event", _EVENT)):
        m = rx.match(line.lstrip("•·▪ "))
        if m and _FIELD_ONLY.match(line.lstrip("•·▪ ")[m.end() :]):
            return kind
    if _OTHER_FIELD.match(line.strip()):
        return "other"
    return None


_LABEL_WORDS = frozenset(
    w.casefold() for w in (*PUBLISHED_LABELS, *UPDATE_LABELS, "기자정보", "기자", "작성자", "글쓴이", "Author", "By", "Автор")
)
_LABEL_SEP = re.compile(r"\s*[,|/·•]\s*")


def is_label_list(line: str) -> bool:
    """A line that only names the fields of the metadata block below it ("기자정보, 기사등록일",
    "Author | Published")."""
    words = [w for w in _LABEL_SEP.split(line.strip().rstrip(":：")) if w]
    return len(words) >= 2 and all(
        w.casefold() in _LABEL_WORDS or (w.startswith("기사") and w[2:].casefold() in _LABEL_WORDS) for w in words
    )


# A stamp line of a two-digit-year date and its clock time, nothing else: "10.09.10 09:22". Read
# only on a Cyrillic page, where dotted dates run day first (a Korean page writes "10.09.10" year
# first); the clock tells a stamp from a version or a score.
_SHORT_YEAR_STAMP = re.compile(r"^\d{2}\.\d{2}\.\d{2}\s\d{1,2}:\d{2}(?::\d{2})?$")
# A board's metadata row with a field printed blank before the date: "러시아 EMERICs - - 2023/12/22",
# "Новости | | 12.03.2021" (a few words, then two or more separators with nothing between them).
_BLANK_FIELD_ROW = re.compile(r"^[^\d.!?|:]{2,40}?(?:\s[-|·]){2,}\s")


# A field of a site's metadata row: a short label, a colon and a short value ("Source: Xinhua",
# "Editor: yan", "Автор: Иван Петров").
_ROW_FIELD = re.compile(r"^[^\W\d_][^\W\d_ .\-]{0,14}(?:\s[^\W\d_]{1,14})?\s?[:：]\s?[^\s|:：][^|:：]{0,40}$")


def _meta_row_stamp(line: str, s: int, e: int) -> bool:
    """The date at line[s:e] stands alone (with its clock time) in a row of "Label: value" fields
    split by "|": the page's own stamp between its source and editor fields."""
    start = line.rfind("|", 0, s) + 1
    stop = line.find("|", e)
    stop = len(line) if stop < 0 else stop
    if start == 0 and stop == len(line):
        return False  # no row
    if _residual(line[start:stop], s - start, e - start):
        return False  # the date field holds more than the date and its time
    others = [f.strip() for f in (*line[: max(start - 1, 0)].split("|"), *line[stop + 1 :].split("|")) if f.strip()]
    return bool(others) and all(_ROW_FIELD.match(f) for f in others)


def line_candidates(i: int, line: str, day_first: bool = False) -> tuple[list[DateCandidate], bool]:
    """Candidates on one paragraph, and whether the paragraph is a date/metadata line."""
    if len(line) > _MAX_META_LINE:
        return [], False
    if is_label_list(line):
        return [], True
    post = _POSTFIX_LABEL.search(line)
    if post:  # "… 2016/06/02 14:55 송고": the label after the stamp, even on a copyright line
        spans = full_date_spans(line[: post.start() + 1], day_first)
        if spans:
            d, s, e = spans[-1]
            return [DateCandidate(d, "label", line[s:e], i)], True
    m = CRAWL_PREFIX.match(line)
    if m:
        parts = [int(x) for x in m.group(1).split("-")]
        d = safe_date(*parts) if len(parts) == 3 else None
        return ([DateCandidate(d, "crawl_prefix", m.group(0), i)] if d else []), True
    clock = len(line) <= CLOCK_LINE and CLOCK.match(line)
    if COPYRIGHT.search(line) or is_weather(line) or clock or _EVENT.search(line):
        return [], bool(full_date_spans(line, day_first))  # copyright years, page clocks with weather
    if is_caption(line):
        return [], False  # a photo's date (it may complete a dateline's year, see `resolve`)
    updated = _dates_after(_UPDATED, line, day_first)
    published = _dates_after(_PUBLISHED, line, day_first) + _dates_after(_POSTED_BY, line, day_first)
    if published:  # a labelled publication stamp wins on its line; update stamps are dropped
        return [DateCandidate(d, "label", ev, i) for d, ev, _ in published], True
    if updated:  # "15:10 29.12.2025 (обновлено: 15:15 29.12.2025)": the unlabelled stamp is the article's
        rest = _UPDATE_CLAUSE.sub(" ", line)
        found, _ = line_candidates(i, rest, day_first) if rest != line else ([], False)
        return [c for c in found if c.kind == "stamp"], True
    spans = full_date_spans(line, day_first)
    if not spans and day_first and _SHORT_YEAR_STAMP.match(line.strip()):
        two = two_digit_year_date(line.strip(), "ru")  # "10.09.10 09:22" on a Russian page
        return ([DateCandidate(two[0], "stamp", two[1], i)] if two else []), True
    if len(spans) != 1:
        return [], False
    d, s, e = spans[0]
    if PRINT_EDITION.search(line):
        return [], True
    blank = _BLANK_FIELD_ROW.match(line)
    if blank and s == blank.end() and not line[e:].strip():
        return [DateCandidate(d, "stamp", line[s:e], i)], True
    if e < len(line) and line[e].isalpha() and not re.match(r"T\d", line[e : e + 2]):
        return [], False  # "17.04.2024Спасателям ...": a related-story link glued to its stamp
    if _meta_row_stamp(line, s, e):  # "Source: Xinhua| 2019-06-17 22:55:11|Editor: yan"
        return [DateCandidate(d, "stamp", line[s:e], i)], True
    label = _OTHER_LABEL.match(line)
    if label and not _AUTHOR_LABEL.match(label.group(1)):
        return [], False  # "Deadline: …", "Срок подачи: …": a date of something else
    if _RUBRIC_AFTER.match(line[e:]) and not _residual(line[:s], 0, 0):
        # "12:56, 17 Февраля 2012 | Новости региона", "25 апреля 2019 08:30 | Политика": the stamp,
        # then the story's rubric
        return [DateCandidate(d, "stamp", line[s:e], i)], True
    rest = _COUNTER_WORD.sub(" ", _residual(line, s, e)).strip()  # "15.12.2016 | 12:30 | Просмотров: 120"
    if _SOURCE_AFTER.match(line[e:]):  # "09:05 03.12.2025 Источник: ТАСС"
        return [DateCandidate(d, "stamp", line[s:e], i)], True
    if not rest:
        return [DateCandidate(d, "stamp", line[s:e], i)], True
    if _BY_WIRE.match(rest) or len(rest) <= 30 and (
        _NAMEISH.match(rest) or (_KO_NAME.match(rest) and rest[0] in KO_SURNAMES) or _KO_ISSUER.match(rest)
    ):
        return [DateCandidate(d, "byline", line[s:e], i)], True
    if len(rest) <= RUBRIC_WORD and " " not in rest and rest == _residual(line[:s], 0, 0) and _TIME.match(line[e:].lstrip()):
        # a board's post row: rubric, stamp with its time, views ("패션 2023-12-06 19:26:09 863")
        return [DateCandidate(d, "stamp", line[s:e], i)], True
    return [], False


# A month named with its year in running text: "in January 2026", "в январе 2026 года",
# "2026년 1월". (Year-only mentions are left out: "к 2030 году" is a plan, not a report.)
_EN_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december")
_RU_MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
                   "ноябр", "декабр")
_STATED_MONTH = re.compile(
    r"\b(?P<en>" + "|".join(_EN_MONTH_NAMES) + r")(?:\sof)?\s(?P<en_y>\d{4})\b"
    r"|(?<![^\W\d_])(?P<ru>январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])\s(?P<ru_y>\d{4})(?!\d)"
    r"|(?<!\d)(?P<ko_y>\d{4})년\s?(?P<ko>\d{1,2})월",
    re.I,
)
STATED_LATER_DAYS = 365  # a page date this far before a month the story reports is not the story's


def stated_months(text: str) -> list[dt.date]:
    """The first day of each month the text names with its year, and each full date it writes."""
    out = [d for d, _, _ in full_date_spans(text)]
    for m in _STATED_MONTH.finditer(text):
        if m["en"]:
            month, year = _EN_MONTH_NAMES.index(m["en"].lower()) + 1, int(m["en_y"])
        elif m["ru"]:
            low = m["ru"].lower()
            month = next(n for n, stem in enumerate(_RU_MONTH_STEMS, 1) if low.startswith(stem)
                         and (stem != "ма" or not low.startswith("март")))
            year = int(m["ru_y"])
        else:
            month, year = int(m["ko"]), int(m["ko_y"])
        d = safe_date(year, month, 1)
        if d is not None:
            out.append(d)
    return out


def contradicted(date: dt.date, stated: list[dt.date]) -> bool:
    """The text reports a month well after `date` ("в январе 2026 года … сократила" under a
    crawl's " date 2023-03-02"): `date` cannot be when the story was written."""
    return any((d - date).days > STATED_LATER_DAYS for d in stated)


def resolve(
    cands: list[DateCandidate],
    dateline_date: tuple[int, int, str] | None,
    year_sources: list[tuple[dt.date, str]],
    hint: dt.date | None,
) -> PublishedDate | None:
    """The article's own date, or None when there is none or its candidates conflict.

    `dateline_date` is (month, day, as written) of a year-less wire dateline; `year_sources`
    are other full dates of the text (captions, body) that may complete it on the same day.
    """
    own = [c for c in cands if c.kind in ("label", "dateline", "stamp", "byline")]
    fallback = [c for c in cands if c.kind == "crawl_prefix"]
    if dateline_date is not None and not any(c.kind == "dateline" for c in own):
        month, day, written = dateline_date
        same_day = [c for c in own if (c.date.month, c.date.day) == (month, day)]
        if not same_day:
            years = {d.year for d, _ in year_sources if (d.month, d.day) == (month, day)}
            if len(years) == 1:
                ev = next(w for d, w in year_sources if (d.month, d.day) == (month, day))
                own.append(DateCandidate(dt.date(years.pop(), month, day), "dateline", f"{written} / {ev}", -1))
            elif not own and hint and (hint.month, hint.day) == (month, day):
                return PublishedDate(hint, "metadata", hint.isoformat())
    if own and dateline_date is not None and not any((c.date.month, c.date.day) == dateline_date[:2] for c in own):
        return None  # the wire dateline names another day than every stamp of the page
    if own:
        labelled = [c for c in own if c.kind in ("label", "dateline")]
        pool = labelled if labelled else own
        dates = {c.date for c in pool}
        if len(dates) != 1:
            return None
        best = pool[0]
        # Unlabelled stamps that disagree with the label: a later one is a page clock or an
        # update; an earlier one is a second claim to the article's date.
        for c in own:
            if c.kind in ("stamp", "byline") and c.date < best.date:
                return None
        return PublishedDate(best.date, best.kind, best.evidence)
    if fallback and dateline_date is not None and any((c.date.month, c.date.day) != dateline_date[:2] for c in fallback):
        return None  # " date 2019-08-16" above "Moscow, Aug 22 (IANS)": the dateline contradicts the crawl's date
    if fallback:
        return PublishedDate(fallback[0].date, "crawl_prefix", fallback[0].evidence) if len(
            {c.date for c in fallback}
        ) == 1 else None
    if hint is not None and dateline_date is not None and (hint.month, hint.day) != dateline_date[:2]:
        return None  # the container's date contradicts the dateline
    return PublishedDate(hint, "metadata", hint.isoformat()) if hint else None
