"""Round 10 (unseen pages): Korean organisations and places by their shape. Companies written in
Hangul transliteration with a company cue (a legal form, the copula after the kind of firm, a
firm's suffix), North Korean ministries in 성 and committees opened by 국제/무역/대외, a company
glossed in Latin with a body's head, places with a bound suffix, and a story's closing credits in
brackets. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.text.lines import named as _named


@pytest.mark.parametrize(("text", "org"), [
    ("이날 행사에는 현지 유통업체인 마그니트트레이딩 등이 참여했다.", "마그니트트레이딩"),
    ("수산 업체인 대양마린은 현지 법인을 세웠다.", "대양마린"),
    ("국내 참가사 한결시스템스와 계약을 맺었다.", "한결시스템스"),
    ("회의에는 (주)해솔무역 관계자가 참석했다.", "해솔무역"),
    ("주식회사 누리상사가 새 항로를 열었다.", "누리상사"),
])
def test_korean_company_by_its_cue(text: str, org: str) -> None:
    assert _named(text, "ko").get(org) == "ORG", _named(text, "ko")


@pytest.mark.parametrize("text", [
    "정부는 무역상사 설립을 지원하고 국내해운 업계를 도왔다.",  # a trading firm, domestic shipping: descriptions
    "그는 현지 기업인 출신으로 알려졌다.",  # 기업인: a businessman
])
def test_descriptions_of_firms_are_no_names(text: str) -> None:
    assert not any(t == "ORG" for t in _named(text, "ko").values()), _named(text, "ko")


def test_a_word_with_a_legal_form_is_a_company_not_a_person() -> None:
    found = _named("회의에는 (주)한빛 대표 김철수 씨가 참석했다.", "ko")
    assert found.get("한빛") == "ORG", found
    assert found.get("김철수") == "PERSON", found


def test_north_korean_ministry_in_seong() -> None:
    found = _named("대표단은 대외경제성 관계자와 만났다.", "ko")
    assert any(s.endswith("대외경제성") and t == "ORG" for s, t in found.items()), found


def test_committee_opened_by_international_and_trade() -> None:
    found = _named("대표단은 지난주 국제 무역 촉진위원회와 의정서를 맺었다.", "ko")
    assert found.get("국제 무역 촉진위원회") == "ORG", found


def test_a_verb_before_the_committee_stems_stays_out() -> None:
    found = _named("대표단은 관계자와 만났고 국제 무역 촉진위원회와 의정서를 맺었다.", "ko")
    assert "국제 무역 촉진위원회" in found, found
    assert not any(s.startswith("만났고") for s in found), found


def test_latin_gloss_with_a_body_head_is_an_organisation() -> None:
    found = _named("계약은 사할린의 노스포트(North Port)와 체결됐다.", "ko")
    assert found.get("노스포트") == "ORG", found


def test_latin_gloss_of_a_person_stays_a_person() -> None:
    found = _named("그는 세르게이 이바노프(Sergei Ivanov)와 만났다.", "ko")
    assert found.get("세르게이 이바노프") == "PERSON", found


@pytest.mark.parametrize(("text", "place"), [
    ("화물은 포항신항으로 들어왔다.", "포항신항"),
    ("연해주지역 업체들이 참여했다.", "연해주지역"),
    ("배는 부산항에 도착했다.", "부산항"),
])
def test_known_place_with_a_bound_suffix(text: str, place: str) -> None:
    found = _named(text, "ko")
    assert found.get(place) in ("GPE", "LOC"), found


def test_unknown_stem_with_a_bound_suffix_is_no_place() -> None:
    assert not _named("그는 결항 소식과 해당지역 사정을 전했다.", "ko"), _named("그는 결항 소식과 해당지역 사정을 전했다.", "ko")


@pytest.mark.parametrize("text", ["(김철수 기자;편집 이영희 기자)", "(글·사진 홍길동 기자)"])
def test_closing_credits_in_brackets_name_nobody(text: str) -> None:
    assert not _named(text, "ko"), _named(text, "ko")


def test_a_reporter_met_in_a_sentence_is_still_a_person() -> None:
    assert _named("시장은 홍길동 기자와 만났다고 말했다.", "ko").get("홍길동") == "PERSON"


# Credits in English (agency credit lines in any language are never mentions)


def test_agency_credit_with_its_date_after_a_capitals_dateline_names_nothing() -> None:
    found = _named("VLADIVOSTOK (Harbour Daily / Interfax - 3rd March, 2021) Russian officials met Korean envoys "
                   "in Vladivostok on Wednesday.", "en")
    assert "Interfax" not in found and found.get("VLADIVOSTOK") == "GPE", found


def test_photo_credit_after_a_caption_bar_names_nothing() -> None:
    found = _named("Envoys shake hands at the airport | Photo: Facebook page of the embassy. Drawn by the "
                   "Harbour Agency.", "en")
    assert "Harbour Agency" not in found, found


def test_agency_photo_credit_alone_on_its_line() -> None:
    assert _named("Reuters photo", "en") == {}


def test_an_agency_cited_in_a_sentence_stays_a_mention() -> None:
    assert _named("Reuters reported that the talks in Busan went well.", "en").get("Reuters") == "ORG"


def test_a_catalog_name_before_the_suffix_hwa_is_another_noun() -> None:
    assert _named("항만 시설의 현대화 사업이 진행 중이다.", "ko") == {}
    assert _named("현대는 새 공장을 세웠다.", "ko").get("현대") == "ORG"


def test_agency_in_a_dateline_segment_ending_on_its_dash_names_nothing() -> None:
    from pipeline.text.tagging import tag_document
    from pipeline.text.types import Block, SentenceSpan

    text = "부산, 4월3일 (로이터) - 러시아 극동 지역과 부산을 잇는 항로가 다시 열린다."
    cut = text.index(" 러시아")
    blocks = [Block("dateline", 0, cut), Block("body", cut + 1, len(text))]
    sents = [SentenceSpan(0, 0, 0, cut), SentenceSpan(1, 1, cut + 1, len(text))]
    mentions, _ = tag_document(text, "ko", blocks, sents, None)
    found = {m.surface: m.entity_type for m in mentions}
    assert "로이터" not in found and found.get("부산") == "GPE", found
