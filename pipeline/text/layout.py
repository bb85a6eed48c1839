"""Layout recognition on paragraphs: boilerplate, trailers, headline, dateline, kinds, date.

Works on the paragraph strings produced by `unwrap.split_paragraphs` and decides what each
is. Only the related-headlines trailer is cut out of the text (it becomes its own dataset);
page furniture stays in the text as `boilerplate` blocks with exact offsets, so an analyst can
see what was set aside and running the layout again on its own output finds the same structure.
The rules live in small modules: `boilerplate` (kinds of furniture lines), `headline`,
`dateline`, `published_date`; their vocabularies in `page_patterns`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from pipeline.text.boilerplate import (
    MD_IMAGE,
    MD_IMAGE_TAIL,
    boilerplate_reason,
    is_chrome,
    is_weather,
)
from pipeline.text.dateline import Dateline, find_dateline, is_city
from pipeline.text.dates_written import (
    EN_MONTH,
    RU_MONTH,
    full_date_spans,
    full_dates,
    is_day_first,
    month_number,
    safe_date,
)
from pipeline.text.headline import (
    Headline,
    find_headline,
    is_body_like,
    is_caption,
    is_headline_shaped,
    quote_run,
    with_suffix,
)
from pipeline.text.page_patterns import (
    ACCOUNT_MENU,
    ATTRIBUTED_HEADLINE,
    KO_OUTLET,
    KO_OUTLET_ENDINGS,
    KO_SURNAMES,
    RELATED_HEADER,
)
from pipeline.text.published_date import (
    CRAWL_PREFIX,
    DateCandidate,
    contradicted,
    field_label,
    line_candidates,
    names_weekday,
    resolve,
    stated_months,
)
from pipeline.text.scripts import dominant_script
from pipeline.text.types import RelatedHeadline

__all__ = [
    "EN_MONTH", "RU_MONTH", "Dateline", "Layout", "analyse_layout", "find_dateline", "full_dates",
    "is_caption", "is_chrome", "month_number", "parse_headline", "split_trailer",
]  # fmt: skip

_HAS_ALNUM = re.compile(r"\w")


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


def _headlines(lines: list[str]) -> list[RelatedHeadline]:
    """Trailer lines that are headlines (separators and widget labels between them are not)."""
    return [h for h in map(parse_headline, lines) if h.text and boilerplate_reason(h.text) is None]


# An unlabelled trailer: at least this many lines, each (but perhaps the cut last one) at least
# this many words long.
UNLABELLED_RUN, HEADLINE_MIN_WORDS = 4, 4


def split_trailer(paras: list[str]) -> tuple[list[str], list[RelatedHeadline]]:
    """Cut the related-headlines trailer (after "(END)", GMT-stamped lists, labelled runs)."""
    for i, p in enumerate(paras):
        if _END_MARK.search(p):
            head = _END_MARK.sub("", p).strip()
            kept = paras[:i] + ([head] if head else [])
            return kept, _headlines(paras[i + 1 :])
    for i, p in enumerate(paras):
        if i > 0 and _GMT_STAMP.search(p):
            return paras[:i], _headlines([_GMT_STAMP.sub("", q).strip() for q in paras[i:]])
    run = 0
    while run < len(paras) - 1 and _is_headline_like(paras[-1 - run]):
        run += 1
    tail = paras[len(paras) - run :]
    if run >= 3 and sum(bool(parse_headline(p).labels) for p in tail) >= 2:
        return paras[: len(paras) - run], [parse_headline(p) for p in tail]
    if run >= UNLABELLED_RUN and paras[-1 - run].rstrip("»\"”’)").endswith((".", "!", "?")) \
            and sum(len(p.split()) >= HEADLINE_MIN_WORDS for p in tail) >= run - 1 \
            and not any(p.lstrip(" «\"“'(")[:1].islower() for p in tail):
        # the story's last sentence, then four or more headline-long lines without a full stop
        # (the crawl may cut the last one short): other stories' headlines. A line starting in
        # lower case continues the one before: hard-wrapped prose (PDF text), not headlines.
        return paras[: len(paras) - run], [parse_headline(p) for p in tail]
    return paras, []


# --- kinds -----------------------------------------------------------------------------------
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[•▪●◦*])\s+\S")
_DASH_ITEM = re.compile(r"^[-—–]\s+\S")
_NO_FINAL = (".", ",", ";", "!", "?", "…")
# Closing bylines: "포항=하인식 기자 …", "/모스크바", "/모스크바=홍길동 특파원"
_KO_BYLINE = re.compile(
    r"^(?P<place>[가-힣]{1,10})=[가-힣]{2,4}\s?(?:기자|특파원|통신원)\b"
    # "/부산" or "/부산=김하늘 특파원"; "/김하늘기자" is the reporter's signature, not a place
    r"|^/(?P<place2>(?![가-힣]{2,4}\s?(?:기자|특파원|통신원)$)[가-힣]{2,10})(?:=[가-힣 ]{2,12})?$"
)
# "우수리스크/김종화기자 jhkim@…": place, slash, reporter (and e-mail) closing a regional paper's
# story; the part before the slash may be the outlet ("[부산경제신문/윤소희기자]"), so the place
# must be a known city.
_KO_SLASH_BYLINE = re.compile(
    r"^(?P<place>[가-힣]{2,10})/[가-힣]{2,4}\s?(?:기자|특파원|통신원)(?:\s+[\w.+-]+@[\w.-]+)?$"
)


KO_DATELINE_REACH = 8
# A story's paragraph: a long run of text ending as a sentence does (a caption ends on its credit).
_PROSE = re.compile(r"(?s).{100,}[.!?…][\"”’»)]?")
HEADER_DATE_LINE = 60  # a header's date widget, not a list of related stories
# A Korean agency's dateline, with its reporter ("(서울=연합뉴스) 홍길동 기자 =") or with an outlet's
# name in the bracket ("(블라디보스토크=연합뉴스) 러시아를 …"): no line of chrome reads so.
_KO_AGENCY_DATELINE = re.compile(
    r"^[\[(【][가-힣]{1,10}=(?:[^\])】=]{1,20}[\])】]\s?[가-힣]{2,4}\s?(?:기자|특파원)\s?="
    rf"|[가-힣\w]{{0,10}}(?:{KO_OUTLET_ENDINGS})[\])】])"
)
# The closing byline glued to the story's last sentence: "… 논의할 예정이다./블라디보스토크=연합",
# "… 밝혔다./모스크바=김하늘 특파원" (place, then the agency or the reporter).
_KO_GLUED_BYLINE = re.compile(
    r"[.다]\s?/(?P<place>[가-힣]{2,10})=(?:[가-힣]{2,4}\s?(?:기자|특파원|통신원)|연합|연합뉴스|뉴시스|뉴스1)$"
)


# A clock line with only the time: "Сейчас 13:36", "Now 09:15", "현재 13:36".
_CLOCK_TIME = re.compile(r"^(?:сейчас|now|현재)\s*[:：]?\s*\d{1,2}:\d{2}(?::\d{2})?$", re.I)


def _words(p: str) -> int:
    return len(p.split())


SHORT_BLOCK = 30


def _smooth(paras: list[str], boiler: list[bool], keep: int | None) -> None:
    """jusText's context rule for plain text: a short line between two furniture lines is furniture."""
    for i in range(1, len(paras) - 1):
        if i != keep and not boiler[i] and len(paras[i]) <= SHORT_BLOCK and boiler[i - 1] and boiler[i + 1]:
            boiler[i] = True


