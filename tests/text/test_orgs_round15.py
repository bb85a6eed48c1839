"""Round 15 (organisation recall that generalises): bodies found by how their names are built, in
the three languages. Korean: a compound ending in a body's head syllable, named before its own
chief's post; a university named by its place and its kind. Russian: a firm's Latin name after its
kind, a legal form before an unquoted name, a lower-case body owned by a region, a capitalised
head's genitive chain joined by "и" and owned by an academy's acronym, a lower-case unit before its
body. English: a company's trades joined by "&"; a catalog acronym written as a word. Sentences
written for these tests; each kind has cases where it must not fire."""

from __future__ import annotations

import pytest

from tests.text.lines import named as _named


@pytest.mark.parametrize(("text", "org"), [
    ("김동연 부총리 겸 기획재정부 장관은 회의에 참석했다.", "기획재정부"),
    ("남관표 국가안보실 2차장이 브리핑을 했다.", "국가안보실"),
    ("산업통상자원부 차관은 회의를 열었다.", "산업통상자원부"),
])
def test_korean_body_named_before_its_chiefs_post(text: str, org: str) -> None:
    assert _named(text, "ko").get(org) == "ORG", _named(text, "ko")


@pytest.mark.parametrize("text", [
    "일부 장관들은 반대했다.",  # "some ministers": one noun, no body
    "사업본부 실장이 말했다.",  # a headquarters' division chief
    "당 지도부 대변인은 말했다.",  # the party leadership
    "연방정부 대변인은 말했다.",  # a government, not a ministry
])
def test_korean_compound_before_a_post_that_names_no_body(text: str) -> None:
    assert "ORG" not in _named(text, "ko").values(), _named(text, "ko")


@pytest.mark.parametrize(("text", "org"), [
    ("이번 협정을 통해 서울대와 모스크바 국립대는 매년 학생 5명을 교환한다.", "모스크바 국립대"),
    ("경주대는 옴스크 국립대학과 협정을 맺었다.", "옴스크 국립대학"),
])
def test_korean_university_named_by_place_and_kind(text: str, org: str) -> None:
    found = _named(text, "ko")
    assert found.get(org) == "ORG", found


def test_a_bare_kind_of_university_keeps_no_place() -> None:
    found = _named("국립대 총장들이 모였다.", "ko")
    assert not any(" " in s for s in found), found


@pytest.mark.parametrize(("text", "org"), [
    ("Недавно «Газпром» и южнокорейская компания Hanwha утвердили дорожную карту.", "Hanwha"),
    ("Соглашение подписали ПАО Сбербанк и банк ВТБ.", "ПАО Сбербанк"),
    ("Контракт получило АО Росатом.", "АО Росатом"),
])
def test_russian_firm_by_kind_or_legal_form(text: str, org: str) -> None:
    assert _named(text, "ru").get(org) == "ORG", _named(text, "ru")


def test_russian_legal_form_before_a_person_is_no_company_name() -> None:
    found = _named("Директор ООО Иван Петров уволился.", "ru")
    assert "ООО Иван" not in found and "ООО Иван Петров" not in found, found


def test_russian_kind_before_a_latin_place_is_no_company() -> None:
    found = _named("Компания Seoul открыла офис.", "ru")
    assert found.get("Seoul") != "ORG", found


@pytest.mark.parametrize(("text", "org"), [
    ("Среди участников был руководитель агентства по международным и межрегиональным связям Калининградской "
     "области.", "агентства по международным и межрегиональным связям Калининградской области"),
    ("Письмо направил комитет по делам молодёжи Приморского края.", "комитет по делам молодёжи Приморского края"),
])
def test_russian_lower_case_body_owned_by_a_region(text: str, org: str) -> None:
    assert _named(text, "ru").get(org) == "ORG", _named(text, "ru")


@pytest.mark.parametrize("text", [
    "Комитет провёл работу по делам молодёжи.",
    "Он говорил по телефону с министром.",
    "Работы по строительству дороги начались.",
])
def test_russian_matter_phrase_without_owner_is_no_body(text: str) -> None:
    found = _named(text, "ru")
    assert not any(" по " in s for s in found), found


