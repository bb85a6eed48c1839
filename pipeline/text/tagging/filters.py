"""Precision filters: does a statistical/pattern span look like a name in its language?

Rules rest on linguistic properties (capitalisation, pymorphy3's analysis), never on lists of
particular names, so they carry over to documents the project has never seen.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.text.nlp import morph
from pipeline.text.page_patterns import KO_OUTLET_ENDINGS, KO_WIRE_CREDITS, WIRE_AGENCIES
from pipeline.text.tagging import ru_korean

_RU_WORD = re.compile(r"[А-Яа-яЁё]+")
# Lower-case head nouns of Russian institutions' names (pymorphy3 lemmas): "администрации
# Владивостока", "Сеульского университета"; "Сеульского вуза" is a description.
ORG_HEADS = frozenset(
    "администрация правительство мэрия министерство университет институт академия партия посольство "  # noqa: SIM905
    "консульство генконсульство агентство ассамблея парламент совет комитет фонд ассоциация мид".split()
)
# pymorphy3 grammemes that mark a proper name (place, organisation, first name, surname, ...).
_PROPER = frozenset({"Geox", "Orgn", "Name", "Surn", "Patr", "Trad"})
# Parts of speech a name never contains: finite verbs, infinitives, short participles, gerunds.
_PREDICATE = frozenset({"VERB", "INFN", "PRTS", "GRND"})
# Two or more lower-case letters then a capital inside one word: menu labels glued together
# by the crawl ("новостейОфициально", "назадВ").
_GLUED = re.compile(r"[a-zа-яё]{2}[A-ZА-ЯЁ]")

# Wire and photo credits: "(Yonhap) --", "(Itar-Tass) —", "(포항=연합뉴스)", "[서울=뉴스핌]",
# "(사진=홍길동 기자)". An agency in a credit is not a mention of it (corpus convention).
_CREDIT = re.compile(
    r"[(\[][^()\[\]\n=]{1,30}=\s*[^()\[\]\n]{1,40}[)\]]"  # (place=agency), (photo=name)
    r"|\([^()\n]{2,30}\)(?=\s*(?:By [^()\n]{1,40}?\s)?(?:--|—|–|-(?:\s|$)))"  # (Agency) -- after a dateline
    # a byline between the dateline's credit and its dash ("SEOUL (Yonhap) By Lee Dae-ho – ")
    r"|(?<=\) )By [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?=\s*(?:--|—|–|-\s))"
    # Korean reporter bylines: "홍길동 기자 =", "=홍길동 기자" at a line's end, "홍길동 기자 (mail@...)".
    # (with the desk before the role: "권혁재 사진전문기자", "홍길동 선임기자")
    r"|[가-힣]{2,4} ?(?:[가-힣]{1,4})?(?:기자|특파원)(?=[ \t]*(?:=|$|\(?[\w.-]+@))"
    # a story's closing credits in brackets, one or more reporters and editors ("(홍길동 기자)",
    # "(홍길동 기자;편집 김철수 기자)", "(글·사진 홍길동 기자)")
    r"|\((?:(?:편집|사진|정리|취재|글|영상|글·사진)[ \t]?)?[가-힣]{2,4}[ \t]?(?:기자|특파원|에디터)"
    r"(?:[ \t]*[;,/·][ \t]*(?:(?:편집|사진|정리|취재|글|영상)[ \t]?)?[가-힣]{2,4}[ \t]?(?:기자|특파원|에디터))*\)"
    # Photo credits opening a line ("Фото: пресс-служба ...", "Photo: Yonhap"; a caption "На фото:
    # Путин" names who is pictured and stays) and copyright lines ("ⓒ 연합뉴스", "Copyright Yonhap").
    r"|^[ \t]*(?:Фото|Photo|Photos|사진)[ \t]*[:：][^\n]{1,80}"
    r"|^[ \t]*(?:Photo|Photos)[ \t]+by[ \t][^\n]{1,60}$"  # "Photo by Yonhap" on its own line
    # ... or after a caption's bar ("Envoys shake hands in Pyongyang | Photo: the embassy's page.")
    r"|(?<=\|[ \t])(?:Фото|Photo|Photos|사진)[ \t]*[:：][^\n|]{1,160}"
    # an agency's credit in brackets after a capitals dateline, ending with a dash and the date
    # ("MOSCOW (Harbour Daily / Interfax - 3rd March, 2021) The …")
    r"|(?<=[A-Z]{3}[ \t])\([^()\n]{2,60}?[ \t][-–—][ \t][^()\n]{4,24}\d{4}\)"
    # an agency's photo credit alone on its line ("Reuters photo", "AFP Photo", "Yonhap file photo")
    r"|^[ \t]*(?:AFP|AP|Reuters|Yonhap|TASS|EPA|Xinhua|Kyodo|Sputnik|Getty Images)[ \t](?:file[ \t])?photos?[ \t]*$"
    # ... and a video's or a story's source on its own line ("Видео: журналист ВГТРК Иван Петров",
    # "Video: Reuters", "02:09 - Source: CNN", "Источник: Telegram-канал", "출처: 연합뉴스")
    r"|^[ \t]*(?:[\d:]+[ \t]*[-–—][ \t]*)?(?:Видео|Video|영상|Source|Sources|Источник|출처)[ \t]*[:：][^\n]{1,80}"
    # and an invitation to follow the site ("Подписаться на Москва 24", "Subscribe to ... on Telegram")
    r"|^[ \t]*(?:Подписаться на|Подпишитесь на|Subscribe to|Follow us on)\b[^\n]{1,60}$"

    r"|(?:©|ⓒ|\bCopyright\b|\bCOPYRIGHT\b)[^\n]{0,80}"
    # A wire's slash credit after a dateline ("МОСКВА, 7 февраля. /ТАСС/.", "MOSCOW, May 3. /TASS/.")
    r"|/[ \t]?[A-Za-zА-ЯЁа-яё][\w .\-]{0,25}?[ \t]?/(?=[.,]|\s)"
    # a site credited in capitals before the dash of a dateline ("Москва. 10 апреля. INTERFAX.RU - ")
    r"|\b[A-Z][A-Z0-9\-]{1,25}\.(?:RU|COM|KR|KZ|BY|UA|NET|ORG|INFO)\b(?=[ \t][–—-](?:[ \t]|$))"
    # and an agency opening the lead ("РИА Новости – Президент ...")
    r"|^[ \t]*(?:РИА[ \t]«?Новости»?|ИТАР-ТАСС|ТАСС|Интерфакс|ПРАЙМ|Sputnik|Yonhap|Reuters|AFP|Xinhua|Kyodo)"
    r"[ \t]*[–—-](?=[ \t])"
    # a Korean outlet's credit opening the story in square brackets, alone or with the reporter
    # ("[산업일보]", "[로컬세계 정연익 기자]", "[부산경제신문/윤소희기자]")
    rf"|^[ \t]*\[(?:[가-힣A-Za-z0-9]{{0,10}}(?:{KO_OUTLET_ENDINGS})"
    r"|[가-힣A-Za-z0-9]{2,12}[ \t/][가-힣]{2,4}[ \t]?(?:기자|특파원|통신원))\]"
    # a Korean outlet signing off on its own line ("/연합뉴스", "/뉴시스")
    rf"|^[ \t]*/[ \t]?[가-힣A-Za-z0-9]{{0,10}}(?:{KO_OUTLET_ENDINGS})[ \t]*$"
    # the agency of a closing byline glued to the last sentence ("…예정이다./블라디보스토크=연합")
    r"|(?<=[가-힣]=)(?:연합뉴스|연합|뉴시스|뉴스1)[ \t]*$"
    # a caption's agency after its last sentence, ending the line ("… 인사를 하고 있다. 연합뉴스")
    rf"|(?<=[.다][ \t])(?:[가-힣A-Za-z0-9]{{0,10}}(?:{KO_OUTLET_ENDINGS})|AP|AFP|EPA|로이터)[ \t]*$"
    # a photo credit glued to an image's alt text once its brackets were dropped ("… 사진연합뉴스")
    rf"|(?<=\s)사진=?(?:{'|'.join((*KO_WIRE_CREDITS, 'AP', 'AFP', 'EPA', '로이터'))})(?=[ \t]*$)"
    # a caption's credit in capitals and square brackets at the line's end, as Korean English-language
    # papers print it ("… on Monday. [MINISTRY OF FOREIGN AFFAIRS]", "[YONHAP]", "[JOONGANG PHOTO]")
    r"|\[[A-Z][A-Z0-9 .,&'/-]{2,60}\](?=[ \t]*$)"
    # an agency alone on its line: the story's credit ("AFP", "Reuters", "ТАСС")
    r"|^[ \t]*(?:AFP|AP|Reuters|Yonhap|TASS|EPA|Xinhua|Kyodo|Sputnik|ТАСС|РИА Новости|Интерфакс|연합뉴스|뉴시스)"
    r"[ \t]*$"
    # the site's name closing a page title ("Putin and Kim hold first summit | CNN")
    r"|(?<= [|｜] )[^|｜\n]{1,30}[ \t]*$"
    # a hashtag is a tag, not a mention ("#SouthKorea #Russia"); not "&#8217;" or "C#"
    r"|(?<![\w&#])#[^\W\d_]\w*",
    re.M,
)


_AGENCIES = "|".join(re.escape(a) for a in WIRE_AGENCIES)
# A photo caption's credit at the line's end ("… on Sept. 6. (PHOTO NOT FOR SALE) (Yonhap)").
_CAPTION_CREDIT = re.compile(
    # a credit in brackets naming whose picture or story it is, wherever it stands ("(AP Photo/Ivan
    # Petrov, Pool)", "(Reporting by Jane Doe; Editing by John Roe)", "(Photo by ...)", "(Фото: ...)")
    r"\((?:[A-Z][\w.]*[ \t])?(?:Photo|Photos|PHOTO|Фото|ФОТО|Video|Видео)[ \t]*(?:[/:]|by\b)[^()\n]{1,80}\)"
    # an image's file name ("AFP__20230625__33KY3XK__v1__Preview__Talks.jpg")
    r"|[^\s()]+\.(?:jpe?g|png|gif|webp|JPE?G|PNG)\b"
    # a footnote naming the story's sources ("*이 기사는 Reuters를 참조했습니다.", "※ 자료: 통계청")
    r"|^[ \t]*[*※][^\n]{0,80}(?:참조|인용|제공|출처|자료)[^\n]{0,20}$"
    r"|\((?:Additional[ \t]+)?(?:[Rr]eporting|Writing|Editing|Compiled|Edited)[ \t]+by\b[^()\n]{1,200}\)"
    # a caption's credit after its last sentence, ending the line ("… the parade. UPI File Photo",
    # "… in 2015. Reuters Photo | License Photo")
    r"|(?<=[.!?][ \t])(?:[A-Z][\w.'/-]*[ \t]){1,3}(?:File[ \t])?Photos?(?:[ \t]\|[ \t]License[ \t]Photo)?[ \t]*$"
    rf"|\(PHOTO NOT FOR SALE\)|\((?:{_AGENCIES})\)[ \t]*$"
    # a photographer and an agency or a pool after a slash ("(Sergei Ivanov/Pool Photo via AP)",
    # "(Jane Doe/Reuters)"), and one agency's picture passed on by another ("(AP-Yonhap)")
    rf"|\([^()\n/]{{1,50}}/[^()\n]{{0,40}}?(?:\bPhoto\b|\bPool\b|\bvia\b|\b(?:{_AGENCIES})\b)[^()\n]{{0,40}}\)"
    rf"|\((?:{_AGENCIES})[-/](?:{_AGENCIES})\)"
    # a photographer and the outlet after a caption's last sentence ("… main hall. (Jane Doe/The Korea
    # Herald)"): a name of two or three words, a slash, capitalised words only
    r"|(?<=[.!?\"”’][ \t])\((?:[A-Z][a-z]+[ \t-]){1,2}[A-Z][a-z]+[ \t]?/[ \t]?(?:The[ \t])?[A-Z][\w.&'-]*"
    r"(?:[ \t][A-Z][\w.&'-]*){0,4}\)",
    re.M,
)
_DATELINE_REACH = 60  # characters from a block's start within which a dateline's credit sits
# "SEOUL, Dec. 24 " / "МОСКВА, 9 февраля " right before the credit (a headline may precede it).
_DATELINE_BEFORE = re.compile(r"\b[A-ZА-ЯЁ]{3,}(?:[ -][A-ZА-ЯЁ]{3,})?,\s+(?:[A-Z][a-z]{2,}\.?\s+\d{1,2}|\d{1,2}\s+[а-яё]+)\s*$")
# ... or a place in capitals alone opening its line, as wires write a dateline without a date
# ("MOSCOW (AP) - ", "SEOUL, South Korea (AP) — "); a capital word inside a sentence is no dateline.
_CAPS_DATELINE_LINE = re.compile(
    r"^[ \t]*[A-ZА-ЯЁ]{3,}(?:[ -][A-ZА-ЯЁ]{3,})?(?:,[ \t]+[A-Z][a-z]+\.?(?:[ \t][A-Z][a-z]+)?)?[ \t]*$", re.M)


# A short bracket right after a dateline is the wire's credit, with or without a dash after it
# ("SEOUL, Dec. 3 (IANS) South Korea …", "MOSCOW (AP) South Korean …").
_BRACKET = re.compile(r"\([A-Za-zА-ЯЁа-яё가-힣][^()\n]{1,25}\)")


def _after_dateline(chunk: str, at: int) -> bool:
    return bool(_DATELINE_BEFORE.search(chunk, max(0, at - 40), at)
                or _CAPS_DATELINE_LINE.search(chunk, max(0, at - 40), at))


def credit_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Credits in text[start:end] (a block); "(Agency) --" only near the block's start, where a
    dateline puts it ("SEOUL, May 3 (Yonhap) --"), not "(DPRK) – " inside a sentence."""
    chunk = text[start:end]
    return [(start + m.start(), start + m.end()) for m in _CREDIT.finditer(chunk)
            if not m.group().startswith(("(", "/")) or "=" in m.group() or m.start() <= _DATELINE_REACH
            or _after_dateline(chunk, m.start())] \
        + [(start + m.start(), start + m.end()) for m in _CAPTION_CREDIT.finditer(chunk)] \
        + [(start + m.start(), start + m.end()) for m in _BRACKET.finditer(chunk) if _after_dateline(chunk, m.start())]


