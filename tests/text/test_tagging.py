"""Tagging on real text: the two seeds plus Korean/Russian sentences (offsets always exact)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from pipeline.text.tagging import load_catalog, tag_document
from pipeline.text.types import Block, Mention, SentenceSpan

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _blocks(text: str) -> tuple[list[Block], list[SentenceSpan]]:
    blocks, sents = [], []
    for i, m in enumerate(re.finditer(r"\S(?:.*\S)?", text)):
        blocks.append(Block("body", m.start(), m.end()))
        sents.append(SentenceSpan(i, i, m.start(), m.end()))
    return blocks, sents


def _tag(text: str, lang: str, published: dt.date | None = None) -> list[Mention]:
    blocks, sents = _blocks(text)
    mentions, _ = tag_document(text, lang, blocks, sents, published)
    _check_offsets(text, mentions)
    return mentions


def _check_offsets(text: str, mentions: list[Mention]) -> None:
    for m in mentions:
        assert text[m.char_start : m.char_end] == m.surface
    for kind in {m.entity_type for m in mentions}:
        spans = sorted((m.char_start, m.char_end) for m in mentions if m.entity_type == kind)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), kind


def _english_seed() -> str:
    raw = (SEEDS / "000_cfd591bdd73ab75b.txt").read_text(encoding="utf-8")
    return raw[: raw.index("(END)")].rstrip()


def _russian_seed() -> str:
    raw = (SEEDS / "002_8a9672775b139fda.txt").read_text(encoding="utf-8")
    # Crude unwrap of the PDF-style line breaks (the clean module does this properly).
    text = re.sub(r"-\s*\n\s*\n", "-", raw)
    return re.sub(r"[ \t]*\n\s*\n[ \t]*", " ", text).strip()


def _by_surface(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.surface: m for m in mentions}


def test_english_seed_people_places_and_titles() -> None:
    text = _english_seed()
    mentions = _tag(text, "en")
    found = _by_surface(mentions)
    names = load_catalog().by_id
    for surface in ("Lee Tae-ho", "Alexander Krutikov", "Moon Jae-in", "Vladimir Putin"):
        assert found[surface].entity_type == "PERSON"
        assert found[surface].entity_id in names
    ids = {m.entity_id for m in mentions}
    assert {"gpe:vladivostok", "gpe:ulsan", "loc:russian_far_east", "loc:arctic"} <= ids
    assert not any(s in text for s in ("BTS", "THAAD"))  # the trailer was cut
    assert not any(m.surface in ("BTS", "THAAD", "Jimin") for m in mentions)
    lee = mentions.index(found["Lee Tae-ho"])
    assert any(m.entity_type == "TITLE" and m.linked_to == lee
               and m.surface.endswith("Vice Foreign Minister") for m in mentions)


def test_person_ids_agree_across_languages() -> None:
    en = _by_surface(_tag(_english_seed(), "en"))
    ru = _by_surface(_tag("Президент России Владимир Путин встретился с Лавровым. Путина поддержали.", "ru"))
    ko = _by_surface(_tag("푸틴 대통령은 블라디보스토크에서 문재인 대통령과 만났다.", "ko"))
    putin = en["Vladimir Putin"].entity_id
    assert ru["Владимир Путин"].entity_id == putin == ko["푸틴"].entity_id
    assert ru["Путина"].entity_id == putin
    assert ko["문재인"].entity_id == en["Moon Jae-in"].entity_id
    assert any(m.entity_type == "TITLE" and m.surface.startswith("Президент") for m in ru.values())


def test_russian_seed_links_inflected_names_and_dates() -> None:
    text = _russian_seed()
    blocks, sents = _blocks(text)
    mentions, topics = tag_document(text, "ru", blocks, sents, None)
    _check_offsets(text, mentions)
    names = load_catalog().by_id
    linked = {names[m.entity_id].name_en for m in mentions if m.entity_id in names}
    assert {"Korea–Russia Dialogue", "Shanghai Cooperation Organisation", "South Korea", "Russia",
            "Russian Far East", "Northeast Asia"} <= linked
    surfaces = {m.surface for m in mentions if m.entity_id in names}
    assert {"ДРРК", "Республики Корея", "Российской Федерации", "Северо-Восточной Азии"} <= surfaces
    dates = [m for m in mentions if m.entity_type == "DATE"]
    assert any(m.date_value == dt.date(2007, 2, 13) and m.name_en == "2007-02-13" for m in dates)
    assert not any("2+2" in m.surface for m in dates)
    codes = {t.topic for t in topics}
    assert {"parliamentary", "regional_local", "security_defense"} <= codes
    for t in topics:
        assert 0 <= t.score <= 1 and t.evidence == tuple(sorted(set(t.evidence)))
        assert all(e in text for e in t.evidence)


@pytest.mark.parametrize(("sentence", "surface", "entity_id"), [
    ("포럼은 블라디보스토크에서 열렸다.", "블라디보스토크", "gpe:vladivostok"),
    ("다음 회의는 울산서 개최된다.", "울산", "gpe:ulsan"),
    ("한·러 지방협력포럼이 포항에서 열린다.", "한·러 지방협력포럼", "org:korea_russia_local_cooperation_forum"),
    ("러시아연방 9개 주지사가 참가한다.", "러시아연방", "gpe:russia"),
    ("Во Владивостоке прошёл форум.", "Владивостоке", "gpe:vladivostok"),
    ("в Министерстве иностранных дел России", "Министерстве иностранных дел России", "org:mfa_russia"),
])
def test_inflected_and_particle_forms_link(sentence: str, surface: str, entity_id: str) -> None:
    lang = "ko" if re.search("[가-힣]", sentence) else "ru"
    found = _by_surface(_tag(sentence, lang))
    assert found[surface].entity_id == entity_id


def test_korean_alias_inside_a_longer_word_does_not_match() -> None:
    mentions = _tag("이석배 주러시아대사와 울산대학교 교수가 참석했다.", "ko")
    assert not any(m.entity_id in ("gpe:russia", "gpe:ulsan") for m in mentions)


def test_korean_pair_abbreviations_are_not_place_mentions() -> None:
    # "한·러" is an adjective-like compound, not a mention of two places (corpus convention).
    found = _tag("북·러 정상회담 이후 한러 관계", "ko")
    assert not [m for m in found if m.entity_type == "GPE"]


def test_unlinked_names_are_romanised() -> None:
    ru = _by_surface(_tag("сообщил ректор Борис Коробецкий на форуме.", "ru"))
    assert ru["Борис Коробецкий"].entity_id.startswith("per:x-")  # not in the catalog
    assert ru["Борис Коробецкий"].name_en.startswith("Boris")
    ko = _by_surface(_tag("하인식 교수가 발표했다.", "ko"))
    assert ko["하인식"].entity_type == "PERSON" and ko["하인식"].name_en == "Ha Insik"


def test_dates_need_a_year_or_a_publication_date() -> None:
    assert not [m for m in _tag("Встреча пройдёт 5 сентября.", "ru") if m.entity_type == "DATE"]
    dated = [m for m in _tag("Встреча прошла 5 сентября.", "ru", dt.date(2019, 10, 1))
             if m.entity_type == "DATE"]
    assert [m.date_value for m in dated] == [dt.date(2019, 9, 5)]
    ko = [m for m in _tag("2020년 11월 19일 모스크바에서", "ko") if m.entity_type == "DATE"]
    assert [m.date_value for m in ko] == [dt.date(2020, 11, 19)]


def test_only_content_blocks_are_tagged() -> None:
    text = "Putin met Moon in Seoul.\nBTS in Busan."
    blocks = [Block("body", 0, 24), Block("other", 25, len(text))]
    mentions, _ = tag_document(text, "en", blocks, [SentenceSpan(0, 0, 0, 24)], None)
    assert {"Putin", "Seoul"} <= {m.surface for m in mentions}
    assert all(m.char_end <= 24 and m.sentence_seq == 0 for m in mentions)


def test_boilerplate_blocks_are_not_tagged() -> None:
    # The real-pages work adds a `boilerplate` segment kind outside CONTENT_KINDS: menus and
    # widgets name places and agencies that the article never mentions.
    text = "Lavrov met Kim Jong Un in Pyongyang.\nHome | World | Seoul weather | Yonhap News Agency"
    blocks = [Block("body", 0, 36), Block("boilerplate", 37, len(text))]
    mentions, _ = tag_document(text, "en", blocks, [SentenceSpan(0, 0, 0, 36)], None)
    assert {"Lavrov", "Pyongyang"} <= {m.surface for m in mentions}
    assert all(m.char_end <= 36 for m in mentions)


def test_a_russian_name_in_hangul_is_one_person_from_its_two_tokens() -> None:
    """kiwipiepy runs without its multi-word dictionary (pipeline.text.nlp.kiwi), which would
    make a name such as '블라디미르 티토프' one token: names the catalog does not know are
    still one PERSON from the given name and the surname."""
    for sentence, name in (("블라디미르 티토프 외무차관은 서울을 방문했다.", "블라디미르 티토프"),
                           ("알렉세이 오베르추크 부총리는 철도 연결 사업을 설명했다.", "알렉세이 오베르추크"),
                           ("안드레이 데니소프 전 대사가 참석했다.", "안드레이 데니소프")):
        persons = [m for m in _tag(sentence, "ko") if m.entity_type == "PERSON"]
        assert [m.surface for m in persons] == [name], sentence
