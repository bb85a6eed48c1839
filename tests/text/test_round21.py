"""Round 21: Korean names of Russian and Chinese cities, regions and islands, and no verb at the
start of a Korean body's name. Sentences written for the tests, with the cases that must not fire."""

from __future__ import annotations

from tests.text.lines import named


def test_korean_names_of_cities_regions_and_islands() -> None:
    found = named("나호드카와 창춘, 수이펀허를 잇는 노선이 열렸다.", "ko")
    assert {found.get(n) for n in ("나호드카", "창춘", "수이펀허")} == {"GPE"}
    found = named("백두산과 루스키섬을 방문했다.", "ko")
    assert found.get("백두산") == "LOC" and found.get("루스키섬") == "LOC"
    assert named("Делегация посетила Екатеринбург и остров Русский.", "ru").get("остров Русский") == "LOC"


def test_a_verb_does_not_open_a_bodys_name() -> None:
    found = named("예카테린부르크시에 있는 우랄연방대학이 한국학센터를 열었다.", "ko")
    assert found.get("우랄연방대학") == "ORG" and not any(s.startswith("있는") for s in found)
    assert named("새로 만든 한국학센터는 문을 열었다.", "ko").get("한국학센터") == "ORG"
    # a noun phrase still opens a committee's name
    assert named("한러수교 30주년 준비위원회가 열렸다.", "ko").get("한러수교 30주년 준비위원회") == "ORG"


def test_a_facility_opening_with_a_catalog_city_keeps_its_name() -> None:
    # "Railway House of Culture" is no person's name: the model's facility keeps its whole name
    found = named("A concert was held at the Vladivostok Railway House of Culture on Friday.", "en")
    assert found.get("Vladivostok Railway House of Culture") in ("FAC", "ORG")
    # a place merged with a person's full name still gives the person
    assert named("North Korea Glyn Davies said on Monday.", "en").get("Glyn Davies") == "PERSON"
