"""Round 12 (organisation recall that generalises): bodies named by their structure, not by a list.
Two bodies joined by "and", a body "of <place>" or "of <body>", a mission with where it serves, a
body the model read as a place, a known group's company, a legal form written first, and the Russian
forms of the same kinds. Sentences written for these tests; each kind has cases where it must not fire."""

from __future__ import annotations

import pytest

from tests.text.lines import named as _named


@pytest.mark.parametrize(("text", "orgs"), [
    ("The forum was organised by the Russian Chamber of Commerce and Industry and the Korea Chamber of Commerce "
     "and Industry.", ["Russian Chamber of Commerce and Industry", "Korea Chamber of Commerce and Industry"]),
    ("The Ministry of Oceans and Fisheries and the Federal Agency for Fishery agreed on quotas.",
     ["Ministry of Oceans and Fisheries", "Federal Agency for Fishery"]),
    ("The Korean Association of Slavic Studies and the Russian Association of Korean Studies held a joint meeting.",
     ["Korean Association of Slavic Studies", "Russian Association of Korean Studies"]),
])
def test_two_bodies_joined_by_and_are_two(text: str, orgs: list[str]) -> None:
    found = _named(text, "en")
    assert all(found.get(o) == "ORG" for o in orgs), found


@pytest.mark.parametrize(("text", "org"), [
    ("The Ministry of Agriculture, Food and Rural Affairs said prices fell.", "Ministry of Agriculture, Food and Rural Affairs"),
    ("The Primorye Chamber of Commerce and Industry hosted the forum.", "Primorye Chamber of Commerce and Industry"),
    ("A lecture at the Institute for Russian and Eurasian Studies of Korea University drew students.",
     "Institute for Russian and Eurasian Studies"),
])
def test_an_and_inside_one_name_does_not_cut_it(text: str, org: str) -> None:
    assert _named(text, "en").get(org) == "ORG", _named(text, "en")


@pytest.mark.parametrize(("text", "org", "places"), [
    ("The Consulate General of the Republic of Korea in Vladivostok issued visas.",
     "Consulate General of the Republic of Korea in Vladivostok", ["Republic of Korea", "Vladivostok"]),
    ("A reception was held at the Russian Embassy in Seoul on Tuesday.", "Russian Embassy in Seoul", ["Seoul"]),
    ("The Ministry of Trade, Industry and Energy of the Republic of Korea said exports rose.",
     "Ministry of Trade, Industry and Energy of the Republic of Korea", ["Republic of Korea"]),
])
def test_a_body_of_a_place_is_one_name_and_the_place_stays_a_place(text: str, org: str, places: list[str]) -> None:
    found = _named(text, "en")
    assert found.get(org) == "ORG", found
    assert all(found.get(p) == "GPE" for p in places), found


@pytest.mark.parametrize(("text", "org", "not_org"), [
    ("The Korean Cultural Center in Moscow opened a new exhibition.", "Korean Cultural Center", "Korean Cultural Center in Moscow"),
    ("The Russian Embassy in the capital was closed.", "Russian Embassy", "Russian Embassy in the capital"),
])
def test_only_a_mission_runs_on_through_in_a_known_place(text: str, org: str, not_org: str) -> None:
    found = _named(text, "en")
    assert found.get(org) == "ORG" and not_org not in found, found


def test_a_lower_case_embassy_is_no_name() -> None:
    assert _named("The embassy in Seoul was closed for the holiday.", "en") == {"Seoul": "GPE"}


@pytest.mark.parametrize(("text", "unit", "body"), [
    ("Students from the Faculty of Asian and African Studies of Saint Petersburg State University attended.",
     "Faculty of Asian and African Studies", "Saint Petersburg State University"),
    ("He is a professor at the School of Regional and International Studies of Far Eastern Federal University.",
     "School of Regional and International Studies", "Far Eastern Federal University"),
    ("The seminar took place at Far Eastern Federal University's School of Oriental Studies.",
     "School of Oriental Studies", "Far Eastern Federal University"),
])
def test_a_unit_of_a_known_body_is_a_body_too(text: str, unit: str, body: str) -> None:
    found = _named(text, "en")
    assert found.get(unit) == "ORG" and found.get(body) == "ORG", found


def test_a_possessive_without_a_body_after_it_names_no_unit() -> None:
    assert _named("Far Eastern Federal University's rector spoke to the students.", "en") == {
        "Far Eastern Federal University": "ORG"}


def test_a_body_ends_where_the_person_after_it_starts() -> None:
    found = _named("President of the Association of Recent History of Korea Kwon Hee-Young was invited.", "en")
    assert found.get("Association of Recent History of Korea") == "ORG", found
    assert found.get("Kwon Hee-Young") == "PERSON", found


def test_a_body_named_by_its_matter_is_no_facility() -> None:
    found = _named("She works at the Center for Korean Studies at Kookmin University in Seoul.", "en")
    assert found.get("Center for Korean Studies") == "ORG", found
    assert found.get("Kookmin University") == "ORG" and found.get("Seoul") == "GPE", found


def test_a_convention_center_stays_a_facility() -> None:
    found = _named("The forum was held at the Busan Exhibition and Convention Center on Friday.", "en")
    assert all(t != "ORG" for s, t in found.items() if "Center" in s), found


