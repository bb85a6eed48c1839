"""Crawled-page metadata: publication date per written form and per decoy kind, headline
evidence, dateline forms, boilerplate lines. Every text here is written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.text.boilerplate import boilerplate_reason
from pipeline.text.clean import clean_document
from pipeline.text.dateline import find_dateline
from pipeline.text.dates_written import full_date_spans, two_digit_year_date

EN_BODY = "Officials from both countries agreed on Tuesday to widen cooperation in fisheries and port logistics."
RU_BODY = "Представители двух стран договорились расширить сотрудничество в области рыболовства и логистики."
KO_BODY = "양국 대표단은 수산업과 항만 물류 분야의 협력을 확대하기로 합의했다고 관계자가 전했다."


LONG_HEAD = ("Port officials: ”Regular ferry service between Busan and Vladivostok should resume before the summer "
             "season and help exporters of fish and timber”")


def _doc(*lines: str, **hints):
    return clean_document("\n".join(lines), source_format="txt", **hints)


# --- publication date: forms ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lines", "date", "source", "evidence"),
    [
        # labelled lines
        (["Ferry route to reopen", "Date : 2021-03-04", EN_BODY], (2021, 3, 4), "label", "2021-03-04"),
        (["Ferry route to reopen", "Posted March. 4, 2021 09:15,", EN_BODY], (2021, 3, 4), "label", "March. 4, 2021"),
        (["Ferry route to reopen", "Published on 4 March 2021", EN_BODY], (2021, 3, 4), "label", "4 March 2021"),
        (["Ferry route to reopen", "Write: 2021-03-04 09:15:02", EN_BODY], (2021, 3, 4), "label", "2021-03-04"),
        (["Паром возобновит рейсы", "Опубликовано: 4 марта 2021 г.", RU_BODY], (2021, 3, 4), "label", "4 марта 2021 г."),
        (["Паром возобновит рейсы", "Дата: 04.03.2021", RU_BODY], (2021, 3, 4), "label", "04.03.2021"),
        (["여객선 항로 재개", "입력 2021-03-04 09:15", KO_BODY], (2021, 3, 4), "label", "2021-03-04"),
        (["여객선 항로 재개", "• 승인 2021.03.04 09:15", KO_BODY], (2021, 3, 4), "label", "2021.03.04"),
        (["여객선 항로 재개", "• 작성일2021/03/04", "• 조회수1,203", KO_BODY], (2021, 3, 4), "label", "2021/03/04"),
        (["여객선 항로 재개", "기사입력 2021.03.04 오후 3:20", KO_BODY], (2021, 3, 4), "label", "2021.03.04"),
        (["여객선 항로 재개", "송고시간2021-03-04 09:15", KO_BODY], (2021, 3, 4), "label", "2021-03-04"),
        (["여객선 항로 재개", KO_BODY, "<저작권자(c) 하버데일리, 무단 전재-재배포 금지> 2021/03/04 14:55 송고"], (2021, 3, 4),
         "label", "2021/03/04"),
        # two-digit year after a Korean label reads YY.MM.DD
        (["글번호 : 1234", "작성일 : 21.03.04 | 조회수 : 57", "여객선 항로 재개", KO_BODY], (2021, 3, 4), "label", "21.03.04"),
        # a line that is only a date (and time, weekday)
        (["Ferry route to reopen", "Thu, 03/04/2021 - 09:15", EN_BODY], (2021, 3, 4), "stamp", "03/04/2021"),
        (["Ferry route to reopen", "Thursday, March 4, 2021", EN_BODY], (2021, 3, 4), "stamp", "March 4, 2021"),
        (["Паром возобновит рейсы", "04.03.2021 09:15", RU_BODY], (2021, 3, 4), "stamp", "04.03.2021"),
        (["Паром возобновит рейсы", "4 марта 2021", RU_BODY], (2021, 3, 4), "stamp", "4 марта 2021"),
        (["Паром возобновит рейсы", "04.03.2021 в 09:15", RU_BODY], (2021, 3, 4), "stamp", "04.03.2021"),
        (["Паром возобновит рейсы", "04/03/2021 09:15", RU_BODY], (2021, 3, 4), "stamp", "04/03/2021"),  # day first
        (["Паром возобновит рейсы", "04.03.2021 | 09:15 | Просмотров: 120", RU_BODY], (2021, 3, 4), "stamp", "04.03.2021"),
        (["Паром возобновит рейсы", "09:15 04.03.2021 (обновлено: 11:20 05.03.2021)", RU_BODY], (2021, 3, 4), "stamp",
         "04.03.2021"),
        (["Паром возобновит рейсы", "09:05 04.03.2021 Источник: Портовые новости", RU_BODY], (2021, 3, 4), "stamp",
         "04.03.2021"),
        (["Ferry route to reopen", "2021-03-04T09:15:00 KST", EN_BODY], (2021, 3, 4), "stamp", "2021-03-04"),
        (["Ferry route to reopen", "By Jane Doe | Mar 4, 2021", EN_BODY], (2021, 3, 4), "byline", "Mar 4, 2021"),
        (["여객선 항로 재개", "harbournews 김하늘기자 |  2021.03.04 14:00:44", KO_BODY], (2021, 3, 4), "byline",
         "2021.03.04"),  # the site's name before the reporter's
        (["Ferry route to reopen", "Posted by Jane Doe on March 4, 2021", EN_BODY], (2021, 3, 4), "label", "March 4, 2021"),
        # Drupal's default byline (month first)
        (["Ferry route to reopen", "Submitted by jdoe on Thu, 03/04/2021 - 09:15", EN_BODY], (2021, 3, 4), "label",
         "03/04/2021"),
        (["Ferry route to reopen", "Submitted by news_desk_2 on Thu, 03/04/2021 - 09:15", EN_BODY], (2021, 3, 4),
         "label", "03/04/2021"),  # a user name with digits and underscores
        # a weekday between the label and the date
        (["Ferry route to reopen", "Published: Thursday, March 4, 2021", EN_BODY], (2021, 3, 4), "label", "March 4, 2021"),
        (["Паром возобновит рейсы", "Опубликовано: четверг, 4 марта 2021", RU_BODY], (2021, 3, 4), "label", "4 марта 2021"),
        # a page clock above the article is not its date ("Текущая дата" holds the label "Дата")
        (["Текущая дата: 09.11.2024", "Паром возобновит рейсы", "Опубликовано: 4 марта 2021", RU_BODY], (2021, 3, 4),
         "label", "4 марта 2021"),
        # a report's publication date
        (["여객선 항로 보고서", "발간일 2021-03-04", KO_BODY], (2021, 3, 4), "label", "2021-03-04"),
        (["[제52호]2021년 3월 4일", "여객선 항로 재개", KO_BODY], (2021, 3, 4), "stamp", "2021년 3월 4일"),
        (["여객선 항로 재개", "2021년 03월 04일 (목) 09:15", KO_BODY], (2021, 3, 4), "stamp", "2021년 03월 04일"),
        (["여객선 항로 재개", "2021년 3월 4일 오후 3시 20분", KO_BODY], (2021, 3, 4), "stamp", "2021년 3월 4일"),
        # a name + date byline
        (["여객선 항로 재개", "김하늘 2021. 03. 04", KO_BODY], (2021, 3, 4), "byline", "2021. 03. 04"),
        (["Паром возобновит рейсы", "Автор: Иван Петров, 4 марта 2021", RU_BODY], (2021, 3, 4), "byline", "4 марта 2021"),
        # crawl prefix
        (["date 2021-03-04", "Ferry route to reopen", EN_BODY], (2021, 3, 4), "crawl_prefix", "date 2021-03-04"),
        # datelines with a year, or completed by a same-day full date elsewhere in the text
        (["Ferry route to reopen", f"BUSAN, March 4, 2021 (Yonhap) -- {EN_BODY}"], (2021, 3, 4), "dateline", "March 4, 2021"),
        (["여객선 항로 재개", f"부산--(뉴스와이어) 2021년 03월 04일 -- {KO_BODY}"], (2021, 3, 4), "dateline", "2021년 03월 04일"),
        (["Ferry route to reopen", f"BUSAN, March 4 (Yonhap) -- {EN_BODY}",
          "Delegates talk in Busan on March 4, 2021. (Yonhap)"], (2021, 3, 4), "dateline", "March 4 / March 4, 2021"),
    ],
)  # fmt: skip
def test_published_date_forms(lines, date, source, evidence) -> None:
    doc = _doc(*lines)
    assert doc.published_date == dt.date(*date)
    assert (doc.published_date_source, doc.published_date_evidence) == (source, evidence)


def test_written_date_shapes() -> None:
    text = "on 12/24/2009; 24/12/2009; 2015. 03. 09; 6th September 2019; 10-13 сентября 2023; 2019-13-01"
    assert [d for d, _, _ in full_date_spans(text)] == [
        dt.date(2009, 12, 24), dt.date(2009, 12, 24), dt.date(2015, 3, 9), dt.date(2019, 9, 6),
    ]  # fmt: skip
    assert two_digit_year_date("22.12.21", "ko") == (dt.date(2022, 12, 21), "22.12.21")
    assert two_digit_year_date("22.12.21", "ru") == (dt.date(2021, 12, 22), "22.12.21")
    assert two_digit_year_date("22.12.21", "en") is None  # no order is safe without a slash


# --- publication date: decoys -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "lines", "date"),
    [
        ("page clock above the headline", ["2024.05.02 (목) 11:40", "여객선 항로 재개", "2021.03.04 09:15", KO_BODY],
         (2021, 3, 4)),
        ("clock beside the account box", ["ПОРТОВЫЙ БЛОГ", "Четверг, 02.05.2024, 15:20",
                                          "Приветствую Вас Гость | RSS | Главная | Регистрация | Вход",
                                          "Паром возобновит рейсы", "04.03.2021 09:15", RU_BODY], (2021, 3, 4)),
        ("stamp beside the clock line", ["Портовое агентство", "4 Мая 2024", "Сейчас 01:53",
                                         "09:44, 4 Марта 2021 | Новости порта", "Паром возобновит рейсы", RU_BODY],
         (2021, 3, 4)),
        ("clock box", ["Сегодня 2 мая 2024, четверг", "Паром возобновит рейсы", "04.03.2021 09:15", RU_BODY],
         (2021, 3, 4)),
        ("weather box with the date", ["서울 12℃ 맑음 2024.05.02", "여객선 항로 재개", "입력 2021-03-04 09:15", KO_BODY],
         (2021, 3, 4)),
        ("update stamp (ko)", ["여객선 항로 재개", "입력 2021-03-04 09:15", "업데이트 2021-03-05 01:01", KO_BODY], (2021, 3, 4)),
        ("update stamp (en)", ["Ferry route to reopen", "UPDATE : 2021-03-06", "Posted : 2021-03-04", EN_BODY], (2021, 3, 4)),
        ("update stamp (ru)", ["Паром возобновит рейсы", "Опубликовано: 04.03.2021", "Обновлено: 06.03.2021", RU_BODY],
         (2021, 3, 4)),
        ("related link glued to its stamp", ["02.05.2024Спасатели получат новые катера", "Паром возобновит рейсы",
                                             "04.03.2021 09:15", RU_BODY], (2021, 3, 4)),
        ("related box after the story", ["Ferry route to reopen", "Posted : 2021-03-04", EN_BODY, "Related news",
                                         "Port workers strike in Incheon", "2024-05-02"], (2021, 3, 4)),
        ("print-edition stamp", ["여객선 항로 재개", "입력 2021-03-04 09:15", KO_BODY, "2021-03-05 12면"], (2021, 3, 4)),
        ("copyright line", ["Ferry route to reopen", "Posted : 2021-03-04", EN_BODY, "Copyright 2024.05.02 Harbour Daily"],
         (2021, 3, 4)),
    ],
)  # fmt: skip
def test_decoys_never_win(kind, lines, date) -> None:
    assert _doc(*lines).published_date == dt.date(*date), kind


@pytest.mark.parametrize(
    ("kind", "lines"),
    [
        ("event date in the body", ["Ferry route to reopen", f"{EN_BODY} The first ship sails on April 2, 2021."]),
        ("caption of another day", ["Ferry route to reopen", f"BUSAN, March 4 (Yonhap) -- {EN_BODY}",
                                    "Ships in Busan port on Feb. 1, 2021. (Yonhap)"]),
        ("copyright year only", ["Ferry route to reopen", EN_BODY, "© 2019-2024 Harbour Daily. All rights reserved."]),
        ("two own dates that disagree", ["2021년 3월 3일 수요일", "여객선 항로 재개", "김하늘 2021. 03. 04", KO_BODY]),
        ("two labels that disagree", ["Ferry route to reopen", "Date: 2021-03-04", "Posted: 2021-03-09", EN_BODY]),
        ("stamp and dateline name different days", ["Mar 3, 2021", "Ferry route to reopen",
                                                     f"BUSAN, March 4 (Reuters) - {EN_BODY}"]),
        ("dateline without a year", ["Паром возобновит рейсы", f"НАХОДКА, 4 марта. /ТАСС/. {RU_BODY}"]),
        ("event date after an event label (ko)", ["여객선 항로 재개", "일시 : 2021년 3월 4일(목) 14:00", KO_BODY]),
        ("event date after an event label (ru)", ["Паром возобновит рейсы", "Дата проведения: 4 марта 2021", RU_BODY]),
        ("a short line naming the event", ["여객선 항로 재개", "2021.03.04 개최", KO_BODY]),
        ("a short caption with its date", ["Ferry route to reopen", EN_BODY, "Busan port, March 1, 2021 (Yonhap)"]),
        ("a one-word line with a date", ["Ferry route to reopen", "Retrieved 2024-05-02", EN_BODY]),
        ("a registration in a short sentence", ["여객선 항로 재개", "2021년 3월 4일 등록 절차가 끝났다", KO_BODY]),
        ("a date after another label", ["Ferry route to reopen", "Deadline: March 4, 2021", EN_BODY]),
        ("only the header clock", ["Harbour Forum", "Thursday, 05/02/2024, 15:20", "Welcome, Guest | Log in | Register",
                                   "Ferry route to reopen", EN_BODY]),
        ("year only in a stamp-less URL line", ["Ferry route to reopen", "https://example.org/2021/03/04/ferry", EN_BODY]),
    ],
)  # fmt: skip
def test_no_date_rather_than_a_wrong_one(kind, lines) -> None:
    doc = _doc(*lines)
    assert doc.published_date is None, kind
    assert doc.published_date_evidence is None and doc.published_date_source is None


def test_container_date_is_metadata_and_text_wins() -> None:
    doc = _doc("Ferry route to reopen", EN_BODY, published_hint=dt.date(2021, 3, 4))
    assert (doc.published_date, doc.published_date_source) == (dt.date(2021, 3, 4), "metadata")
    text_says = _doc("Ferry route to reopen", "Posted: 2021-03-05", EN_BODY, published_hint=dt.date(2021, 3, 4))
    assert (text_says.published_date, text_says.published_date_source) == (dt.date(2021, 3, 5), "label")


# --- headline ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (["Ferry route to reopen", "Ferry route to reopen", EN_BODY], "Ferry route to reopen"),  # printed twice
        (["Главная | Новости | Регион", "Паром возобновит рейсы", "04.03.2021 09:15", RU_BODY], "Паром возобновит рейсы"),
        (["글번호 : 1234", "제목 : 여객선 항로 재개 글쓴이 : 홍보팀", KO_BODY], "여객선 항로 재개"),
        (["Title: Ferry route to reopen", EN_BODY], "Ferry route to reopen"),
        (["Новости", "Паром возобновит рейсы", RU_BODY], "Паром возобновит рейсы"),  # rubric above
        (["[사회]", "여객선 항로 재개", "입력 2021.03.04 14:22", KO_BODY], "여객선 항로 재개"),  # bracketed rubric
        (["Port news", "Ferry route between Busan and Vladivostok to reopen", EN_BODY],
         "Ferry route between Busan and Vladivostok to reopen"),  # two-word kicker
        (["Site promo line", "Share | Print | Email", "2021.03.04", "여객선 항로 재개", KO_BODY], "여객선 항로 재개"),
        (["[단독] 부산-블라디보스토크 여객선 항로 재개 추진", "정부, 내년 예산에 반영 검토", "김하늘 기자",
          "입력 2021.03.04 14:22", KO_BODY], "[단독] 부산-블라디보스토크 여객선 항로 재개 추진"),  # subtitle below
        (["Портовое агентство", "09:44, 4 Марта 2021 | Новости порта", "Паром возобновит рейсы", RU_BODY],
         "Паром возобновит рейсы"),  # a stamp followed by the story's rubric is not the headline
        (["Ferry route to reopen", "12:10, March 4, 2021 | Port news", EN_BODY], "Ferry route to reopen"),
        (["News & Notices", "Port agency continues to widen ferry links", "| 532",
          "Agreement signed between Busan Port and Vladivostok Port", EN_BODY],
         "Port agency continues to widen ferry links"),  # a view counter between headline and deck
        (["Will the ferry route reopen?", EN_BODY], "Will the ferry route reopen?"),
        ([LONG_HEAD, EN_BODY], LONG_HEAD),  # a long headline without final punctuation
        (["Harbour Notes", "Why the ferry matters for Busan", "By Jane Doe on March 4, 2021",
          "Special to Harbour.com", EN_BODY], "Why the ferry matters for Busan"),  # blog name above
        (["RU", " / Главная / Все новости / Паром возобновит рейсы в Пусан", "Паром возобновит рейсы в Пусан",
          "Редакция портала «Порт»", "04.03.2021", RU_BODY], "Паром возобновит рейсы в Пусан"),  # breadcrumb ends with it
        (["Паром возобновит рейсы - Портовые новости, 04.03.2021", "09:15 04.03.2021", "Паром возобновит рейсы", RU_BODY],
         "Паром возобновит рейсы"),  # the page title with a site suffix above the headline
        (["Back To Top", "Busan, Vladivostok mayors hold talks over ferry link", EN_BODY],
         "Busan, Vladivostok mayors hold talks over ferry link"),  # headlinese: few stop words
        (["부산시, 내달 블라디보스토크 잇는 여객선 항로 재개 위해 러 연해주와 협의", KO_BODY],
         "부산시, 내달 블라디보스토크 잇는 여객선 항로 재개 위해 러 연해주와 협의"),  # many short Korean words
        (["여객선 항로 재개 앞두고…", KO_BODY], "여객선 항로 재개 앞두고…"),
        (["여객선 항로 재개", "여객선 항로 재개 앞두고", KO_BODY], "여객선 항로 재개"),  # deck below
        (["Войти в почту", "Паром возобновит рейсы", f"НАХОДКА, 4 марта. /ТАСС/. {RU_BODY}"],
         "Паром возобновит рейсы"),  # the account link above it
        (["여객선 항로 재개", "입력 2021.03.04 (21:00)", "기사 본문 듣기 기능은 일부", "브라우저에서만 됩니다.", KO_BODY],
         "여객선 항로 재개"),  # a widget's notice broken over two lines sits between headline and story
        (["Ferry route to reopen", "Posted: 2021-03-04", "Audio playback works only in", "browsers based on Chromium.",
          EN_BODY], "Ferry route to reopen"),
        (["본문으로 바로가기", "“여객선 항로 재개와 항만 협력”", "• 작성일2021/03/04", "“여객선 항로 재개와", "항만 협력”", KO_BODY],
         "“여객선 항로 재개와 항만 협력”"),  # repeated copy wrapped over two lines
    ],
)  # fmt: skip
def test_headline_evidence(lines, title) -> None:
    doc = _doc(*lines)
    assert doc.title == title
    title_blocks = [b for b in doc.blocks if b.kind == "title"]
    assert [doc.text[b.start : b.end] for b in title_blocks] == [title]


@pytest.mark.parametrize(
    "lines",
    [
        [EN_BODY, EN_BODY],  # the page starts with the story
        ["Новости", RU_BODY],  # a rubric alone is not a headline
        [f"ТЮМЕНЬ, 4 марта, ФедералПресс. {RU_BODY}"],  # starts with the dateline
        ["Share", "Print", KO_BODY],
        ["부산항에서 출항 기념사진을 찍고 있는 양국 대표단. /사진제공=부산시", KO_BODY],  # a photo caption first
    ],
)
def test_no_headline_when_there_is_none(lines) -> None:
    assert _doc(*lines).title is None


def test_hard_wrapped_headline_is_joined() -> None:
    head = "Паромное сообщение между Владивостоком и Пусаном возобновится после"
    raw = (
        f"{head}\nтрёхлетнего перерыва\n\n"
        "Представители администрации края и южнокорейской судоходной компании\n"
        "договорились о возобновлении регулярных рейсов между двумя портами уже\n"
        "весной, сообщили в пресс-службе правительства края во вторник утром.\n\n"
        "Первый рейс запланирован на апрель, билеты поступят в продажу в марте,\n"
        "а расписание будет опубликовано на сайте перевозчика в ближайшие дни.\n"
    )
    doc = clean_document(raw, source_format="txt")
    assert doc.title == f"{head} трёхлетнего перерыва"


def test_crawl_prefix_without_a_day_is_furniture_not_a_date() -> None:
    doc = _doc("date 2021-03 Паром возобновит рейсы между Владивостоком и Пусаном", RU_BODY)
    assert doc.title == "Паром возобновит рейсы между Владивостоком и Пусаном"
    assert doc.published_date is None
    assert doc.text[doc.blocks[0].start : doc.blocks[0].end] == "date 2021-03"


def test_a_long_line_of_codes_is_not_the_start_of_the_story() -> None:
    doc = _doc("Перевод: ruru enen kzkk zh-CN ky uz az de fr es cs sk he ar tr", "Паром возобновит рейсы", RU_BODY)
    assert doc.title == "Паром возобновит рейсы"


def test_headline_broken_over_two_lines_without_hard_wrap() -> None:
    doc = _doc("Новости", "Приморье и Корея проведут", "первый межрегиональный форум", RU_BODY)
    assert doc.title == "Приморье и Корея проведут первый межрегиональный форум"
    assert [b.kind for b in doc.blocks] == ["boilerplate", "title", "title", "body"]


def test_running_text_above_a_container_title_is_not_dropped() -> None:
    doc = _doc(EN_BODY, "Ferry route to reopen", EN_BODY, title_hint="Ferry route to reopen")
    assert [b.kind for b in doc.blocks] == ["body", "title", "body"]


def test_container_title_found_in_text() -> None:
    doc = _doc("Port news", "Ferry route to reopen", EN_BODY, title_hint="Ferry route to reopen")
    assert doc.title == "Ferry route to reopen"
    assert [b.kind for b in doc.blocks] == ["boilerplate", "title", "body"]


# --- dateline ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("BUSAN, March 4 (Yonhap) -- Body text follows here.", "BUSAN"),
        ("NAKHODKA, March 4. /tass/. Body text follows here.", "NAKHODKA"),
        ("НАХОДКА, 4 марта, ФедералПресс. Текст сообщения.", "НАХОДКА"),
        ("НАХОДКА, 4 мар – РИА Новости. Текст сообщения.", "НАХОДКА"),
        ("Находка, ИА Приморье24. Текст сообщения.", "Находка"),
        ("[부산=뉴스핌] 김하늘 기자 = 본문이 이어진다.", "부산"),
        ("(부산=연합뉴스) 김하늘 기자 = 본문이 이어진다.", "부산"),
        ("【부산=뉴시스】김하늘 기자 = 본문이 이어진다.", "부산"),
        ("부산--(뉴스와이어)--본문이 이어진다.", "부산"),
        ("부산--(뉴스와이어) 2021년 03월 04일 -- 본문이 이어진다.", "부산"),
        ("NAKHODKA. March 4. HARBOUR-NEWS – Body text follows here.", "NAKHODKA"),
        ("BUSAN -- Officials from both countries agreed on Tuesday to widen cooperation in fisheries.", "BUSAN"),
    ],
)
def test_dateline_forms(paragraph: str, place: str) -> None:
    d = find_dateline(paragraph)
    assert d is not None and d.place == place


@pytest.mark.parametrize("closing", ["부산=김하늘 기자 sky@example.co.kr", "/부산", "/부산=김하늘 특파원"])
def test_closing_korean_byline_is_the_dateline(closing: str) -> None:
    doc = _doc(KO_BODY, KO_BODY, closing, "ⓒ 하버데일리 무단전재 및 재배포 금지")
    assert doc.dateline_place == "부산"


@pytest.mark.parametrize("closing", ["/하버뉴스", "/바다일보", "/항구통신", "/김하늘기자", "/김하늘 기자"])
def test_closing_outlet_credit_is_not_a_dateline(closing: str) -> None:
    assert _doc(KO_BODY, KO_BODY, closing).dateline_place is None


def test_agency_and_reporter_bracket_is_not_a_place() -> None:
    assert find_dateline("[하버데일리=김하늘 기자] 본문이 이어진다.") is None
    assert find_dateline("(사진=하버데일리) 부두에 정박한 여객선이 출항을 기다리고 있다.") is None


def test_no_bare_dateline_for_short_caps_lines() -> None:
    assert find_dateline("NATO — what next") is None
    assert find_dateline("BREAKING -- Officials from both countries agreed on Tuesday to widen cooperation.") is None


# --- boilerplate lines ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "Share | Print | Email", "ГлавнаяНовостиРегионПолитикаEnglish", "본문으로 바로가기주메뉴 바로가기",
        "Skip to main content", "조회수 1,203 추천수 0", "• 댓글 3", "Просмотров: 512", "Views: 87",
        "Автор: Иван Петров", "Source: Harbour Daily", "Войти в почту", "Регистрация", "로그인", "Featured Topics", "김하늘 기자", "By Jane Doe", "sky@example.co.kr",
        "(사진=김하늘 기자)", "Фото: пресс-служба порта", "IMG_0042.JPG", "2203948 [2]",
        "- HARBOUR DAILY - https://harbour.example -", "서울 12℃ 맑음", "Support our newsroom!",
        "Your donation keeps independent reporting alive.", "Subscribe to our newsletter",
        "We use cookies to improve your experience.", "© 2024 Harbour Daily. All rights reserved.",
        "<저작권자(c) 하버데일리, 무단 전재 및 재배포 금지>", "два часа назадПорт получил новый кран",
        "Related articles:", "Читайте также", "많이 본 뉴스", "(끝)", "Link copied to clipboard",
        "Главная / Новости / Губернатор встретился с генконсулом", "Все новости региона на нашем канале",
        "Россия. Корея > Экономика > harbour.example, 4 марта 2021",
        "[사진=하버데일리]", "▶ 관련기사 보기", "• 분류보도자료", "작성자홍보팀", "By Jane Doe, Harbour Daily",
        "Текст: Иван Петров",
    ],
)  # fmt: skip
def test_boilerplate_lines(line: str) -> None:
    assert boilerplate_reason(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        EN_BODY, RU_BODY, KO_BODY, "Russia will support the initiative to reopen the route.",
        "Ferry route to reopen", "McDonald's and YouTube open offices in Vladivostok",
        "Moscow, Seoul, Tokyo, Beijing and Washington agreed to meet again in the spring.",
        "Temperatures in the Arctic rose to 3 °C above the seasonal average, scientists said on Monday.",
        "韓·中·日 주요 참석", "Go to war over fishing quotas? Not likely, experts say.", "Новости",
        "It hits 5,000 tons this year", "Сегодня во Владивосток прибыл новый генеральный консул Республики Корея.",
        "Yesterday the ferry left Busan for Vladivostok with 300 passengers on board.",
        "Сегодня, 4 марта, в порту Находки открылся новый терминал.", "분류 작업이 늦어지면서 수출 물량이 줄었다고 업계는 밝혔다.",
    ],
)  # fmt: skip
def test_article_lines_are_not_boilerplate(line: str) -> None:
    assert boilerplate_reason(line) is None


@pytest.mark.parametrize(
    "lines",
    [
        ["Паром возобновит рейсы", "Иван Петров", "4 марта 2021, 09:15", RU_BODY],
        ["Ferry route to reopen", "March 4, 2021", "Jane Doe", EN_BODY],
        ["Why the ferry matters", "Posted by Jane Doe at 10:15 AM", EN_BODY, "Labels: Ferry, Busan"],
        ["번호 152", "제목 여객선 항로 재개", "작성자 홍보팀 등록일 2021-03-04 조회 231", KO_BODY, "첨부파일 요강.hwp"],
    ],
)
def test_bylines_and_board_fields_are_boilerplate(lines) -> None:
    doc = _doc(*lines)
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count("title") == 1 and kinds.count("body") == 1
    assert set(kinds) == {"title", "body", "boilerplate"}


def test_board_fields_on_their_own_lines() -> None:
    sidebar = "재단은 1990년 설립 이후 한국과 러시아의 학술 교류를 꾸준히 지원해 왔으며 여러 사업을 운영하고 있다."
    doc = _doc("MY MENU", "재단 소개", sidebar, "제목", "한-러 청년 교류 프로그램 참가자 모집", "작성자", "관리자",
               "수정일", "2021.03.09", "작성일", "2021.03.04", "조회수", "150", "내용", KO_BODY)  # fmt: skip
    assert doc.title == "한-러 청년 교류 프로그램 참가자 모집"
    assert (doc.published_date, doc.published_date_source) == (dt.date(2021, 3, 4), "label")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["boilerplate"] * 4 + ["title"] + ["boilerplate"] * 9 + ["body"]


def test_board_list_after_the_story_is_boilerplate() -> None:
    doc = _doc("여객선 항로 재개", KO_BODY, KO_BODY, "번호 분류 제목 글쓴이 날짜",
               "12 러시아 항만 협력 확대 file 홍보팀 21.03.01.", "11 러시아 수산 협력 file 홍보팀 21.02.20.")  # fmt: skip
    assert [b.kind for b in doc.blocks] == ["title", "body", "body", "boilerplate", "boilerplate", "boilerplate"]


def test_inline_link_to_another_story_is_boilerplate() -> None:
    doc = _doc("Паром возобновит рейсы", RU_BODY, "Порт нуждается в новых кранах, заявил мэр Находки", RU_BODY)
    assert [b.kind for b in doc.blocks] == ["title", "body", "boilerplate", "body"]


def test_boilerplate_kept_with_exact_offsets_and_out_of_content() -> None:
    from pipeline.text.types import CONTENT_KINDS

    lines = ["Home | News | Region", "Ferry route to reopen", "Posted : 2021-03-04", EN_BODY, "Top news",
             "President meets envoy in Seoul", "Port workers strike in Incheon"]  # fmt: skip
    doc = _doc(*lines)
    spans = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert spans == [
        ("boilerplate", lines[0]), ("title", lines[1]), ("boilerplate", lines[2]), ("body", EN_BODY),
        ("boilerplate", lines[4]), ("boilerplate", lines[5]), ("boilerplate", lines[6]),
    ]  # fmt: skip
    assert "boilerplate" not in CONTENT_KINDS


def test_html_title_minus_site_name() -> None:
    from pipeline.text.extract import extract_html

    paragraphs = "".join(f"<p>{EN_BODY} {EN_BODY}</p>" for _ in range(3))
    html = (
        "<html><head><title>Harbour Daily - Ferry route to reopen</title></head><body>"
        f"<nav>Home | News</nav><article><p>Ferry route to reopen</p>{paragraphs}</article></body></html>"
    )
    content = extract_html(html.encode("utf-8"))
    assert content.title == "Ferry route to reopen"
    doc = clean_document(content.text, source_format="html", title_hint=content.title)
    assert doc.title == "Ferry route to reopen"


def test_vocabularies_match_their_schema_copies() -> None:
    from pipeline.text.published_date import CONTAINER_SOURCES, SOURCES
    from pipeline.text.types import SEGMENT_KINDS
    from schemas.documents import PUBLISHED_DATE_SOURCES
    from schemas.segments import SEGMENT_KINDS as SCHEMA_KINDS

    assert SOURCES + CONTAINER_SOURCES == PUBLISHED_DATE_SOURCES
    assert SEGMENT_KINDS == SCHEMA_KINDS


@pytest.mark.parametrize(
    "lines",
    [
        ["뉴스홈 | 정치 | 경제", "[사회]", "여객선 항로 재개", "김하늘 기자", "입력 2021.03.04 14:22 | 수정 2021.03.05 09:01",
         f"[부산=뉴스핌] 김하늘 기자 = {KO_BODY}", KO_BODY, "ⓒ 하버데일리 무단전재 및 재배포 금지"],
        ["Главная / Новости / Политика", "Сегодня 2 мая 2024", "Паром возобновит рейсы", "Иван Петров",
         "4 марта 2021, 09:15", f"НАХОДКА, 4 марта – PrimaMedia. {RU_BODY}", "Популярное", "Мэр посетил порт"],
        ["date 2021-03-04", "Support our newsroom!", "Ferry route to reopen", "Ferry route to reopen",
         f"BUSAN, March 4 (Yonhap) -- {EN_BODY}", "(END)", "(LEAD) Other story", "Another story"],
    ],
)  # fmt: skip
def test_page_layout_is_stable_when_cleaned_again(lines) -> None:
    once = _doc(*lines)
    twice = clean_document(once.text, source_format="txt")
    assert twice.text == once.text
    assert twice.blocks == once.blocks
    assert (twice.title, twice.published_date, twice.dateline_place) == (
        once.title, once.published_date, once.dateline_place,
    )  # fmt: skip
    assert once.title and once.published_date == dt.date(2021, 3, 4)
    for b in once.blocks:
        assert once.text[b.start : b.end] == once.text[b.start : b.end].strip() and b.end > b.start


def test_container_date_field_is_the_date_source(tmp_path) -> None:
    from pipeline.frames import clean_tables, ingest_tables
    from tests.paged_documents import PagedText

    layout = PagedText("Helvetica", None, None, title="Ferry route to reopen", creation_date="D:20210304120000+09'00'")
    (tmp_path / "release.pdf").write_bytes(layout.build([["Ferry route to reopen", EN_BODY]]))
    (tmp_path / "page.txt").write_text(f"Ferry route to reopen\nPosted: 2021-03-05\n{EN_BODY}\n", encoding="utf-8")
    cleaned = clean_tables(ingest_tables(tmp_path, 1 << 20))["docs"].set_index("source_file")
    assert (cleaned.loc["release.pdf", "published_date"], cleaned.loc["release.pdf", "published_date_source"]) == (
        dt.date(2021, 3, 4), "pdf_info",
    )  # fmt: skip
    assert cleaned.loc["page.txt", "published_date_source"] == "label"
    assert cleaned.loc["page.txt", "published_date_evidence"] == "2021-03-05"


def test_chrome_in_another_language_is_neither_story_nor_headline() -> None:
    doc = _doc(
        "partner portal of the trade council", "member services for exporters",
        "Вход в личный кабинет",
        "Введите адрес электронной почты или телефон. Вам придёт письмо со ссылкой для входа.",
        "Ferry route between Vladivostok and Busan to reopen in spring", EN_BODY,
    )
    assert doc.title == "Ferry route between Vladivostok and Busan to reopen in spring"