@dataclass
class Layout:
    """Kept paragraphs with their parts: (kind, start, end) offsets relative to the paragraph."""

    paragraphs: list[str]
    parts: list[list[tuple[str, int, int]]]
    title: str | None = None
    dateline_place: str | None = None
    source_name: str | None = None
    published_date: dt.date | None = None
    published_date_evidence: str | None = None
    published_date_source: str | None = None
    related_headlines: list[RelatedHeadline] = field(default_factory=list)


def _related_zone(paras: list[str], boiler: list[bool]) -> int | None:
    """Start of a "related news / read more" box that runs to the end of the page, if any."""
    total = sum(len(p) for p in paras) or 1
    seen = 0
    for i, p in enumerate(paras):
        if RELATED_HEADER.match(p) and seen > total / 2 and any(
            not boiler[j] and is_body_like(paras[j]) for j in range(i)
        ):
            return i
        seen += len(p)
    return None


def _label_lines(paras: list[str], boiler: list[bool], cands: list[DateCandidate]) -> list[DateCandidate]:
    """Board fields printed as a label line and a value line ("작성일" / "2023.06.02"): both are
    furniture, and a date value takes the label's kind (a publication or an update stamp)."""
    out = list(cands)
    for i in range(len(paras) - 1):
        kind = field_label(paras[i])
        if kind is None:
            continue
        boiler[i] = True
        if len(paras[i + 1]) <= SHORT_VALUE:
            boiler[i + 1] = True
        value = [c for c in out if c.para == i + 1]
        out = [c for c in out if c.para != i + 1]
        if kind == "published":
            out += [DateCandidate(c.date, "label", c.evidence, c.para) for c in value]
        elif kind not in ("updated", "event"):
            out += value
    return out


