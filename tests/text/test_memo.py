"""The layout rules' per-document memo (pipeline.text.memo): answers kept for one document only,
never handed out for callers to change, and a document cleaned twice gives the same result."""

import datetime as dt

from pipeline.text.boilerplate import boilerplate_reason
from pipeline.text.clean import clean_document
from pipeline.text.dates_written import _full_date_spans, full_date_spans
from pipeline.text.headline import is_caption
from pipeline.text.memo import new_document

PAGE = (
    "Home | News | World | Contact\n\n"
    "Seoul and Moscow agree to resume direct flights\n\n"
    "SEOUL, March 3, 2024 (Yonhap) -- South Korea and Russia agreed on Sunday to resume direct "
    "flights between Seoul and Vladivostok, suspended since 2022, the transport ministry said.\n\n"
    "Officials from both sides met in Vladivostok on 1 March 2024 to discuss the schedule.\n\n"
    "President Yoon Suk Yeol speaks at a meeting in Seoul on March 2, 2024. (Yonhap)\n\n"
    "Copyright Yonhap News Agency. All rights reserved."
)


def test_answers_are_kept_for_one_document_only() -> None:
    new_document()
    line = "Officials met in Vladivostok on 1 March 2024 to discuss the schedule."
    assert full_date_spans(line) == [(dt.date(2024, 3, 1), 32, 44)]
    assert _full_date_spans.cache_info().currsize == 1
    assert is_caption("President Yoon speaks in Seoul on March 2, 2024. (Yonhap)")
    assert boilerplate_reason("Home | News | World | Contact") is not None
    new_document()
    assert _full_date_spans.cache_info().currsize == 0
    assert is_caption.cache_info().currsize == 0
    assert boilerplate_reason.cache_info().currsize == 0


def test_a_caller_changing_its_list_does_not_change_the_next_answer() -> None:
    new_document()
    line = "The talks of March 3, 2024 and of 1 March 2024 ended without a statement."
    first = full_date_spans(line)
    first.clear()
    assert [d for d, _, _ in full_date_spans(line)] == [dt.date(2024, 3, 3), dt.date(2024, 3, 1)]


def test_cleaning_a_document_twice_gives_the_same_result() -> None:
    once = clean_document(PAGE, source_format="txt")
    twice = clean_document(PAGE, source_format="txt")
    assert once == twice
    assert once.title == "Seoul and Moscow agree to resume direct flights"
    assert once.published_date == dt.date(2024, 3, 3)
    kinds = [b.kind for b in once.blocks]
    assert kinds == ["boilerplate", "title", "dateline", "body", "body", "caption", "boilerplate"]
