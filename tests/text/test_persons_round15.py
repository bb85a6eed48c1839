"""Round 15 (person names that generalise): people found by the structure around their names —
Korean posts after a name, a Russian given name with a patronymic, a catalog surname read with the
given name before it, a surname written with initials, a romanised Korean given name, a photo
credit, surname-only back-references. Sentences written for these tests; each kind has cases
where the rule must not fire."""

from __future__ import annotations

import pytest

from tests.text.lines import named as _named
from tests.text.lines import tag_lines


@pytest.mark.parametrize(("text", "persons"), [
    # posts that end like other words: after digits or two syllables, or alone
    ("회의에는 홍민수 국가안보실 2차장과 정다은 청와대 국민소통수석이 참석했다.", ["홍민수", "정다은"]),
    ("- 한국무역협회 전략시장연구실 최민호 수석연구원 -", ["최민호"]),
    ("왼쪽부터 김하늘 센터장, 박도윤 문과대학장, 이서준 총장.", ["김하늘", "박도윤", "이서준"]),
    ("북측은 한정우 대외경제상을 단장으로 대표단을 보냈다.", ["한정우"]),
    # a name kiwi cuts into a surname and pieces, after a bare title in brackets
    ("한국무역협회(KITA, 회장 윤진식) 연구원이 보고서를 냈다.", ["윤진식"]),
    # a department's unknown name before the person is no name ("노어과")
    ("한국외대 노어과 정세진 교수가 발표했다.", ["정세진"]),
    # a Korean name glossed in Hanja
    ("김하준(金夏俊) 교수는 말했다.", ["김하준"]),
    # the honorific 씨 written apart
    ("이날 회의에는 홍길동 씨와 김철수 씨가 참석했다.", ["홍길동", "김철수"]),
])
def test_korean_names_before_posts(text: str, persons: list[str]) -> None:
    found = _named(text, "ko")
    assert all(found.get(p) == "PERSON" for p in persons), found


@pytest.mark.parametrize(("text", "not_persons"), [
    ("그는 주차장에서 기다렸다.", ["주차장"]),  # 차장 inside a common word is no post
    ("한국 씨름 대회와 고추 씨앗이 좋다.", ["한국", "고추"]),  # 씨름, 씨앗: no honorific
    ("국토연구원 수석연구원이 발표했다.", ["국토연구원"]),  # the institute stays an organisation
    ("한국외대 노어과 정세진 교수가 발표했다.", ["노어과"]),
    ("동아대(東亞大)와 한국(韓國)에서 열렸다.", ["동아대", "한국"]),  # a body's or a country's Hanja
])
def test_korean_posts_do_not_make_names_of_words(text: str, not_persons: list[str]) -> None:
    found = _named(text, "ko")
    assert not any(found.get(p) == "PERSON" for p in not_persons), found


def test_a_researchers_rank_is_a_post_not_an_institute() -> None:
    found = _named("국토연구원 수석연구원이 발표했다.", "ko")
    assert found.get("국토연구원") == "ORG" and "수석연구원" not in found, found


@pytest.mark.parametrize(("text", "person"), [
    # given name and patronymic, no surname after them
    ("블라디미르 니콜라예비치 러시아총장연합 부회장이 참석했다.", "블라디미르 니콜라예비치"),
    # a woman's surname ending in 나, which kiwi reads as the particle "or"
    ("올가 카슈리나 러시아 총장협의회 사무총장이 말했다.", "올가 카슈리나"),
    ("안드레이 보리소비치 쿨릭 대사가 말했다.", "안드레이 보리소비치 쿨릭"),
])
def test_russian_names_in_korean(text: str, person: str) -> None:
    assert _named(text, "ko").get(person) == "PERSON", _named(text, "ko")


def test_no_name_from_a_particle_after_a_common_word() -> None:
    found = _named("안나나 마리나나 좋다고 했다.", "ko")
    assert not any(t == "PERSON" and len(s) > 4 for s, t in found.items()), found


def test_a_catalog_surname_with_its_given_name_is_the_full_name() -> None:
    found = _named("왼쪽부터 글레프 이바셴초프 대사, 이서준 총장.", "ko")
    assert found.get("글레프 이바셴초프") == "PERSON", found


@pytest.mark.parametrize(("text", "lang", "person", "catalog_id"), [
    ("Заместитель председателя правления компании Александр Медведев заявил, что поставки вырастут.", "ru",
     "Александр Медведев", "per:dmitry_medvedev"),
    ("Gazprom deputy chief Alexander Medvedev said supplies would grow.", "en",
     "Alexander Medvedev", "per:dmitry_medvedev"),
])
def test_another_given_name_before_a_catalog_surname_is_someone_else(text: str, lang: str, person: str,
                                                                     catalog_id: str) -> None:
    mentions = [m for m in tag_lines(text, lang) if m.entity_type == "PERSON"]
    assert [m.surface for m in mentions] == [person], mentions
    assert mentions[0].entity_id != catalog_id


def test_the_catalog_persons_own_given_name_keeps_the_link() -> None:
    mentions = [m for m in tag_lines("Премьер Дмитрий Медведев выступил в Думе.", "ru") if m.entity_type == "PERSON"]
    assert [(m.surface, m.entity_id) for m in mentions] == [("Дмитрий Медведев", "per:dmitry_medvedev")]