SHORT_VALUE = 40


def _mark_related_lists(paras: list[str], boiler: list[bool]) -> set[int]:
    """Headline-shaped lines (and their stamps) right after a related-news header are links
    to other stories; returns the indices of the box."""
    box: set[int] = set()
    for i, p in enumerate(paras):
        if RELATED_HEADER.match(p):
            j = i + 1
            while j < len(paras) and (boiler[j] or is_headline_shaped(paras[j])):
                boiler[j] = True
                box.add(j)
                j += 1
    return box


def _mark_inline_links(paras: list[str], boiler: list[bool], keep: int | None) -> None:
    """An attributed headline between two body paragraphs links to another story."""
    for i in range(1, len(paras) - 1):
        p = paras[i]
        if (
            i != keep and not boiler[i] and is_headline_shaped(p) and ATTRIBUTED_HEADLINE.search(p)
            and is_body_like(paras[i - 1]) and is_body_like(paras[i + 1])
        ):  # fmt: skip
            boiler[i] = True


# A related story's box inside the article: its headline above a bare date-and-time stamp
# ("17 January, 09:48 GMT", "March 3, 2024, 10:15"), and its picture's caption above the headline
# when the caption ends in a date ("… – Sputnik International, 1920, 17.01.2024").
_BOX_STAMP = re.compile(
    rf"^(?:\d{{1,2}}\s(?:{EN_MONTH}|{RU_MONTH})|{EN_MONTH}\s\d{{1,2}})(?:,?\s\d{{4}})?,?\s\d{{1,2}}:\d{{2}}"
    r"(?:\s?(?:GMT|UTC|MSK|KST|МСК))?$",
    re.I,
)
_DATED_CAPTION_END = re.compile(r",\s\d{1,2}\.\d{1,2}\.\d{4}$")


def _mark_related_boxes(paras: list[str], boiler: list[bool], head: int | None) -> None:
    """A headline-shaped line over a bare stamp, below a body paragraph of the article (so never
    the article's own deck and date line), is a box linking to another story."""
    top = -1 if head is None else head
    for i in range(top + 2, len(paras)):
        h = i - 1
        if not _BOX_STAMP.match(paras[i]) or h == head or not is_headline_shaped(paras[h]):
            continue
        if not any(not boiler[j] and is_body_like(paras[j]) for j in range(top + 1, h)):
            continue
        boiler[i] = boiler[h] = True
        if h - 1 > top and _DATED_CAPTION_END.search(paras[h - 1]):
            boiler[h - 1] = True


