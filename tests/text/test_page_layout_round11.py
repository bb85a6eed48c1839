"""Round 11 (unseen pages): pages whose first line is not the headline, and two dateline forms.

A first line that is a dateline ('Город, D месяца, Agency'), an editorial office's contact lines,
a 'Section: Subsection' label, a video player's controls and a site's metadata row above the
headline or the story; a lead sentence broken by stray line breaks (no headline at all); the ANI
dateline 'City [Country], Month D (ANI/Agency):'. Pages written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.text.boilerplate import boilerplate_reason
from pipeline.text.dateline import find_dateline
from pipeline.text.headline import _rubric_label_line
from pipeline.text.published_date import line_candidates
from tests.text.written_pages import EN_BODY, page

RU_BODY = ("Стороны договорились расширить сотрудничество в области рыболовства и портовой логистики, "
           "сообщили в пресс-службе правительства края.")


def test_a_first_line_dateline_is_no_title_and_gives_the_place() -> None:
    doc = page("Владивосток, 3 марта, ПортНьюс", "",
               "Делегация из Пусана прибыла во Владивосток для переговоров о новой паромной линии.", RU_BODY)
    assert doc.title is None
    assert doc.dateline_place == "Владивосток"
    assert doc.published_date is None  # no year written: no date


@pytest.mark.parametrize("line", [
    "Москва, 12 июня, Россия отмечает праздник вместе со всей страной.",
    "Хабаровск, 17 апреля, мэр города встретился с генеральным консулом.",
    "Сирень, 3 марта, ПортНьюс",  # not a city
])
def test_a_sentence_after_place_and_date_is_no_agency_dateline(line: str) -> None:
    assert find_dateline(line) is None


def test_ani_dateline_with_the_country_in_brackets() -> None:
    doc = page("Ferry link to Busan to reopen", "",
               "Vladivostok [Russia], March 3 (ANI/Sputnik): The regional government said the ferry to Busan "
               "would sail again from April, after a pause of two years.", EN_BODY)
    assert doc.title == "Ferry link to Busan to reopen"
    assert doc.dateline_place == "Vladivostok"
    assert doc.published_date is None  # no year written


def test_contact_lines_above_the_headline_are_chrome() -> None:
    doc = page("Телефон редакции (4232) 11-22-33", "WhatsApp редакции «Вести-Порт» +7-900-111-22-33", "",
               "Паромная линия до Пусана возобновит работу весной", "",
               "Правительство края сообщило, что паром до Пусана снова выйдет в рейс в апреле.", RU_BODY)
    assert doc.title == "Паромная линия до Пусана возобновит работу весной"


@pytest.mark.parametrize("line", [
    "Справки по телефону 8-800-111-22-33.",  # a sentence
    "Telegram channel reached 1200000 subscribers in May",  # a number, no phone
    "Путин и Мун обсудили по телефону 1234-5678",  # the contact word is not the line's label
])
def test_a_number_in_a_sentence_or_headline_is_no_contact_line(line: str) -> None:
    assert boilerplate_reason(line) != "contact"


def test_section_subsection_label_above_the_headline_is_not_the_title() -> None:
    doc = page("Информация: Экономика и бизнес", "",
               "Приморье и Пусан откроют новую паромную линию", "",
               "Всего планируется подписать пять соглашений, в том числе о морских перевозках", "",
               "Правительство края сообщило, что паром до Пусана снова выйдет в рейс в апреле.", RU_BODY)
    assert doc.title == "Приморье и Пусан откроют новую паромную линию"


@pytest.mark.parametrize("line", [
    "Путин: Россия и мир",  # a name and a claim, no section word
    "Новости: Путин посетил Сеул и Пекин в мае",  # a sentence after the label
])
def test_a_headline_with_a_colon_is_no_section_label(line: str) -> None:
    assert not _rubric_label_line(line)


def test_meta_row_and_player_chrome_above_a_wire_story() -> None:
    doc = page("Source: Harbour Wire| 2021-03-03 10:15:00|Editor: kim", "", "Video Player Close", "",
               "VLADIVOSTOK, March 3 (Harbour Wire) -- The regional government said on Wednesday that the ferry "
               "to Busan would sail again from April.", EN_BODY)
    assert doc.title is None
    assert doc.published_date == dt.date(2021, 3, 3)
    assert doc.dateline_place == "VLADIVOSTOK"


def test_a_date_with_a_label_in_a_row_is_not_the_stamp() -> None:
    found, _ = line_candidates(0, "Deadline: 2021-03-03 | Venue: Busan")
    assert found == []


def test_a_lead_sentence_broken_by_stray_line_breaks_is_no_headline() -> None:
    doc = page("Russian and South Korean port officials will discuss a new ferry line and fishing quotas",
               "during the upcoming visit of the Primorye governor to Busan",
               ", the regional government said on Tuesday.",
               "The governor will also meet shipbuilders in Ulsan, according to the press service.", EN_BODY)
    assert doc.title is None


def test_a_headline_broken_over_two_lines_is_still_one_headline() -> None:
    doc = page("Приморье и Пусан проведут", "первый паромный форум", "",
               "Правительство края сообщило, что форум пройдет в апреле во Владивостоке.", RU_BODY)
    assert doc.title == "Приморье и Пусан проведут первый паромный форум"


KO_BODY = "양국 대표단은 화요일 블라디보스토크에서 수산 협력과 항만 물류 확대 방안을 논의했다고 밝혔다."


@pytest.mark.parametrize("line", [
    "폰트키우기 폰트줄이기 프린트하기 메일보내기 신고하기",  # each button one word: pieces written together
    "글자크기 키우기 줄이기 인쇄하기",
    "폰트 확대 폰트 축소 프린트하기",
])
def test_korean_toolbar_buttons_written_as_one_word_are_a_widget_bar(line: str) -> None:
    assert boilerplate_reason(line) == "widget"


@pytest.mark.parametrize("line", [
    "러시아 극동 투자 확대",
    "기사가 나왔다",  # a word ending in a one-syllable particle is not taken apart
    "한러 관계 확대 기사",
])
def test_ordinary_korean_lines_are_no_toolbar(line: str) -> None:
    assert boilerplate_reason(line) != "widget"


def test_a_glued_toolbar_above_the_headline_is_not_the_title() -> None:
    doc = page("폰트키우기 폰트줄이기 프린트하기 메일보내기 신고하기", "",
               "한러 수산협력 실무회의 블라디보스토크서 열려", "", KO_BODY, "", KO_BODY.replace("화요일", "수요일"))
    assert doc.title == "한러 수산협력 실무회의 블라디보스토크서 열려"


def test_a_breadcrumb_glued_before_the_headline_is_cut() -> None:
    doc = page("HomeLatest NewsSeoul hosts a Korea-Russia science conference", "", EN_BODY, "",
               EN_BODY.replace("Tuesday", "Wednesday"))
    assert doc.title == "Seoul hosts a Korea-Russia science conference"


@pytest.mark.parametrize("headline", [
    "Home Secretary visits Seoul for talks on fisheries",  # a spaced "Home" is a word of the headline
    "Homeland security officials meet in Vladivostok",
])
def test_a_headline_opening_with_home_is_kept(headline: str) -> None:
    assert page(headline, "", EN_BODY, "", EN_BODY.replace("Tuesday", "Wednesday")).title == headline
