"""Round 13: date lines and datelines in further shapes, with the lines they must not take.

A calendar widget's "July 26. 2023" giving a year-less wire dateline its year; a byline that
credits a wire and prints the date ("By Jane DOE (AFP)  Apr 25, 2019 in World"); the wire form
"Moscow (AFP) Sept 29, 2008 …" (the date after the agency); "Пхеньян – САНА" (a city, a dash and
an agency in capitals); a Korean agency dateline after a photo caption glued before it on one
line. Lines and pages written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.text.dateline import find_dateline
from pipeline.text.dates_written import full_date_spans
from pipeline.text.published_date import line_candidates
from tests.text.written_pages import EN_BODY, KO_BODY, RU_BODY, page


def test_a_full_stop_after_the_day_still_makes_a_date() -> None:
    assert [d for d, _, _ in full_date_spans("calendar>>March 3. 2021 Juche 110")] == [dt.date(2021, 3, 3)]
    assert full_date_spans("It ended on March 3. 20 people came.") == []  # no four-digit year


def test_a_header_calendar_gives_the_wire_dateline_its_year() -> None:
    doc = page("calendar>>March 3. 2021 Juche 110", "Ferry Delegation Arrives",
               "Pyongyang, March 3 (KCNA) -- A delegation of the Primorye ferry company arrived here on "
               "Wednesday to discuss a new passenger line to Rason.", EN_BODY)
    assert doc.dateline_place == "Pyongyang"
    assert doc.published_date == dt.date(2021, 3, 3)


def test_a_header_date_of_another_day_gives_no_year() -> None:
    doc = page("calendar>>March 9. 2021 Juche 110", "Ferry Delegation Arrives",
               "Pyongyang, March 3 (KCNA) -- A delegation of the Primorye ferry company arrived here on "
               "Wednesday to discuss a new passenger line to Rason.", EN_BODY)
    assert doc.dateline_place == "Pyongyang"
    assert doc.published_date is None


@pytest.mark.parametrize("line, want", [
    ("By Jane DOE (AFP)     Apr 25, 2019 in World", dt.date(2019, 4, 25)),
    ("By Ivan Petrov (REUTERS) March 3, 2021", dt.date(2021, 3, 3)),
])
def test_a_byline_crediting_a_wire_carries_the_date(line: str, want: dt.date) -> None:
    cands, _ = line_candidates(0, line)
    assert [(c.date, c.kind) for c in cands] == [(want, "byline")]


@pytest.mark.parametrize("line", [
    "By June 30, 2024 in Seoul the ferry line will reopen",  # a sentence about a deadline
    "By 2025 the port will handle twice the cargo",
])
def test_a_sentence_opening_with_by_is_no_byline(line: str) -> None:
    assert line_candidates(0, line)[0] == []


@pytest.mark.parametrize("line, place, year", [
    ("Moscow (AFP) Sept 29, 2008 Russia said on Monday it would send a delegation to the talks in Beijing.",
     "Moscow", 2008),
    ("SEOUL (AFP) Sept 29, 2008 - South Korea said on Monday it would send a delegation to the talks.", "SEOUL", 2008),
    ("Vladivostok (Interfax) March 3 - The ferry to Busan will sail again from April, the port said.",
     "Vladivostok", None),
])
def test_the_wire_before_the_date(line: str, place: str, year: int | None) -> None:
    d = find_dateline(line)
    assert d is not None and (d.place, d.month, d.year) == (place, 9 if "Sept" in line else 3, year)


@pytest.mark.parametrize("line", [
    "Putin (left) May 5 Kim Jong Un met at the station.",  # a caption's position mark: no wire, no place
    "Kim Jong Un (C) June 19, 2024 Photo by the ministry",
    "Russia (and China) March 3 Said they would meet.",
])
def test_brackets_before_a_date_are_no_wire(line: str) -> None:
    assert find_dateline(line) is None


def test_a_city_dash_and_agency_in_capitals_is_a_dateline() -> None:
    doc = page("КНДР осудила нападение на посольство", "", "Пхеньян – САНА", "31-03-2019",
               "Министерство иностранных дел КНДР осудило нападение на посольство в Мадриде, "
               "назвав его серьезным террористическим актом.", RU_BODY)
    assert doc.dateline_place == "Пхеньян"
    assert doc.published_date == dt.date(2019, 3, 31)


@pytest.mark.parametrize("line", [
    "Москва – КНДР",  # a country after the dash
    "Москва – НАТО",  # a body, no agency
    "Москва – Пекин",  # a city in title case
    "Россия – САНА",  # a country before the dash
    "Сеул – США. Южная Корея заявила о новых мерах.",
])
def test_a_city_dash_and_capitals_that_are_no_agency(line: str) -> None:
    assert find_dateline(line) is None


def test_a_korean_agency_dateline_after_a_glued_caption() -> None:
    line = ("홍길동기자 구독 이미지 확대 블라디보스토크항 전경 [연합뉴스 자료사진] (블라디보스토크=연합뉴스) 홍길동 특파원 = "
            "러시아 연해주 정부는 부산과 블라디보스토크를 잇는 여객선 운항을 다음 달 재개한다고 3일 밝혔다.")
    d = find_dateline(line)
    assert d is not None and d.place == "블라디보스토크"
    assert line[: d.end].endswith("특파원 =")
    doc = page("여객선 운항 재개", "", line, KO_BODY)
    assert doc.dateline_place == "블라디보스토크"


@pytest.mark.parametrize("line", [
    # a related-story link: the bracket before it is no caption's, and there is no reporter
    "관련기사 [단독] (블라디보스토크=연합뉴스) 여객선 운항 재개",
    # the dateline far down a long paragraph is a quoted story, not this one's
    "러시아 연해주 정부는 " + "부산과 블라디보스토크를 잇는 여객선 운항을 다음 달 재개한다고 밝혔다. " * 8
    + "[자료] (서울=연합뉴스) 홍길동 기자 = 정부는",
])
def test_a_korean_bracket_mid_line_that_is_no_dateline(line: str) -> None:
    assert find_dateline(line) is None


@pytest.mark.parametrize("line", [
    "Thu 3 Mar 2021 08.30 BST",  # a time zone after the clock
    "Wednesday, March 3, 2021 8:30 AM EDT",
    "March 3, 2021 / 8:30 AM / Updated 2 years ago",  # an update note with no date of its own
    "3 March 2021 | 08:30 IST",
    "3 марта 2021 08:30 | Политика",  # the clock before the rubric
    "03-Mar-2021",
])
def test_stamp_lines_with_zones_notes_and_hyphens(line: str) -> None:
    cands, _ = line_candidates(0, line)
    assert [c.date for c in cands] == [dt.date(2021, 3, 3)]


@pytest.mark.parametrize("line", [
    "The summit on 3 March 2021 | Politics",  # a sentence before the date
    "3 March 2021 est. population of the port",
    "On 3 March 2021 the ferry sailed again",
    "03-03-2021-Mar",
])
def test_lines_that_only_hold_a_date_are_no_stamp(line: str) -> None:
    assert line_candidates(0, line)[0] == []


def test_a_relative_update_note_is_no_date_of_its_own() -> None:
    cands, _ = line_candidates(0, "Updated 2 years ago")
    assert cands == []


def test_a_weekday_stamp_above_the_site_menu_is_the_header_widget() -> None:
    doc = page("Tuesday, March 9, 2021", "Home | News | World", "Ferry to Busan to sail again",
               "The regional government said on Wednesday the ferry to Busan would sail again from April.", EN_BODY)
    assert doc.title == "Ferry to Busan to sail again"
    assert doc.published_date is None
    doc = page("2021.03.09 (화)", "홈 > 뉴스 > 정치", "부산 여객선 운항 재개",
               "러시아 연해주 정부는 부산과 블라디보스토크를 잇는 여객선 운항을 다음 달 재개한다고 3일 밝혔다.", KO_BODY)
    assert doc.published_date is None


@pytest.mark.parametrize("lines", [
    ("March 3, 2021", "Home | News | World"),  # no weekday: a stamp, not a clock widget
    ("Home | News | World", "Wednesday, March 3, 2021"),  # below the menu, above the headline
])
def test_a_stamp_that_is_no_header_widget_stays(lines: tuple[str, str]) -> None:
    doc = page(*lines, "Ferry to Busan to sail again",
               "The regional government said on Wednesday the ferry to Busan would sail again from April.", EN_BODY)
    assert doc.published_date == dt.date(2021, 3, 3)
