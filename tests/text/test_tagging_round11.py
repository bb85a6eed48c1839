"""Round 11 (unseen pages): an English company named by a proper noun or an acronym and a word for a
firm ("… International", "… Networks", "… Holdings"), read only where a body is spoken of. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.text.lines import named as _named


@pytest.mark.parametrize(("text", "org"), [
    ("The delegation included the head of Hanbit International and officials of the port.", "Hanbit International"),
    ("The head of the regional office of NK Networks Park Ji-hoon also attended the talks.", "NK Networks"),
    ("Shares of Daewoo Holdings rose after the contract was signed.", "Daewoo Holdings"),
])
def test_company_named_with_a_firm_word(text: str, org: str) -> None:
    assert _named(text, "en").get(org) == "ORG", _named(text, "en")


@pytest.mark.parametrize(("text", "not_org"), [
    ("The plane landed at Sunan International Airport on Monday.", "Sunan International"),
    ("The head of Korea International Trade Association spoke at the forum.", "Korea International"),
    ("Experts from Russian International Affairs Council met in Seoul.", "Russian International"),
    ("Representatives of Global Networks met the governor.", "Global Networks"),
])
def test_a_longer_name_a_place_or_an_adjective_is_no_company(text: str, not_org: str) -> None:
    assert _named(text, "en").get(not_org) is None, _named(text, "en")


def test_the_person_after_the_company_stays_a_person() -> None:
    found = _named("The head of the regional office of NK Networks Park Ji-hoon also attended the talks.", "en")
    assert found.get("NK Networks") == "ORG", found
    assert found.get("Park Ji-hoon") == "PERSON", found
