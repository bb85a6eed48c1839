"""Names met on unseen pages (third probe round): North Korean surnames in Russian, a city's
own bodies, official-style capitalised legislatures, title + first name read as a body,
holidays read as bodies, "our country" in Korean, Baikal, Tass, Rodong Sinmun, and ë in
romanised Russian names. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from pipeline.text.clean import clean_document
from pipeline.text.segment import split_sentences
from pipeline.text.tagging import tag_document
from pipeline.text.tagging.romanize import romanize
from pipeline.text.types import SentenceSpan
from tests.text.lines import tag_lines as _tag


def _typed(text: str, lang: str) -> set[tuple[str, str]]:
    return {(m.entity_type, m.surface) for m in _tag(text, lang)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Вчера министр иностранных дел КНДР Ри Сон Гвон встретился с коллегой в Москве.", "Ри Сон Гвон"),
        ("В ноябре делегацию возглавил министр культуры Сын Чон Гю.", "Сын Чон Гю"),
        ("На форуме выступила Кым Сон Хи из Пхеньяна.", "Кым Сон Хи"),
    ],
)
def test_north_korean_surnames_in_russian(text: str, name: str) -> None:
    assert ("PERSON", name) in _typed(text, "ru")


def test_a_sentence_starting_with_son_is_not_a_name() -> None:
    surfaces = {m.surface for m in _tag("Сын Ким Ир Сена приехал в Москву на переговоры.", "ru")}
    assert not any(s.startswith("Сын") for s in surfaces)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Председатель Думы города Находки поздравил гостей с праздником.", "Думы города Находки"),
        ("Консульство совместно с Администрацией г. Владивостока провело субботник.", "Администрацией г. Владивостока"),
        ("Глава администрации города Уссурийска встретился с делегацией.", "администрации города Уссурийска"),
        ("Об этом сообщил представитель Законодательного Собрания Приморского края.",
         "Законодательного Собрания Приморского края"),
    ],
)
def test_city_bodies_and_capitalised_legislatures(text: str, org: str) -> None:
    assert ("ORG", org) in _typed(text, "ru")


def test_a_person_after_the_word_city_is_not_a_body() -> None:
    found = _typed("В встрече участвовал начальник управления администрации города Виталий Еремеев.", "ru")
    assert not any(t == "ORG" and "Виталий" in s for t, s in found)


def test_title_and_first_name_are_not_a_body() -> None:
    found = _typed("According to Kremlin official and Russian Presidential Aide Yury Ushakov, the treaty is new.", "en")
    assert ("PERSON", "Yury Ushakov") in found
    assert not any(t == "ORG" and "Yury" in s for t, s in found)


def test_a_holiday_is_not_a_body() -> None:
    found = _typed("The Embassy held a reception devoted to the celebration of the Diplomatic Service Day.", "en")
    assert not any("Day" in s for _, s in found)


def test_our_country_is_not_a_place_name() -> None:
    found = _typed("우리나라와 러시아는 극동 지역에서 협력을 확대하기로 했다.", "ko")
    assert ("GPE", "러시아") in found
    assert not any(s == "우리나라" for _, s in found)


@pytest.mark.parametrize(
    ("text", "lang", "mention"),
    [
        ("정부는 「2030 극동·바이칼 개발 프로그램」을 발표했다.", "ko", ("LOC", "바이칼")),
        ("Экспедиция отправилась к озеру Байкал в июле.", "ru", ("LOC", "озеру Байкал")),
        ("Russia's Tass news agency quoted the minister as saying so.", "en", ("ORG", "Tass news agency")),
        ("The letter was published in Pyongyang's official newspaper Rodong Sinmun on Monday.", "en",
         ("ORG", "Rodong Sinmun")),
    ],
)
def test_catalog_names(text: str, lang: str, mention: tuple[str, str]) -> None:
    assert mention in _typed(text, lang)


def test_russian_yo_is_romanised() -> None:
    assert romanize("Пётр Ерёменко", "ru", person=True) == "Pëtr Yerëmenko"


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("В честь гостей был устроен прием от имени министерства внешнеэкономических дел.",
         "министерства внешнеэкономических дел"),
        ("Представители министерства культуры Республики Корея прибыли в Хабаровск.",
         "министерства культуры Республики Корея"),
        ("Министерство природных ресурсов и экологии России подготовило доклад.",
         "Министерство природных ресурсов и экологии России"),
    ],
)
def test_ministries_named_by_their_portfolio(text: str, org: str) -> None:
    assert ("ORG", org) in _typed(text, "ru")


def test_a_minister_is_not_a_ministry() -> None:
    assert not any(t == "ORG" for t, _ in _typed("Заместитель министра культуры прибыл в Хабаровск.", "ru"))


@pytest.mark.parametrize(
    ("text", "lang", "fac"),
    [
        ("The cargo flight departed from Incheon International Airport in 2021.", "en", "Incheon International Airport"),
        ("In September last year, Putin met Kim at the Vostochny Cosmodrome space launch center in the Far East.",
         "en", "Vostochny Cosmodrome"),
        ("부산시는 벡스코컨벤션센터에서 포럼을 개최할 예정이다.", "ko", None),
    ],
)
def test_facilities_are_not_bodies(text: str, lang: str, fac: str | None) -> None:
    found = _typed(text, lang)
    if fac is not None:
        assert ("FAC", fac) in found
    assert not any(t == "ORG" and ("Airport" in s or "Cosmodrome" in s or "컨벤션센터" in s) for t, s in found)


def test_the_agency_of_a_glued_closing_byline_is_not_a_mention() -> None:
    found = _typed("두 정상은 오후 5시 회담을 할 예정이다./블라디보스토크=연합", "ko")
    assert ("GPE", "블라디보스토크") in found
    assert not any("연합" in s for _, s in found)


def test_a_bare_embassy_is_not_a_name() -> None:
    assert not _typed("On February 10 the Embassy held a reception for its guests.", "en")


def test_a_photo_credit_glued_to_alt_text_is_not_a_name() -> None:
    raw = ("부산-블라디보스토크 항로 재개 합의\n\n입력 2021-03-04 09:15\n\n"
           "왼쪽부터 김하늘 부산시장과 올레그 코제먀코 연해주지사 사진연합뉴스\n\n"
           "왼쪽부터 김하늘 부산시장과 올레그 코제먀코 연해주지사 [사진=연합뉴스]\n\n"
           "김하늘 부산시장은 4일 올레그 코제먀코 연해주지사와 항로 재개에 합의했다고 밝혔다. 양측은 내년 봄부터 부산과 "
           "블라디보스토크를 잇는 여객선을 주 2회 운항하고, 화물 운송과 관광 교류도 함께 늘려 나가기로 했다고 시 관계자가 전했다.")
    doc = clean_document(raw, source_format="txt")
    sents = [SentenceSpan(0, 0, s, e) for b in doc.blocks for s, e in split_sentences(doc.text, b.start, b.end)]
    sents = [SentenceSpan(i, 0, s.start, s.end) for i, s in enumerate(sents)]
    mentions, _ = tag_document(doc.text, "ko", doc.blocks, sents, None)
    assert ("PERSON", "올레그 코제먀코") in {(m.entity_type, m.surface) for m in mentions}
    assert not any("연합" in m.surface for m in mentions)


@pytest.mark.parametrize(
    ("text", "lang", "org", "place"),
    [
        # (round 12: a mission's name runs on through where it serves; that place is mentioned too)
        ("Генеральное консульство Республики Корея во Владивостоке провело субботник.", "ru",
         "Генеральное консульство Республики Корея во Владивостоке", "Республики Корея"),
        ("Ha Tae Yok, Minister Plenipotentiary at the Embassy of the Republic of Korea in Moscow, spoke first.", "en",
         "Embassy of the Republic of Korea in Moscow", "Republic of Korea"),
    ],
)
def test_a_place_inside_a_body_name_is_also_mentioned(text: str, lang: str, org: str, place: str) -> None:
    mentions = _tag(text, lang)
    found = {(m.entity_type, m.surface) for m in mentions}
    assert ("ORG", org) in found and ("GPE", place) in found
    for kind in {m.entity_type for m in mentions}:  # one type's spans never overlap
        spans = sorted((m.char_start, m.char_end) for m in mentions if m.entity_type == kind)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