@lru_cache(maxsize=65536)
def _parses(word: str) -> tuple[tuple[str | None, frozenset[str], bool], ...]:
    return tuple((p.tag.POS, frozenset(p.tag.grammemes), p.is_known) for p in morph().parse(word)[:4])


def ru_given_name(word: str, known: bool = False) -> bool:
    """A word whose first reading is a given name ("Ильёй", "Олегом"): a person's first word.
    `known`: a name in pymorphy3's dictionary, not one it guesses from the ending ("Кванъяна")."""
    parses = _parses(word)
    return bool(parses) and "Name" in parses[0][1] and (parses[0][2] or not known)


def ru_common_noun(word: str) -> bool:
    """A dictionary word none of whose readings is a proper name ("Совещание", "СМИ", "Президиума")."""
    parses = _parses(word)
    return bool(parses) and all(known for _, _, known in parses) \
        and not any(g & _PROPER for _, g, _ in parses)


def ru_name_ok(surface: str, entity_type: str = "") -> bool:
    """A Russian NER span that looks like a name: starts with a capital, no glued menu labels,
    no predicate, a single word is not a common noun (acronyms included: "СМИ"), and a short
    organisation is not a generic description ("Выставочного центра", "Сеульского вуза")."""
    if not surface[:1].isupper() or _GLUED.search(surface) or not any(c.isalpha() for c in surface):
        return False  # "назадВ", "2+2"
    words = _RU_WORD.findall(surface)
    if not words:
        return True
    if any(_parses(w) and _parses(w)[0][0] in _PREDICATE and _parses(w)[0][2] and not (w.isupper() and len(w) > 1)
           for w in words):  # (an acronym is no verb: "Партии СР")
        return False  # a dictionary verb form, not a guess for an unknown (foreign) word
    if len(words) == 1 and ru_common_noun(words[0]):
        return False
    generic = all(_parses(w) and all(k for _, _, k in _parses(w)) and not any(g & _PROPER for _, g, _ in _parses(w))
                  and not w.isupper() for w in words)
    if generic and len(words) >= 3 and all(w[:1].isupper() for w in words):
        return False  # "Главная Новости Регионы Контакты": a menu line, not a name
    if entity_type == "ORG" and len(words) == 2 and words[1].islower() \
            and any(p == "ADJF" for p, _, _ in _parses(words[0])[:1]) \
            and not any(morph().parse(words[1])[0].normal_form == h for h in ORG_HEADS):
        return False  # "Сеульского вуза", "российская сторона": a description, not a name
    return not (entity_type == "ORG" and len(words) == 2 and generic)


