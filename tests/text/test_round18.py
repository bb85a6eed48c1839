"""Round 18: names in lower case after their first word, Korean lists joined by "ㆍ", Korean
parties and bodies in the catalog, a Russian given name before a Korean name, and an acronym in
quotes. Sentences written for the tests, with the cases that must not fire."""

from __future__ import annotations

from tests.text.lines import named


def test_catalog_names_with_lower_case_words_after_the_first() -> None:
    assert named("He spoke at the Eastern economic forum in Vladivostok.", "en").get("Eastern economic forum") == "ORG"
    assert named("Both sides plan to develop the Northern sea route together.", "en").get("Northern sea route") == "LOC"
    # at a sentence's start the capital is the sentence's: no name
    assert "Blue house" not in named("A blue house stood there. Blue house paint is cheap.", "en")
    assert "eastern economic forum" not in named("Delegates met at the eastern economic forum.", "en")


def test_korean_list_dot_separates_words() -> None:
    found = named("우리나라는 중동ㆍ동남아에 편중된 도입선을 다변화할 수 있다.", "ko")
    assert found.get("중동") == "LOC" and found.get("동남아") == "LOC"
    assert not named("한ㆍ러 정상회담이 열렸다.", "ko")  # "한·러" names no place (corpus convention)


def test_korean_parties_and_bodies_from_the_catalog() -> None:
    found = named("국민의당 국회의원과 열린민주당 대표가 참석했다.", "ko")
    assert found.get("국민의당") == "ORG" and found.get("열린민주당") == "ORG"
    assert named("민주평통 홍보대사가 공연했다.", "ko").get("민주평통") == "ORG"
    assert named("중국의 동북3성과 러시아 연해주가 협력한다.", "ko").get("동북3성") == "LOC"


def test_russian_given_name_before_a_korean_name() -> None:
    found = named("Председатель общества сахалинских корейцев Сергей Ли Су Дин сообщил о планах.", "ru")
    assert found.get("Сергей Ли Су Дин") == "PERSON"
    assert named("Встреча с Мун Чжэ Ином прошла в Сеуле.", "ru").get("Мун Чжэ Ином") == "PERSON"


def test_university_acronym_in_quotes() -> None:
    assert named("Уверен доцент кафедры истории НИУ «БелГУ» Сергей Прокопенко.", "ru").get("БелГУ") == "ORG"


def test_a_guessed_given_name_does_not_join_a_korean_name() -> None:
    found = named("Среди гостей был мэр южнокорейского города Кванъяна Чон Хёнбок.", "ru")
    assert "Кванъяна Чон Хёнбок" not in found and found.get("Чон Хёнбок") == "PERSON"


def test_long_catalog_name_in_sentence_case_at_a_sentence_start() -> None:
    found = named("Eastern economic forum is an event that brings investors to Vladivostok.", "en")
    assert found.get("Eastern economic forum") == "ORG"


def test_place_opening_a_catalog_body_name_in_english_is_mentioned_too() -> None:
    from tests.text.lines import tag_lines

    mentions = tag_lines("In 2017 deliveries by Sakhalin Energy rose sharply.", "en")
    assert {(m.surface, m.entity_type) for m in mentions if m.entity_type in ("ORG", "GPE")} == \
        {("Sakhalin Energy", "ORG"), ("Sakhalin", "GPE")}
    # a nationality adjective opening a name is no place
    assert "Korean" not in named("The Korean National Ballet toured Moscow.", "en")