# The follow box closing a page: "Vestnik Kavkaza" / "in Instagram", "Подписывайтесь на нас" / "в Telegram".
_FOLLOW = re.compile(
    r"^(?:(?:follow|join|подписывайтесь на)\s(?:us\s|нас\s)?)?(?:in|on|at|в|на)\s(?:Instagram|Telegram|Facebook"
    r"|Twitter|X|VK|VKontakte|YouTube|Dzen|Дзен|Дзене|Телеграме?|ВКонтакте|Одноклассниках)$",
    re.I,
)
FOLLOW_NAME_WORDS = 4


def _mark_follow_boxes(paras: list[str], boiler: list[bool]) -> None:
    for i, p in enumerate(paras):
        if len(p) <= 40 and _FOLLOW.match(p):
            boiler[i] = True
            j = i - 1  # the site's name printed above it
            if j >= 0 and len(paras[j].split()) <= FOLLOW_NAME_WORDS and not paras[j].endswith(_NO_FINAL):
                boiler[j] = True


_NAME_LINE = re.compile(r"^(?:[•·▪]\s*)?[A-ZА-ЯЁ][a-zа-яё'’\-]+(?:\s[A-ZА-ЯЁ][a-zа-яё'’\-]+){1,3}$")


def _is_name_line(p: str) -> bool:
    bare = p.lstrip("•·▪ ")
    return bool(_NAME_LINE.match(p)) or (2 <= len(bare) <= 4 and bare[0] in KO_SURNAMES and bare.isalpha())


def _mark_name_bylines(paras: list[str], boiler: list[bool], meta: list[bool], head: int | None) -> None:
    """A bare name next to the date line under the headline is the author's byline."""
    if head is None:
        return
    for i in range(head + 1, min(len(paras), head + 5)):
        near_meta = any(0 <= j < len(paras) and meta[j] for j in (i - 1, i + 1))
        if not boiler[i] and near_meta and _is_name_line(paras[i]):
            boiler[i] = True


_NAME_WORD = r"[A-ZА-ЯЁ][a-zа-яё]+(?:['’\-]?[A-ZА-ЯЁa-zа-яё][a-zа-яё]+)*|[A-Z]['’][A-Z][a-z]+"  # O'Neil, McKay
_PERSON_NAME = rf"(?:{_NAME_WORD})(?:\s[A-ZА-ЯЁ]\.)?(?:\s(?:{_NAME_WORD})){{1,2}}"
_AUTHOR_LIST = re.compile(rf"^{_PERSON_NAME}(?:(?:,\s|,?\s(?:and|и|&)\s){_PERSON_NAME}){{1,5}}$")
_AUTHOR_SPLIT = re.compile(r",\s|,?\s(?:and|и|&)\s")
AUTHOR_LIST_REACH, AUTHOR_LIST_MAX = 3, 150


@functools.lru_cache(maxsize=1)
def _catalog_non_persons() -> frozenset[str]:
    from pipeline.text.tagging.catalog import load_catalog  # lazy: the tagger imports the layout

    return frozenset(n.casefold() for e in load_catalog().entries if e.entity_type != "PERSON" for n in e.all_names())


def _mark_author_lists(paras: list[str], boiler: list[bool], head: int | None) -> None:
    """"Karolina Hird, Daniel Shats, and Alison O'Neil" under a report's headline: its authors'
    byline, not names the text speaks of. (Countries listed the same way are not authors.)"""
    if head is None:
        return
    for i in range(head + 1, min(len(paras), head + 1 + AUTHOR_LIST_REACH)):
        p = paras[i]
        if boiler[i] or len(p) > AUTHOR_LIST_MAX or not _AUTHOR_LIST.match(p):
            continue
        if not any(n.casefold() in _catalog_non_persons() for n in _AUTHOR_SPLIT.split(p)):
            boiler[i] = True


SIGNATURE_REACH, SIGNATURE_MAX = 6, 48
_SIGNATURE_SEP = re.compile(r"^\s*,\s*|\s*,\s*$")


