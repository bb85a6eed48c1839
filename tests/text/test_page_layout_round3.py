"""Page layouts met on unseen crawled pages (third probe round): photo captions printed twice
around the headline, section paths, government-site banners, label-only lines, issuer lines,
weather-box clocks, day-first dashed dates, datelines without an agency and closing bylines
glued to the last sentence. Every text here is written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.text.boilerplate import boilerplate_reason
from pipeline.text.dateline import find_dateline
from pipeline.text.dates_written import full_date_spans
from pipeline.text.headline import is_caption, is_section_label
from tests.text.written_pages import EN_BODY, KO_BODY, RU_BODY, page


# --- headline ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # the page title with the site's name, then the headline, then a photo's alt text and its
        # caption (the same words twice, ending in a slash credit) right above the byline
        (["Ferry route to reopen next spring - Harbour Times", "Harbour Times", "Ferry route to reopen next spring",
          "A ferry docks at the port of Busan, South Korea / gettyimagesbank",
          "A ferry docks at the port of Busan, South Korea / gettyimagesbank", "By Jane Doe", EN_BODY],
         "Ferry route to reopen next spring"),
        # a group photo's alt text ("왼쪽부터 …", credit glued) and its caption under the date line
        (["여객선 항로 재개 추진", "김하늘 기자", "입력 2021-03-04 09:15",
          "왼쪽부터 부산시장과 연해주지사 사진연합뉴스", "왼쪽부터 부산시장과 연해주지사 [사진=연합뉴스]", KO_BODY],
         "여객선 항로 재개 추진"),
        # alt text without a caption opener: a copy of the credited caption next to it
        (["여객선 항로 재개 추진", "입력 2021-03-04 09:15", "부산항에 정박한 러시아 여객선의 모습",
          "부산항에 정박한 러시아 여객선의 모습 [사진=하버데일리]", KO_BODY], "여객선 항로 재개 추진"),
        # an ad label above the headline and a line naming the metadata fields below it
        (["하버몰24 - 분양광고", "여객선 항로 재개 추진", "기자정보, 기사등록일", "김하늘 기자", "입력 2021-03-04 09:15",
          KO_BODY], "여객선 항로 재개 추진"),
        # a section path above the headline
        (["2021.03.04", "경제/해양/물류", "여객선 항로 재개 합의", KO_BODY], "여객선 항로 재개 합의"),
        # a tag line whose author field is empty ("… by .") is not the end of a wrapped sentence
        (["Паром возобновит рейсы между Владивостоком и Пусаном", "паромы Пусана by .", RU_BODY],
         "Паром возобновит рейсы между Владивостоком и Пусаном"),
        # a government site's banner sentence above the headline (the first sentence-like line)
        (["본문 바로가기", "전자정부 누리집 로고이 누리집은 대한민국 공식 전자정부 누리집입니다.", "콘텐츠 영역", "여객선 항로 재개 합의",
          "2021-03-04", KO_BODY], "여객선 항로 재개 합의"),
    ],
)  # fmt: skip
def test_headline(lines, title) -> None:
    assert page(*lines).title == title


def test_first_paragraph_broken_by_the_source_is_not_a_headline() -> None:
    doc = page(
        "4 марта 2021 года администрация порта Находка совместно",
        "с Генеральным консульством провела встречу с представителями",
        "судоходных компаний и таможенной службы на",
        "территории морского вокзала в Находке.",
        RU_BODY,
    )
    assert doc.title is None


@pytest.mark.parametrize(
    "line",
    [
        "A ferry docks at the port of Busan, South Korea / Courtesy of Busan Port Authority",
        "Delegates pose for a photo in Vladivostok / AP-Yonhap",
        "왼쪽부터 부산시장, 연해주지사",
        "부산항에 정박한 러시아 여객선 [사진=하버데일리]",
        "부산항에 정박한 러시아 여객선 사진연합뉴스",
    ],
)
def test_caption_lines(line: str) -> None:
    assert is_caption(line)


@pytest.mark.parametrize("line", ["Seoul / Moscow", "Busan and Vladivostok agree on ferry route", "왼손잡이 선수들"])
def test_not_captions(line: str) -> None:
    assert not is_caption(line)


@pytest.mark.parametrize("line", ["재난/안전/안보", "Politics > Diplomacy > Asia", "Общество/Политика/Регионы"])
def test_section_paths(line: str) -> None:
    assert is_section_label(line)


def test_a_headline_with_a_slash_is_not_a_section_path() -> None:
    assert not is_section_label("Busan/Vladivostok ferry to reopen in spring")


@pytest.mark.parametrize(
    "line",
    [
        "이 누리집은 대한민국 공식 전자정부 누리집입니다.",
        "eg(전자정부) 이 누리집은 대한민국 공식 전자정부 누리집입니다.",
        "An official website of the Republic of Korea",
        "Официальный сайт администрации города Находки",
    ],
)
def test_official_site_banners_are_boilerplate(line: str) -> None:
    assert boilerplate_reason(line) is not None


# --- publication date -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lines", "date", "source", "evidence"),
    [
        (["Ferry route to reopen", "Published March 4,2021", EN_BODY], (2021, 3, 4), "label", "March 4,2021"),
        (["Ferry route to reopen", "Harbour Wire | Busan | Updated: 25-03-2021 10:00 IST | Created: 24-03-2021 09:15 IST",
          EN_BODY], (2021, 3, 24), "label", "24-03-2021"),
        (["여객선 항로 재개", "2021.03.04 해양수산부", KO_BODY], (2021, 3, 4), "byline", "2021.03.04"),
        (["여객선 항로 재개", "2021.03.04 청와대", "인쇄 목록", KO_BODY], (2021, 3, 4), "byline", "2021.03.04"),
    ],
)  # fmt: skip
def test_published_date_forms(lines, date, source, evidence) -> None:
    doc = page(*lines)
    assert doc.published_date == dt.date(*date)
    assert (doc.published_date_source, doc.published_date_evidence) == (source, evidence)


def test_clock_beside_the_weather_box_is_not_the_date() -> None:
    doc = page("2024.05.02 (목)", "• 맑음서울 21.3℃", "• 흐림부산 19.0℃", "기상청 제공", "사회/해양", "여객선 항로 재개 합의",
               KO_BODY)  # fmt: skip
    assert doc.published_date is None
    assert doc.title == "여객선 항로 재개 합의"


def test_dashed_dates_only_when_the_order_is_certain() -> None:
    assert [d for d, _, _ in full_date_spans("17-06-2024 19:45")] == [dt.date(2024, 6, 17)]
    assert [d for d, _, _ in full_date_spans("12-25-2024")] == [dt.date(2024, 12, 25)]
    assert full_date_spans("06-07-2024") == []  # 6 July or June 7
    assert full_date_spans("тел. 8-914-2024") == []


# --- dateline ---------------------------------------------------------------------------------
def test_wire_dateline_without_its_agency() -> None:
    d = find_dateline("NAKHODKA, March 4. Officials from both ports met on Thursday.")
    assert d is not None and (d.place, d.agency, d.month, d.day, d.year) == ("NAKHODKA", None, 3, 4, None)
    assert find_dateline("However, March 4. Officials met.") is None


def test_closing_byline_glued_to_the_last_sentence() -> None:
    doc = page("여객선 항로 재개", KO_BODY, f"{KO_BODY}/부산=연합", "ⓒ 하버데일리 무단전재 및 재배포 금지")
    assert doc.dateline_place == "부산"
    assert [b.kind for b in doc.blocks][:3] == ["title", "body", "body"]  # the sentence stays text
    assert page("여객선 항로 재개", KO_BODY, f"{KO_BODY}/하버뉴스=연합").dateline_place is None


# --- second batch: a subscriber counter, a portal's summary box, a deck below the date ---------
def test_subscriber_counter_is_not_the_headline() -> None:
    assert boilerplate_reason("51 подписчик") is not None
    doc = page("51 подписчик", "Паром возобновит рейсы между Владивостоком и Пусаном", RU_BODY)
    assert doc.title == "Паром возобновит рейсы между Владивостоком и Пусаном"


def test_korean_agency_dateline_below_a_summary_box() -> None:
    doc = page("여객선 항로 재개 합의", "전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.", KO_BODY, KO_BODY,
               "이 글자크기로 변경됩니다.", "(예시) 가장 빠른 뉴스가 있고 다양한 정보를 전달하고 있습니다.",
               f"(부산=연합뉴스) 김하늘 기자 = {KO_BODY}")  # fmt: skip
    assert doc.dateline_place == "부산"


def test_deck_below_the_date_line_is_not_the_headline() -> None:
    doc = page("All news", "Ferry route between Busan and Vladivostok to reopen", "March 4, 2021, 13:59 UTC+3",
               "The first ferry in three years will carry passengers and cargo between the two ports from April",
               "1 pages in this article", f"BUSAN, March 4 (Itar-Tass) — {EN_BODY}")  # fmt: skip
    assert doc.title == "Ferry route between Busan and Vladivostok to reopen"
    assert doc.published_date == dt.date(2021, 3, 4)


# --- third batch: a tag cloud printed twice on one line, a caption with position marks -----------
def test_a_tag_line_printed_twice_is_not_the_headline() -> None:
    tags = "Владимир Путин Сергей Лавров Россия КНДР Пхеньян МИД политика"
    doc = page(f"{tags} {tags}", "Лавров в Пхеньяне: отношения вышли на новый уровень", RU_BODY)
    assert doc.title == "Лавров в Пхеньяне: отношения вышли на новый уровень"


@pytest.mark.parametrize(
    "caption",
    [
        "Busan Mayor Jane Doe (R) meets the governor of Primorye in Vladivostok. -/Harbour Office/dpa",
        "Busan Mayor Jane Doe (2nd L) meets the governor of Primorye in Vladivostok",
    ],
)
def test_a_caption_printed_twice_is_not_the_headline(caption: str) -> None:
    doc = page("Ferry route to reopen next spring", caption, caption, EN_BODY)
    assert doc.title == "Ferry route to reopen next spring"
    assert is_caption(caption)


def test_a_site_tagline_above_the_date_is_not_taken_for_the_headline() -> None:
    doc = page("Новости порта и морского транспорта", "04.03.2021",
               "Паром возобновит рейсы между Владивостоком и Пусаном", RU_BODY)  # fmt: skip
    assert doc.title == "Паром возобновит рейсы между Владивостоком и Пусаном"
