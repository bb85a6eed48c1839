"""Round 8 (unseen pages): a headline pushed down by a weather widget, a deck of glued quotes,
and a story signed at its end with its date and place. Pages written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.text.clean import clean_document

EN_BODY = "Officials from both countries agreed on Tuesday to widen cooperation in fisheries and port logistics."
RU_BODY = "Представители двух стран договорились расширить сотрудничество в области рыболовства и логистики."
KO_BODY = "양국 대표단은 수산업과 항만 물류 분야의 협력을 확대하기로 합의했다고 관계자가 전했다."


def _doc(*lines: str, title_hint: str | None = None):
    return clean_document("\n".join(lines), source_format="txt", title_hint=title_hint)


WEATHER = [f"• 맑음{city} {t}℃" for city, t in (
    ("서울", "12.1"), ("부산", "17.3"), ("대구", "13.0"), ("인천", "11.8"), ("광주", "14.2"), ("대전", "12.9"),
    ("울산", "16.4"), ("세종", "12.2"), ("수원", "11.5"), ("춘천", "9.8"), ("청주", "12.0"), ("전주", "13.1"),
    ("포항", "15.9"), ("제주", "18.7"), ("여수", "16.1"), ("목포", "14.8"))]


def test_headline_below_a_page_clock_and_a_long_weather_widget() -> None:
    doc = _doc("배너", "", "2025.03.12 (수)", "", *WEATHER, "", "기상청 제공", "", "상세검색", "", "국제", "",
               "<러시아> 연해주 대학과 교류 확대", "", "한·러 학생 교환 프로그램 늘어", "", KO_BODY)
    assert doc.title == "<러시아> 연해주 대학과 교류 확대"


def test_twenty_lines_of_text_above_still_end_the_headline_search() -> None:
    lines = [f"메뉴 항목 {k}번 바로가기 안내" for k in range(22)]
    doc = _doc(*lines, "", "연해주 대학과 교류 확대", "", KO_BODY)
    assert doc.title != "연해주 대학과 교류 확대"


@pytest.mark.parametrize("deck", [
    '"병력 이송 진행 중""가족에 거짓말""경제 협력 속도"',
    "“Troops are on the move” “Families were misled”",
])
def test_a_deck_of_glued_quotes_is_no_headline(deck: str) -> None:
    assert _doc(deck, "", KO_BODY if "병력" in deck else EN_BODY).title is None
    assert _doc(deck, "", KO_BODY, title_hint=deck).title is None


def test_a_headline_quoting_someone_is_still_a_headline() -> None:
    doc = _doc('Putin: "We will widen cooperation with Seoul"', "", EN_BODY)
    assert doc.title == 'Putin: "We will widen cooperation with Seoul"'


@pytest.mark.parametrize("signature", ["5 апреля 2013, Минск", "Минск, 5 апреля 2013"])
def test_an_end_signature_gives_the_date_and_the_dateline(signature: str) -> None:
    doc = _doc("Посольство продолжает работу в обычном режиме", "", RU_BODY, "", RU_BODY.replace("двух", "обеих"),
               "", signature, "", "БЕЛТА", "", "Текущая дата: 18.11.2024")
    assert doc.published_date == dt.date(2013, 4, 5)
    assert doc.dateline_place == "Минск"


def test_a_date_and_a_word_that_is_no_city_sign_nothing() -> None:
    doc = _doc("Посольство продолжает работу в обычном режиме", "", RU_BODY, "", "5 апреля 2013, Пятница")
    assert doc.dateline_place is None


@pytest.mark.parametrize(("lines", "title"), [
    (("경제 뉴스", "", "러시아와 북한 대표단은 어업 협력을 논의했다.", "",
      "모스크바, 3월 4일. 러시아 수산청 대표단은 북한 대표단과 함께 어업 분야 협력 확대를 논의했다고 밝혔다."),
     "러시아와 북한 대표단은 어업 협력을 논의했다."),
    (("Fisheries officials of both countries met in Moscow.", "",
      "MOSCOW, March 4 (Yonhap) -- " + EN_BODY),
     "Fisheries officials of both countries met in Moscow."),
])
def test_a_one_sentence_headline_right_on_the_dateline(lines: tuple[str, ...], title: str) -> None:
    assert _doc(*lines).title == title


@pytest.mark.parametrize("above", [
    "The talks lasted two hours. Both sides were pleased.",  # two sentences: running text
    "Photo: the delegation in the port.",  # a labelled line
])
def test_other_lines_on_the_dateline_are_no_headline(above: str) -> None:
    assert _doc(above, "", "MOSCOW, March 4 (Yonhap) -- " + EN_BODY).title is None
