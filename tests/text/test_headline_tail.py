"""The end of a headline line that is not the headline: a site's generic section name after a
spaced dash or bar (the page title's suffix), and a byline field glued after it. Written pages."""

from __future__ import annotations

import pytest

from pipeline.text.headline import trimmed_end
from tests.text.written_pages import EN_BODY, KO_BODY, RU_BODY, page


@pytest.mark.parametrize(("line", "headline"), [
    ("О визите делегации Приморского края в Республику Корея – Новости",
     "О визите делегации Приморского края в Республику Корея"),
    ("Fisheries talks between Seoul and Moscow resume | News", "Fisheries talks between Seoul and Moscow resume"),
    ("한러 어업위원회 2년 만에 재개 - 뉴스", "한러 어업위원회 2년 만에 재개"),
    ("한러관계의 새로운 방향: 어업 협력의 내실화를 향하여 By : 홍길동 (연구위원) 정책포럼",
     "한러관계의 새로운 방향: 어업 협력의 내실화를 향하여"),
    ("Россия и Корея: новые горизонты сотрудничества Автор: И. Петров", "Россия и Корея: новые горизонты сотрудничества"),
])
def test_the_tail_is_cut(line: str, headline: str) -> None:
    assert line[: trimmed_end(line)] == headline


@pytest.mark.parametrize("line", [
    "Stand by: talks on fisheries delayed again",  # "by" in the headline, no field label
    "Новости – Новости",  # nothing would be left
    "Korea and Russia sign news agency exchange deal",
    "Seoul, Moscow agree on fisheries – News agencies report progress",  # the suffix is no section name alone
])
def test_the_headline_is_kept_whole(line: str) -> None:
    assert trimmed_end(line) == len(line)


@pytest.mark.parametrize(("line", "body", "headline"), [
    ("О визите делегации Приморского края в Республику Корея – Новости", RU_BODY,
     "О визите делегации Приморского края в Республику Корея"),
    ("Fisheries talks between Seoul and Moscow resume | News", EN_BODY, "Fisheries talks between Seoul and Moscow resume"),
    ("한러 어업 협력의 내실화를 향하여 By : 홍길동 (연구위원)", KO_BODY, "한러 어업 협력의 내실화를 향하여"),
])
def test_the_title_of_a_page_and_its_span(line: str, body: str, headline: str) -> None:
    doc = page(line, "", body)
    assert doc.title == headline
    titles = [b for b in doc.blocks if b.kind == "title"]
    assert [doc.text[b.start : b.end] for b in titles] == [headline]
