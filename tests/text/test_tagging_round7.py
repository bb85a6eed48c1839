"""Round 7 (unseen pages): credits and bylines that read as names, chrome words read as
organisations, places and bodies typed wrong, organisations written in quotes or in a state's
long form. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.text.lines import named as _named

# --- credits --------------------------------------------------------------------------------


@pytest.mark.parametrize("credit", [
    "(AP Photo/Ivan Petrovsky, Pool)",
    "(Photo by Ivan Petrovsky)",
    "(Reporting by Jane Doeling; Editing by John Roebuck)",
    "(Additional reporting by Jane Doeling in Seoul)",
])
def test_a_bracketed_photo_or_story_credit_is_no_mention(credit: str) -> None:
    text = f"The two leaders shook hands in front of the cameras before the talks in Vladivostok. {credit}"
    found = _named(text, "en")
    assert found.get("Vladivostok") == "GPE"
    assert not any(name in s for s in found for name in ("Petrovsky", "Doeling", "Roebuck", "Seoul")), found


def test_a_photographer_named_in_the_sentence_is_still_a_mention() -> None:
    found = _named("Photographer Ivan Petrovsky met Alexander Borodin in Moscow.", "en")
    assert found.get("Alexander Borodin") == "PERSON"


@pytest.mark.parametrize(("text", "lang", "credited"), [
    ("Лидеры обсудили сотрудничество.\nВидео: корреспондент ВГТРК Иван Петровский", "ru", ("ВГТРК", "Иван Петровский")),
    ("Лидеры обсудили сотрудничество.\nИсточник: Telegram-канал \"Москва 24\"", "ru", ("Москва",)),
    ("The leaders discussed cooperation.\n02:09 - Source: CNN", "en", ("CNN",)),
    ("The leaders discussed cooperation.\nVideo: Reuters", "en", ("Reuters",)),
])
def test_a_video_or_source_line_is_a_credit(text: str, lang: str, credited: tuple[str, ...]) -> None:
    found = _named(text, lang)
    assert not any(c in s for s in found for c in credited), found


def test_a_source_cited_inside_a_sentence_is_a_mention() -> None:
    found = _named("The source told Reuters that the talks in Moscow went well.", "en")
    assert found.get("Reuters") == "ORG"


def test_a_korean_agency_closing_a_caption_is_a_credit() -> None:
    text = "김철수(오른쪽) 장관이 21일 서울에서 러시아 대사와 악수를 하고 있다. 연합뉴스"
    found = _named(text, "ko")
    assert "연합뉴스" not in found and found.get("서울") == "GPE"
    cited = _named("연합뉴스는 21일 서울에서 이같이 보도했다.", "ko")
    assert cited.get("연합뉴스") == "ORG"  # the agency as a sentence's subject is a mention


@pytest.mark.parametrize("byline", ["홍길동 사진전문기자", "홍길동 선임기자", "홍길동 기자"])
def test_a_korean_byline_with_a_desk_is_a_credit(byline: str) -> None:
    found = _named(f"블라디보스토크 항구에 배들이 정박해 있다.\n{byline}", "ko")
    assert "홍길동" not in found and found.get("블라디보스토크") == "GPE"


# --- chrome and typing ----------------------------------------------------------------------


def test_a_subscription_request_is_no_agency() -> None:
    assert _named("온라인 구독신청 지면 구독신청", "ko") == {}
    found = _named("방위사업청과 해양경찰청은 이날 협력 방안을 발표했다.", "ko")
    assert found.get("방위사업청") == "ORG" and found.get("해양경찰청") == "ORG"


def test_a_station_is_named_after_its_place_and_a_university_is_a_body() -> None:
    found = _named("The delegation first stopped at the Khasan train station near the border with North Korea.", "en")
    assert found.get("Khasan") == "GPE"
    found = _named("The summit was held at the Far Eastern State University on Russky Island.", "en")
    assert found.get("Far Eastern State University") == "ORG"


# --- organisation and person recall ---------------------------------------------------------


@pytest.mark.parametrize("agency", ['РИА "Новости"', "РИА «Новости»", "РИА Новости"])
def test_an_agency_written_in_quotes_is_one_name(agency: str) -> None:
    found = _named(f"Как сообщает {agency}, делегация прибыла во Владивосток.", "ru")
    assert found.get(agency) == "ORG", found


def test_a_country_in_its_state_form() -> None:
    assert _named("Делегация Республики Беларусь прибыла в Москву.", "ru").get("Республики Беларусь") == "GPE"
    en = _named("The Republic of Belarus and the People's Republic of China signed the statement.", "en")
    assert en.get("Republic of Belarus") == "GPE" and en.get("People's Republic of China") == "GPE"
    assert _named("벨라루스 공화국 대통령이 서울을 방문했다.", "ko").get("벨라루스 공화국") == "GPE"


def test_a_tv_channel_and_a_date_after_a_country() -> None:
    found = _named('Об этом сообщил телеканал "Россия-24". Делегация прибыла в Россию 24 февраля.', "ru")
    assert found.get("Россия-24") == "ORG" and found.get("Россию") == "GPE"
    assert _named("The talks were shown live on Rossiya-24.", "en").get("Rossiya-24") == "ORG"


def test_a_ministry_of_a_state_named_with_a_possessive() -> None:
    found = _named("A spokesman for the Ministry of Foreign Affairs of the People's Republic of China said so.", "en")
    assert found.get("Ministry of Foreign Affairs of the People's Republic of China") == "ORG", found


def test_a_korean_name_with_a_hyphenated_given_name() -> None:
    found = _named("Rudenko met his South Korean counterpart Chung Byung-won on Friday in Seoul.", "en")
    assert found.get("Chung Byung-won") == "PERSON", found


# --- promos, page titles, Korean captions and places -------------------------------------------


def test_another_storys_headline_between_paragraphs_is_no_mention() -> None:
    from pipeline.text.tagging import tag_document
    from pipeline.text.types import Block

    paras = ["Kim met Putin in Vladivostok on Thursday.",
             "Senator Ivan Doeling Ties Border Funding to Ukraine Aid, Has Tough Message for Critics",
             "Chairman of the Coordination Committee, Rector of Tomsk University Nikolay Borodin",
             "The two leaders agreed to meet again in Moscow."]
    text = "\n\n".join(paras)
    blocks, pos = [], 0
    for p, kind in zip(paras, ["body", "caption", "caption", "body"], strict=True):
        start = text.index(p, pos)
        blocks.append(Block(kind, start, start + len(p)))
        pos = start + len(p)
    mentions, _ = tag_document(text, "en", blocks, [], None)
    found = {m.surface for m in mentions}
    assert not any("Doeling" in s for s in found) and "Ukraine" not in found, found
    assert any("Borodin" in s for s in found) and "Moscow" in found  # a caption of names stays


def test_the_sites_name_closing_a_page_title_and_a_subscribe_line_are_chrome() -> None:
    found = _named("Live updates: Kim and Putin hold their first summit | CNN", "en")
    assert "CNN" not in found and found.get("Putin") == "PERSON"
    assert _named("Подписаться на Москва 24", "ru") == {}


def test_a_korean_name_with_a_caption_position_note() -> None:
    found = _named("김철수(오른쪽) 통일부 장관이 21일 정부서울청사에서 러시아 대사를 만났다.", "ko")
    assert found.get("김철수") == "PERSON", found


def test_a_noun_with_a_bound_noun_is_no_korean_name() -> None:
    found = _named("4명의 주내 주요 매체 기자와 2명의 담당자로 구성된 대표단이 돌아왔다.", "ko")
    assert "주내" not in found, found


def test_korean_places_an_autonomous_prefecture_and_a_citys_port() -> None:
    found = _named("중국 연변조선족자치주 대표단은 블라디보스토크항에 도착했다.", "ko")
    assert found.get("연변조선족자치주") == "GPE" and found.get("블라디보스토크항") == "GPE", found
    assert "블라디보스토크항공" not in _named("블라디보스토크항공 여객기가 도착했다.", "ko")


def test_a_korean_body_of_two_countries_joined_by_a_bullet() -> None:
    found = _named("양국은 러•한 경제과학기술 공동위원회를 재개해야 한다.", "ko")
    assert found.get("러•한 경제과학기술 공동위원회") == "ORG", found


# --- Latin names in Korean text, agencies, file names, footnotes, quotes -----------------------


def test_a_latin_catalog_name_with_korean_particles() -> None:
    found = _named("APEC에서 만난 정상들은 NATO의 역할과 IAEA는 물론 UN과의 협력을 논의했다.", "ko")
    assert {"APEC", "NATO", "IAEA", "UN"} <= {s for s, t in found.items() if t == "ORG"}, found
    assert "APECX" not in _named("APECX에서 만났다.", "ko")  # a longer Latin word is another name


def test_a_wire_agency_with_its_korean_tong_sin() -> None:
    found = _named("AFP통신이 15일 보도했다. 로이터통신에 따르면 협상은 계속된다.", "ko")
    assert found.get("AFP") == "ORG" and found.get("로이터") == "ORG", found


def test_an_image_file_name_and_a_source_footnote_are_credits() -> None:
    en = _named("AFP__20230625__Preview__Talks.jpg\nThe ministers met in Beijing.", "en")
    assert "AFP" not in en and en.get("Beijing") == "GPE"
    ko = _named("양국 장관이 회담했다.\n*이 기사는 Reuters를 참조했습니다.", "ko")
    assert "Reuters" not in ko


def test_a_russian_name_keeps_its_closing_quote() -> None:
    found = _named("Об этом сказал корреспонденту Тихоокеанского информационного агентства «Острова» "
                   "генеральный консул.", "ru")
    assert found.get("Тихоокеанского информационного агентства «Острова»") == "ORG", found


# --- missions and wrapped lines ----------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "mission"), [
    ("모스크바의 주러 한국대사관 개관식에 참석했다.", "주러 한국대사관"),
    ("주한 러시아 대사관은 성명을 냈다.", "주한 러시아 대사관"),
    ("주블라디보스톡총영사관이 밝혔다.", "주블라디보스톡총영사관"),
])
def test_a_korean_mission_named_with_where_it_serves(sentence: str, mission: str) -> None:
    assert _named(sentence, "ko").get(mission) == "ORG"


def test_a_russian_mission_broken_across_wrapped_lines() -> None:
    from pipeline.text.tagging import tag_document
    from pipeline.text.types import Block

    text = ("В субботнике участвовали сотрудники Генерального консульства Республики\n"
            "Корея в г. Владивостоке и представители городской администрации.")
    mentions, _ = tag_document(text, "ru", [Block("body", 0, len(text))], [], None)
    orgs = {m.surface for m in mentions if m.entity_type == "ORG"}
    assert "Генерального консульства Республики\nКорея" in orgs, orgs


# --- typing by the words around a name; Russian bodies' full names ------------------------------


def test_a_name_after_the_town_of_is_a_place_and_after_a_hotel_word_a_facility() -> None:
    found = _named("The institute stands in a quiet place near the town of Yongin.", "en")
    assert found.get("Yongin") == "GPE", found
    ru = _named("Встреча прошла в отеле Sheraton Grand Walkerhill города Сеула.", "ru")
    assert ru.get("Sheraton Grand Walkerhill") == "FAC", ru


def test_a_russian_body_runs_on_over_its_country_and_its_genitive_complement() -> None:
    found = _named("На фестивале выступили артисты Государственного корейского музыкального театра "
                   "Республики Казахстан.", "ru")
    assert found.get("Государственного корейского музыкального театра Республики Казахстан") == "ORG", found
    assert found.get("Республики Казахстан") == "GPE"  # the state is mentioned too
    found = _named("Добро пожаловать на сайт Национально-культурной автономии корейцев города Уссурийска.", "ru")
    assert found.get("Национально-культурной автономии корейцев") == "ORG", found


def test_a_latin_name_before_a_korean_title_is_a_person() -> None:
    found = _named("모스크바고등경제대학의 Yaroslav Kuzminov 총장은 협력을 확대하자고 화답했다.", "ko")
    assert found.get("Yaroslav Kuzminov") == "PERSON", found
    assert _named("Samsung Electronics 회장이 참석했다.", "ko").get("Samsung Electronics") != "PERSON"


# --- bylines after a dateline credit, romanised Korean districts, facilities, quoted Russian bodies --


def test_a_byline_between_the_datelines_credit_and_its_dash() -> None:
    found = _named("SEOUL (Yonhap) By Hong Gil-dong – The two associations agreed to continue their exchanges.", "en")
    assert found.get("SEOUL") == "GPE" and "Yonhap" not in found and "Hong Gil-dong" not in found, found


def test_a_romanised_korean_district_and_a_hotel_named_after_a_company() -> None:
    found = _named("The association met at Lotte Hotel in Sogong-dong, Seoul, and later in Jongno-gu.", "en")
    assert found.get("Lotte Hotel") == "FAC" and found.get("Sogong-dong") == "GPE", found
    assert found.get("Jongno-gu") == "GPE", found


def test_korean_names_in_russian_with_other_surname_spellings() -> None:
    found = _named("Губернатор встретился с генеральным консулом Республики Корея Чой Сок Ином и послом Ви Сон Лаком.", "ru")
    assert found.get("Чой Сок Ином") == "PERSON" and found.get("Ви Сон Лаком") == "PERSON", found


def test_a_russian_body_named_in_quotes_after_its_kind() -> None:
    found = _named("Об этом РИА «27 Регион» сообщили в пресс-центре, передает ИА REGNUM.", "ru")
    assert found.get("РИА «27 Регион»") == "ORG" and found.get("ИА REGNUM") == "ORG", found
    found = _named('Жилой комплекс построила компания «Керенг», а ООО "Приморье" поставило лес.', "ru")
    assert found.get("Керенг") == "ORG" and found.get('ООО "Приморье"') == "ORG", found
    assert "Приморье" not in found  # a place inside a company's quoted name is no mention of the place
    assert _named("Проект «Дорогами дружбы» открыт.", "ru") == {}  # a project's name is no body


def test_a_catalog_country_named_union_stays_a_place_and_a_clause_after_it_is_no_name() -> None:
    found = _named("После распада Советского Союза отношения изменились.", "ru")
    assert found.get("Советского Союза") == "GPE", found
    found = _named("Представители Фонда развития Дальнего Востока приехали.", "ru")
    assert found.get("Фонда развития Дальнего Востока") == "ORG", found


def test_korean_intelligence_service_and_main_parties_are_catalog_organisations() -> None:
    found = _named("김하늘 국민의힘·최바다 더불어민주당 의원은 국정원으로부터 북러 협력 동향을 보고받았다.", "ko")
    assert {found.get(n) for n in ("국민의힘", "더불어민주당", "국정원")} == {"ORG"}
    assert _named("국가정보원은 러시아와 북한의 군사 협력이 깊어지고 있다고 밝혔다.", "ko").get("국가정보원") == "ORG"
    found = _named("South Korea's National Intelligence Service said the People Power Party was briefed.", "en")
    assert found.get("People Power Party") == "ORG"
    assert any("National Intelligence Service" in s and t == "ORG" for s, t in found.items())


def test_a_site_credited_before_a_datelines_dash_is_no_mention() -> None:
    found = _named("Хабаровск. 3 марта. INTERFAX.RU - Делегация из Пусана прибыла на форум, сообщил Интерфаксу источник.",
                   "ru")
    assert "INTERFAX.RU" not in found and found.get("Интерфаксу") == "ORG"  # cited in the sentence: a mention
    assert "INTERFAX.RU" not in _named("Хабаровск. 3 марта. INTERFAX.RU -", "ru")  # the dateline as its own block
    assert _named("По данным INTERFAX.RU, делегация прибыла в Хабаровск.", "ru").get("INTERFAX.RU") == "ORG"