# (an enumeration of portfolios keeps its commas: "Ministry of Trade, Industry and Energy"; a mission names
# where it serves: "Embassy of the Republic of Korea in Moscow"; a spaced "&" joins a company's trades:
# "Hyundai Engineering & Construction")
_EN_ORG_CHAIN = re.compile(r"[A-Z][\w.&'-]*,?(?: (?:[A-Z][\w.&'-]*,?|of|for|and|the|on|in|&(?= [A-Z])))* [A-Z][\w.&'-]*")


def org_chain(surface: str) -> bool:
    """A well-formed organisation name: capitalised, its head noun followed only by a genitive
    chain ("Института Дальнего Востока РАН"; "Institute of Far Eastern Studies of the Russian
    Academy of Sciences"), no preposition, verb or clause inside."""
    if not _RU_WORD.search(surface):
        return bool(_EN_ORG_CHAIN.fullmatch(surface))
    words = surface.replace("-", " ").split()
    if not words or not words[0][:1].isupper():
        return False
    head = next((i for i, w in enumerate(words) if _parses(w) and _parses(w)[0][0] == "NOUN"), None)
    if head is None:
        return False
    return all(w.isupper() or not _RU_WORD.fullmatch(w)
               or any(p in ("NOUN", "ADJF", "PRTF") and "gent" in g for p, g, _ in _parses(w))
               for w in words[head + 1:]) and all(_RU_WORD.fullmatch(w) or w.isupper() for w in words)


