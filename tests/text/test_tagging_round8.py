"""Round 8 (unseen pages): organisations the catalog does not know, found by the shape of
their names (a head noun with a proper stem, a body and its head's post written as one word,
a legislature's committee). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.text.lines import named as _named

# --- Korean ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "org"), [
    ("박영수 한국북방정책학회장은 토론회에서 발표했다.", "한국북방정책학회"),
    ("최민호 국가정보원장이 회의에 출석했다.", "국가정보원"),
    ("정수진 해양전략연구원장과 러시아 측 인사들이 만났다.", "해양전략연구원"),
    ("이반 페트로프 극동개발부장관 보좌관이 방한했다.", "극동개발부"),
])
def test_a_body_glued_to_its_heads_post_is_the_body(text: str, org: str) -> None:
    assert _named(text, "ko").get(org) == "ORG"


def test_a_divisions_chief_names_no_body() -> None:
    found = _named("김철수 미래전략본부장이 발표했다.", "ko")
    assert not any(s.endswith("본부") for s in found), found


@pytest.mark.parametrize(("text", "org"), [
    ("문종호 회장은 세계태권도연맹 총회에 참석했다.", "세계태권도연맹"),
    ("유라시아문학출판사는 새 번역서를 냈다.", "유라시아문학출판사"),
    ("대통령은 유럽의회에서 화상 연설을 했다.", "유럽의회"),
])
def test_korean_heads_with_a_proper_stem_name_a_body(text: str, org: str) -> None:
    assert _named(text, "ko").get(org) == "ORG"


@pytest.mark.parametrize("text", [
    "그는 생방송에서 이 문제를 말했다.",
    "지역신문 기자들이 현장을 찾았다.",
    "러신문 기고문이 화제가 됐다.",
])
def test_common_words_ending_in_a_media_head_are_no_body(text: str) -> None:
    assert not any(t == "ORG" for t in _named(text, "ko").values()), _named(text, "ko")


@pytest.mark.parametrize(("text", "org"), [
    ("장관은 어제 국회 외교통일위원회 회의에 출석했다.", "국회 외교통일위원회"),
    ("원장은 국회 정보위원회에서 보고했다.", "국회 정보위원회"),
])
def test_a_legislatures_committee_is_one_name(text: str, org: str) -> None:
    found = _named(text, "ko")
    assert found.get(org) == "ORG", found
    assert "국회" not in found


@pytest.mark.parametrize(("text", "org"), [
    ("한국 공기업 KDB가 항만 개발에 투자한다.", "KDB"),
    ("러시아 뉴스매체 보스토크미디어는 어제 보도했다.", "보스토크미디어"),
    ("미국 기업 테슬라는 새 공장을 짓는다.", "테슬라"),
])
def test_a_name_after_the_kind_of_body_it_is(text: str, org: str) -> None:
    assert _named(text, "ko").get(org) == "ORG", _named(text, "ko")


@pytest.mark.parametrize("text", [
    "국내 기업 대표들이 회의에 모였다.",
    "이 기관 김철수 원장은 말했다.",
])
def test_a_common_noun_or_a_person_after_a_body_kind_is_no_body(text: str) -> None:
    assert not any(t == "ORG" for t in _named(text, "ko").values()), _named(text, "ko")


@pytest.mark.parametrize(("text", "place"), [
    ("공단은 연해주의 아르툠스카야(Artyomovskaya) 구역 안에 들어선다.", "아르툠스카야"),
    ("회사는 볼쇼이 우수리(Bolshoy Ussuri)의 항만 사업에 참여한다.", "볼쇼이 우수리"),
    ("물류센터는 코즈민(Kozmin) 지구에 세워진다.", "코즈민"),
])
def test_a_transliterated_place_with_its_latin_gloss(text: str, place: str) -> None:
    assert _named(text, "ko").get(place) == "GPE", _named(text, "ko")


@pytest.mark.parametrize(("text", "person"), [
    ("알렉산드르 코즐로프(Alexander Kozlov) 장관이 방한했다.", "알렉산드르 코즐로프"),
])
def test_a_transliterated_person_with_a_latin_gloss_stays_a_person(text: str, person: str) -> None:
    assert _named(text, "ko").get(person) == "PERSON", _named(text, "ko")


def test_a_place_shaped_surname_before_a_title_is_no_place() -> None:
    found = _named("포크롭스카야(Pokrovskaya) 교수는 발표했다.", "ko")
    assert "GPE" not in found.values(), found


@pytest.mark.parametrize(("text", "org"), [
    ("하바롭스크주 정부는 어제 투자 계획을 발표했다.", "하바롭스크주 정부"),
    ("사하공화국 의회 대표단이 서울을 찾았다.", "사하공화국 의회"),
])
def test_a_regions_government_or_legislature_is_a_body(text: str, org: str) -> None:
    assert _named(text, "ko").get(org) == "ORG", _named(text, "ko")


def test_a_countrys_government_is_a_description() -> None:
    found = _named("한국 정부와 러시아 정부는 합의했다.", "ko")
    assert "ORG" not in found.values(), found


# --- English --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "org"), [
    ("The Arctic Research Chamber of Commerce met in Murmansk.", "Arctic Research Chamber of Commerce"),
    ("Deputies of the Federal Assembly of the Russian Federation arrived.", "Federal Assembly of the Russian Federation"),
    ("The Russian Direct Investment Fund signed a deal with a Korean bank.", "Russian Direct Investment Fund"),
    ("The Federal Customs Service reported growth in trade.", "Federal Customs Service"),
    ("She works at the Vladivostok Maritime Museum.", "Vladivostok Maritime Museum"),
])
def test_english_heads_name_a_body(text: str, org: str) -> None:
    assert _named(text, "en").get(org) == "ORG", _named(text, "en")


@pytest.mark.parametrize(("text", "org"), [
    ("A delegation of the Joint Committee on the Development of Border Trade came.",
     "Joint Committee on the Development of Border Trade"),
    ("She heads the Centre for Korean studies at the university.", "Centre for Korean studies"),
])
def test_a_body_named_for_its_matter(text: str, org: str) -> None:
    assert _named(text, "en").get(org) == "ORG", _named(text, "en")


def test_on_after_other_heads_is_the_sentences_preposition() -> None:
    found = _named("The Bank of Korea on Monday raised its rate.", "en")
    assert found.get("Bank of Korea") == "ORG"
    assert not any("Monday" in s for s in found), found


@pytest.mark.parametrize("text", [
    "Diplomats celebrated the Diplomatic Service Day on February 10.",
    "Crowds gathered in Union Square in the evening.",
])
def test_a_head_word_inside_another_name_is_no_body(text: str) -> None:
    assert not any(t == "ORG" for t in _named(text, "en").values()), _named(text, "en")


@pytest.mark.parametrize(("text", "org"), [
    ("The deputy director of FSUE “Kamchatka Port” spoke to reporters.", "Kamchatka Port"),
    ("The contract went to JSC \"Far Eastern Shipyards\" last year.", "Far Eastern Shipyards"),
])
def test_a_russian_legal_form_before_a_quoted_name(text: str, org: str) -> None:
    assert _named(text, "en").get(org) == "ORG", _named(text, "en")


# --- Russian --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "org"), [
    ("На приёме был председатель Думы Находки Иван Петров.", "Думы Находки"),
    ("Жители обратились в мэрию Уссурийска с просьбой.", "мэрию Уссурийска"),
])
def test_a_citys_body_before_the_citys_name(text: str, org: str) -> None:
    assert _named(text, "ru").get(org) == "ORG", _named(text, "ru")


def test_a_city_body_before_a_person_is_no_city_body() -> None:
    found = _named("Депутаты Думы Андрей Петров и Олег Иванов выступили.", "ru")
    assert not any(s.startswith("Думы") for s in found), found


@pytest.mark.parametrize(("text", "org"), [
    ("Выступил директор Музея истории Пусана Ли Минхо.", "Музея истории Пусана"),
    ("Соглашение подписал Фонд развития Дальнего Востока.", "Фонд развития Дальнего Востока"),
])
def test_a_capitalised_head_with_a_genitive_chain_ending_in_a_place(text: str, org: str) -> None:
    assert _named(text, "ru").get(org) == "ORG", _named(text, "ru")


@pytest.mark.parametrize(("text", "org"), [
    ("В зале собрались члены Консультативного совета по мирному и демократическому объединению Кореи.",
     "Консультативного совета по мирному и демократическому объединению Кореи"),
    ("Заявку рассмотрит Совет по делам молодёжи Приморского края.", "Совет по делам молодёжи Приморского края"),
])
def test_a_body_named_by_its_matter(text: str, org: str) -> None:
    assert _named(text, "ru").get(org) == "ORG", _named(text, "ru")


@pytest.mark.parametrize("text", [
    "Деньги выделил Фонд по просьбе жителей района.",
    "Решение принял Совет по итогам голосования.",
])
def test_an_adverbial_po_phrase_is_not_part_of_the_name(text: str) -> None:
    found = _named(text, "ru")
    assert not any(" по " in s for s in found), found
