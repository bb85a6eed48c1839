"""World regions, oceans, seas and straits from the catalog, in the three languages, on sentences
written for these tests."""

from __future__ import annotations

from tests.text.lines import named


def test_regions_and_seas_in_korean() -> None:
    """Korean has no statistical tagger here: the catalog is what finds them."""
    found = named("한국은 북유럽과 동유럽, 중동, 동남아 국가들과 협력하며 수에즈 운하와 흑해, 북극해를 오간다.", "ko")
    assert {"북유럽", "동유럽", "중동", "동남아", "수에즈 운하", "흑해", "북극해"} <= {k for k, v in found.items() if v == "LOC"}
    assert named("아시아 지역의 평화가 중요하다.", "ko") == {"아시아": "LOC"}


def test_north_korea_us_is_no_place() -> None:
    """"북미" in Korean news is North Korea and the US far more often than North America."""
    assert named("북미 정상회담이 열렸다.", "ko") == {}


def test_a_compass_word_belongs_to_the_region() -> None:
    en = named("Trade with Northern Europe, Eastern Europe and Latin America grew; ships crossed the Arctic Ocean.", "en")
    assert {"Northern Europe", "Eastern Europe", "Latin America", "Arctic Ocean"} <= set(en)
    ru = named("Он посетил Юго-Восточную Азию, Северную Европу и Латинскую Америку.", "ru")
    assert {"Юго-Восточную Азию", "Северную Европу", "Латинскую Америку"} <= set(ru)