def latin_name_ok(surface: str) -> bool:
    return surface[:1].isupper() or surface[:1].isdigit()


# --- Russian nominative forms (stable romanisation and ids for inflected names) -------------

_PERSON_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


def _restore_case(word: str, form: str) -> str:
    if word.isupper() and len(word) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


@lru_cache(maxsize=65536)
def _nominative(word: str, person: bool, gender: str) -> str:
    parses = morph().parse(word)
    if person:  # a singular person's-name reading of the name's gender first
        def rank(p) -> tuple[bool, bool, bool]:  # noqa: ANN001 - pymorphy3 Parse
            g = p.tag.grammemes
            return (not (g & _PERSON_GRAMMEMES), "sing" not in g, gender not in g)
        parses = sorted(parses, key=rank)
    top = parses[0]
    if "nomn" in top.tag.grammemes or (not person and any("nomn" in p.tag.grammemes for p in parses[:4])):
        return word  # already (possibly) nominative: keep it as written ("морской порт")
    if person and not (top.is_known or top.tag.grammemes & _PERSON_GRAMMEMES):
        return word  # pymorphy3 only guesses ("Демешин" -> "демешина"): keep the name as written
    if not top.is_known and (len(word) <= 5 or any("nomn" in p.tag.grammemes for p in parses)):
        return word  # a guess for a short foreign name, likely nominative already ("Пхён", "Чхоль")
    form = top.inflect({"nomn", "sing"} if person else {"nomn"})
    return _restore_case(word, form.word) if form is not None else word