def _end_signature(paras: list[str], content: list[int]) -> tuple[Dateline, int] | None:
    """A story signed at its end with its date and place, as Belarusian and Russian agencies print
    it ("5 апреля 2013, Минск" / "БЕЛТА", "Минск, 5 апреля 2013"): a short line of a full date and a
    known city only, among the last paragraphs of the text, gives the dateline and its date."""
    for i in reversed(content[-SIGNATURE_REACH:]):
        p = paras[i].strip()
        if len(p) > SIGNATURE_MAX:
            continue
        spans = full_date_spans(p, True)  # (a signature writes its month in words or day first)
        if len(spans) != 1:
            continue
        d, s, e = spans[0]
        place = (p[:s] + p[e:]).strip()
        if not place or not (p[:s].rstrip().endswith(",") or p[e:].lstrip().startswith(",")):
            continue
        place = _SIGNATURE_SEP.sub("", place.strip(", "))
        if re.fullmatch(r"[^\W\d_][\w.-]*(?: [^\W\d_][\w.-]*)?", place) and place[:1].isupper() and is_city(place):
            return Dateline(len(p), place, None, d.month, d.day, d.year, p[s:e]), i
    return None


def _find_dateline(
    paras: list[str], boiler: list[bool], first: int
) -> tuple[Dateline | None, int | None]:
    """The lead of one of the first article paragraphs, else a Korean byline at the end."""
    content = [i for i in range(first, len(paras)) if not boiler[i]]
    prose = 0  # story paragraphs above (a standfirst); author lines, captions and stamps are none
    for n, i in enumerate(content[:KO_DATELINE_REACH]):
        dateline = find_dateline(paras[i])
        # A Korean agency dateline "(서울=연합뉴스) 홍길동 기자 =" is unmistakable: a portal may print
        # a summary box and notices above it; other forms must open the story, which a standfirst,
        # the author's name, a caption and a date may precede.
        if dateline and (n < 4 or prose <= 1 or _KO_AGENCY_DATELINE.match(paras[i])):
            return dateline, i
        prose += bool(_PROSE.fullmatch(paras[i]))
    signed = _end_signature(paras, content)
    if signed is not None:
        return signed
    for i in reversed(content[-3:]):
        m = _KO_BYLINE.match(paras[i])
        if m and len(paras[i]) <= 100 and not KO_OUTLET.search(m["place"] or m["place2"]):
            return Dateline(len(paras[i]), m["place"] or m["place2"], None), i  # "/연합뉴스" is a credit
        m = _KO_SLASH_BYLINE.match(paras[i].strip())
        if m and is_city(m["place"]):
            return Dateline(len(paras[i]), m["place"], None), i
        m = _KO_GLUED_BYLINE.search(paras[i])
        if m and not KO_OUTLET.search(m["place"]):
            return Dateline(len(paras[i]), m["place"], None), None  # the paragraph stays body text
    return None, None


def _drop_page_clocks(cands: list[DateCandidate], headline_para: int | None) -> list[DateCandidate]:
    """A stamp above the headline later than every stamp below it is the page's clock."""
    if headline_para is None:
        return cands
    above = [c for c in cands if c.kind == "stamp" and c.para < headline_para]
    below = [c for c in cands if c.kind in ("stamp", "byline", "label") and c.para > headline_para]
    if above and below:
        latest_below = max(c.date for c in below)
        return [c for c in cands if not (c in above and c.date > latest_below)]
    return cands


def _drop_contradicted(
    cands: list[DateCandidate], stated: list[dt.date], headline_para: int | None
) -> list[DateCandidate]:
    """A page date the story itself belies: a crawl prefix or a stamp above the headline a year or
    more before a month the story's own paragraphs report (`stated`)."""
    weak = [c for c in cands if c.kind == "crawl_prefix" or (
        c.kind == "stamp" and headline_para is not None and c.para < headline_para)]
    return [c for c in cands if c not in weak or not contradicted(c.date, stated)]


