"""News datelines and bylines that name a place: wire, Russian agency and Korean forms.

"SEOUL, Sept. 6 (Yonhap) --", "MOSCOW, May 21. /tass/.", "ВЛАДИВОСТОК, 11 сен – РИА Новости.",
"ТЮМЕНЬ, 9 декабря, ФедералПресс.", "Владивосток, ИА Приморье24.", "[서울=뉴스핌] 홍길동 기자 =",
"(포항=연합뉴스) 손대성 기자 =", "서울--(뉴스와이어)--", and the Korean closing byline
"포항=하인식 기자". The place is returned as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.text.dates_written import EN_MONTH, RU_MONTH, full_date_spans, month_number
from pipeline.text.page_patterns import KO_NOT_PLACES, NOT_AGENCIES


@dataclass(frozen=True)
class Dateline:
    end: int  # the dateline is paragraph[:end]
    place: str
    agency: str | None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    date_text: str | None = None  # the month/day (and year) as written


_EN_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z'.\-]+(?:\s[A-Z][A-Z'.\-]+)*)"
    rf"(?:,\s[A-Z][A-Za-z.'\-]+(?:\s[A-Z][A-Za-z.'\-]+)*)?"
    rf"(?:,\s(?P<month>{EN_MONTH})\s(?P<day>\d{{1,2}})(?:,\s(?P<year>\d{{4}}))?)?"
    # (the reporter's byline may sit between the agency and the dash: "SEOUL (Yonhap) By Lee Dae-ho –")
    rf"(?:\s\((?P<agency>[^()]{{2,40}})\)(?:\sBy\s[A-Z][\w.'\-]+(?:\s[A-Z][\w.'\-]+){{1,3}})?\s?(?:--|—|–|-)"
    rf"|\.?\s/(?P<agency2>[^/]{{2,30}})/\.?)"
)
# "SEOUL, Feb 10 – RIA Novosti. ...": the agency after the date and a dash, as Russian wires
# write their datelines in English; only with a date, so "WASHINGTON – The ..." is not one.
_EN_DASH_AGENCY = re.compile(
    rf"^(?P<place>[A-Z][A-Z'.\-]+(?:\s[A-Z][A-Z'.\-]+)*)"
    rf",\s(?P<month>{EN_MONTH})\s(?P<day>\d{{1,2}})(?:,\s(?P<year>\d{{4}}))?"
    rf"\s(?:--|—|–|-)\s(?P<agency>[A-Z][\w'&-]*(?:\s[A-Z][\w'&-]*){{0,3}})\.(?=\s|$)"
)
# "VLADIVOSTOK. January 15. VOSTOK-MEDIA –" (full stops between place, date and agency), and
# "MOSCOW. Sept 10 (Interfax) -" (the agency in brackets after the date).
_EN_DOT_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z'\-]{{2,}}(?:\s[A-Z][A-Z'\-]{{2,}})?)\.\s(?P<month>{EN_MONTH})\s(?P<day>\d{{1,2}})"
    rf"(?:,\s(?P<year>\d{{4}}))?(?:\.\s(?P<agency>[A-Z][A-Z0-9.\-]{{1,29}}(?:\s[A-Z][A-Z0-9.\-]+)?)"
    rf"|\s\((?P<agency2>[A-Z][A-Za-z\-]{{1,20}})\))\s?(?:--|—|–|-)\s"
)
# "SEOUL -- ..." / "SEOUL — ..." (a capitalised place alone before a long dash)
_EN_BARE_DATELINE = re.compile(r"^(?P<place>[A-Z]{4,}(?:\s[A-Z]{3,})?)\s(?:--|—)\s(?=\S)")
# "SOUTH KOREA - South Korea has …": capitals and a single hyphen or en dash; only with a known
# city or country, since an acronym may open a sentence so ("NATO - The alliance …").
_EN_BARE_HYPHEN = re.compile(r"^(?P<place>[A-Z]{4,}(?:\s[A-Z]{3,})?)\s[-–]\s(?=[A-Z\"“])")
# "PYONGYANG, June 19. Russia and …": a reposted wire dateline whose agency was dropped (caps
# place, month and day, a full stop, then the story's first sentence).
_EN_DATED_NO_AGENCY = re.compile(
    rf"^(?P<place>[A-Z]{{4,}}(?:[\s-][A-Z]{{2,}})?),\s(?P<month>{EN_MONTH})\s(?P<day>\d{{1,2}})"
    rf"(?:,\s(?P<year>\d{{4}}))?\.\s(?=[A-Z\"“])"
)
_NOT_PLACES = frozenset({"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "URGENT", "NOTE", "EDITOR"})
_RU_PLACE = r"(?P<place>[А-ЯЁ][А-ЯЁа-яё\-]+(?:\s[А-ЯЁ][А-ЯЁа-яё\-]+)?)"
_RU_DATE = (
    rf",\s(?P<day>\d{{1,2}})\s(?P<month>{RU_MONTH})(?:\s(?P<year>\d{{4}})(?:\sг(?:ода|\.)?)?)?"
)
_RU_DATELINES = (
    # "ВЛАДИВОСТОК, 5 сентября. /ТАСС/."  /  "ВЛАДИВОСТОК, 11 сен – РИА Новости."
    re.compile(rf"^{_RU_PLACE}{_RU_DATE}\.?\s?/(?P<agency>[^/]{{2,30}})/\.?"),
    re.compile(rf"^{_RU_PLACE}{_RU_DATE}\s?[–—-]\s?(?P<agency>[^.]{{2,40}}?)\."),
    # "ТЮМЕНЬ, 9 декабря, ФедералПресс." (caps place: the agency follows the date after a comma)
    re.compile(
        rf"^(?P<place>[А-ЯЁ][А-ЯЁ\-]{{2,}}(?:\s[А-ЯЁ\-]{{2,}})?){_RU_DATE},\s(?P<agency>[^\s.,][^.,]{{1,30}})\.(?=\s)"
    ),
    # "МОСКВА. 5 июня. INTERFAX.RU -", "Москва. 10 апреля. INTERFAX.RU -" (Interfax's form; the
    # place may be written in title case when the agency is in capitals)
    re.compile(
        rf"^(?P<place>[А-ЯЁ][А-ЯЁ\-]{{2,}}(?:\s[А-ЯЁ\-]{{2,}})?)\.\s(?P<day>\d{{1,2}})\s(?P<month>{RU_MONTH})"
        r"\.?\s(?P<agency>[A-Za-zА-Яа-яЁё.\-]{2,30})\s[–—-]\s"
    ),
    re.compile(
        rf"^(?P<place>[А-ЯЁ][а-яё\-]{{2,}}(?:\s[А-ЯЁ][а-яё\-]{{2,}})?)\.\s(?P<day>\d{{1,2}})\s(?P<month>{RU_MONTH})"
        r"\.\s(?P<agency>[A-ZА-ЯЁ][A-ZА-ЯЁ0-9.\-]{1,29})\s[–—-]\s"
    ),
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
    r"^[\[(【](?P<place>[가-힣]{1,10})=(?P<agency>(?![^\])】=]*기자)[^\])】=]{1,20})[\])】]"
    r"(?:\s?[가-힣]{2,4}\s?(?:기자|특파원|통신원)(?:\s?=)?)?"
)
# Press-release wire: "서울--(뉴스와이어)--"
# also with the release date: "서울--(뉴스와이어) 2013년 05월 15일 --"
_KO_NEWSWIRE = re.compile(
    r"^(?P<place>[가-힣]{1,10})\s?-{2,}\s?\((?P<agency>[^()]{1,20})\)\s?"
    r"(?:(?P<year>\d{4})년\s?(?P<month>\d{1,2})월\s?(?P<day>\d{1,2})일\s?)?-{2,}"
)


# Forms that need the place to be a known city, since a capitalised word before a dash may
# open any sentence: "JAKARTA - South Korea's ..." (a single hyphen), "Seoul, South Korea — ...",
# "Pyongyang, June 19 – Russia and ..." (mixed case, a dash after the date),
# "모스크바, 10월 7일. 안드레이 ..." (a translated wire dateline in Korean).
_EN_CITY_DASH = re.compile(
    rf"^(?P<place>[A-Z][A-Za-z'.\-]+(?:\s[A-Z][A-Za-z'.\-]+)?)"
    rf"(?:,\s[A-Z][A-Za-z.'\-]+(?:\s[A-Z][A-Za-z.'\-]+)?)?"
    rf"(?:,\s(?P<month>{EN_MONTH})\s(?P<day>\d{{1,2}})(?:,\s(?P<year>\d{{4}}))?)?"
    r"\s(?:--|—|–|-)\s(?=[A-Z\"“])"
)
# "Seoul (AFP) - ...", "Vladivostok (Reuters) — ...": a place in mixed case before a known agency.
_WIRES = (
    r"AFP|AP|Reuters|Yonhap|TASS|Xinhua|Kyodo|Bloomberg|UPI|dpa|EFE|ANSA|Sputnik|RIA Novosti|Interfax|KCNA|Itar-Tass"
    r"|CNN|BBC|NHK|IANS|PTI|ANI|RFA|VOA"
)
_EN_MIXED_AGENCY = re.compile(
    rf"^(?P<place>[A-Z][a-z'.\-]+(?:\s[A-Z][a-z'.\-]+)?)(?:,\s[A-Z][A-Za-z.'\-]+(?:\s[A-Z][A-Za-z.'\-]+)?)?"
    rf"\s\((?P<agency>{_WIRES})\)\s?(?:--|—|–|-)\s"
)
# "Moscow (AFP) Sept 29, 2008 Russia …", "SEOUL (AFP) Sept 29, 2008 - …": the date after the wire
# in brackets, then the story (a dash between them or not). A mixed-case place needs a known wire.
_EN_AGENCY_THEN_DATE = re.compile(
    rf"^(?P<place>[A-Z][A-Z'.\-]{{2,}}(?:\s[A-Z][A-Z'.\-]+)?|[A-Z][a-z'.\-]+(?:\s[A-Z][a-z'.\-]+)?)"
    rf"\s\((?P<agency>[^()]{{2,30}})\)\s(?P<month>{EN_MONTH})\s(?P<day>\d{{1,2}})(?:,\s?(?P<year>\d{{4}}))?"
    r",?\s(?:(?:--|—|–|-|:)\s)?(?=[A-Z\"“])"
)
_KNOWN_WIRE = re.compile(rf"^(?:{_WIRES})$")
# "YEREVAN, FEBRUARY 2, ARMENPRESS. ...": capitals throughout, the agency after the date.
_EN_CAPS_MONTH = re.compile(
    rf"^(?P<place>[A-Z][A-Z'\-]{{2,}}(?:\s[A-Z][A-Z'\-]{{2,}})?),\s(?P<month>(?i:{EN_MONTH}))\s(?P<day>\d{{1,2}})"
    rf"(?:,\s(?P<year>\d{{4}}))?,\s(?P<agency>[A-Z][A-Z0-9.\-]{{2,24}})\.\s"
)
# "Moscow, Aug 22 (IANS) Led by …", "New Delhi, May 3 (PTI): The …": a city in mixed case, the
# date and the agency in brackets, then the story (Indian wires write theirs so).
# ANI writes the country in square brackets after the city and credits the agency it carries
# after a slash: "Moscow [Russia], September 29 (ANI/Sputnik): The …".
# The date either way round: "Seoul, 8 March 2022 (TDI): South Korea …".
def _city_date_agency(date: str) -> re.Pattern[str]:
    return re.compile(
        # (a story filed from two cities names both: "Seoul/Kyiv, Dec 21 (NationPress)")
        rf"^(?P<place>[A-Z][a-z'.\-]+(?:\s[A-Z][a-z'.\-]+)?(?:/[A-Z][a-z'.\-]+)?)"
        rf"(?:\s\[[A-Z][A-Za-z'.\-]+(?:\s[A-Z][A-Za-z'.\-]+){{0,2}}\])?"
        rf",\s{date}"
        rf"\s\((?P<agency>[A-Z][A-Za-z\-]{{1,15}}(?:/[A-Z][A-Za-z\-]{{1,15}})?)\)\s?(?:(?:--|—|–|-|:)\s?)?(?=[A-Z\"“])"
    )


_EN_CITY_DATE_AGENCY = _city_date_agency(rf"(?P<month>{EN_MONTH})\s(?P<day>\d{{1,2}})(?:,\s(?P<year>\d{{4}}))?")
_EN_CITY_DAY_MONTH_AGENCY = _city_date_agency(rf"(?P<day>\d{{1,2}})\s(?P<month>{EN_MONTH})(?:,?\s(?P<year>\d{{4}}))?")
# "(Хабаровск, 7 июля, "Татар-информ", Денис Постольский). 7 июля …": place, date, agency and
# author in brackets before the story.
_RU_BRACKETED = re.compile(
    rf"^\((?P<place>[А-ЯЁ][а-яё\-]+(?:\s[А-ЯЁ][а-яё\-]+)?){_RU_DATE},\s"
    r"(?P<agency>«[^»]{2,30}»|\"[^\"]{2,30}\"|[^,()\"«]{2,30})(?:,\s[^()]{2,60})?\)\.?(?=\s|$)"
)
# "Хабаровск, 17 апреля, AmurMedia": a known city in title case, the day and month, and the agency
# (one to three capitalised words), standing alone on the story's first line or closed by a full stop
# before the story. (A capitalised place only: the caps form is `_RU_DATELINES`' third.)
_RU_CITY_DATE_AGENCY = re.compile(
    rf"^(?P<place>[А-ЯЁ][а-яё\-]{{2,}}(?:\s[А-ЯЁ][а-яё\-]{{2,}})?){_RU_DATE},\s"
    r"(?P<agency>(?:ИА\s)?[«\"]?[A-ZА-ЯЁ][\w.\-]{1,24}(?:\s[«\"]?[A-ZА-ЯЁ][\w.\-]{1,24}){0,2}[»\"]?)"
    r"(?:\.?$|\.\s(?=[«\"A-ZА-ЯЁ]))"
)
# "Seoul: Russian President …", "SEOUL: A North Korean minister …": a known city (mixed case or
# capitals) and a colon opening the story (Indian wire rewrites).
_EN_CITY_COLON = re.compile(
    r"^(?P<place>[A-Z][a-z'.\-]+(?:\s[A-Z][a-z'.\-]+)?|[A-Z]{3,}(?:\s[A-Z]{3,})?):\s(?=[A-Z\"“])"
)
_KO_CITY_DATE = re.compile(r"^(?P<place>[가-힣]{2,10}),\s?(?P<month>\d{1,2})월\s?(?P<day>\d{1,2})일\s?[.,]\s(?=\S)")
# "서울, 6월18일 (로이터) - 문재인 …": a Korean wire's dateline, the agency in brackets and a dash
# after the month and day (no year: `resolve` completes it from the text or leaves it empty).
_KO_CITY_DATE_AGENCY = re.compile(
    r"^(?P<place>[가-힣]{2,10}),\s?(?P<month>\d{1,2})월\s?(?P<day>\d{1,2})일\s?"
    r"\((?P<agency>[^()\d]{1,15})\)\s?(?:--|—|–|-)\s?(?=\S)"
)
# "MOSCOW (Pakistan Point News / Sputnik - 28th June, 2019) Russian President …": capitals, the
# credit in brackets ending with a dash and a full date, then the story. The date must be the
# whole tail of the brackets, so "(Reuters - via Twitter)" is no dateline.
_EN_CREDIT_DATE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.\-]{2,}(?:\s[A-Z][A-Z'.\-]+)*)\s\((?P<agency>[^()]{2,60}?)\s(?:--|—|–|-)\s"
    r"(?P<date>[^()]{6,24})\)\s(?=[A-Z\"“])"
)
# "PYONGYANG, Sep 2, 2019, NK News. A high-level …": capitals, a full date with its year, an
# agency in capitalised words (one to four) and a full stop, then the story.
_EN_DATE_AGENCY_WORDS = re.compile(
    rf"^(?P<place>[A-Z][A-Z'\-]{{2,}}(?:\s[A-Z][A-Z'\-]{{2,}})?),\s(?P<month>{EN_MONTH})\s(?P<day>\d{{1,2}}),\s"
    rf"(?P<year>\d{{4}}),\s(?P<agency>[A-Z][\w&'\-]*(?:\s[A-Z][\w&'\-]*){{0,3}})\.\s(?=[A-Z\"“])"
)
# "Пхеньян – САНА", "Pyongyang - KCNA": a known city in title case, a dash and the agency's name
# in capitals, alone on the story's first line (its date may follow on the next one) or closed
# by a full stop before the story. The agency must not itself be a place ("Москва – КНДР").
_CITY_DASH_CAPS_AGENCY = re.compile(
    r"^(?P<place>[A-ZА-ЯЁ][a-zа-яё'\-]{2,}(?:\s[A-ZА-ЯЁ][a-zа-яё'\-]{2,})?)\s[–—-]\s"
    r"(?P<agency>[A-ZА-ЯЁ]{2,10}(?:[-\s][A-ZА-ЯЁ]{2,10})?)(?:\.?$|\.\s(?=[«\"A-ZА-ЯЁ]))"
)
# A Korean agency dateline after the photo caption the page glued before it on one line:
# "… 대변인 [타스 연합뉴스 자료사진. 재판매 및 DB 금지] (모스크바=연합뉴스) 최인영 특파원 = …" (only the
# full form, reporter and "=", after a closing bracket).
_KO_DATELINE_AFTER_CAPTION = re.compile(
    r"[\])】]\s(?=[\[(【][가-힣]{1,10}=[^\])】=]{1,20}[\])】]\s?[가-힣]{2,4}\s?(?:기자|특파원)\s?=)"
)
KO_CAPTION_MAX = 300  # a caption, not a paragraph of the story
CITY_DATELINE_MIN, CITY_DATELINE_MIN_KO = 80, 40  # the story's first sentence follows on the same line
_COUNTRY_PROVENANCE = "CLDR"


@lru_cache(maxsize=2)
def _catalog_place_names(countries: bool) -> frozenset[str]:
    """Folded names of the curated catalog's places: its countries (CLDR), or the rest."""
    from pipeline.text.tagging.catalog import load_catalog  # lazy: tagging imports the layout

    return frozenset(n.casefold() for e in load_catalog().entries
                     if e.entity_type == "GPE" and e.provenance.startswith(_COUNTRY_PROVENANCE) == countries
                     for n in e.all_names())


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    """Folded names of cities and regions (curated catalog places that are not countries, and
    the GeoNames cities): a dateline's place is a city, a bare country name opens a sentence."""
    from pipeline.text.tagging.places import place_entries

    return _catalog_place_names(False) | {n.casefold() for e in place_entries() for n in e.all_names()}


