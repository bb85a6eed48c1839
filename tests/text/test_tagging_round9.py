"""Round 9 (unseen pages): Korean bodies known by their head noun (a ministry's portfolio, a
self-governing association, a chamber of commerce, a welfare centre, a trade mission) or by
their head named in brackets; a caption's credit at a line's end; Russian names opened by a
capitalised adjective, none ending on a preposition; two catalog entries. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.text.lines import named as _named


@pytest.mark.parametrize(("text", "org"), [
    ("러시아 극동개발부와 협약을 맺었다.", "극동개발부"),
    ("그는 경제개발부 관계자와 만났다.", "경제개발부"),
    ("산업통상자원부는 어제 발표했다.", "산업통상자원부"),
    ("행사는 사할린 한인 민족문화자치회가 주관한다.", "민족문화자치회"),
    ("이날 회의에는 한러상공회의소 관계자들이 참석했다.", "한러상공회의소"),
    ("해운대구는 동래복지관에서 행사를 열었다.", "동래복지관"),
    ("북한 정찰총국 소속 해커들이 공격했다.", "정찰총국"),
])
def test_korean_heads_name_a_body(text: str, org: str) -> None:
    found = _named(text, "ko")  # the country may open the name ("러시아 극동개발부")
    assert any(s.endswith(org) and t == "ORG" for s, t in found.items()), found


def test_a_newsroom_desk_is_no_ministry() -> None:
    assert not any(t == "ORG" for t in _named("산업경제부 홍길동 기자가 취재했다.", "ko").values())


def test_a_person_before_a_ministry_and_a_post_stays_a_person() -> None:
    found = _named("스타니슬라브 보스크례센스키 경제개발부 차관 등 양측 인사가 참가했다.", "ko")
    assert found.get("스타니슬라브 보스크례센스키") == "PERSON", found
    assert found.get("경제개발부") == "ORG", found


def test_two_bodies_joined_by_a_conjunction_stay_two() -> None:
    found = _named("주한러시아 무역대표부 및 한러상공회의소가 공동 주최했다.", "ko")
    assert found.get("주한러시아 무역대표부") == "ORG", found
    assert found.get("한러상공회의소") == "ORG", found


def test_a_body_with_its_head_in_brackets() -> None:
    found = _named("올해 행사는 한반도평화연대(이사장 홍길동)가 후원하고 시민 단체들이 참여한다.", "ko")
    assert found.get("한반도평화연대") == "ORG", found
    assert found.get("홍길동") == "PERSON", found


def test_a_delegation_with_its_head_in_brackets_is_no_body() -> None:
    found = _named("시는 대표단(단장 홍길동 시장)을 파견했다.", "ko")
    assert not any(t == "ORG" for t in found.values()), found


def test_a_person_with_an_age_in_brackets_is_no_body() -> None:
    found = _named("김철수(58) 이사장은 말했다.", "ko")
    assert not any(t == "ORG" for t in found.values()), found


@pytest.mark.parametrize(("text", "person"), [
    ("축제는 사할린 한인회(회장 최 니꼴라이 세르게예비치)가 주최한다.", "최 니꼴라이 세르게예비치"),
    ("한인회의 박 발레리야(사진) 부회장은 이렇게 말했다.", "박 발레리야"),
    ("한인회의 박 발레리야 부회장은 이렇게 말했다.", "박 발레리야"),
])
def test_koryo_saram_names_surname_first(text: str, person: str) -> None:
    assert _named(text, "ko").get(person) == "PERSON", _named(text, "ko")


@pytest.mark.parametrize("text", ["이 유리 제품은 비싸다.", "김 교수는 말했다."])
def test_a_syllable_before_a_common_word_is_no_koryo_name(text: str) -> None:
    assert not any(t == "PERSON" for t in _named(text, "ko").values()), _named(text, "ko")


def test_a_conjunction_inside_one_name_stays() -> None:
    found = _named("그는 세계경제 및 국제관계연구소 연구원이다.", "ko")
    assert any(s.endswith("세계경제 및 국제관계연구소") and t == "ORG" for s, t in found.items()), found


@pytest.mark.parametrize(("text", "credit"), [
    ("[산업일보]\n한국무역협회는 회의를 열었다.", "산업일보"),
    ("[로컬세계 홍길동 기자]강원도 강릉시는 행사를 진행했다.", "홍길동"),
    ("[부산경제신문/홍길동기자] 부산시는 발표했다.", "홍길동"),
])
def test_a_korean_outlets_bracketed_credit_names_nothing(text: str, credit: str) -> None:
    found = _named(text, "ko")
    assert not any(credit in s for s in found), found
    assert found, found  # the story's own names stay


def test_a_bracketed_rubric_keeps_its_place() -> None:
    assert _named("[러시아] 푸틴 대통령은 말했다.", "ko").get("러시아") == "GPE"


@pytest.mark.parametrize(("text", "person"), [
    ("산업통상자원부 문재도 차관은 개회사를 했다.", "문재도"),
    ("외교부 김영주 장관이 방러했다.", "김영주"),
])
def test_a_name_ending_like_a_province_before_a_post_is_a_person(text: str, person: str) -> None:
    assert _named(text, "ko").get(person) == "PERSON", _named(text, "ko")


@pytest.mark.parametrize(("text", "place"), [("연해주 주지사는 말했다.", "연해주"), ("경기도 지사가 참석했다.", "경기도")])
def test_a_region_before_its_governor_stays_a_place(text: str, place: str) -> None:
    assert _named(text, "ko").get(place) == "GPE", _named(text, "ko")


def test_a_kind_of_body_before_a_post_is_no_person() -> None:
    found = _named("러시아 진출 한국기업 대표 등이 연사로 나섰다.", "ko")
    assert "한국기업" not in found, found


@pytest.mark.parametrize(("text", "places"), [
    ("행사는 하바롭스크, 우수리스크, 아르쫌, 나호드카 등 고려인 집거지를 순회했다.", ("아르쫌", "나호드카")),
    ("사할린, 연해주, 아쿠티아, 마가단 등 극동 지역을 소개했다.", ("아쿠티아",)),
])
def test_unknown_items_of_a_list_of_places_are_places(text: str, places: tuple[str, ...]) -> None:
    found = _named(text, "ko")
    assert all(found.get(p) == "GPE" for p in places), found


@pytest.mark.parametrize("text", ["러시아, 중국, 에너지 등 분야를 다뤘다.", "부산, 서울, 협력, 교류 등을 논의했다."])
def test_common_words_in_a_list_of_places_stay_words(text: str) -> None:
    found = _named(text, "ko")
    assert set(found) <= {"러시아", "중국", "부산", "서울"}, found


# --- English ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Cadets march during the parade in Moscow, on May 9, 2012. UPI File Photo | License Photo",
    "Cadets march during the parade in Moscow. UPI File Photo",
])
def test_a_caption_credit_after_its_last_sentence_names_nothing(text: str) -> None:
    assert _named(text, "en") == {"Moscow": "GPE"}


def test_a_photo_service_inside_a_sentence_stays_a_name() -> None:
    assert _named("The UPI Photo Service and Reuters met in Moscow.", "en").get("UPI Photo Service") == "ORG"


@pytest.mark.parametrize("text", [
    "President Moon announced the New Northern Policy to deepen ties with Russia.",
    "China promoted the Belt and Road Initiative across Eurasia.",
])
def test_a_policy_is_no_organisation(text: str) -> None:
    assert not any(t == "ORG" for t in _named(text, "en").values()), _named(text, "en")


def test_a_body_named_after_a_policy_field_stays_a_body() -> None:
    found = _named("Dr. Kim of the Korea Institute for International Economic Policy spoke in Seoul.", "en")
    assert found.get("Korea Institute for International Economic Policy") == "ORG", found


# --- Russian ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "org"), [
    ("Делегации примут участие в работе Второго Тихоокеанского туристского форума в Приморье.",
     "Тихоокеанского туристского форума"),
    ("Гости посетили Корейский культурный центр в Москве.", "Корейский культурный центр"),
])
def test_a_capitalised_adjective_before_a_body_head_is_a_name(text: str, org: str) -> None:
    assert _named(text, "ru").get(org) == "ORG", _named(text, "ru")


def test_a_lower_case_description_of_a_body_is_no_name() -> None:
    found = _named("В Москве открылся выставочный центр и российский фонд кино.", "ru")
    assert not any(t == "ORG" for t in found.values()), found


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("Доклад подготовил Комитет по санкциям в отношении КНДР.", "ru", "Комитет по санкциям в отношении КНДР"),
    ("Эксперты Комитета 1718, занимающегося санкциями, подготовили доклад.", "ru", "Комитета 1718"),
    ("The 1718 Committee will meet next week.", "en", "1718 Committee"),
    ("Запасы газа в Восточной Сибири велики.", "ru", "Восточной Сибири"),
])
def test_catalog_knows_the_sanctions_committee_and_eastern_siberia(text: str, lang: str, name: str) -> None:
    assert name in _named(text, lang), _named(text, lang)


@pytest.mark.parametrize(("text", "org"), [
    ("Секретарь Центрального совета Партии СР по международным вопросам выступил.", "Центрального совета"),
    ("Делегация Международного центра корееведческих исследований прибыла в Сеул.", "Международного центра"),
    ("Начато строительство Выставочного центра в областной столице.", "Выставочного центра"),
])
def test_no_short_name_cut_from_a_longer_one_or_from_one_adjective(text: str, org: str) -> None:
    assert org not in _named(text, "ru"), _named(text, "ru")


def test_a_name_never_ends_on_a_preposition() -> None:
    found = _named("Гости посетили Корейский культурный центр в Москве.", "ru")
    assert not any(s.endswith(" в") for s in found), found


@pytest.mark.parametrize("text", [
    "На Втором форуме выступили эксперты из Сеула.",
    "Члены Приморской ассоциации корейских предпринимателей собрались в Уссурийске.",
])
def test_an_ordinal_or_a_genitive_chain_is_not_cut_short(text: str) -> None:
    found = _named(text, "ru")
    assert "Втором форуме" not in found and "Приморской ассоциации" not in found, found


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("Officials discussed the linkage of TKR and TSR in Seoul.", "en", "TKR"),
    ("The BAM will one day be linked to the Trans-Korean Mainline.", "en", "Trans-Korean Mainline"),
    ("Стороны обсудили проект Транскорейской железной дороги.", "ru", "Транскорейской железной дороги"),
    ("한반도종단철도와 시베리아횡단철도 연결 사업이 논의됐다.", "ko", "한반도종단철도"),
])
def test_catalog_knows_the_trans_korean_railway_as_a_route(text: str, lang: str, name: str) -> None:
    assert _named(text, lang).get(name) == "FAC", _named(text, lang)
