"""Round 9 (unseen pages): a section path with a spaced hyphen, two menu items glued above the
headline, a photo's file-name label, a two-digit-year stamp, a country written as a dateline
and a regional paper's closing "place/reporter" byline. Pages written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.text.clean import clean_document
from pipeline.text.dateline import find_dateline
from pipeline.text.headline import is_headline_shaped, is_section_label

EN_BODY = "Officials from both countries agreed on Tuesday to widen cooperation in fisheries and port logistics."
RU_BODY = "Представители двух стран договорились расширить сотрудничество в области рыболовства и логистики."
KO_BODY = "양국 대표단은 수산업과 항만 물류 분야의 협력을 확대하기로 합의했다고 관계자가 전했다."


def _doc(*lines: str):
    return clean_document("\n".join(lines), source_format="txt")


@pytest.mark.parametrize("line", ["Новости - Отрасли ТЭК", "News - Asia Pacific", "Главная / Экономика"])
def test_a_path_from_the_news_rubric_is_a_section_label(line: str) -> None:
    assert is_section_label(line)


def test_a_headline_with_a_spaced_hyphen_is_no_section_path() -> None:
    assert is_headline_shaped("Россия - Корея: новый этап партнёрства")


def test_headline_below_a_news_section_path() -> None:
    doc = _doc("Новости - Отрасли ТЭК", "Россия и Корея обсудят поставки газа", "14.03.11 10:05", RU_BODY)
    assert doc.title == "Россия и Корея обсудят поставки газа"


def test_headline_below_two_glued_menu_items() -> None:
    doc = _doc("Expert views The Northern Route", "Ports of the Pacific: What Comes Next",
               "Busan, South Korea", "List of speakers", "", EN_BODY)
    assert doc.title == "Ports of the Pacific: What Comes Next"


def test_a_headline_naming_the_hague_is_still_the_headline() -> None:
    doc = _doc("Talks held in The Hague on fishing rights", "Officials meet again", "", EN_BODY)
    assert doc.title == "Talks held in The Hague on fishing rights"


@pytest.mark.parametrize("label", ["러시아-블라디보스톡2", "port_photo1"])
def test_a_photo_file_label_is_no_headline(label: str) -> None:
    assert not is_headline_shaped(label)
    assert _doc(label, "", KO_BODY).title is None


def test_a_model_name_is_still_headline_shaped() -> None:
    assert is_headline_shaped("Су-57")


def test_a_two_digit_year_stamp_on_a_russian_page() -> None:
    doc = _doc("Россия и Корея обсудят поставки газа", "14.03.11 10:05", RU_BODY)
    assert doc.published_date == dt.date(2011, 3, 14)


def test_a_two_digit_year_stamp_is_not_read_on_a_korean_page() -> None:
    doc = _doc("연해주 대학과 교류 확대", "14.03.11 10:05", KO_BODY)
    assert doc.published_date is None


def test_a_country_in_capitals_before_a_hyphen_is_a_dateline() -> None:
    d = find_dateline("SOUTH KOREA - South Korea has agreed with Russia to raise its fishing quota, the ministry said.")
    assert d is not None and d.place == "SOUTH KOREA"


def test_an_acronym_before_a_hyphen_is_no_dateline() -> None:
    assert find_dateline("NATO - The alliance has agreed with its partners to raise spending again, officials said.") is None


def test_closing_place_and_reporter_byline() -> None:
    doc = _doc("연해주 대학과 교류 확대", "", KO_BODY, "", KO_BODY, "", "블라디보스톡/홍길동기자 gdhong@example.com")
    assert doc.dateline_place == "블라디보스톡"


def test_an_outlet_before_the_slash_is_no_place() -> None:
    doc = _doc("연해주 대학과 교류 확대", "", KO_BODY, "", KO_BODY, "", "부산경제신문/홍길동기자")
    assert doc.dateline_place is None


def test_unlabelled_headlines_after_the_last_sentence_are_a_trailer() -> None:
    from pipeline.text.layout import split_trailer

    story = ["Первый абзац новости о встрече делегаций.", "Стороны договорились продолжить переговоры в Москве."]
    others = ["Губернатор Приморья открыл новый морской терминал", "В Хабаровске прошла выставка корейских художников",
              "Цены на уголь в Азии снова выросли за неделю", "Паромная линия из Зарубино возобновит работу летом"]
    kept, related = split_trailer(story + others)
    assert kept == story
    assert [r.text for r in related] == others


def test_hard_wrapped_prose_after_a_sentence_is_no_trailer() -> None:
    """Lines of a wrapped paragraph are headline-long and unpunctuated too, but a line starting
    in lower case continues the one before."""
    from pipeline.text.layout import split_trailer

    paras = ["Делегация прибыла на вокзал утром.",
             "Напомним, глава делегации прибыл с официальным визитом в край",
             "в начале недели. Первой точкой на его пути стала пограничная",
             "станция, где его встретили губернатор и министр, после чего стороны",
             "провели переговоры о развитии сотрудничества в области транспорта"]
    assert split_trailer(paras) == (paras, [])
