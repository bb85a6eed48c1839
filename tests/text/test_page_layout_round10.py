"""Round 10 (unseen pages): dates and datelines in new shapes, and a header's date widget.

A date inside the agency credit of a capitals dateline, a dateline with its year and an agency in
capitalised words, the "This story is from <date>" line, a capitals city before a colon, the
Korean wire form "서울, 6월18일 (로이터) -", a board's metadata row with a blank field, and a date
printed between the browser title and the headline it repeats. Pages written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.text.dateline import find_dateline
from pipeline.text.published_date import line_candidates
from tests.text.written_pages import EN_BODY, KO_BODY, RU_BODY, page


@pytest.mark.parametrize(("headline", "lead", "place", "date"), [
    # a date inside the agency credit of a capitals dateline
    ("Ferry link to Busan reopens",
     "VLADIVOSTOK (Harbour Daily / Interfax - 3rd March, 2021) The regional government said on Wednesday "
     "that the ferry to Busan would sail again from April.", "VLADIVOSTOK", dt.date(2021, 3, 3)),
    # a dateline with its year and an agency in words
    ("Port talks resume",
     "KHABAROVSK, Oct 14, 2020, Far East Wire. Officials from the region flew to Seoul on Monday "
     "to resume talks on a new container terminal.", "KHABAROVSK", dt.date(2020, 10, 14)),
])
def test_dateline_with_its_date_in_the_credit_or_with_an_agency(headline: str, lead: str, place: str,
                                                                 date: dt.date) -> None:
    doc = page(headline, "", lead, EN_BODY)
    assert doc.dateline_place == place
    assert doc.published_date == date


@pytest.mark.parametrize("line", [
    "LONDON (Reuters - via Twitter) The ministers met on Monday to discuss the fishing quotas again.",
    "NATO (Brussels - 3rd March, 2021 and later) The alliance met on Monday.",
])
def test_a_credit_without_a_whole_date_is_no_dateline(line: str) -> None:
    assert find_dateline(line) is None


def test_a_sentence_with_a_date_is_no_dateline() -> None:
    assert find_dateline("On Oct 14, 2020, Far East Wire reported the talks. The officials agreed.") is None


def test_this_story_is_from_line_dates_the_page() -> None:
    found, meta = line_candidates(0, "This story is from March 5, 2022")
    assert meta and [c.date for c in found] == [dt.date(2022, 3, 5)]


def test_capitals_city_before_a_colon_is_a_dateline() -> None:
    doc = page("Ferry link to Busan reopens", "",
               "VLADIVOSTOK: The regional government said on Wednesday that the ferry to Busan would sail again "
               "from April, the port authority reported.", EN_BODY)
    assert doc.dateline_place == "VLADIVOSTOK"


def test_capitals_word_before_a_colon_is_no_dateline_unless_a_city() -> None:
    assert find_dateline("WARNING: The ferry to Busan will not sail this week because of the storm warning "
                         "issued by the port authority.") is None


def test_korean_wire_dateline_with_bracketed_agency_and_no_year() -> None:
    doc = page("부산, 4월3일 (로이터) - 러시아 극동 지역과 부산을 잇는 정기 화물선 항로가 다음 달부터 다시 운항한다고 "
               "관계자가 밝혔다.", KO_BODY)
    assert doc.dateline_place == "부산"
    assert doc.published_date is None  # no year on the page: left empty


def test_korean_wire_dateline_year_from_the_text() -> None:
    doc = page("부산, 4월3일 (로이터) - 러시아 극동 지역과 부산을 잇는 정기 화물선 항로가 다음 달부터 다시 운항한다고 "
               "관계자가 밝혔다.", KO_BODY, "사진은 2021년 4월 3일 부산항 모습.")
    assert doc.published_date == dt.date(2021, 4, 3)


@pytest.mark.parametrize("line", ["한국 EMERICs - - 2022/05/10", "Новости региона | | 10.05.2022"])
def test_board_metadata_row_with_a_blank_field(line: str) -> None:
    found, meta = line_candidates(0, line, day_first=True)
    assert meta and [c.date for c in found] == [dt.date(2022, 5, 10)]


def test_a_sentence_with_dashes_is_no_metadata_row() -> None:
    found, _ = line_candidates(0, "The fair was held - - as every year - - on 2022/05/10 in Busan.")
    assert found == []


def test_date_widget_between_browser_title_and_headline_is_not_the_date() -> None:
    doc = page("Russia to expand ferry links across the Sea of Japan | Harbour Times", "March 03, 2025", "",
               "Russia to expand ferry links across the Sea of Japan", "", EN_BODY)
    assert doc.title == "Russia to expand ferry links across the Sea of Japan"
    assert doc.published_date is None


def test_date_above_the_headline_without_a_browser_title_still_counts() -> None:
    doc = page("March 03, 2025", "Russia to expand ferry links across the Sea of Japan", "", EN_BODY)
    assert doc.published_date == dt.date(2025, 3, 3)


# Titles (family 2)



def test_markdown_image_tag_is_never_the_headline() -> None:
    doc = page("![Губернатор встретил делегацию из Кореи в порту](/files/img/2024/delegation.jpg?w=760)", RU_BODY)
    assert doc.title is None


def test_markdown_image_tag_broken_over_lines_is_never_the_headline() -> None:
    doc = page("![Губернатор встретил делегацию из Кореи. Губернатор", "встретил делегацию из",
               "Кореи.](/files/img/2024/delegation.jpg?w=760)", "", RU_BODY)
    assert doc.title is None


def test_headline_below_a_markdown_image_tag() -> None:
    doc = page("![Губернатор встретил делегацию](/files/img/delegation.jpg)", "Делегация из Кореи прибыла в Находку",
               "", RU_BODY)
    assert doc.title == "Делегация из Кореи прибыла в Находку"


def test_link_in_brackets_inside_a_sentence_is_no_image() -> None:
    from pipeline.text.boilerplate import boilerplate_reason

    assert boilerplate_reason("See the [report](/files/report.pdf) for the figures of the year.") is None


def test_outline_bullet_below_the_date_is_a_sub_heading_not_the_headline() -> None:
    doc = page("[분석] 한러 수산 협력, 새 단계로", "연구원 보고서 - - 2022/05/10", "☐ 양국 수산 협력 확대 배경",
               "◦ 연해주 대표단, 부산 방문", "- " + KO_BODY)
    assert doc.title == "[분석] 한러 수산 협력, 새 단계로"


def test_outline_bullet_headline_alone_keeps_working_when_nothing_is_above() -> None:
    doc = page("☐ 한러 수산 협력 확대 배경", KO_BODY)
    assert doc.title == "☐ 한러 수산 협력 확대 배경"


def test_lone_bullet_headline_under_site_chrome() -> None:
    doc = page("실시간 뉴스", "", "  • 한러 수산 협력, 부산서 비즈니스 상담회", "",
               "[부산일보=홍길동 기자]" + KO_BODY + " " + KO_BODY)
    assert doc.title == "한러 수산 협력, 부산서 비즈니스 상담회"


def test_bullet_list_above_the_lead_gives_no_headline() -> None:
    doc = page("실시간 뉴스", "• 한러 수산 협력, 부산서 비즈니스 상담회", "• 블라디보스토크 항로 재개",
               "[부산일보=홍길동 기자]" + KO_BODY + " " + KO_BODY)
    assert doc.title is None