def _given_reading(words: list[str]) -> tuple[str, str | None]:
    """The gender and case of a person's first name ("Анной" -> femn, ablt); masculine and no
    case when no word reads as a given name."""
    for w in words:
        for p in morph().parse(w)[:3]:
            if "Name" in p.tag.grammemes and p.tag.gender:
                return p.tag.gender, p.tag.case
    return "masc", None


# A surname in -ов/-ев/-ин/-ын declines like a possessive; pymorphy3 knows many but not all
# ("Хорошавина" it reads as a woman's nominative). After a given name read in an oblique case,
# such a surname in the same case is put in the nominative by its ending: masculine, then feminine.
_POSSESSIVE_SURNAME = re.compile(r"^([А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын))(а|у|ым|е|ой)$")
_SURNAME_CASE_ENDINGS = {
    "masc": {"gent": "а", "accs": "а", "datv": "у", "ablt": "ым", "loct": "е"},
    "femn": {"gent": "ой", "datv": "ой", "ablt": "ой", "loct": "ой", "accs": "у"},
}


def _possessive_surname_nominative(word: str, gender: str, case: str | None) -> str:
    m = _POSSESSIVE_SURNAME.match(word)
    if m is None or case is None or _SURNAME_CASE_ENDINGS.get(gender, {}).get(case) != m.group(2):
        return word
    return m.group(1) + ("а" if gender == "femn" else "")


