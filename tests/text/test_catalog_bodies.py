"""Korean government bodies and Russian/Korean institutions added to the catalog: found and
linked in the languages written for these tests."""

from __future__ import annotations

from tests.text.lines import tag_lines


def _linked(text: str, lang: str) -> dict[str, str | None]:
    return {m.surface: m.entity_id for m in tag_lines(text, lang) if m.entity_type == "ORG"}


def test_korean_ministries_and_offices_are_linked() -> None:
    found = _linked("기획재정부와 해양수산부, 합참, 대통령실은 이날 발표했다.", "ko")
    assert found == {"기획재정부": "org:moef_korea", "해양수산부": "org:mof_korea", "합참": "org:jcs_korea",
                     "대통령실": "org:presidential_office_korea"}


def test_the_same_body_in_three_languages() -> None:
    assert _linked("ФСБ России сообщила об этом.", "ru") == {"ФСБ России": "org:fsb"}
    assert _linked("The FSB said so.", "en") == {"FSB": "org:fsb"}
    assert _linked("연세대 교수와 로스아톰 관계자가 참석했다.", "ko") == {"연세대": "org:yonsei_university",
                                                             "로스아톰": "org:rosatom"}