def is_city(name: str) -> bool:
    return name.casefold() in _city_names()


def is_city_or_country(name: str) -> bool:
    return is_city(name) or name.casefold() in _catalog_place_names(True)


def _city_dateline(paragraph: str) -> Dateline | None:
    if len(paragraph) < CITY_DATELINE_MIN_KO:
        return None
    head = paragraph[:1]
    m = _EN_CITY_DASH.match(paragraph) if "A" <= head <= "Z" else _KO_CITY_DATE.match(paragraph) if "가" <= head <= "힣" else None
    least = CITY_DATELINE_MIN_KO if m and m["place"][0] >= "가" else CITY_DATELINE_MIN
    if not m or len(paragraph) < least or not is_city(m["place"]):
        return None
    month = m["month"] and (month_number(m["month"]) if not m["month"].isdigit() else int(m["month"]))
    return Dateline(
        len(paragraph[: m.end()].rstrip()), m["place"], None, month or None, int(m["day"]) if m["day"] else None,
        int(m["year"]) if m.groupdict().get("year") else None,
        paragraph[m.start("month") : m.end("day") + 1] if m.re is _KO_CITY_DATE else _date_text(m),
    )  # fmt: skip


def _date_text(m: re.Match[str]) -> str | None:
    if not m.groupdict().get("month"):
        return None
    end = m.end("year") if m.groupdict().get("year") else max(m.end("day"), m.end("month"))
    start = min(m.start("month"), m.start("day"))
    return m.string[start:end].rstrip(".")  # "5 сентября." ends the dateline, not the month