def ru_nominative(phrase: str, entity_type: str) -> str:
    """'Борисом Коробецким' -> 'Борис Коробецкий', 'Центрального совета' -> 'Центральный совет'.

    Persons: every word (a Korean name only its last: "Мун Чжэ Ина" -> "Мун Чжэ Ин"). Other
    names: the head noun and the adjectives before it, which take the head's gender and number;
    the rest is a complement that stays as it is ("Министерстве иностранных дел" ->
    "Министерство иностранных дел").
    """
    person = entity_type == "PERSON"
    if person:
        korean = ru_korean.nominative(phrase.split(" "))
        if korean is not None:
            return " ".join(korean)
        gender, case = _given_reading(_RU_WORD.findall(phrase))

        def nominative(w: str) -> str:
            form = _nominative(w, True, gender)
            return _possessive_surname_nominative(w, gender, case) if form == w else form

        return "".join(nominative(w) if _RU_WORD.fullmatch(w) and not (w.isupper() and len(w) > 1)
                       else w for w in re.findall(r"[А-Яа-яЁё]+|[^А-Яа-яЁё]+", phrase))
    parts = re.findall(r"[А-Яа-яЁё]+|[^А-Яа-яЁё]+", phrase)
    # (the first half of a compound, "российско-" in "российско-японской", is never inflected)
    words = [i for i, w in enumerate(parts) if _RU_WORD.fullmatch(w) and not (w.isupper() and len(w) > 1)
             and parts[i + 1 : i + 2] != ["-"]]
    head = next((i for i in words if _parses(parts[i]) and _parses(parts[i])[0][0] == "NOUN"), None)
    if head is None:
        return "".join(_nominative(w, False, "") if i in words else w for i, w in enumerate(parts))
    adjectives = [i for i in words if i < head]
    form = _head_nominative(parts[head], tuple(parts[i] for i in adjectives))
    if form is None:  # no agreeing reading: word by word, as pymorphy3 reads each
        return "".join(_nominative(w, False, "") if i in words and i <= head else w for i, w in enumerate(parts))
    word, grammemes = form
    out = list(parts)
    out[head] = word
    for i in adjectives:
        out[i] = _adjective_nominative(parts[i], grammemes)
    return "".join(out)


