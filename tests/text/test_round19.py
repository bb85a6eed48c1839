"""Round 19: famous writers, composers and historical figures in the catalog, a name kiwi reads as
another name plus a contracted particle, and the honorific 씨 glued to a name. Sentences written
for the tests, with the cases that must not fire."""

from __future__ import annotations

from tests.text.lines import named


def test_famous_russian_writers_and_figures_in_korean_and_russian() -> None:
    found = named("레닌과 톨스토이, 도스토예프스키와 푸쉬킨의 작품을 소개했다.", "ko")
    assert {found.get(n) for n in ("레닌", "톨스토이", "도스토예프스키", "푸쉬킨")} == {"PERSON"}
    assert named("Он читал Пушкина и Чехова.", "ru").get("Пушкина") == "PERSON"
    # a name inside a longer word is no mention: the city, the Pushkin House
    assert not named("레닌그라드에서 태어났다.", "ko")
    assert named("서울 뿌쉬낀하우스에서 행사가 열렸다.", "ko").get("뿌쉬낀하우스") == "ORG"
    assert named("The Pushkin House in London hosted the event.", "en").get("Pushkin House") == "ORG"
    assert not named("Книга была толстой и тяжёлой.", "ru")  # an adjective, not Tolstoy


def test_name_read_as_another_name_and_a_contracted_particle() -> None:
    # in context kiwi reads 김영준 as 김영주 + ㄴ (a topic particle): the syllable stays in the name
    found = named("공동주최로 김영준 외교부 대사 등이 참석했다.", "ko")
    assert found.get("김영준") == "PERSON"
    assert not named("우린 그것을 했다.", "ko")  # 우리 + ㄴ: a pronoun, no name


def test_honorific_glued_to_a_name() -> None:
    assert named("북한의 안무가 최영희씨를 초청하였다.", "ko").get("최영희") == "PERSON"
    for text in ("아저씨는 말했다.", "솜씨가 좋았다.", "김씨는 말했다."):
        assert not [s for s, t in named(text, "ko").items() if t == "PERSON"], text


def test_a_street_named_with_an_adjective_is_no_place() -> None:
    assert not named("Офис компании находится на Ленинском проспекте.", "ru")  # not the town Ленинск
    assert not named("На Владивостокской улице открыли кафе.", "ru")
    assert named("Делегация прибыла во Владивосток.", "ru").get("Владивосток") == "GPE"