@pytest.mark.parametrize(("text", "org"), [
    ("Доклад подготовил Институт мировой экономики и международных отношений РАН.",
     "Институт мировой экономики и международных отношений РАН"),
    ("В работе участвовала Исследовательская группа по вопросам Российской Федерации.",
     "Исследовательская группа по вопросам Российской Федерации"),
    ("С докладом выступил директор Института Дальнего Востока РАН.", "Института Дальнего Востока РАН"),
])
def test_russian_capitalised_body_chains(text: str, org: str) -> None:
    assert _named(text, "ru").get(org) == "ORG", _named(text, "ru")


def test_russian_unit_before_its_body() -> None:
    found = _named("Выступил руководитель центра корейских исследований Института Дальнего Востока РАН.", "ru")
    assert found.get("центра корейских исследований") == "ORG", found
    assert found.get("Института Дальнего Востока РАН") == "ORG", found


@pytest.mark.parametrize("text", [
    "Заседание прошло в центре города Москвы.",
    "Он работал в отделе продаж компании.",
    "Встреча прошла в центре Москвы.",
])
def test_russian_lower_case_unit_needs_a_named_body(text: str) -> None:
    assert "ORG" not in _named(text, "ru").values(), _named(text, "ru")


def test_english_company_trades_joined_by_ampersand() -> None:
    text = "The contract went to a consortium led by Hyundai Engineering & Construction with a 49 percent share."
    assert _named(text, "en").get("Hyundai Engineering & Construction") == "ORG", _named(text, "en")


def test_english_two_companies_joined_by_ampersand_stay_two() -> None:
    found = _named("Samsung & LG phones sold well.", "en")
    assert "Samsung & LG" not in found, found


def test_catalog_acronym_written_as_a_word() -> None:
    found = _named("Недавно «Газпром» и южнокорейская компания Kogas утвердили дорожную карту.", "ru")
    assert found.get("Kogas") == "ORG", found


@pytest.mark.parametrize(("text", "org"), [
    ("한-러 비즈니스 협의회가 출범했다.", "한-러 비즈니스 협의회"),
    ("한·러 대화 조정위원회 위원장이 말했다.", "한·러 대화 조정위원회"),
])
def test_korean_body_of_two_countries_named_by_description(text: str, org: str) -> None:
    assert _named(text, "ko").get(org) == "ORG", _named(text, "ko")


@pytest.mark.parametrize("text", [
    "한러 정상회담이 열렸다.",  # a summit, no body
    "한-러 정상은 포럼에서 만났다.",  # the pair is not in the head's name
    "한국 비즈니스 협의회가 출범했다.",  # one country's description, no pair
])
def test_korean_country_pair_without_a_body_head_names_nothing(text: str) -> None:
    assert "ORG" not in _named(text, "ko").values(), _named(text, "ko")


def test_korean_mission_with_the_city_it_serves_in_glued_to_ju() -> None:
    found = _named("주블라디보스토크 대한민국 총영사관은 행사를 열었다.", "ko")
    assert found.get("주블라디보스토크 대한민국 총영사관") == "ORG", found


@pytest.mark.parametrize(("text", "org"), [
    ("고려대 노어노문학과 학생들이 참가했다.", "고려대 노어노문학과"),  # a unit is named with its university (corpus convention)
    ("코트라 블라디보스토크 무역관은 설명회를 열었다.", "코트라 블라디보스토크 무역관"),
])
def test_korean_unit_of_a_university_is_a_body(text: str, org: str) -> None:
    found = _named(text, "ko")
    assert found.get(org) == "ORG", found


def test_korean_unit_word_is_no_persons_name() -> None:
    found = _named("러시아 극동연방대 한국학과 교수는 말했다.", "ko")
    assert found.get("한국학과") == "ORG" and "PERSON" not in found.values(), found


def test_korean_bare_unit_word_names_nothing() -> None:
    assert _named("그는 학과 교수를 만났다.", "ko") == {}


@pytest.mark.parametrize(("text", "orgs"), [
    ("The Korea Maritime Institute and Rosmorport signed an MOU.", ["Korea Maritime Institute", "Rosmorport"]),
    ("The Korea Development Bank and Vnesheconombank signed a deal.", ["Korea Development Bank", "Vnesheconombank"]),
])
def test_english_body_ending_in_its_head_and_another_name_are_two(text: str, orgs: list[str]) -> None:
    found = _named(text, "en")
    assert all(found.get(o) == "ORG" for o in orgs), found