def _drop_page_top_dates(
    cands: list[DateCandidate], paras: list[str], meta: list[bool], headline_para: int | None, script: str | None
) -> list[DateCandidate]:
    """A bare date opening the page text (its first line, above the headline, no byline next to
    it, no clock time, no label) whose month is written in another script than the page's
    ("17 Jan 2026" over a Korean story) is the site template's "today" widget, like other chrome
    in another script: when the page states no other date of the article it gives none. A bare
    date above the headline in the page's own script is how some sites print the article's date
    ("September 30, 2023" over an English headline): kept. (A later stamp above the headline
    beside the article's own stamps is dropped as the page's clock by `_drop_page_clocks`.)"""
    if headline_para is None or script is None:
        return cands

    def widget(c: DateCandidate) -> bool:
        return (c.kind == "stamp" and c.para == 0 < headline_para and _bare_date_line(paras[0], c.evidence)
                and not (len(paras) > 1 and meta[1]) and dominant_script(c.evidence) not in (script, None))

    own = [c for c in cands if c.kind in ("label", "dateline", "stamp", "byline")]
    if own and all(widget(c) for c in own):
        return [c for c in cands if c not in own]
    return cands


def _bare_date_line(line: str, evidence: str) -> bool:
    """The line is the date and nothing else ("17 Jan 2026", "2026.01.17", maybe its weekday)."""
    rest = line.replace(evidence, " ", 1)
    return not re.search(r"\d", rest) and not re.sub(r"[\W_]", "", _WEEKDAY_WORD.sub("", rest))


_WEEKDAY_WORD = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
    r"|[월화수목금토일](?:요일)?",
    re.I,
)


def _drop_header_clocks(cands: list[DateCandidate], paras: list[str]) -> list[DateCandidate]:
    """A stamp printed next to the site's account box ("Приветствую Вас Гость | Вход") or its
    weather box ("2025.06.30 (월)" / "• 맑음서울 29.1℃"), or above the page's clock line
    ("20 Сентября 2024" / "Сейчас 13:36") is the header's clock."""
    def beside_account(i: int) -> bool:
        return any(0 <= j < len(paras) and len(paras[j]) <= 200 and (ACCOUNT_MENU.search(paras[j]) or is_weather(paras[j]))
                   for j in (i - 1, i + 1)) or (i + 1 < len(paras) and bool(_CLOCK_TIME.match(paras[i + 1])))

    return [c for c in cands if not (c.kind in ("stamp", "byline") and beside_account(c.para))]


def _drop_site_header_dates(
    cands: list[DateCandidate], paras: list[str], headline_para: int | None
) -> list[DateCandidate]:
    """A stamp with its weekday above the site's menu ("Tuesday, March 9, 2021" / "Home | News |
    World" / headline) is the header's date widget, today's date rather than the article's: the
    article's own stamp sits between the menu and the story."""
    if headline_para is None:
        return cands

    def above_menu(i: int) -> bool:
        return names_weekday(paras[i]) and any(boilerplate_reason(paras[j]) == "menu" for j in range(i + 1, headline_para))

    return [c for c in cands if not (c.kind == "stamp" and c.para < headline_para and above_menu(c.para))]


def _drop_title_bar_dates(cands: list[DateCandidate], paras: list[str], headline: Headline | None) -> list[DateCandidate]:
    """A bare date between the page's browser title ("<headline> | Site") and the headline it
    repeats is the site header's date widget, not the article's: the header sits between the
    two ("North Korea to … | NK News" / "September 01, 2024" / "North Korea to …")."""
    if headline is None or headline.para is None:
        return cands
    bars = [i for i in headline.copies if i < headline.para and with_suffix(paras[i], headline.text)]
    if not bars:
        return cands
    return [c for c in cands if not (c.kind == "stamp" and bars[0] < c.para < headline.para
                                     and not re.search(r"\d{1,2}:\d{2}", paras[c.para]))]


MD_IMAGE_LINES = 4