@pytest.mark.parametrize(("text", "person"), [
    ("Среди участников – руководитель агентства области Алла Иванова, а также другие гости.", "Алла Иванова"),
    ("Протокол подписали Петрова А.С. и Иванова И.И. в пятницу.", "Иванова И.И."),
    ("В заседании участвовал И.И. Сидоров.", "И.И. Сидоров"),
])
def test_russian_surnames_that_are_also_cities_or_carry_initials(text: str, person: str) -> None:
    assert _named(text, "ru").get(person) == "PERSON", _named(text, "ru")


@pytest.mark.parametrize(("text", "place"), [
    ("Он приехал из Иванова в Москву.", "Иванова"),  # the city, no given name before it
    ("Делегация прибыла в Москве А. Петров встретил её.", "Москве"),  # the initials are the next name's
])
def test_cities_stay_cities_without_a_given_name(text: str, place: str) -> None:
    assert _named(text, "ru").get(place) == "GPE", _named(text, "ru")


@pytest.mark.parametrize(("text", "person"), [
    ("The delegation was led by Choi Sang-mok, Lee Do-hoon and Alexei Overchuk.", "Lee Do-hoon"),
    ("Delegates headed by Jeon, Yoon-cheol, Vice Prime Minister, met in Moscow.", "Jeon, Yoon-cheol"),
    ("The research center opened in December, — Yulia Elokhina, International office head, comments on.",
     "Yulia Elokhina"),
])
def test_english_names_the_tagger_or_model_cut(text: str, person: str) -> None:
    assert _named(text, "en").get(person) == "PERSON", _named(text, "en")


def test_a_comma_between_two_korean_surnames_is_no_inverted_name() -> None:
    found = _named("Participants came from Seoul, Busan and Daegu, including Kim, Lee and Park.", "en")
    assert not any("," in s for s in found), found


def test_a_place_the_model_called_a_person_is_no_person() -> None:
    found = _named("The city will actively foster Pohang Yeongil Bay Port, which has a container terminal.", "en")
    assert found.get("Yeongil Bay Port") != "PERSON", found
    found = _named("Crowds gathered in Kim Il Sung Square on Sunday.", "en")
    assert "Kim Il Sung" not in found and found.get("Kim Il Sung Square") in ("FAC", "LOC", "GPE"), found


def test_a_body_named_after_a_person_is_the_body() -> None:
    found = _named("He studied at Kim Il Sung University in Pyongyang.", "en")
    assert found.get("Kim Il Sung University") == "ORG" and "Kim Il Sung" not in found, found


def test_a_person_named_before_a_verb_is_still_a_person() -> None:
    found = _named("Kim Il Sung founded the state in 1948.", "en")
    assert found.get("Kim Il Sung") == "PERSON", found


def test_a_photographer_and_outlet_after_a_caption_are_a_credit() -> None:
    found = _named("A singer performs in the embassy's main hall. (Joel Lee/The Korea Herald)", "en")
    assert "Joel Lee" not in found, found
    # a slash between two names inside a sentence is no credit
    found = _named("The talks (Kim Jong-un/Moon Jae-in summit) were held.", "en")
    assert found.get("Kim Jong-un") == "PERSON", found


def test_a_surname_repeating_a_full_name_is_that_person() -> None:
    mentions = [m for m in tag_lines("Ivan Petrenko of Gazprom spoke. Petrenko said gas would flow.", "en")
                if m.entity_type == "PERSON"]
    full = next(m for m in mentions if m.surface == "Ivan Petrenko")
    back = next(m for m in mentions if m.surface == "Petrenko")
    assert (back.entity_id, back.name_en) == (full.entity_id, full.name_en)


def test_a_lone_unknown_word_no_full_name_explains_is_no_person() -> None:
    found = _named("The conference 'Korean Diaspora: the issue of identity' was held in Tomsk.", "en")
    assert found.get("Diaspora") != "PERSON", found


def test_a_catalog_person_named_by_surname_alone_stays() -> None:
    found = _named("With Western media pitted against President Putin's policies, talks stalled.", "en")
    assert found.get("Putin") == "PERSON", found


def test_a_hanja_gloss_of_a_common_word_is_no_name() -> None:
    """Korean text glosses Sino-Korean words in Hanja ("인치(人治)" rule of men, "주도(州都)" provincial
    capital); a person's glossed name starts with a surname's Hanja."""
    for text in ("특유의 관료주의와 인치(人治), 부정부패가 문제다.", "주도(州都)인 블라디보스토크는 큰 도시다."):
        assert not [m for m in tag_lines(text, "ko") if m.entity_type == "PERSON"], text
    assert "이영희" in _named("이영희(李英姬) 대사가 말했다.", "ko")


def test_a_university_short_name_before_a_name_is_no_part_of_it() -> None:
    """"서경대 안병팔 학부장": the university, then the person; a foreign two-word name stays whole."""
    found = _named("이날 협약식에는 서경대 안병팔 국제비즈니스어학부장과 잔나 발로드 러시아어전공교수 등이 참석했다.", "ko")
    assert found.get("안병팔") == "PERSON" and "서경대 안병팔" not in found
    assert _named("극동연방대 안드레이 쿨릭 교수가 말했다.", "ko").get("안드레이 쿨릭") == "PERSON"
