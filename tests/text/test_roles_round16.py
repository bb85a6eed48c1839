"""Round 16: names before and glued to posts, country ministries, party names, sentence-case
catalog names, and a Korean outlet's section tag that is no cookie notice. Sentences written
for the tests; each rule also has the cases where it must not fire."""

from __future__ import annotations

from pipeline.text.boilerplate import boilerplate_reason
from tests.text.lines import named, tag_lines


def test_name_that_ends_like_a_post_before_a_role_is_a_person() -> None:
    # 윤 + 주석 ("chairman") reads as a post alone; before "<body> <post>" it is a name.
    found = named("윤주석 외교부 영사국장과 회담을 가졌다.", "ko")
    assert found.get("윤주석") == "PERSON"
    assert named("윤주석 국장은 말했다.", "ko").get("윤주석") == "PERSON"


def test_a_post_before_a_role_stays_a_post() -> None:
    titles = {m.surface for m in tag_lines("시진핑 주석은 외교부 국장을 만났다.", "ko") if m.entity_type == "TITLE"}
    assert "주석" in titles
    assert "부주석" not in named("부주석 외교부 국장이 참석했다.", "ko")  # 부 is no surname here


def test_assistant_minister_is_a_post() -> None:
    found = named("박정호 산업통상자원부 차관보는 10일 서울에서 대표단을 만났다.", "ko")
    assert found.get("박정호") == "PERSON"


def test_name_glued_to_its_post() -> None:
    mentions = tag_lines("이준호원장은 이날 협약식에서 인사말을 했다.", "ko")
    assert [(m.surface, m.entity_type) for m in mentions if m.entity_type in ("PERSON", "TITLE")] == \
        [("이준호", "PERSON"), ("원장", "TITLE")]


def test_body_glued_to_a_post_is_no_person() -> None:
    for text in ("고려대총장은 축사를 했다.", "서울시장은 말했다.", "한겨레기자는 썼다."):
        assert not [s for s, t in named(text, "ko").items() if t == "PERSON"], text


def test_adverb_before_a_body_is_not_part_of_its_name() -> None:
    found = named("한편 러시아센터의 설립은 협약에 따른 것이다.", "ko")
    assert found.get("러시아센터") == "ORG" and "한편 러시아센터" not in found
    assert named("또한 한국학센터는 문을 열었다.", "ko").get("한국학센터") == "ORG"


def test_foreign_country_ministry_is_that_countrys() -> None:
    found = named("카자흐스탄 외무부는 성명을 냈다.", "ko")
    assert found.get("카자흐스탄 외무부") == "ORG"
    mentions = tag_lines("몽골 국방부 관계자가 말했다.", "ko")
    orgs = [m for m in mentions if m.entity_type == "ORG"]
    assert [m.surface for m in orgs] == ["몽골 국방부"]  # not Korea's ministry (the catalog's bare "국방부")
    home = [m for m in tag_lines("한국 국방부는 밝혔다.", "ko") if m.entity_type == "ORG"]
    assert [m.surface for m in home] == ["국방부"] and home[0].entity_id is not None  # Korea's own: linked


def test_accounting_firm_named_and_the_bare_kind_not() -> None:
    assert named("삼일회계법인은 보고서를 냈다.", "ko").get("삼일회계법인") == "ORG"
    assert not named("회계법인 관계자는 말했다.", "ko")
    assert not named("대형 회계법인이 참여했다.", "ko")


def test_party_named_by_capitalised_adjective_mid_sentence() -> None:
    found = named("Эксперт отметил, что пришедшая к власти Демократическая партия стремится к балансу.", "ru")
    assert found.get("Демократическая партия") == "ORG"
    assert not named("Правящая партия проиграла выборы.", "ru")  # the sentence's own capital


def test_long_catalog_name_in_sentence_case() -> None:
    assert named("He spoke at the Eastern economic forum in Vladivostok.", "en").get("Eastern economic forum") == "ORG"
    assert "eastern economic forum" not in named("Delegates met at the eastern economic forum.", "en")


