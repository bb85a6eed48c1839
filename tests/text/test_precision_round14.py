"""Round 14: false mentions removed by where a name stands (credits after datelines, photo credits
in captions), by what a span is (a nationality, a pronoun, a rubric in capitals, a place made an
adjective or a currency), and the cases where each rule must NOT fire (sentences written for
these tests)."""

from __future__ import annotations

import pytest

from pipeline.text.tagging.filters import caps_rubric, credit_spans
from tests.text.lines import named

# --- credits: where they sit ----------------------------------------------------------------


def _credited(block: str) -> list[str]:
    return [block[s:e] for s, e in credit_spans(block, 0, len(block))]


def test_wire_credit_after_a_capitals_dateline_far_into_a_block() -> None:
    block = ("The two presidents laid a wreath at the memorial on Thursday, the ministry said in a statement.\n"
             "MOSCOW (AP) - South Korea's president is in Moscow on a state visit.")
    assert "(AP)" in _credited(block)


@pytest.mark.parametrize("block", [
    "SEOUL, Dec. 3 (IANS) South Korea and Russia agreed to expand trade.",
    "SEOUL, South Korea (AP) — The two ministers met on Monday.",
    "МОСКВА (ИНТЕРФАКС) - Министры провели переговоры.",
])
def test_bracket_after_a_dateline_is_a_credit_with_or_without_a_dash(block: str) -> None:
    assert any(c.startswith("(") for c in _credited(block))


@pytest.mark.parametrize("block", [
    # a bracket inside a sentence, no dateline before it: an acronym the body explains
    "The deal with the state gas company (KOGAS) was signed in Seoul after long talks with Moscow.",
    # (past the first 60 characters, where an older rule takes any "(X) -" as a dateline's credit)
    "Officials in both capitals said on Monday that the state agency (Rosatom) - which runs it - would help.",
    # capitals that are not a line's opening dateline
    "The minister told parliament on Tuesday that he had read THE REPORT (Yonhap) - and it was wrong.",
])
def test_bracket_without_a_dateline_is_no_credit(block: str) -> None:
    assert not any(c.startswith("(") for c in _credited(block))


def test_pool_and_slash_photo_credits_are_not_persons() -> None:
    found = named("(Ivan Petrov/Pool Photo via AP). President Moon Jae-in laid a wreath in Moscow. "
                  "(Jane Smith/Reuters)", "en")
    assert "Ivan Petrov" not in found and "Jane Smith" not in found
    assert found.get("Moon Jae-in") == "PERSON"


def test_agency_to_agency_caption_credit() -> None:
    assert "(AP-Yonhap)" in _credited("Sergey Lavrov listens to a question in Abu Dhabi on Tuesday. (AP-Yonhap)")


def test_slash_between_cities_is_no_credit_and_body_citation_stays() -> None:
    found = named("Flights between Seoul and Vladivostok (Seoul/Vladivostok) resumed, Yonhap reported.", "en")
    assert found.get("Yonhap") == "ORG"
    assert found.get("Vladivostok") in ("GPE", "LOC")


# --- what a span is -----------------------------------------------------------------------------


def test_abbreviated_country_adjective_is_no_initials_name() -> None:
    found = named("S. Korean President Lee Myung-bak met Dmitry Medvedev. N. Korean envoys left.", "en")
    assert "S. Korean" not in found and "N. Korean" not in found
    assert found.get("Lee Myung-bak") == "PERSON"


def test_initials_and_surname_still_a_person() -> None:
    found = named("I. Komissina and A. Panov spoke at the forum.", "en")
    assert found.get("I. Komissina") == "PERSON" and found.get("A. Panov") == "PERSON"


def test_russian_abbreviated_country_is_no_initials_name() -> None:
    found = named("Посол Ю. Кореи встретился с В. Н. Игнатенко в Москве.", "ru")
    assert "Ю. Кореи" not in found
    assert found.get("В. Н. Игнатенко") == "PERSON"


def test_korean_pronoun_before_a_title_is_no_person() -> None:
    assert "PERSON" not in named("우리 외교장관의 방러는 전략적 소통을 강화할 것이라고 외교부가 밝혔다.", "ko").values()


def test_korean_name_starting_like_a_pronoun_stays() -> None:
    assert named("우윤근 주러시아대사가 참석했다.", "ko").get("우윤근") == "PERSON"


def test_caps_rubric_is_no_organisation() -> None:
    found = named("МЕЖДУНАРОДНОЕ СОТРУДНИЧЕСТВО\nГубернатор Олег Кожемяко встретился с делегацией из Сеула.", "ru")
    assert "МЕЖДУНАРОДНОЕ СОТРУДНИЧЕСТВО" not in found
    assert found.get("Олег Кожемяко") == "PERSON"


@pytest.mark.parametrize("surface, rubric", [
    ("МЕЖДУНАРОДНОЕ СОТРУДНИЧЕСТВО", True),
    ("НОВОСТИ РЕГИОНА", True),
    ("СОВЕТ ФЕДЕРАЦИИ", False),  # an institution word: a body's name in capitals
    ("Международное сотрудничество", False),  # not in capitals
    ("ТАСС", False),  # one word: an acronym
])
def test_caps_rubric_rule(surface: str, rubric: bool) -> None:
    assert caps_rubric(surface) is rubric


def test_place_as_currency_or_adjective_is_no_place_mention() -> None:
    found = named("Trade reached US$ 20 billion as the US-led coalition met a Seoul-based firm.", "en")
    assert "US" not in found
    assert "Seoul" not in found


def test_place_before_a_hyphenated_name_or_pair_stays() -> None:
    found = named("Russia-Korea ties grew as Korea and the US agreed; Kim Yoon-cheol spoke in Seoul.", "en")
    assert found.get("Russia") == "GPE" and found.get("US") == "GPE" and found.get("Seoul") == "GPE"


def test_given_name_after_a_lower_case_head_is_no_institution() -> None:
    found = named("Губернатор встретился с председателем правительства Ильёй Ивановым.", "ru")
    assert not any(t == "ORG" and "Ильёй" in s for s, t in found.items())
    assert found.get("Ильёй Ивановым") == "PERSON"


def test_lower_case_head_with_a_city_stays_an_institution() -> None:
    found = named("Он выступил в администрации Владивостока.", "ru")
    assert found.get("администрации Владивостока") == "ORG"


def test_photo_by_line_and_closing_wire_credit() -> None:
    found = named("Photo by Yonhap\nPresident Moon Jae-in met Vladimir Putin in Seoul. (IANS)", "en")
    assert "Yonhap" not in found and "IANS" not in found
    assert found.get("Seoul") == "GPE"


def test_agency_cited_in_the_body_stays() -> None:
    found = named("IANS reported that the talks in Seoul went well, citing officials.", "en")
    assert found.get("IANS") == "ORG"
