"""The scored check of the headline (round 12): the positional pick stands when its words recur in
the lead; a rubric, a breadcrumb's item or another story's link does not tell the story and gives
way to the next line that does, or to no title; a headline above the byline outranks the
sub-title below it when it tells more of the lead. Pages written for these tests."""

from __future__ import annotations

from pipeline.text.headline import _item_of_other, content_keys, lead_keys, support
from tests.text.written_pages import page

EN_LEAD = (
    "Fisheries officials from South Korea and Russia met in Vladivostok on Tuesday and agreed to raise "
    "the pollack quota for Korean trawlers in the Sea of Okhotsk next season.",
    "The delegations also discussed joint inspections of catches, a new cold-storage terminal in Nakhodka "
    "and training programmes for young crews, the regional fisheries agency said in a statement.",
    "Both sides will meet again in Busan in the autumn to review how the quota was used.",
)
KO_LEAD = (
    "한국과 러시아 수산당국이 블라디보스토크에서 회의를 열고 오호츠크해 명태 쿼터를 내년에 늘리기로 합의했다고 해양수산부가 밝혔다.",
    "양측은 어획물 공동 검사와 나홋카 냉동창고 건설, 선원 교육 프로그램 등 협력 방안도 논의했다고 관계자가 전했다.",
    "양국은 가을에 부산에서 다시 만나 쿼터 사용 현황을 점검할 예정이다.",
)


def test_a_rubric_repeated_as_a_breadcrumb_item_gives_way_to_the_headline() -> None:
    doc = page("외교.수산.통상.국제", "", "Home>월간지>외교.수산.통상.국제", "",
               "[현장] 한러 명태 쿼터 늘린다", "", "블라디보스토크 수산회의 합의", "", *KO_LEAD)
    assert doc.title == "[현장] 한러 명태 쿼터 늘린다"


def test_the_same_headline_without_the_rubric_lines_is_kept() -> None:
    doc = page("[현장] 한러 명태 쿼터 늘린다", "", "블라디보스토크 수산회의 합의", "", *KO_LEAD)
    assert doc.title == "[현장] 한러 명태 쿼터 늘린다"


def test_a_short_line_opening_a_page_title_is_no_menu_item() -> None:
    paras = ["명태 쿼터 늘린다", "명태 쿼터 늘린다 - 수산신문", "Home>뉴스>명태 쿼터"]
    assert not _item_of_other(paras, 0, range(3))  # "Headline - Site" opens with it: not an item
    assert _item_of_other(["명태 쿼터", "Home>뉴스>명태 쿼터"], 0, range(2))


def test_another_storys_link_above_a_rich_lead_gives_no_title() -> None:
    doc = page("Heavy snow closes mountain roads in Gangwon", "", *EN_LEAD)
    assert doc.title is None


def test_a_headline_telling_the_lead_is_kept_on_the_same_page() -> None:
    doc = page("Korea and Russia raise pollack quota for Korean trawlers", "", *EN_LEAD)
    assert doc.title == "Korea and Russia raise pollack quota for Korean trawlers"


def test_a_lead_too_short_to_judge_leaves_the_positional_pick() -> None:
    doc = page("Heavy snow closes mountain roads in Gangwon", "", EN_LEAD[2])
    assert doc.title == "Heavy snow closes mountain roads in Gangwon"


def test_the_headline_above_the_byline_outranks_the_sub_title_below_it() -> None:
    doc = page("Korea and Russia agree to raise pollack quota at Vladivostok fisheries talks", "",
               "Jane Roe", "", "Quota up next season", "", *EN_LEAD)
    assert doc.title == "Korea and Russia agree to raise pollack quota at Vladivostok fisheries talks"


def test_a_site_name_above_the_byline_does_not_outrank_the_headline() -> None:
    doc = page("Fisheries Weekly", "", "Jane Roe", "",
               "Korea and Russia agree to raise pollack quota at Vladivostok talks", "", *EN_LEAD)
    assert doc.title == "Korea and Russia agree to raise pollack quota at Vladivostok talks"


def test_korean_words_are_found_inside_compounds_of_the_lead() -> None:
    lead = lead_keys("양국은 한러수교 30주년을 맞아 교류를 늘리기로 했다.")
    assert support("수교 기념 교류 확대", lead).matched == 2  # 수교, 교류 inside longer words; 기념, 확대 absent
    assert content_keys("한") == []  # a single syllable is no content word


def test_russian_inflection_does_not_hide_a_word() -> None:
    lead = lead_keys("Делегация Приморья посетит Республику Корея в июне.")
    assert support("Губернатор Приморье отправится в Корею", lead).matched == 2  # Приморье, Корею
    assert support("Погода на выходные", lead).matched == 0


RU_LEAD = ("Делегация рыбаков Приморья прибыла в Пусан, где обсудит квоты на вылов минтая и работу "
           "холодильного терминала в Находке, сообщили в правительстве края.")


def test_a_line_naming_nothing_above_the_headline_is_no_title() -> None:
    doc = page("сегодня в 23:20", "", "Рыбаки Приморья прибыли в Пусан", "", RU_LEAD)
    assert doc.title == "Рыбаки Приморья прибыли в Пусан"


def test_a_headline_of_names_alone_is_kept() -> None:
    doc = page("Приморье и Пусан", "", RU_LEAD)
    assert doc.title == "Приморье и Пусан"