def test_korean_outlet_section_tag_is_not_a_cookie_notice() -> None:
    lead = "[쿠키 사회] 부산대는 다음달 1일 러시아센터 개소식을 갖고 활동에 들어간다고 26일 밝혔다."
    assert boilerplate_reason(lead) is None
    assert boilerplate_reason("이 사이트는 쿠키를 사용합니다. 동의하시겠습니까?") == "cookie_notice"
    assert boilerplate_reason("쿠키 설정") == "cookie_notice"
    assert boilerplate_reason("We use cookies to improve your experience.") == "cookie_notice"


def test_catalog_names_added_this_round() -> None:
    assert named("Соглашение подписали КамАЗ и компания из Кореи.", "ru").get("КамАЗ") == "ORG"
    assert named("러시아 세계 기금과 협약을 맺었다.", "ko").get("러시아 세계 기금") == "ORG"
    assert named("외교통상부 통상교섭본부는 밝혔다.", "ko").get("통상교섭본부") == "ORG"


def test_unknown_possessive_surname_takes_the_given_names_case() -> None:
    from pipeline.text.tagging.filters import ru_nominative

    # pymorphy3 reads "Хорошавина" as a woman's nominative; after "Александра" read as the
    # genitive of Александр, it is his surname in the genitive.
    assert ru_nominative("Александра Хорошавина", "PERSON") == "Александр Хорошавин"
    assert ru_nominative("Александру Хорошавину", "PERSON") == "Александр Хорошавин"
    assert ru_nominative("Анны Хорошавиной", "PERSON") == "Анна Хорошавина"
    assert ru_nominative("Анна Хорошавина", "PERSON") == "Анна Хорошавина"  # already nominative
    assert ru_nominative("Александр Хорошавин", "PERSON") == "Александр Хорошавин"


def test_one_person_one_entity_across_cases() -> None:
    text = "Губернатор Александр Хорошавин прибыл в Сеул.\nВстреча губернатора Александра Хорошавина с мэром прошла успешно."
    ids = {m.entity_id for m in tag_lines(text, "ru") if m.entity_type == "PERSON"}
    assert len(ids) == 1 and None not in ids


def test_korean_surname_woo_in_russian() -> None:
    from pipeline.text.tagging.filters import ru_nominative

    assert ru_nominative("Ву Вон Шика", "PERSON") == "Ву Вон Шик"


def test_dateline_with_day_before_month_and_agency_in_brackets() -> None:
    from pipeline.text.dateline import find_dateline

    d = find_dateline("Seoul, 8 March 2022 (TDI): South Korea joined the sanctions, the foreign ministry said on Tuesday.")
    assert d is not None and (d.place, d.agency, d.year, d.month, d.day) == ("Seoul", "TDI", 2022, 3, 8)
    d = find_dateline("MOSCOW. Sept 10 (Interfax) - Russia and South Korea agreed to expand cooperation in energy.")
    assert d is not None and (d.place, d.agency, d.month, d.day) == ("MOSCOW", "Interfax", 9, 10)
    # a sentence that opens with a place and a date is no dateline
    assert find_dateline("Seoul, 8 March 2022 was a cold day for the delegation from Moscow.") is None


def test_dateline_below_standfirst_author_caption_and_date() -> None:
    from pipeline.text.layout import analyse_layout

    paras = [
        "Seoul urged to widen its talks with Moscow: report",
        "A government think tank says Seoul should keep its channels to Moscow open to limit the military "
        "cooperation between Russia and North Korea.",
        "Kim Hana",
        "The Seoul Courier",
        "Officials attend a briefing at the ministry in Seoul on Monday. PHOTO: COURIER FILE",
        "March 3, 2025",
        "SEOUL – South Korea should keep its diplomatic channels to Moscow open, a state-run think tank said "
        "on Wednesday in a report on the war in Ukraine.",
        "The report said the two countries had expanded their exchanges since 2023.",
    ]
    layout = analyse_layout(paras)
    assert layout.dateline_place == "SEOUL"
    # two story paragraphs above: a later "MOSCOW – …" is a paragraph of the story, no dateline
    late = paras[:6] + [paras[7] * 2, paras[1], "MOSCOW – The Kremlin did not comment on the report, which was "
                        "published in Korean and English on the institute's website on Wednesday."]
    assert analyse_layout(late).dateline_place is None
