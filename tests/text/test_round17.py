"""Round 17: culture bodies and universities, foreign names glossed with spaced brackets, a known
person with a glued post, Russian given name + surname before a role, initials glued together,
university acronyms, meetings typed as bodies, datelines with a byline or two cities, and a Korean
"… 보기" label. Sentences and pages written for the tests, with the cases that must not fire."""

from __future__ import annotations

from tests.text.lines import named, tag_lines


def test_culture_bodies_by_their_kind() -> None:
    found = named("마린스키극장 발레단이 서울에서 공연했다.", "ko")
    assert found.get("마린스키극장 발레단") == "ORG"
    assert named("모스크바 필하모닉 오케스트라가 내한했다.", "ko").get("모스크바 필하모닉 오케스트라") == "ORG"
    for text in ("그는 극장에서 공연을 봤다.", "소극장에서 연극이 열렸다.", "시민들은 미술관에 갔다."):
        assert not [s for s, t in named(text, "ko").items() if t == "ORG"], text


def test_person_before_a_body_is_not_part_of_it() -> None:
    found = named("강수진 국립발레단 예술감독이 말했다.", "ko")
    assert found.get("강수진") == "PERSON" and found.get("국립발레단") == "ORG"


def test_korean_universities_by_short_name() -> None:
    assert named("성균관대에서 포럼이 열렸다.", "ko").get("성균관대") == "ORG"
    assert named("경희대 교수들이 참석했다.", "ko").get("경희대") == "ORG"


def test_foreign_name_with_a_spaced_latin_gloss() -> None:
    found = named("알렉세이 그리샤노프 ( Alexei Grishanov ) 편집장 등 13 명이 참석한다 .", "ko")
    assert found.get("알렉세이 그리샤노프") == "PERSON"


def test_known_person_with_a_glued_post() -> None:
    mentions = tag_lines("푸틴대통령은 이날 성명을 냈다.", "ko")
    people = [m for m in mentions if m.entity_type == "PERSON"]
    assert [m.surface for m in people] == ["푸틴"] and people[0].entity_id is not None


def test_candidate_is_a_post() -> None:
    assert named("무소속 박종수 후보는 보도자료를 냈다.", "ko").get("박종수") == "PERSON"


def test_russian_given_name_and_a_surname_that_is_a_word_before_a_role() -> None:
    # "우린" is also a word ("we"): before "<body> <post>" it is the surname
    assert named("블라디미르 우린 볼쇼이극장 대표가 참석했다.", "ko").get("블라디미르 우린") == "PERSON"
    assert "블라디미르 주의" not in named("블라디미르 주의 주지사가 방문했다.", "ko")  # a region's governor


def test_korean_name_in_russian_ending_in_r() -> None:
    mentions = tag_lines("Губернатор встретился с генеральным консулом Им Чхон Иром.", "ru")
    people = [m for m in mentions if m.entity_type == "PERSON"]
    assert [m.surface for m in people] == ["Им Чхон Иром"]


def test_initials_glued_together_before_a_known_surname() -> None:
    found = named("Лекцию прочитал доцент В.Е. Сухинин.", "ru")
    assert found.get("В.Е. Сухинин") == "PERSON"
    assert named("The U.S. Army held drills near Seoul.", "en").get("U.S. Army") != "PERSON"  # no initials


def test_body_ends_before_a_person_with_initials() -> None:
    found = named("Выступила директор Международного центра корееведения МГУ И.Л. Касаткина.", "ru")
    assert found.get("И.Л. Касаткина") == "PERSON"
    assert not any(t == "ORG" and "Касаткина" in s for s, t in found.items())


def test_russian_university_acronyms() -> None:
    assert named("Студент СахГУ представил доклад на конференции.", "ru").get("СахГУ") == "ORG"
    assert named("Профессор АмГУ выступил с лекцией.", "ru").get("АмГУ") == "ORG"
    from pipeline.text.tagging.ner import russian_university_acronyms

    assert not russian_university_acronyms("Сотрудники ГУ МЧС прибыли на место.")  # a directorate
    # inside a longer name, the name stays whole
    assert named("Делегация БФУ имени Канта прибыла в Сеул.", "ru").get("БФУ имени Канта") == "ORG"


def test_a_summit_is_no_body_and_its_place_stays() -> None:
    found = named("After the Singapore Summit with Kim, Trump rushed to hold a summit with Putin.", "en")
    assert found.get("Singapore") == "GPE" and "Singapore Summit" not in found


def test_body_named_before_its_officer() -> None:
    found = named("The ceremony was attended by Ambassador Lee Do-hoon, RH Focus Chairman Kim Soo-un and other guests.", "en")
    assert found.get("RH Focus") == "ORG" and found.get("Kim Soo-un") == "PERSON"


def test_datelines_with_a_byline_or_two_cities() -> None:
    from pipeline.text.dateline import find_dateline

    d = find_dateline("SEOUL (Yonhap) By Lee Dae-ho – The friendship association agreed that exchanges should go on.")
    assert d is not None and (d.place, d.agency) == ("SEOUL", "Yonhap")
    d = find_dateline("Seoul/Kyiv, Dec 21 (NationPress) South Korea and Russia held closed-door talks in Moscow.")
    assert d is not None and d.place == "Seoul/Kyiv" and (d.month, d.day) == (12, 21)
    assert find_dateline("Seoul/Atlantis, Dec 21 (NationPress) South Korea and Russia held talks.") is None


def test_korean_view_label_is_no_headline() -> None:
    from pipeline.text.layout import analyse_layout

    paras = ["상세검색", "닫기", "문화 넓게 보기", "2020-2021년, 한국-러시아 상호 문화교류의 해 지정",
             "[문화신문=홍길동 기자] 문화체육관광부는 2020-2021년을 한국-러시아 상호 문화교류의 해로 지정하고 교류 행사를 추진한다고 밝혔다."]
    assert analyse_layout(paras).title == "2020-2021년, 한국-러시아 상호 문화교류의 해 지정"
