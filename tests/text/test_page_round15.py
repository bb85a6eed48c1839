"""Round 15: headline and date decisions on the page's own evidence, with the cases they must
not take.

Titles: a photo caption printed twice is no headline when the line carries a caption's evidence
(a credit in brackets after its full stop, a credit naming two sources, an image's file name, a
line right under an image's placeholder); the headline printed twice or thrice stacked is the
headline, not a list of related stories; an author's name between the headline and the date does
not hide the headline from the deck below. Dates: a crawl prefix or a page-top stamp a year or
more before a month the story reports is not the story's date; a bare date alone in the site's
header is no evidence on its own. Pages written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.text.headline import is_caption, is_headline_shaped
from pipeline.text.published_date import contradicted, stated_months
from tests.text.written_pages import EN_BODY, KO_BODY, RU_BODY, page

EN_LEAD = ("Relations between the two countries have reached their lowest point since 1990 after new "
           "sanctions on shipping companies, the ministry said on Wednesday.")


# --- captions ----------------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "Foreign Ministry spokesperson Maria Ivanova. (TASS/Yonhap)",
    "Delegates pose for a photo in Vladivostok on March 3, 2021. (REUTERS PHOTO)",
    "The two ministers shake hands before the talks in Seoul. [Reuters]",
    "Officials inspect the new port terminal (AP Photo/Lee Jin-man)",
    "1504673396.jpg정상들이 악수하고 있다",
    "summit_photo.JPEG Leaders shake hands in Vladivostok",
    "Мун Чжэ Ин и Владимир Путин в Кремле. Фото РИА Новости",
    "The two leaders shake hands before their talks in Vladivostok on Monday. Reuters",
    "문재인 대통령과 푸틴 대통령이 악수하고 있다. /연합뉴스",
])
def test_caption_evidence(line: str) -> None:
    assert is_caption(line)
    assert not is_headline_shaped(line)


@pytest.mark.parametrize("line", [
    "Seoul-Moscow ties spiral downward as Russia cozies up with N. Korea",
    "Russia, S. Korea agree on new fisheries quotas (LEAD)",
    "Moon meets Putin in Vladivostok (Update 2)",
    "Путин и Мун Чжэ Ин обсудили проект газопровода (ВИДЕО)",
    "U.S. envoy to visit Moscow and Seoul next week",
    "Фото дня: саммит во Владивостоке",
    "Photo exhibition on Korea-Russia ties opens in Seoul",
    "Yonhap and TASS sign news exchange deal",
    "Reuters: Russia ships oil to North Korea via Vostochny",
])
def test_headlines_are_no_captions(line: str) -> None:
    assert not is_caption(line)
    assert is_headline_shaped(line)


def test_a_caption_printed_twice_is_not_the_headline() -> None:
    doc = page(
        "Seoul-Moscow ties spiral downward over new sanctions",
        "Posted on : 2024-04-05 16:59 KST",
        "Russia has warned of a response after South Korea imposed sanctions on ships and shipping companies",
        "Foreign Ministry spokesperson Maria Ivanova. (TASS/Yonhap)",
        "Foreign Ministry spokesperson Maria Ivanova. (TASS/Yonhap)",
        EN_LEAD,
        EN_BODY,
    )
    assert doc.title == "Seoul-Moscow ties spiral downward over new sanctions"


def test_a_picture_pair_below_the_date_line_is_not_the_headline() -> None:
    # no credit at all: the alt text and the caption printed one under the other, in the story's
    # opening below the date line, with the headline above that line
    doc = page(
        "Seoul-Moscow ties spiral downward over new sanctions",
        "Posted on : 2024-04-05 16:59 KST",
        "Russia has warned of a response after South Korea imposed sanctions on ships and shipping companies",
        "Foreign Ministry spokesperson Maria Ivanova at a briefing in Moscow",
        "Foreign Ministry spokesperson Maria Ivanova at a briefing in Moscow",
        EN_LEAD,
        EN_BODY,
    )
    assert doc.title == "Seoul-Moscow ties spiral downward over new sanctions"


@pytest.mark.parametrize("top", [(), ("March 3, 2024",), ("Home | News | World", "Posted on : 2024-04-05 16:59 KST")])
def test_a_headline_stacked_twice_under_the_date_is_the_headline(top: tuple[str, ...]) -> None:
    doc = page(
        *top,
        "Seoul-Moscow ties spiral downward over new sanctions",
        "Seoul-Moscow ties spiral downward over new sanctions",
        EN_LEAD,
        EN_BODY,
    )
    assert doc.title == "Seoul-Moscow ties spiral downward over new sanctions"


def test_a_headline_printed_twice_is_still_the_headline() -> None:
    doc = page(
        "Seoul-Moscow ties spiral downward over new sanctions",
        "Seoul-Moscow ties spiral downward over new sanctions",
        "Posted on : 2024-04-05 16:59 KST",
        EN_LEAD,
        EN_BODY,
    )
    assert doc.title == "Seoul-Moscow ties spiral downward over new sanctions"


def test_a_line_printed_twice_under_an_image_is_its_caption() -> None:
    doc = page(
        "Seoul-Moscow ties spiral downward over new sanctions",
        "Posted on : 2024-04-05 16:59 KST",
        "photo_0412.jpg",
        "Spokesperson Maria Ivanova speaks at a briefing",
        "Spokesperson Maria Ivanova speaks at a briefing",
        EN_LEAD,
        EN_BODY,
    )
    assert doc.title == "Seoul-Moscow ties spiral downward over new sanctions"


def test_an_image_file_glued_to_a_caption_is_no_headline() -> None:
    doc = page(
        "기사상세페이지",
        "문대통령, 푸틴 대통령과 단독 정상회담 시작",
        "기사입력 2017.09.06 13:50",
        "SNS 공유하기",
        "15046733961264.jpg한-러 정상의 악수(블라디보스토크=연합뉴스) 문재인 대통령과 푸틴 대통령이 악수하고 있다",
        "(블라디보스토크=연합뉴스) 러시아를 방문 중인 문재인 대통령이 6일 오후 블라디보스토크에서 푸틴 대통령과 단독 정상회담에 들어갔다.",
        KO_BODY,
    )
    assert doc.title == "문대통령, 푸틴 대통령과 단독 정상회담 시작"
    assert doc.dateline_place == "블라디보스토크"
    assert doc.published_date == dt.date(2017, 9, 6)


def test_a_photo_credit_bracket_is_no_dateline_of_an_outlet() -> None:
    doc = page(
        "문대통령, 푸틴 대통령과 단독 정상회담 시작",
        "기사입력 2017.09.06 13:50",
        "SNS 공유하기",
        "fa tw",
        "• ba",
        "• ka url",
        "(사진=연합뉴스) 러시아를 방문 중인 문재인 대통령이 6일 오후 블라디보스토크에서 푸틴 대통령과 단독 정상회담에 들어갔다.",
        KO_BODY,
    )
    assert doc.dateline_place is None


# --- the headline printed several times; an author line ------------------------------------


def test_a_headline_stacked_three_times_is_no_list_of_links() -> None:
    doc = page(
        "все по полочкам",
        "КНДР активно наращивает экономические связи с Россией",
        "КНДР активно наращивает экономические связи с Россией",
        "КНДР активно наращивает экономические связи с Россией",
        "КНДР ускоренно наращивает сотрудничество с Россией — The Financial Times",
        "Северная Корея регистрирует в России бренды и наращивает экономические связи, сообщает газета.",
        RU_BODY,
    )
    assert doc.title == "КНДР активно наращивает экономические связи с Россией"


def test_a_related_list_with_a_story_in_two_widgets_stays_a_list() -> None:
    doc = page(
        "Ports in Primorye to expand",
        "Russia and Korea sign fisheries deal",
        "Rail link talks resume in Moscow",
        "Russia and Korea sign fisheries deal",
        "Trade fair opens in Vladivostok",
        "Officials agree to widen port and fisheries cooperation",
        EN_BODY,
        EN_LEAD,
    )
    assert doc.title == "Officials agree to widen port and fisheries cooperation"


def test_an_author_between_headline_and_date_does_not_hide_the_headline() -> None:
    doc = page(
        "The trade association launches a Korea-Russia economic forum committee in Moscow",
        "Oh Jae-Gyung",
        "29 Feb 2024",
        "Conducting comprehensive plans by holding it twice a year",
        "The trade association held a launching ceremony for the Korea-Russia economic forum committee "
        "in Moscow on Wednesday, with the Russian ambassador attending.",
        EN_BODY,
    )
    assert doc.title.startswith("The trade association launches")
    assert doc.published_date == dt.date(2024, 2, 29)


# --- dates ---------------------------------------------------------------------------------


def test_stated_months() -> None:
    got = stated_months("Южная Корея в январе 2026 года сократила закупки; in March 2021; 2019년 3월; к 2030 году")
    assert set(got) == {dt.date(2026, 1, 1), dt.date(2021, 3, 1), dt.date(2019, 3, 1)}
    assert stated_months("к 2030 году, by 2030, the May Day holiday") == []
    assert contradicted(dt.date(2023, 3, 2), [dt.date(2026, 1, 1)])
    assert not contradicted(dt.date(2023, 3, 2), [dt.date(2023, 11, 1), dt.date(2020, 1, 1)])


def test_a_crawl_prefix_the_story_belies_gives_no_date() -> None:
    doc = page(
        " date 2023-03-02 Сумма импорта сократилась в 1,8 раза.",
        "Южная Корея в январе 2026 года сократила закупки сжиженного газа из России до минимума за 10 лет.",
        RU_BODY,
    )
    assert doc.published_date is None


def test_a_crawl_prefix_with_a_plan_months_ahead_keeps_its_date() -> None:
    doc = page(
        " date 2023-03-02 Сумма импорта сократилась в 1,8 раза.",
        "Южная Корея в январе 2023 года сократила закупки газа, а в сентябре 2023 года откроет новый терминал.",
        RU_BODY,
    )
    assert doc.published_date == dt.date(2023, 3, 2)


def test_a_bare_header_date_in_another_script_alone_is_no_evidence() -> None:
    doc = page(
        "17 Jan 2026",
        "국내 기업 10곳 중 8곳이 러시아 시장 재진출 희망",
        "러시아 시장에서 철수한 국내 기업 10곳 중 8곳이 시장 재진출을 희망하는 것으로 나타났다고 협회가 12일 밝혔다.",
        KO_BODY,
    )
    assert doc.title == "국내 기업 10곳 중 8곳이 러시아 시장 재진출 희망"
    assert doc.published_date is None


@pytest.mark.parametrize("stamp", ["17 Jan 2026", "2026.01.17"])
def test_a_bare_date_in_the_page_script_above_the_headline_counts(stamp: str) -> None:
    lines = ("Korean firms hope to return to the Russian market, survey says",
             "Eight in ten Korean companies that left the Russian market hope to return, according to a "
             "survey the trade association released on Monday.", EN_BODY)
    assert page(stamp, *lines).published_date == dt.date(2026, 1, 17)


@pytest.mark.parametrize("stamp", ["17 Jan 2026 10:42", "Posted 17 Jan 2026"])
def test_a_header_date_with_a_clock_or_label_still_counts(stamp: str) -> None:
    doc = page(
        stamp,
        "국내 기업 10곳 중 8곳이 러시아 시장 재진출 희망",
        "러시아 시장에서 철수한 국내 기업 10곳 중 8곳이 시장 재진출을 희망하는 것으로 나타났다고 협회가 12일 밝혔다.",
        KO_BODY,
    )
    assert doc.published_date == dt.date(2026, 1, 17)


def test_a_bare_date_in_another_script_with_the_article_stamp_below() -> None:
    doc = page(
        "17 Jan 2026",
        "국내 기업 10곳 중 8곳이 러시아 시장 재진출 희망",
        "입력 2026.01.12 10:42",
        "러시아 시장에서 철수한 국내 기업 10곳 중 8곳이 시장 재진출을 희망하는 것으로 나타났다고 협회가 12일 밝혔다.",
        KO_BODY,
    )
    assert doc.published_date == dt.date(2026, 1, 12)