@lru_cache(maxsize=65536)
def _head_nominative(head: str, adjectives: tuple[str, ...]) -> tuple[str, frozenset[str]] | None:
    """The head noun in the nominative and the grammemes (number, gender) its adjectives take.

    With adjectives, the head's reading is the one they agree with ("Демократической партии":
    singular genitive, so "партия", not the plural "партии"); a lower-case head alone is read
    singular ("администрации Владивостока" -> "администрация"); a capitalised one alone stays
    as written when it may be nominative already ("РИА Новости")."""
    parses = [p for p in morph().parse(head) if p.tag.POS == "NOUN"]
    if not parses:
        return None
    chosen = None
    if adjectives:
        adj = [p for p in morph().parse(adjectives[-1]) if p.tag.POS in ("ADJF", "PRTF")]
        for p in parses:
            if any(a.tag.case == p.tag.case and a.tag.number == p.tag.number
                   and (p.tag.number == "plur" or a.tag.gender in (p.tag.gender, None)) for a in adj):
                chosen = p
                break
        if chosen is None:
            return None
    elif head[:1].islower():
        chosen = next((p for p in parses if p.tag.number == "sing"), parses[0])
    else:
        if any("nomn" in p.tag.grammemes for p in parses[:4]):
            return head, frozenset()
        chosen = parses[0]
    number = chosen.tag.number or "sing"
    grammemes = frozenset({number} | ({chosen.tag.gender} if number == "sing" and chosen.tag.gender else set()))
    if "nomn" in chosen.tag.grammemes:
        return head, grammemes
    form = chosen.inflect({"nomn", number}) or chosen.inflect({"nomn"})
    return (_restore_case(head, form.word) if form is not None else head), grammemes


def _adjective_nominative(word: str, grammemes: frozenset[str]) -> str:
    for p in morph().parse(word):
        if p.tag.POS in ("ADJF", "PRTF"):
            form = p.inflect({"nomn"} | grammemes)
            if form is not None:
                return _restore_case(word, form.word)
    return _nominative(word, False, "")


# Facilities named like bodies ("Incheon International Airport", "울산전시컨벤션센터", "аэропорт
# Кневичи"): a place one goes to, not an organisation (types FAC).
_FACILITY = re.compile(
    r"(?:\b(?:Airport|Cosmodrome|Spaceport|Stadium|Arena|Hotel|Railway Station|Station|Terminal|Palace|Bridge"
    r"|Convention (?:Center|Centre)|Exhibition (?:Center|Centre))"
    r"|공항|컨벤션센터|전시장|경기장|체육관|호텔|기차역|터미널)$"
    r"|^(?:аэропорт|космодром|вокзал|гостиниц|отел|стадион)\w*\s",
    re.I,
)


def is_facility(surface: str) -> bool:
    return bool(_FACILITY.search(surface.strip()))


def caps_rubric(surface: str) -> bool:
    """A section heading in capitals made of dictionary words ("МЕЖДУНАРОДНОЕ СОТРУДНИЧЕСТВО",
    "НОВОСТИ РЕГИОНА"), not a body's name: no institution word ("СОВЕТ ФЕДЕРАЦИИ" stays)."""
    words = re.findall(r"[А-ЯЁа-яё]+", surface)
    return len(words) >= 2 and surface.isupper() and not any(w.lower() in ORG_HEADS for w in words) \
        and all(ru_common_noun(w.lower()) for w in words)
