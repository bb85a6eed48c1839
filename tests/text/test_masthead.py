"""A newspaper's name printed alone above the headline (its masthead) is not the headline: the
line below it that tells the story is. Written pages; the names are shapes, not a list."""

from __future__ import annotations

import pytest

from pipeline.text.headline import masthead
from tests.text.written_pages import page

EN_LEAD = ("Seoul and Moscow agreed on Tuesday to reopen the fisheries commission, the foreign ministry "
           "said, after two years in which the commission did not meet.")
RU_LEAD = ("Сеул и Москва во вторник договорились возобновить работу комиссии по рыболовству, сообщили в "
           "министерстве иностранных дел после двух лет перерыва.")
KO_LEAD = "서울과 모스크바는 화요일 어업위원회 활동을 재개하기로 합의했다고 외교부가 밝혔다. 위원회는 2년 동안 열리지 않았다."


@pytest.mark.parametrize("line", [
    "The Korea Times", "Korea JoongAng Daily", "The Vladivostok News", "Sakhalin Herald", "The Moscow Times",
    "Российская газета", "Приморская газета", "РИА Новости", "Вести Приморья", "동아일보", "아시아투데이", "연합뉴스",
])
def test_outlet_names(line: str) -> None:
    assert masthead(line)


@pytest.mark.parametrize("line", [
    "Why Seoul and Moscow reopened the fisheries commission",
    "Korea Times says fisheries talks resume",  # a verb: a sentence about the paper
    "Yonhap News Agency reports on the talks",
    "News", "Fisheries News: the commission meets again",
    "Правда о рыболовной комиссии",  # "the truth about": a headline, not «Правда»
    "Комиссия по рыболовству возобновит работу",
    "러시아 뉴스", "어업위원회 2년 만에 재개",
    "Korea Times 2024",
])
def test_not_outlet_names(line: str) -> None:
    assert not masthead(line)


@pytest.mark.parametrize(("top", "headline", "lead"), [
    ("The Korea Times", "Seoul and Moscow reopen the fisheries commission after two years", EN_LEAD),
    ("Российская газета", "Сеул и Москва возобновят работу комиссии по рыболовству", RU_LEAD),
    ("동아일보", "한러 어업위원회 2년 만에 재개 합의", KO_LEAD),
])
def test_the_headline_under_the_masthead_is_chosen(top: str, headline: str, lead: str) -> None:
    doc = page(top, "", headline, "", lead)
    assert doc.title == headline


def test_a_page_whose_headline_names_a_paper_keeps_it() -> None:
    headline = "Korea Times and Moscow daily sign exchange agreement on fisheries reporting"
    doc = page(headline, "", EN_LEAD)
    assert doc.title == headline


@pytest.mark.parametrize("line", [
    "한러 수교 기념 공동 학술회의 일정표. /한국외대",
    "양국 장관이 기념촬영을 하고 있다. /외교부 제공",
    "The ministers shake hands in Seoul. /Foreign Ministry",
])
def test_a_caption_credited_after_a_slash_is_no_headline(line: str) -> None:
    from pipeline.text.headline import is_caption

    assert is_caption(line)
    doc = page("한러 어업위원회 2년 만에 재개 합의", "", line, "", KO_LEAD)
    assert doc.title == "한러 어업위원회 2년 만에 재개 합의"


@pytest.mark.parametrize("line", [
    "Korea, Russia agree on fisheries quota for 2025/2026",
    "한러 어업위원회 2년 만에 재개/종합",
])
def test_a_slash_in_a_headline_is_no_credit(line: str) -> None:
    from pipeline.text.headline import is_caption

    assert not is_caption(line)
