"""Topic scoring on sentences written for these tests (lexicon: pipeline/text/data/topics.yaml)."""

from __future__ import annotations

from pipeline.text.tagging.topics import score_topics


def _topics(text: str) -> dict[str, float]:
    return {t.topic: t.score for t in score_topics(text, [(0, len(text))])}


def test_a_passing_mention_beside_the_theme_is_not_a_topic() -> None:
    text = (
        "The envoys discussed the nuclear programme, missile launches, a nuclear test site, "
        "denuclearization steps, uranium enrichment and the six-party talks on nuclear weapons. "
        "Nuclear experts said the missile tests and the nuclear stockpile worry the region. "
        "The two countries also have trade ties and some investment."
    )
    found = _topics(text)
    assert "nuclear_missile" in found
    assert "economy_trade" not in found  # two economy words against some fifteen nuclear ones


def test_the_same_words_in_a_story_about_them_are_a_topic() -> None:
    found = _topics("Trade between the two countries grew, and investment followed the new trade deal.")
    assert "economy_trade" in found


def test_an_exchange_of_views_is_not_culture() -> None:
    assert "culture_people" not in _topics(
        "The ministers exchanged views on the peninsula and agreed to continue the exchange of opinions.")
    assert "culture_people" not in _topics("양측은 의견을 교류하고 정보 교류를 이어가기로 했다.")
    assert "culture_people" in _topics("The festival brought cultural exchange, music and film to the city.")


def test_delegations_and_consuls_are_diplomacy() -> None:
    assert "diplomacy" in _topics("The consul general received a delegation from the consulate's partner city.")
    assert "diplomacy" in _topics("Генеральный консул встретился с делегацией, консульство готовит визит.")
    assert "diplomacy" in _topics("총영사는 대표단을 맞이했고 영사관은 방문 일정을 준비했다.")


def test_ferries_and_cargo_are_transport() -> None:
    assert "transport_logistics" in _topics("A new ferry line will carry cargo and passengers; ferries leave twice a week.")
    assert "transport_logistics" in _topics("Паромное сообщение откроют летом: паром будет возить груз и пассажиров.")
    assert "transport_logistics" in _topics("새 페리 노선이 열리면 여객선과 화물선이 오간다.")


def test_the_korean_diaspora_is_culture_and_people() -> None:
    assert "culture_people" in _topics(
        "Мэр встретился с представителями корейской диаспоры города. В городе живёт многочисленная диаспора.")
    assert "culture_people" in _topics("도지사는 고려인 동포 단체를 방문해 고려인 학교에 교재를 전달했다.")


def test_english_prefixes_do_not_reach_unrelated_words() -> None:
    """`import*` once matched "important", `art*` "article", `port*` "portion", `invest*`
    "investigation": a prefix term must stop at the words of its topic."""
    text = ("It is important to read the article. The importance of the portion of the portal "
            "was the subject of an investigation; the artillery report and the portrait followed.")
    found = {t.topic: t.evidence for t in score_topics(text, [(0, len(text))])}
    assert "economy_trade" not in found
    assert "culture_people" not in found
    assert "transport_logistics" not in found
    assert "economy_trade" in _topics("Imports and exports grew; importers and investors signed new investments.")
    assert "transport_logistics" in _topics("The port handles more ships; two seaports were modernised.")
    assert "culture_people" in _topics("Artists showed their art and artworks at the festival.")


def test_a_far_eastern_city_as_the_venue_is_not_the_far_east_theme() -> None:
    """A meeting held in Vladivostok is about the meeting; the Far East as the subject is
    named as a region (Far East, Arctic, the Eastern Economic Forum)."""
    for text in (
        "The leaders met in Vladivostok. After the talks in Vladivostok the ministers signed a statement.",
        "Переговоры прошли во Владивостоке. После встречи во Владивостоке министры подписали заявление.",
        "정상회담은 블라디보스토크에서 열렸다. 블라디보스토크 회담 뒤 양국 장관은 성명을 냈다.",
    ):
        assert "arctic_far_east" not in _topics(text), text
    for text in (
        "Investment in the Russian Far East grew; Far East ports and Vladivostok attract Korean firms.",
        "Инвестиции на Дальнем Востоке растут: Дальний Восток и Владивосток привлекают компании.",
        "극동 투자가 늘었다. 극동 지역과 블라디보스토크에 한국 기업이 진출했다.",
    ):
        assert "arctic_far_east" in _topics(text), text


def test_a_visit_is_diplomacy_in_every_language() -> None:
    """Russian had визит; the English and Korean lexicons now have the same word."""
    assert "diplomacy" in _topics("The minister's visit to Seoul followed the president's state visit in May.")
    assert "diplomacy" in _topics("외무장관의 서울 방문은 5월 대통령 국빈 방문에 이어 이뤄졌다.")