def _mark_broken_image_tags(paras: list[str], reasons: list[str | None]) -> None:
    """The lines of a Markdown image tag broken over lines ("![alt …" / "… alt" / "… alt](/a.jpg)"):
    from its unclosed opening to its closing address, a few lines at most."""
    for i, p in enumerate(paras):
        if not (MD_IMAGE.match(p) and "](" not in p):
            continue
        end = next((j for j in range(i + 1, min(len(paras), i + MD_IMAGE_LINES)) if MD_IMAGE_TAIL.match(paras[j])), None)
        if end is not None and all("[" not in paras[j] and "]" not in paras[j] for j in range(i + 1, end)):
            for j in range(i + 1, end):
                reasons[j] = "image"


def _split_crawl_prefix(paras: list[str]) -> list[str]:
    """A crawl prefix glued to the first line ("date 2019-09-05 Headline ...") becomes its own line."""
    m = CRAWL_PREFIX.match(paras[0]) if paras else None
    if m and paras[0][m.end() :].strip():
        return [paras[0][: m.end()], paras[0][m.end() :].strip(), *paras[1:]]
    return paras


# A board's post date glued to the post's title ("NEAR Delegation Visits Kamchatka Territory2018-10-16"):
# a letter or closing mark directly followed by an ISO date (and time) that ends a short line.
_GLUED_ISO_DATE = re.compile(r"(?<=[^\W\d_]|[)\]\"”'’.!?])(\d{4}-\d{2}-\d{2}(?:\s\d{1,2}:\d{2}(?::\d{2})?)?)$")
GLUED_DATE_MAX, GLUED_DATE_REACH = 200, 20


def _split_glued_dates(paras: list[str]) -> list[str]:
    """A date glued to the end of one of the first lines becomes its own (date) line."""
    out: list[str] = []
    for i, p in enumerate(paras):
        m = _GLUED_ISO_DATE.search(p) if i < GLUED_DATE_REACH and len(p) <= GLUED_DATE_MAX else None
        out.extend((p[: m.start()].rstrip(), m.group(1)) if m and p[: m.start()].strip() else (p,))
    return out


