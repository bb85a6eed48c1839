"""Page layouts met on unseen crawled pages (sixth probe round): a headline above a lead that the
crawl broke inside a sentence, a news ticker glued into one line, a lead cut off by the crawl's
size limit, the whole Korean e-government banner, a section name glued to the headline, wire
datelines with the agency in brackets (Indian wires, Russian regional agencies) and a crawl date
that the dateline contradicts. Every text here is written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.text.boilerplate import boilerplate_reason
from pipeline.text.dateline import find_dateline
from pipeline.text.headline import _link_list, is_caption
from tests.text.written_pages import EN_BODY, KO_BODY, RU_BODY, page


# --- a lead broken inside a sentence below the headline -----------------------------------------
def test_headline_above_a_line_that_ends_one_sentence_and_starts_the_next() -> None:
    doc = page(
        "Fishing Delegation from Busan arrived in Nakhodka",
        "",
        "The delegation will stay in the port city for three days. This is a",
        "return visit: officials of Nakhodka travelled to Busan last spring to sign a memorandum.",
        "",
        EN_BODY,
    )
    assert doc.title == "Fishing Delegation from Busan arrived in Nakhodka"


def test_abbreviations_inside_a_broken_sentence_do_not_end_it() -> None:
    doc = page(
        "12 мая 2024 года Генеральное консульство Республики",
        "Корея в г. Владивостоке совместно с Администрацией г. Находки провели",
        "субботник на территории парка дружбы в районе ул. Светланской.",
        "",
        RU_BODY,
    )
    assert doc.title is None


def test_sentence_broken_over_lines_is_still_not_a_headline() -> None:
    doc = page(
        "Officials of the two port cities met on Monday to discuss new ferry routes and",
        "cargo quotas for the coming season, the city administration said.",
        "",
        EN_BODY,
    )
    assert doc.title is None


# --- news tickers ---------------------------------------------------------------------------------
TICKER = (
    "12 марта 2025, 10:00: В Находке открыли новый причал для рыболовных судов "
    "12 марта 2025, 09:30: Синоптики обещают потепление к выходным "
    "12 марта 2025, 09:00: В Уссурийске отремонтируют две школы"
)


def test_ticker_line_is_boilerplate() -> None:
    assert boilerplate_reason(TICKER) == "ticker"
    iso = "2025-03-12 10:00 Port reopens 2025-03-12 09:30 Storm warning lifted 2025-03-12 09:00 School repairs begin"
    assert boilerplate_reason(iso) == "ticker"


@pytest.mark.parametrize(
    "line",
    [
        "Заседание началось 12 марта 2025, 10:00 по местному времени, и продлилось до вечера.",
        "Рейсы вылетают в 10:00, 12:30 и 15:45 ежедневно, сообщили в авиакомпании.",
    ],
)
def test_one_stamp_or_a_timetable_is_not_a_ticker(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_headline_below_a_ticker_above_a_lead_cut_by_the_crawl() -> None:
    doc = page(
        TICKER,
        "",
        "Школьники из Находки побывали в Южной Корее по программе обмена",
        "",
        "В рамках образовательного обмена группа учеников пятых и шестых классов, изучающих корейский язык, посе",
    )
    assert doc.title == "Школьники из Находки побывали в Южной Корее по программе обмена"
    kinds = {doc.text[b.start : b.end][:12]: b.kind for b in doc.blocks}
    assert kinds["12 марта 202"] == "boilerplate"


def test_short_last_line_is_not_taken_for_a_cut_lead() -> None:
    doc = page("Школьники из Находки побывали в Южной Корее", "", "Фото пресс-службы")
    assert doc.title is None


# --- the Korean e-government banner -------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "공식 누리집 주소 확인하기",
        "go.kr 주소를 사용하는 누리집은 대한민국 정부기관이 관리하는 누리집입니다.",
        "이밖에 or.kr 또는 .kr등 다른 도메인 주소를 사용하고 있다면 아래 URL에서 도메인 주소를 확인해 보세요",
        "운영중인 공식 누리집보기",
    ],
)
def test_e_government_banner_lines_are_boilerplate(line: str) -> None:
    assert boilerplate_reason(line) == "official_site"


def test_banner_link_ending_in_go_to_is_boilerplate() -> None:
    assert boilerplate_reason("2025 해양수산 정책 설명회 바로가기") == "link"


@pytest.mark.parametrize(
    "line",
    [
        "자세한 내용은 시청 공식 누리집에서 확인할 수 있다고 시는 밝혔다.",
        "신청서는 도 누리집에서 내려받아 이메일로 제출하면 된다.",
    ],
)
def test_sentences_about_a_website_stay_text(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_headline_below_the_whole_banner() -> None:
    doc = page(
        "본문바로가기 메뉴바로가기",
        "이 누리집은 대한민국 공식 전자정부 누리집입니다.",
        "공식 누리집 주소 확인하기",
        "go.kr 주소를 사용하는 누리집은 대한민국 정부기관이 관리하는 누리집입니다.",
        "운영중인 공식 누리집보기",
        "2025 해양수산 정책 설명회 바로가기",
        "",
        "부산-블라디보스토크 항로 재개 논의",
        "등록일 : 2025.03.12",
        "",
        KO_BODY,
    )
    assert doc.title == "부산-블라디보스토크 항로 재개 논의"
    assert doc.published_date == dt.date(2025, 3, 12)


# --- a section name glued to the headline --------------------------------------------------------
@pytest.mark.parametrize(
    ("glued", "title"),
    [
        ("ЭкономикаПриморье и Корея подписали соглашение о туризме", "Приморье и Корея подписали соглашение о туризме"),
        ("WorldSeoul and Moscow agree on new fishing quotas", "Seoul and Moscow agree on new fishing quotas"),
        ("LinkedIn opens an office in Seoul for Korean users", "LinkedIn opens an office in Seoul for Korean users"),
        ("МегаФон открыл офис во Владивостоке для корейских партнеров",
         "МегаФон открыл офис во Владивостоке для корейских партнеров"),
    ],
)
def test_glued_section_name_is_cut_from_the_headline(glued: str, title: str) -> None:
    body = RU_BODY if glued[0] >= "А" else EN_BODY
    doc = page("12 марта 2025, 10:00" if glued[0] >= "А" else "March 12, 2025", glued, "", body)
    assert doc.title == title
    titles = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "title"]
    assert titles == [title]


# --- datelines with the agency in brackets -------------------------------------------------------
@pytest.mark.parametrize(
    ("para", "place", "agency", "month", "day"),
    [
        ("New Delhi, Mar 5 (IANS) A Russian trade delegation will visit Seoul next week to discuss fisheries.",
         "New Delhi", "IANS", 3, 5),
        ("Moscow, Aug 22 (PTI): South Korean business leaders will attend the forum in Vladivostok.",
         "Moscow", "PTI", 8, 22),
        ('(Владивосток, 7 июля, "Приморье сегодня", Иван Петров). Делегация из Пусана прибудет в город.',
         "Владивосток", "Приморье сегодня", 7, 7),
    ],
)
def test_bracketed_agency_datelines(para: str, place: str, agency: str, month: int, day: int) -> None:
    d = find_dateline(para)
    assert d is not None and (d.place, d.agency, d.month, d.day) == (place, agency, month, day)


@pytest.mark.parametrize(
    "para",
    [
        "(Например, 5 мая, когда шел дождь) делегация осталась в гостинице и провела переговоры там.",
        "Monday, Mar 5 (UTC) was the day the two delegations signed the fisheries memorandum in Seoul.",
    ],
)
def test_bracketed_asides_are_not_datelines(para: str) -> None:
    assert find_dateline(para) is None


# --- a crawl date the dateline contradicts --------------------------------------------------------
def test_crawl_prefix_contradicted_by_the_dateline_gives_no_date() -> None:
    doc = page(" date 2021-03-02 New Delhi, Mar 5 (IANS) A Russian trade delegation will visit Seoul next week.",
               "", EN_BODY)
    assert doc.dateline_place == "New Delhi"
    assert doc.published_date is None


def test_crawl_prefix_on_the_dateline_day_is_kept() -> None:
    doc = page(" date 2021-03-05 New Delhi, Mar 5 (IANS) A Russian trade delegation will visit Seoul next week.",
               "", EN_BODY)
    assert doc.published_date == dt.date(2021, 3, 5)


# --- furniture that reads like text -----------------------------------------------------------------
def _kinds(doc) -> dict[str, str]:
    return {doc.text[b.start : b.end]: b.kind for b in doc.blocks}


def test_notice_in_another_script_above_the_headline_is_furniture() -> None:
    doc = page(
        "С 1 марта сайт администрации города работает по новому адресу, старая версия является архивной.",
        "",
        "Students from Ulsan visited the port of Nakhodka",
        "",
        EN_BODY,
    )
    assert doc.title == "Students from Ulsan visited the port of Nakhodka"
    assert _kinds(doc)[
        "С 1 марта сайт администрации города работает по новому адресу, старая версия является архивной."
    ] == "boilerplate"


def test_lead_in_the_pages_own_script_above_the_headline_stays_body() -> None:
    lead = "The two governors met in Vladivostok on Monday and agreed to open a new ferry line next spring."
    doc = page(lead, "", "Ferry line between Sokcho and Vladivostok", "", EN_BODY)
    assert _kinds(doc)[lead] != "boilerplate"


def test_related_story_box_inside_the_article_is_furniture() -> None:
    doc = page(
        "Trade officials from Seoul and Moscow met in Vladivostok",
        "",
        EN_BODY,
        "Port workers unload containers in Vladivostok – Example Photo Agency, 1920, 03.02.2024",
        "Moscow and Seoul Discuss Grain Shipments – Ministry",
        "3 February, 10:15 GMT",
        "The officials also discussed a new schedule for container ships between the two ports.",
    )
    kinds = _kinds(doc)
    assert kinds["Moscow and Seoul Discuss Grain Shipments – Ministry"] == "boilerplate"
    assert kinds["3 February, 10:15 GMT"] == "boilerplate"
    assert kinds["Port workers unload containers in Vladivostok – Example Photo Agency, 1920, 03.02.2024"] == "boilerplate"
    assert kinds["The officials also discussed a new schedule for container ships between the two ports."] == "body"


def test_deck_over_the_date_line_is_not_a_related_box() -> None:
    doc = page(
        "Trade officials from Seoul and Moscow met in Vladivostok",
        "Grain shipments and container lines on the agenda of the talks",
        "3 February 2024, 10:15",
        "",
        EN_BODY,
    )
    assert _kinds(doc)["Grain shipments and container lines on the agenda of the talks"] != "boilerplate"


def test_follow_box_closing_the_page_is_furniture() -> None:
    doc = page("Envoys of Seoul and Moscow hold talks in Busan", "", EN_BODY, "", "Example Herald", "", "in Instagram")
    kinds = _kinds(doc)
    assert kinds["Example Herald"] == "boilerplate" and kinds["in Instagram"] == "boilerplate"


# --- page titles with a label, slogan widgets, paired section names --------------------------------
def test_page_title_with_a_label_and_a_site_suffix_above_the_headline() -> None:
    doc = page(
        "Live updates: Envoys of Seoul and Moscow meet in Busan | Example News",
        "",
        "Envoys of Seoul and Moscow meet in Busan",
        "",
        EN_BODY,
    )
    assert doc.title == "Envoys of Seoul and Moscow meet in Busan"


def test_label_alone_does_not_make_a_page_title() -> None:
    doc = page("Watch: the ferry from Sokcho reaches Vladivostok", "", EN_BODY)
    assert doc.title == "Watch: the ferry from Sokcho reaches Vladivostok"


def test_opening_slogans_in_quotes_are_not_the_lead() -> None:
    doc = page(
        "“Ports of the Far East are the gateway to the whole Pacific region.”",
        "“Our neighbours are our first partners in trade and culture.”",
        "News and Events",
        "",
        "Minister visits Busan to discuss the port of Nakhodka",
        "",
        EN_BODY,
    )
    assert doc.title == "Minister visits Busan to discuss the port of Nakhodka"
    kinds = _kinds(doc)
    assert kinds["“Our neighbours are our first partners in trade and culture.”"] == "boilerplate"


def test_one_quoted_lead_is_still_the_lead() -> None:
    doc = page("“We will open the ferry line next spring,” the governor of Primorye told reporters on Monday.")
    assert doc.title is None


@pytest.mark.parametrize("line", ["News and Events", "Новости и события", "Press & Media"])
def test_paired_section_names_are_labels(line: str) -> None:
    from pipeline.text.headline import is_section_label

    assert is_section_label(line)


def test_names_joined_by_and_are_not_section_labels() -> None:
    from pipeline.text.headline import is_section_label

    assert not is_section_label("Putin and Kim")


# --- a related-stories list above the headline, colon datelines, toolbar words ---------------------
def test_headline_below_a_list_of_links_with_a_story_printed_twice() -> None:
    doc = page(
        "항만 물동량 늘어난 부산항…올해도 증가세",
        "울산 조선소 수주 소식 잇따라",
        "강원도 관광객 역대 최다 기록",
        "울산 조선소 수주 소식 잇따라",
        "해양수산부 장관, 러시아 극동개발부 차관 면담",
        "",
        "폰트 확대 폰트 축소 프린트하기",
        KO_BODY,
    )
    assert doc.title == "해양수산부 장관, 러시아 극동개발부 차관 면담"


def test_a_record_page_printing_its_title_twice_is_no_list_of_links() -> None:
    """A report's record: the title field, two fields, the title again as the heading, subtitles
    and the lead. A run whose first line is printed again is the article's title and its copy,
    not a list of links (whose last line would then be taken for the headline)."""
    record = [
        "부산-블라디보스토크 항로 10년, 물류 협력의 성과와 과제",
        "관련국가 러시아 분야 물류·운송 분류 기타",
        "발간기관 KMI 보고서 번호 2021-04",
        "부산-블라디보스토크 항로 10년, 물류 협력의 성과와 과제",
        "항로 개설 이후 두 항구의 물동량 꾸준히 늘어",
        "물류 협력의 다음 10년을 위해 긴 호흡으로 접근할 필요",
    ]
    assert _link_list(record, list(range(len(record)))) == frozenset()
    links = ["울산 조선소 수주 소식 잇따라", "강원도 관광객 역대 최다 기록", "항만 물동량 늘어난 부산항",
             "강원도 관광객 역대 최다 기록", "해양수산부 장관, 러시아 극동개발부 차관 면담"]
    assert _link_list(links, list(range(len(links)))) == frozenset(range(4))


def test_headline_printed_twice_is_still_found_by_its_copy() -> None:
    doc = page(
        "Envoys of Seoul and Moscow meet in Busan",
        "Talks cover fisheries and ferry lines",
        "Envoys of Seoul and Moscow meet in Busan",
        "",
        EN_BODY,
    )
    assert doc.title == "Envoys of Seoul and Moscow meet in Busan"


def test_toolbar_of_font_and_print_buttons_is_a_widget() -> None:
    assert boilerplate_reason("폰트 확대 폰트 축소 프린트하기") == "widget"


def test_city_and_colon_open_a_rewritten_wire_story() -> None:
    d = find_dateline("Seoul: The foreign ministers of South Korea and Russia spoke by phone on Monday, officials said.")
    assert d is not None and d.place == "Seoul"


@pytest.mark.parametrize(
    "para",
    [
        "Pyongyang: North Korea and Russia sign a new treaty on comprehensive strategic partnership",
        "Note: The figures for the Far Eastern ports exclude transit cargo handled by rail operators.",
    ],
)
def test_colon_headlines_and_notes_are_not_datelines(para: str) -> None:
    assert find_dateline(para) is None


@pytest.mark.parametrize("para", [
    "Хабаровск. 3 марта. INTERFAX.RU - Делегация из Пусана прибыла на форум.",
    "ХАБАРОВСК. 3 марта. INTERFAX.RU - Делегация из Пусана прибыла на форум.",
])
def test_interfax_datelines_with_the_place_in_either_case(para: str) -> None:
    d = find_dateline(para)
    assert d is not None and d.place.lower() == "хабаровск" and d.agency == "INTERFAX.RU" and (d.month, d.day) == (3, 3)


@pytest.mark.parametrize("para", [
    "Хабаровск. 3 марта. Итоги - делегация прибыла на форум.",  # no agency in capitals
    "Хабаровск. Делегация прибыла на форум - сообщили в мэрии.",
])
def test_a_title_case_place_and_a_date_are_no_dateline_without_an_agency(para: str) -> None:
    assert find_dateline(para) is None


def test_a_wires_name_glued_to_the_dateline_is_its_agency() -> None:
    para = "Associated PressSEOUL, South Korea — South Korea and Russia agreed on Tuesday to expand ferry services."
    d = find_dateline(para)
    assert d is not None and d.place == "SEOUL" and d.agency == "Associated Press"
    assert para[: d.end].rstrip().endswith("South Korea —")
    assert find_dateline("Associated Press reported that the talks in Seoul would resume next week.") is None


def test_a_picture_marked_as_an_archive_photo_is_a_caption_not_the_headline() -> None:
    doc = page(
        "Паром в бухте Золотой Рог. Архивное фото",
        "",
        "ВЛАДИВОСТОК, 4 марта - РИА Новости. Паромное сообщение между Владивостоком и Пусаном возобновится летом, "
        "сообщили в администрации Приморского края. Первый рейс запланирован на июнь.",
    )
    assert doc.title != "Паром в бухте Золотой Рог. Архивное фото"
    assert is_caption("Kim and Putin in Vladivostok (File photo)") and is_caption("블라디보스토크항 전경 [자료사진]")
    assert not is_caption("Seoul and Moscow sign a file photo agreement")


def test_a_users_membership_line_is_account_chrome() -> None:
    doc = page(
        "Home | News | Forum",
        "jdoe",
        "Member for 4 years 3 months",
        "Busan and Vladivostok sign a ferry agreement",
        "Submitted by jdoe on Thu, 03/04/2021 - 09:15",
        "Officials from Busan and Vladivostok signed an agreement on Tuesday to reopen the ferry line between the two "
        "ports. The first sailing is planned for June, the city said in a statement.",
    )
    assert doc.title == "Busan and Vladivostok sign a ferry agreement"
    assert boilerplate_reason("Member since March 2010") == "account"
    assert boilerplate_reason("На сайте с 2010 года") == "account"
    assert boilerplate_reason("Joined the talks in Seoul") is None  # a sentence, not a membership
    assert boilerplate_reason("Member for") == boilerplate_reason("2 years 7 months") == "account"  # on two lines