def test_a_company_named_after_a_known_group() -> None:
    found = _named("LOTTE Group, POSCO International Corporation and Hyundai Glovis will invest.", "en")
    assert found.get("Hyundai Glovis") == "ORG", found


def test_a_title_after_a_known_company_is_no_company() -> None:
    found = _named("Samsung Vice Chairman Lee Jae-yong visited the plant.", "en")
    assert found.get("Samsung") == "ORG" and found.get("Lee Jae-yong") == "PERSON", found
    assert not any("Vice" in s for s in found), found


@pytest.mark.parametrize(("text", "org"), [
    ("The contract went to LLC Primorye Fish, a subsidiary of a Moscow holding.", "LLC Primorye Fish"),
    ("JSC Russian Railways CEO Oleg Belozerov visited Seoul.", "JSC Russian Railways"),
])
def test_a_legal_form_written_first(text: str, org: str) -> None:
    found = _named(text, "en")
    assert found.get(org) == "ORG", found
    assert not any("CEO" in s for s in found), found


@pytest.mark.parametrize(("text", "org"), [
    ("Делегация прибыла в посольство РФ в КНДР в пятницу.", "посольство РФ в КНДР"),
    ("Организаторами выступили Российское посольство в РК и местные вузы.", "Российское посольство в РК"),
    ("Генеральное консульство Республики Корея во Владивостоке провело прием.",
     "Генеральное консульство Республики Корея во Владивостоке"),
])
def test_a_russian_mission_with_where_it_serves(text: str, org: str) -> None:
    assert _named(text, "ru").get(org) == "ORG", _named(text, "ru")


def test_a_russian_mission_needs_a_name_or_its_country() -> None:
    found = _named("Новое посольство открыто. Южнокорейское посольство в Москве закрыто.", "ru")
    assert not any("Новое" in s for s in found), found


def test_the_older_russian_name_of_belarus_is_the_country() -> None:
    found = _named("Посольство Белоруссии в РК тоже участвовало.", "ru")
    assert found.get("Белоруссии") == "GPE", found


@pytest.mark.parametrize(("text", "org"), [
    ("Поддержку оказали авиакомпания Аэрофлот и местные власти.", "Аэрофлот"),
    ("Контракт получил концерн КАМАЗ.", "КАМАЗ"),
])
def test_a_russian_firm_named_after_its_kind(text: str, org: str) -> None:
    assert _named(text, "ru").get(org) == "ORG", _named(text, "ru")


@pytest.mark.parametrize("text", ["Контракт получила компания Приморье.", "Компания Россия не участвовала."])
def test_a_place_after_a_firm_word_is_no_firm(text: str) -> None:
    assert "ORG" not in _named(text, "ru").values(), _named(text, "ru")


def test_a_trade_mission_named_by_its_country() -> None:
    found = _named("Торговое представительство России в Республике Корея провело семинар.", "ru")
    assert found.get("Торговое представительство России в Республике Корея") == "ORG", found
    assert found.get("России") == "GPE", found


def test_a_firm_s_office_is_no_mission_name() -> None:
    found = _named("Компания открыла представительство в Москве.", "ru")
    assert "ORG" not in found.values(), found


@pytest.mark.parametrize(("text", "not_org"), [
    ("She received her Candidate of Sciences (PhD) in History from the Institute of General History.",
     "Candidate of Sciences"),
    ("One of the founders, FEFU Vice-President for International Affairs Dr. Vladimir Kurilov, greeted the guests.",
     "International Affairs"),
])
def test_a_degree_or_a_portfolio_is_no_body(text: str, not_org: str) -> None:
    assert not_org not in _named(text, "en"), _named(text, "en")


def test_a_body_named_in_quotes_after_its_kind() -> None:
    found = _named("The association “Korean Diaspora of Primorye” held a festival.", "en")
    assert found.get("Korean Diaspora of Primorye") == "ORG", found


def test_a_quote_after_a_kind_word_that_is_no_name() -> None:
    assert _named("The company said “we will grow” in a statement.", "en") == {}


def test_a_city_the_model_took_for_a_body_is_the_city() -> None:
    found = _named("He spoke about the life of ethnic Koreans in Tomsk and across Russia.", "en")
    assert found.get("Tomsk") == "GPE", found


def test_a_company_is_no_city() -> None:
    found = _named("Samsung and Hyundai invested in the plant.", "en")
    assert found == {"Samsung": "ORG", "Hyundai": "ORG"}, found


def test_a_known_body_inside_a_longer_name_does_not_cut_it() -> None:
    found = _named("Gleb Ivashentsov, Deputy Chairman of the Russian Center of the APEC Studies, spoke.", "en")
    assert found.get("Russian Center of the APEC Studies") == "ORG", found


@pytest.mark.parametrize(("text", "org"), [
    ("Korea's Ministry of Foreign Affairs summoned the ambassador.", "Ministry of Foreign Affairs"),
    ("The Supreme People's Assembly of North Korea met on Monday.", "Supreme People's Assembly of North Korea"),
])
def test_an_owner_s_possessive_is_not_part_of_the_name(text: str, org: str) -> None:
    assert _named(text, "en").get(org) == "ORG", _named(text, "en")