def analyse_layout(
    paragraphs: list[str],
    *,
    title_hint: str | None = None,
    published_hint: dt.date | None = None,
    source_name_hint: str | None = None,
) -> Layout:
    paras, headlines = split_trailer(_split_glued_dates(_split_crawl_prefix(list(paragraphs))))
    reasons = [boilerplate_reason(p) for p in paras]
    _mark_broken_image_tags(paras, reasons)
    boiler = [r is not None for r in reasons]
    cands: list[DateCandidate] = []
    meta = [False] * len(paras)  # date and byline lines
    day_first = is_day_first(" ".join(paras))
    for i, p in enumerate(paras):
        found, meta[i] = line_candidates(i, p, day_first)
        cands.extend(found)
        boiler[i] = boiler[i] or meta[i]
    cands = _label_lines(paras, boiler, cands)
    box = _mark_related_lists(paras, boiler)
    cands = [c for c in cands if c.para not in box]  # dates of other stories
    related = _related_zone(paras, boiler)
    if related is not None:
        for j in range(related, len(paras)):
            boiler[j] = True
        cands = [c for c in cands if c.para < related]
    bylines = [meta[i] or reasons[i] in ("byline", "metadata_label") for i in range(len(paras))]
    headline = find_headline(paras, boiler, title_hint, bylines)
    head_para = headline.para if headline else None
    if head_para is not None:
        # Section labels, promos and menus above the headline, and its repeated copies. Running
        # text above a container-given headline keeps its own kind: it may be the article.
        # A notice in another script above the headline (an English page's Russian "the site has
        # moved" lines) is the site's, however sentence-like.
        script = dominant_script("\n".join(paras[head_para:])) if headline.source != "container" else None
        slogans = quote_run(paras)
        above = [j for j in range(head_para) if headline.source == "label" or not is_body_like(paras[j])
                 or (script is not None and dominant_script(paras[j]) not in (script, None)) or j in slogans]
        for j in (*above, *headline.copies):
            boiler[j] = True

    _smooth(paras, boiler, head_para)
    _mark_inline_links(paras, boiler, head_para)
    _mark_related_boxes(paras, boiler, head_para)
    _mark_follow_boxes(paras, boiler)
    _mark_name_bylines(paras, boiler, meta, head_para)
    _mark_author_lists(paras, boiler, head_para)
    first = 0 if head_para is None else head_para + 1
    dateline, dateline_idx = _find_dateline(paras, boiler, first)
    if dateline is not None and dateline.year and dateline.month and dateline.day:
        own = safe_date(dateline.year, dateline.month, dateline.day)
        if own is not None and dateline_idx is not None:
            cands.append(DateCandidate(own, "dateline", dateline.date_text or "", dateline_idx))
    partial = None
    if dateline is not None and dateline.month and dateline.day and not dateline.year:
        partial = (dateline.month, dateline.day, dateline.date_text or "")
    # Other full dates that may give a year-less dateline its year on the same month and day:
    # the text's, and a short header line's ("calendar>>July 26. 2023" above "Pyongyang, July 26
    # (KCNA) --"); `resolve` takes the year only when they name one.
    year_sources = [
        (d, p[s:e]) for i, p in enumerate(paras) if not boiler[i] or len(p) <= HEADER_DATE_LINE
        for d, s, e in full_date_spans(p, day_first)
    ]
    cands = _drop_title_bar_dates(
        _drop_site_header_dates(_drop_header_clocks(_drop_page_clocks(cands, head_para), paras), paras, head_para),
        paras, headline,
    )
    # the months and dates the story's own paragraphs report
    stated = stated_months(" ".join(p for p, b in zip(paras, boiler, strict=True) if not b))
    body_script = dominant_script("\n".join(p for p, b in zip(paras, boiler, strict=True) if not b))
    cands = _drop_page_top_dates(_drop_contradicted(cands, stated, head_para), paras, meta, head_para, body_script)
    if published_hint is not None and contradicted(published_hint, stated):
        published_hint = None  # the container's date, belied by the story as well
    published = resolve(cands, partial, year_sources, published_hint)

    parts = [
        _parts(paras, i, boiler, headline, dateline if i == dateline_idx else None)
        for i in range(len(paras))
    ]
    return Layout(
        paragraphs=paras,
        parts=parts,
        title=headline.text if headline else None,
        dateline_place=dateline.place if dateline else None,
        source_name=(dateline.agency if dateline and dateline.agency else None) or source_name_hint,
        published_date=published.date if published else None,
        published_date_evidence=published.evidence if published else None,
        published_date_source=published.source if published else None,
        related_headlines=headlines,
    )


def _parts(
    paras: list[str], i: int, boiler: list[bool], headline: Headline | None, dateline: Dateline | None
) -> list[tuple[str, int, int]]:
    p = paras[i]
    if headline is not None and i == headline.para:
        s, e = headline.start, headline.end
        out = [("boilerplate", 0, len(p[:s].rstrip()))] if p[:s].strip() else []
        out.append(("title", s, e))
        if p[e:].strip():
            out.append(("boilerplate", e + len(p[e:]) - len(p[e:].lstrip()), len(p)))
        return out
    if headline is not None and i == headline.continued:
        return [("title", 0, len(p))]
    if boiler[i]:
        return [("boilerplate", 0, len(p))]
    if dateline is not None:
        cut = len(p[: dateline.end].rstrip())
        rest = len(p) - len(p[dateline.end :].lstrip())
        return [("dateline", 0, cut)] + ([("body", rest, len(p))] if rest < len(p) else [])
    return [(_kind(paras, i, headline, boiler), 0, len(p))]


def _kind(paras: list[str], i: int, headline: Headline | None, boiler: list[bool]) -> str:
    p = paras[i]
    title_idx = headline.para if headline else None
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
