"""Round 4 (unseen pages): false names from country abbreviations, caption credits, agency lines
and hashtags; names the catalog now knows. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.text.lines import named as _named


@pytest.mark.parametrize("sentence", [
    "북러 외무차관은 모스크바에서 만나 협력 방안을 논의했다.",
    "이번 회의는 북중러 3자 협의의 하나로 열렸다고 통신은 전했다.",
    "한미일 외교장관은 남북러 가스관 구상에 대해 의견을 나눴다.",
])
def test_korean_country_abbreviations_are_not_persons(sentence: str) -> None:
    named = _named(sentence, "ko")
    assert not any(t == "PERSON" for s, t in named.items() if s[:2] in ("북러", "북중", "한미", "남북")), named


def test_korean_name_still_found_next_to_an_abbreviation() -> None:
    named = _named("북러 협의에는 김철수 차관과 이고리 모르굴로프 차관이 참석했다.", "ko")
    assert named.get("김철수") == "PERSON"


def test_bracketed_capital_caption_credit_is_not_a_mention() -> None:
    text = ("The vice minister, right, meets the ambassador in Seoul on Monday. [MINISTRY OF FOREIGN AFFAIRS]\n\n"
            "The two officials discussed the situation on the Korean Peninsula.")
    named = _named(text, "en")
    assert not any("MINISTRY" in s for s in named), named
    assert named.get("Seoul") == "GPE"


def test_agency_alone_on_a_line_is_a_credit() -> None:
    text = "The ministry urged the immediate withdrawal of the troops, officials in Seoul said.\n\nAFP\n\nWorld"
    assert "AFP" not in _named(text, "en")


def test_hashtags_are_not_names() -> None:
    named = _named("Vice Minister to Visit Moscow on March 3 #SouthKorea #Russia #Diplomacy", "en")
    assert not any(s.startswith(("SouthKorea", "#")) for s in named), named


def test_catalog_variants_round4() -> None:
    assert _named("Встреча прошла в Москве, сообщила глава МИД КНДР Чвэ Сон Хи.", "ru").get("Чвэ Сон Хи") == "PERSON"
    assert _named("디미트리 페스코프 크렘린궁 대변인은 8일 이같이 말했다.", "ko").get("디미트리 페스코프") == "PERSON"
    assert _named("김일성의 소련 방문을 기념하는 명판이 제막됐다.", "ko").get("소련") == "GPE"


def test_posts_are_not_organisations_and_embassies_are() -> None:
    named = _named("The talks were attended by the Minister of Transport and Road Construction, Ivan Petrov, "
                   "and by officials of the Russian Embassy.", "en")
    assert not any(s.startswith("Minister of") for s in named), named
    assert named.get("Russian Embassy", "ORG") == "ORG"


def test_capitalised_ministry_variant_links() -> None:
    named = _named("Seoul's Foreign Ministry summoned the Russian ambassador on Monday.", "en")
    assert named.get("Seoul's Foreign Ministry") == "ORG", named


def test_generic_korean_forum_words_are_not_organisations() -> None:
    named = _named("양 도시는 관광설명회, 경제포럼, 문화공연 등 교류사업을 함께 추진하기로 했다.", "ko")
    assert "경제포럼" not in named, named
    assert _named("양국 정상은 동방경제포럼에 참석했다.", "ko").get("동방경제포럼") == "ORG"


def test_russian_security_council_and_dprk_cabinet_inside_titles() -> None:
    named = _named("Среди гостей был заместитель председателя Совета безопасности России Дмитрий Медведев.", "ru")
    assert any(s.startswith("Совета безопасности") and t == "ORG" for s, t in named.items()), named
    named = _named("Губернатор встретился с Председателем Кабинета министров КНДР Пак Пон Чжу.", "ru")
    assert any(s.startswith("Кабинета министров") and t == "ORG" for s, t in named.items()), named