# A wire's name glued to the dateline by the page that printed the credit above it
# ("Associated PressSEOUL, South Korea — …", "ReutersMOSCOW, June 5 (Reuters) - …").
_GLUED_AGENCY = re.compile(
    r"^(?P<agency>Associated Press|The Associated Press|Reuters|AFP|Agence France-Presse|Yonhap(?: News Agency)?"
    r"|Bloomberg|Kyodo(?: News)?|Xinhua|Interfax|TASS|Sputnik|RIA Novosti)(?=[A-Z]{3,}\b)"
)


def find_dateline(paragraph: str) -> Dateline | None:
    after = _KO_DATELINE_AFTER_CAPTION.search(paragraph, 0, KO_CAPTION_MAX)
    if after is not None and _KO_DATELINE.match(paragraph) is None:
        found = _find_dateline(paragraph[after.end() :])
        return replace(found, end=found.end + after.end()) if found is not None else None
    glued = _GLUED_AGENCY.match(paragraph)
    if glued:
        found = _find_dateline(paragraph[glued.end() :])
        if found is None:
            return None
        return replace(found, end=found.end + glued.end(), agency=found.agency or glued["agency"])
    return _find_dateline(paragraph)


def _find_dateline(paragraph: str) -> Dateline | None:
    latin = "A" <= paragraph[:1] <= "Z"  # every English form opens with a capital
    m = latin and (
        _EN_DATELINE.match(paragraph) or _EN_DASH_AGENCY.match(paragraph) or _EN_DOT_DATELINE.match(paragraph)
        or _EN_MIXED_AGENCY.match(paragraph) or _EN_CAPS_MONTH.match(paragraph)
    )
    if m:
        g = m.groupdict()
        month = month_number(g["month"]) if g.get("month") else None
        return Dateline(
            m.end(), m["place"], (g["agency"] or g.get("agency2")).strip(),
            month, int(g["day"]) if g.get("day") else None, int(g["year"]) if g.get("year") else None,
            _date_text(m),
        )  # fmt: skip
    m = latin and _EN_AGENCY_THEN_DATE.match(paragraph)
    if m and m["place"] not in _NOT_PLACES and (m["place"].isupper() or _KNOWN_WIRE.match(m["agency"])):
        return Dateline(
            m.end(), m["place"], m["agency"], month_number(m["month"]), int(m["day"]),
            int(m["year"]) if m["year"] else None, _date_text(m),
        )  # fmt: skip
    m = latin and _EN_DATE_AGENCY_WORDS.match(paragraph)
    if m and m["place"] not in _NOT_PLACES:
        return Dateline(
            m.end(), m["place"], m["agency"], month_number(m["month"]), int(m["day"]), int(m["year"]), _date_text(m)
        )
    m = latin and _EN_CREDIT_DATE.match(paragraph)
    if m and m["place"] not in _NOT_PLACES:
        spans = full_date_spans(m["date"], False)
        if len(spans) == 1 and spans[0][1] == 0 and spans[0][2] == len(m["date"].rstrip(". ")):
            d = spans[0][0]
            return Dateline(m.end(), m["place"], m["agency"].strip(), d.month, d.day, d.year, m["date"].strip())
    m = _KO_CITY_DATE_AGENCY.match(paragraph)
    if m and m["place"] not in KO_NOT_PLACES:
        return Dateline(
            len(paragraph[: m.end()].rstrip()), m["place"], m["agency"].strip(), int(m["month"]), int(m["day"]), None,
            paragraph[m.start("month") : m.end("day") + 1],
        )  # fmt: skip
    m = _KO_NEWSWIRE.match(paragraph)
    if m:
        ymd = [int(m[g]) if m[g] else None for g in ("year", "month", "day")]
        text = m.string[m.start("year") : m.end("day") + 1] if m["year"] else None  # through "일"
        return Dateline(m.end(), m["place"], m["agency"].strip(), ymd[1], ymd[2], ymd[0], text)
    m = _KO_DATELINE.match(paragraph)
    if m and m["place"] not in KO_NOT_PLACES:
        return Dateline(m.end(), m["place"], m["agency"].strip())
    m = _EN_DATED_NO_AGENCY.match(paragraph)
    if m and m["place"] not in _NOT_PLACES:
        return Dateline(
            len(paragraph[: m.end()].rstrip()), m["place"], None, month_number(m["month"]), int(m["day"]),
            int(m["year"]) if m["year"] else None, _date_text(m),
        )  # fmt: skip
    m = _EN_BARE_DATELINE.match(paragraph)
    if m and len(paragraph) >= 80 and m["place"] not in _NOT_PLACES:
        return Dateline(len(paragraph[: m.end()].rstrip()), m["place"], None)
    m = _EN_BARE_HYPHEN.match(paragraph)
    if m and len(paragraph) >= CITY_DATELINE_MIN and is_city_or_country(m["place"]):
        return Dateline(len(paragraph[: m.end()].rstrip()), m["place"], None)
    city = _city_dateline(paragraph)
    if city is not None:
        return city
    m = _EN_CITY_COLON.match(paragraph)
    if m and len(paragraph) >= CITY_DATELINE_MIN and paragraph.rstrip("\"”’»)").endswith((".", "!", "?")) \
            and is_city(m["place"]):  # (a sentence, not a long headline "Pyongyang: …")
        return Dateline(len(paragraph[: m.end()].rstrip()), m["place"], None)
    m = _EN_CITY_DATE_AGENCY.match(paragraph) or _EN_CITY_DAY_MONTH_AGENCY.match(paragraph) \
        or _RU_BRACKETED.match(paragraph)
    if m and all(is_city(p) for p in m["place"].split("/")):
        return Dateline(
            len(paragraph[: m.end()].rstrip()), m["place"], m["agency"].strip("«»\""), month_number(m["month"]),
            int(m["day"]), int(m["year"]) if m["year"] else None, _date_text(m),
        )  # fmt: skip
    m = _CITY_DASH_CAPS_AGENCY.match(paragraph)
    if m and is_city(m["place"]) and m["agency"] not in NOT_AGENCIES \
            and m["agency"].casefold() not in _catalog_place_names(True):
        return Dateline(len(paragraph[: m.end()].rstrip()), m["place"], m["agency"])
    m = _RU_CITY_DATE_AGENCY.match(paragraph)
    if m and is_city(m["place"]):
        return Dateline(
            len(paragraph[: m.end()].rstrip()), m["place"], re.sub(r"^ИА\s+", "", m["agency"]).strip("«»\""),
            month_number(m["month"]), int(m["day"]), int(m["year"]) if m["year"] else None, _date_text(m),
        )  # fmt: skip
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
                int(groups["year"]) if groups.get("year") else None, _date_text(m),
            )  # fmt: skip
    return None


