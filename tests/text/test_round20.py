"""Round 20: a name ending like a province before an office head's post, North Korea's spelling of
the surname 리, and universities and companies by their Korean short names. Sentences written for
the tests, with the cases that must not fire."""

from __future__ import annotations

from tests.text.lines import named


def test_name_ending_like_a_province_before_an_office_heads_post() -> None:
    found = named("협정식에는 문철주 국제교류처장과 윤성욱 교무처장이 참석했다.", "ko")
    assert found.get("문철주") == "PERSON" and found.get("윤성욱") == "PERSON"
    assert named("연해주 국제협력국장이 말했다.", "ko").get("연해주") == "GPE"  # a known region stays one


def test_korean_short_names_of_universities_and_companies() -> None:
    found = named("바우만 공대, 김책공업대, 김일성종합대 총장이 참석했다.", "ko")
    assert {found.get(n) for n in ("바우만 공대", "김책공업대", "김일성종합대")} == {"ORG"}
    found = named("행사에 LS네트워크와 녹십자가 참여했다.", "ko")
    assert {found.get(n) for n in ("LS네트워크", "녹십자")} == {"ORG"}
    # a hotel as the venue is no body (dev's labels leave "소공동 롯데호텔에서" out)
    assert "롯데호텔" not in named("지난 6일 소공동 롯데호텔에서 컨퍼런스가 열렸다.", "ko")