@pytest.mark.parametrize(("text", "org"), [
    ("The Primorye Chamber of Commerce and Industry hosted the forum.", "Primorye Chamber of Commerce and Industry"),
    ("The Far Eastern Shipbuilding and Ship Repair Center will build the ships.",
     "Far Eastern Shipbuilding and Ship Repair Center"),
])
def test_english_and_inside_a_name_still_does_not_cut_it(text: str, org: str) -> None:
    assert _named(text, "en").get(org) == "ORG", _named(text, "en")


@pytest.mark.parametrize(("text", "org"), [
    ("The tanker was ordered by Sovcomflot PJSC last year.", "Sovcomflot PJSC"),
    ("Shares of Sollers OJSC rose.", "Sollers OJSC"),
])
def test_russian_legal_forms_after_a_latin_name(text: str, org: str) -> None:
    assert _named(text, "en").get(org) == "ORG", _named(text, "en")


def test_korean_association_before_its_presidents_post_with_its_place() -> None:
    found = _named("연해주 한인회 회장이 말했다.", "ko")
    assert found.get("연해주 한인회") == "ORG" and "PERSON" not in found.values(), found


@pytest.mark.parametrize("text", ["이사회 회장이 말했다.", "사회 회장이 말했다."])
def test_korean_one_noun_before_a_presidents_post_is_no_body(text: str) -> None:
    assert "ORG" not in _named(text, "ko").values(), _named(text, "ko")


@pytest.mark.parametrize(("text", "org"), [
    ("Участники российско-корейского форума ректоров обсудили обмены.", "российско-корейского форума ректоров"),
    ("Заседание российско-корейского совета предпринимателей прошло в Сеуле.",
     "российско-корейского совета предпринимателей"),
])
def test_russian_bilateral_body_named_by_its_members(text: str, org: str) -> None:
    assert _named(text, "ru").get(org) == "ORG", _named(text, "ru")


@pytest.mark.parametrize("text", [
    "На российско-корейском форуме говорили о многом.",  # a bare bilateral forum is a description
    "В российско-корейском совете работ нет.",  # a genitive plural of things, not of members
])
def test_russian_bilateral_head_without_members_or_qualifier_names_nothing(text: str) -> None:
    assert "ORG" not in _named(text, "ru").values(), _named(text, "ru")


@pytest.mark.parametrize(("text", "org"), [
    ("Соглашение подписала Корпорация развития Дальнего Востока и Арктики.",
     "Корпорация развития Дальнего Востока и Арктики"),
    ("На встрече были представители Школы региональных и международных исследований ДВФУ.",
     "Школы региональных и международных исследований ДВФУ"),
    ("Студенты Университета дружбы народов приехали.", "Университета дружбы народов"),
])
def test_russian_capitalised_heads_of_companies_schools_universities(text: str, org: str) -> None:
    assert _named(text, "ru").get(org) == "ORG", _named(text, "ru")


@pytest.mark.parametrize("text", [
    "В Академии наук прошла встреча.",  # one genitive, no place or owner: could be a description
    "Он рассказал о Москве и Сеуле.",
])
def test_russian_capitalised_head_needs_a_chain_place_or_owner(text: str) -> None:
    assert "ORG" not in _named(text, "ru").values(), _named(text, "ru")


def test_short_name_in_brackets_after_a_body_is_the_body() -> None:
    found = _named("The Skolkovo Institute of Science and Technology (Skoltech) signed a pact.", "en")
    assert found.get("Skoltech") == "ORG", found


@pytest.mark.parametrize(("text", "word", "etype"), [
    ("The Korea Maritime Institute (Busan) hosted it.", "Busan", "GPE"),  # another initial: where it is
    ("The visit of Igor Morgulov (Moscow) was short.", "Moscow", "GPE"),  # after a person
])
def test_bracketed_word_that_is_no_short_name_keeps_its_type(text: str, word: str, etype: str) -> None:
    assert _named(text, "en").get(word) == etype, _named(text, "en")


@pytest.mark.parametrize(("text", "org"), [
    ("Студенты посетили завод «Звезда» в Большом Камне.", "Звезда"),
    ("В университете «Синергия» открыли центр.", "Синергия"),
])
def test_russian_body_named_in_quotes_after_its_kind(text: str, org: str) -> None:
    assert _named(text, "ru").get(org) == "ORG", _named(text, "ru")


def test_russian_quotes_after_no_kind_word_name_no_body() -> None:
    assert "ORG" not in _named("Он назвал это «историческим событием».", "ru").values()
