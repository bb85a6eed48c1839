"""Layout recognition: datelines, trailers, chrome, titles, block kinds, publication dates."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.text.clean import clean_document
from pipeline.text.layout import (
    analyse_layout,
    find_dateline,
    full_dates,
    is_chrome,
    parse_headline,
    split_trailer,
)
from pipeline.text.types import RelatedHeadline

BODY = "The two sides agreed to expand cooperation in trade, energy and transport, officials said."


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "month_day", "dateline"),
    [
        ("SEOUL, Sept. 6 (Yonhap) -- Body.", "SEOUL", "Yonhap", (9, 6), "SEOUL, Sept. 6 (Yonhap) --"),
        ("MOSCOW, Jan. 3 (Yonhap) -- Body.", "MOSCOW", "Yonhap", (1, 3), "MOSCOW, Jan. 3 (Yonhap) --"),
        (
            "VLADIVOSTOK, Russia, Sept. 6 (Yonhap) -- Body.",
            "VLADIVOSTOK", "Yonhap", (9, 6), "VLADIVOSTOK, Russia, Sept. 6 (Yonhap) --",
        ),
        ("MOSCOW, February 9 (Itar-Tass) — Body.", "MOSCOW", "Itar-Tass", (2, 9), None),
        ("SEOUL (Yonhap) -- Body.", "SEOUL", "Yonhap", None, "SEOUL (Yonhap) --"),
        ("TOKYO, March 3 – Kyodo News. Body.", "TOKYO", "Kyodo News", (3, 3), "TOKYO, March 3 – Kyodo News."),
        ("ВЛАДИВОСТОК, 5 сентября. /ТАСС/. Текст.", "ВЛАДИВОСТОК", "ТАСС", (9, 5), None),
        ("ВЛАДИВОСТОК, 11 сен – РИА Новости. Текст.", "ВЛАДИВОСТОК", "РИА Новости", (9, 11), None),
        ("Владивосток, ИА Приморье24. Министр сказал.", "Владивосток", "Приморье24", None, None),
        ("ВЛАДИВОСТОК. Студенты приехали.", "ВЛАДИВОСТОК", None, None, "ВЛАДИВОСТОК."),
        ("[서울=뉴스핌] 홍길동 기자 = 본문입니다.", "서울", "뉴스핌", None, "[서울=뉴스핌] 홍길동 기자 ="),
        ("(서울=연합뉴스) 본문입니다.", "서울", "연합뉴스", None, "(서울=연합뉴스)"),
    ],
)  # fmt: skip
def test_find_dateline(paragraph, place, agency, month_day, dateline) -> None:
    d = find_dateline(paragraph)
    assert d is not None
    assert (d.place, d.agency) == (place, agency)
    assert ((d.month, d.day) if d.month else None) == month_day
    if dateline:
        assert paragraph[: d.end].rstrip() == dateline


@pytest.mark.parametrize(
    "paragraph",
    [
        "Москва – столица России.",
        "Россия. Корея.",
        "The U.S. and Russia (Yonhap reported) met.",
        "North Korea said on Monday it would respond.",
        "ВЭФ. Форум открылся.",
        "WASHINGTON – The two sides met on Monday.",
    ],
)
def test_no_false_dateline(paragraph: str) -> None:
    assert find_dateline(paragraph) is None


def test_parse_headline_labels() -> None:
    assert parse_headline("(LEAD) Yoon vows action") == RelatedHeadline(
        "Yoon vows action", ("LEAD",)
    )
    assert parse_headline("(2nd LD) (URGENT) N. Korea fires missile") == RelatedHeadline(
        "N. Korea fires missile", ("2nd LD", "URGENT")
    )
    assert parse_headline("(Yonhap Interview) Envoy speaks").labels == ("Yonhap Interview",)
    assert parse_headline("BTS' Jimin to release album").labels == ()


def test_trailer_after_end_marker() -> None:
    paras = [BODY, "Last line of the story. (END)", "(LEAD) Headline one", "Headline two"]
    kept, heads = split_trailer(paras)
    assert kept == [BODY, "Last line of the story."]
    assert [h.text for h in heads] == ["Headline one", "Headline two"]
    assert heads[0].labels == ("LEAD",)


def test_trailer_labelled_run_without_end() -> None:
    heads = [
        "(LEAD) Yoon meets Putin",
        "Seoul stocks open higher",
        "(News Focus) Ties at a crossroads",
    ]
    kept, found = split_trailer([BODY, BODY, *heads])
    assert kept == [BODY, BODY]
    assert [h.labels for h in found] == [("LEAD",), (), ("News Focus",)]
    # Unlabelled short lines at the end are not a trailer: they may be list items or headings.
    kept, found = split_trailer([BODY, "Point one", "Point two", "Point three"])
    assert found == [] and len(kept) == 4


def test_gmt_trailer_is_cut() -> None:
    paras = [BODY, "GMT 17:57 2018 Tuesday ,23 October", 'MOFA warns "normal"GMT 12:00 2018 Wed']
    kept, heads = split_trailer(paras)
    assert kept == [BODY]
    assert [h.text for h in heads] == ['MOFA warns "normal"']


@pytest.mark.parametrize(
    "line",
    ["All news", "Share", "PRINT", "Поделиться", "공유하기", "-", "***", "Home | World | Politics | Sports",
     "© 2023 Yonhap News Agency. All rights reserved.", "We use cookies to improve your experience."],
)  # fmt: skip
def test_chrome_lines(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line", ["Share prices rose on Monday.", "Новости", "Russia | Korea relations improved", BODY]
)
def test_not_chrome(line: str) -> None:
    assert not is_chrome(line)


def test_chrome_and_timestamp_kept_as_boilerplate() -> None:
    lines = ["All news", "Share", "2019/09/06 14:22", "Korea, Russia sign trade pact",
             f"SEOUL, Sept. 6 (Yonhap) -- {BODY}", "Print"]  # fmt: skip
    doc = clean_document("\n".join(lines) + "\n", source_format="txt")
    assert doc.text == "\n\n".join(lines)  # nothing deleted: furniture is classified, not dropped
    spans = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert spans == [
        ("boilerplate", "All news"), ("boilerplate", "Share"), ("boilerplate", "2019/09/06 14:22"),
        ("title", "Korea, Russia sign trade pact"), ("dateline", "SEOUL, Sept. 6 (Yonhap) --"),
        ("body", BODY), ("boilerplate", "Print"),
    ]  # fmt: skip
    assert doc.published_date == dt.date(2019, 9, 6)  # year from the timestamp line
    assert (doc.published_date_evidence, doc.published_date_source) == ("2019/09/06", "stamp")
    assert doc.title == "Korea, Russia sign trade pact"


def test_year_never_guessed() -> None:
    doc = clean_document(f"Talks resume\nMOSCOW, Feb. 9 (Yonhap) -- {BODY}", source_format="txt")
    assert doc.published_date is None
    with_year = clean_document(
        f"Talks resume\nMOSCOW, Feb. 9 (Yonhap) -- {BODY} The talks on Feb. 9, 2016 went well.",
        source_format="txt",
    )
    assert with_year.published_date == dt.date(2016, 2, 9)
    # A hint for the same day supplies the year; a conflicting hint is not trusted.
    raw = f"Talks resume\nMOSCOW, Feb. 9 (Yonhap) -- {BODY}"
    hinted = clean_document(raw, source_format="jsonl", published_hint=dt.date(2016, 2, 9))
    assert hinted.published_date == dt.date(2016, 2, 9)
    wrong = clean_document(raw, source_format="jsonl", published_hint=dt.date(2016, 3, 1))
    assert wrong.published_date is None


def test_crawl_date_prefix() -> None:
    doc = clean_document(f"date 2019-09-05\n{BODY}", source_format="txt")
    assert doc.published_date == dt.date(2019, 9, 5)
    assert doc.published_date_source == "crawl_prefix"
    assert doc.text == f"date 2019-09-05\n\n{BODY}"
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("boilerplate", "date 2019-09-05"), ("body", BODY)
    ]
    glued = clean_document(f"date 2019-09-05 Talks resume in Moscow\n{BODY}", source_format="txt")
    assert [(b.kind, glued.text[b.start : b.end]) for b in glued.blocks] == [
        ("boilerplate", "date 2019-09-05"), ("title", "Talks resume in Moscow"), ("body", BODY)
    ]
    assert glued.published_date == dt.date(2019, 9, 5)


def test_full_dates() -> None:
    text = "on Sept. 6, 2019; 13 февраля 2007 г.; 2020-11-19; 2018년 11월 6일; 10-13 сентября 2023"
    assert full_dates(text) == [
        dt.date(2019, 9, 6),
        dt.date(2007, 2, 13),
        dt.date(2020, 11, 19),
        dt.date(2018, 11, 6),
    ]


def test_korean_byline_at_end() -> None:
    paras = [
        "경북 포항시는 7~9일 포항에서 포럼을 연다고 6일 발표했다.",
        "포항=하인식 기자 hais@hankyung.com",
    ]
    layout = analyse_layout(paras)
    assert layout.dateline_place == "포항"
    assert layout.parts[-1] == [("dateline", 0, len(paras[-1]))]
    assert layout.title is None


def test_block_kinds() -> None:
    paras = [
        "Новости",
        "Россия и Корея подписали соглашение",
        "ВЛАДИВОСТОК, 5 сентября. /ТАСС/. Стороны подписали соглашение о сотрудничестве в сфере "
        "энергетики и транспорта.",
        "Основные направления:",
        "1. Энергетика",
        "2. Транспорт",
        "Фото: пресс-служба администрации",
        "Стороны договорились встретиться в следующем году во Владивостоке и обсудить итоги.",
    ]
    layout = analyse_layout(paras)
    kinds = [[k for k, _, _ in parts] for parts in layout.parts]
    assert kinds == [
        ["boilerplate"], ["title"], ["dateline", "body"], ["heading"],
        ["list_item"], ["list_item"], ["boilerplate"], ["body"],
    ]  # fmt: skip  (a bare photo credit is furniture; a caption with a credit is a caption)
    assert layout.title == "Россия и Корея подписали соглашение"
    assert (layout.dateline_place, layout.source_name) == ("ВЛАДИВОСТОК", "ТАСС")
    assert layout.published_date is None


def test_no_title_for_long_first_paragraph() -> None:
    layout = analyse_layout([BODY + " " + BODY, BODY])
    assert layout.title is None
    assert [p[0][0] for p in layout.parts] == ["body", "body"]


def test_source_name_hint_only_without_agency() -> None:
    with_agency = analyse_layout([f"SEOUL, Sept. 6 (Yonhap) -- {BODY}"], source_name_hint="Hub")
    assert with_agency.source_name == "Yonhap"
    assert analyse_layout([BODY], source_name_hint="Hub").source_name == "Hub"


def test_layout_stable_on_cleaned_text() -> None:
    raw = (
        "All news\nTalks resume in Moscow\nMOSCOW, Feb. 9, 2016 (Yonhap) -- "
        f"{BODY}\nThis photo shows the delegates. (Yonhap)\n(END)\n-\n(LEAD) Other story\n-\nMore"
    )
    once = clean_document(raw, source_format="txt")
    twice = clean_document(once.text, source_format="txt")
    assert twice.text == once.text
    assert [b.kind for b in twice.blocks] == [b.kind for b in once.blocks]
    assert (twice.title, twice.dateline_place, twice.published_date) == (
        once.title,
        once.dateline_place,
        once.published_date,
    )
    assert once.published_date == dt.date(2016, 2, 9)
    assert [h.text for h in once.related_headlines] == ["Other story", "More"]


# --- datelines whose place must be a known city (round 4) ---------------------------------------
def test_city_datelines_need_a_known_city():
    from pipeline.text.dateline import find_dateline

    d = find_dateline("Vladivostok, May 3 – Officials from the two regions signed an agreement on ferry routes on Friday.")
    assert d is not None and d.place == "Vladivostok" and (d.month, d.day, d.year) == (5, 3, None)
    d = find_dateline("BUSAN - The port city said on Tuesday that it would open a new office in the Russian Far East next year.")
    assert d is not None and d.place == "BUSAN" and d.agency is None
    d = find_dateline("Moscow, Russia — The two foreign ministers met on Thursday to discuss the situation on the peninsula.")
    assert d is not None and d.place == "Moscow"
    d = find_dateline("서울, 3월 5일. 양국 외교차관이 5일 서울에서 전략대화를 열고 한반도 정세를 논의했다고 밝혔다.")
    assert d is not None and d.place == "서울" and (d.month, d.day) == (3, 5) and d.date_text == "3월 5일"
    # a country, an ordinary word or a short line before a dash is not a dateline
    assert find_dateline("Russia - The country has agreed with its neighbour on a long list of projects, officials said.") is None
    assert find_dateline("Meanwhile - The two sides agreed to meet again in the autumn to review the progress made so far.") is None
    assert find_dateline("Seoul - Moscow talks") is None
    assert find_dateline("러시아, 3월 5일. 양국 외교차관이 5일 서울에서 전략대화를 열고 한반도 정세를 논의했다.") is None


# --- round 4: stamps, record fields and rubric paths are not headlines; a glued board date --------
def test_stamp_and_record_lines_are_not_headlines():
    from pipeline.text.layout import analyse_layout

    lead = ("양국 외교차관은 9일 모스크바에서 만나 한반도 정세와 양자 협력 문제를 폭넓게 논의했다고 "
            "외교부가 밝혔다.")
    lay = analyse_layout(["최종 : 21/03/05 10:12", "한러 외교차관, 모스크바서 전략대화 개최", lead])
    assert lay.title == "한러 외교차관, 모스크바서 전략대화 개최"
    lay = analyse_layout(["현안분석", "러시아 극동 개발과 한국의 선택", "상세내역", "저자 홍길동",
                          "발행기관 가나다연구원", "권호사항 2021(7)", "발행 시기 2021년", "초록", lead])
    assert lay.title == "러시아 극동 개발과 한국의 선택"


def test_two_word_rubric_path_and_glued_board_date():
    from pipeline.text.layout import analyse_layout

    lay = analyse_layout([
        "Home | About",
        "Press/Regional News | Secretariat",
        "Governors of Two Regions Meet in Khabarovsk2021-05-04",
        "WriteAdmin",
        "On Tuesday, May 4, 2021, the governors of the two regions met in Khabarovsk and agreed to expand ferry links.",
    ])
    assert lay.title == "Governors of Two Regions Meet in Khabarovsk"
    assert str(lay.published_date) == "2021-05-04"


def test_headline_above_counters_and_caption_beats_a_short_deck():
    from pipeline.text.layout import analyse_layout

    lay = analyse_layout([
        "Войти",
        "Губернатор Приморья обсудил с генконсулом Кореи паромную линию",
        "512", "0", "0",
        "Олег Кожемяко",
        "Источник изображения: primorsky.ru",
        "Встреча прошла 3 марта",
        "ВЛАДИВОСТОК, 4 марта. /ТАСС/. Губернатор Приморского края провел встречу с генеральным консулом "
        "Республики Корея и обсудил запуск паромной линии.",
    ])
    assert lay.title == "Губернатор Приморья обсудил с генконсулом Кореи паромную линию"
    assert lay.dateline_place == "ВЛАДИВОСТОК"


def test_hashtag_line_is_a_tag_list():
    from pipeline.text.boilerplate import boilerplate_reason

    assert boilerplate_reason("키워드 #김정은 # 러시아 # 북러 관계 # 북한") == "tags"
    assert boilerplate_reason("Tags #Russia #NorthKorea #Diplomacy") == "tags"
    assert boilerplate_reason("Поддержка #МыВместе стала главной темой встречи.") is None


def test_author_list_under_a_report_headline_is_a_byline():
    from pipeline.text.layout import analyse_layout

    body = ("The two governments signed a memorandum on ferry links and energy projects, and agreed to hold "
            "the next round of talks in Vladivostok in the autumn.")
    lay = analyse_layout(["Ferry Links and Energy: What the New Memorandum Means", "Anna Berg, Tomas O’Leary, and Min-ji Park",
                          "Overview", body])
    kinds = {k for k, _, _ in lay.parts[1]}
    assert kinds == {"boilerplate"}, lay.parts[1]
    lay = analyse_layout(["Ferry Links and Energy: What the New Memorandum Means", "North Korea, South Korea and United States",
                          body])
    assert {k for k, _, _ in lay.parts[1]} != {"boilerplate"}


def test_web_studio_footer_is_a_site_signature():
    from pipeline.text.boilerplate import boilerplate_reason

    assert boilerplate_reason("Задизайнено в Студии Артемия Лебедева Информация о проекте") == "site_signature"
    assert boilerplate_reason("Designed by Blue Fox Studio") == "site_signature"


def test_mixed_case_place_before_a_wire_and_capital_month_datelines():
    from pipeline.text.dateline import find_dateline

    d = find_dateline("Vladivostok (AFP) - Russia and South Korea agreed on Tuesday to reopen a ferry route.")
    assert d is not None and d.place == "Vladivostok" and d.agency == "AFP"
    d = find_dateline("TBILISI, MARCH 4, GEOPRESS. Georgia has sent a delegation to Seoul to discuss trade.")
    assert d is not None and (d.place, d.month, d.day, d.agency) == ("TBILISI", 3, 4, "GEOPRESS")
    assert find_dateline("Kim (left) - the vice minister - met the ambassador on Monday in Seoul.") is None


def test_board_row_with_rubric_stamp_time_and_views():
    from pipeline.text.published_date import line_candidates

    found, meta = line_candidates(1, "스포츠 2022-03-15 09:12:44 1204")
    assert meta and [(str(c.date), c.kind) for c in found] == [("2022-03-15", "stamp")]
    found, meta = line_candidates(1, "Форум 2022-03-15")  # no time: an event's date as well as a post's
    assert found == []
