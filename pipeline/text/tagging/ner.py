"""Names the catalog does not know: natasha (Russian), kiwi + patterns (Korean), patterns (English).

Each finder returns Cand records (offsets into the text given); linking to the catalog
and overlap resolution happen in tag_document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from pipeline.text.nlp import kiwi, morph, natasha_ner, spacy_en
from pipeline.text.overlap import SpanIndex
from pipeline.text.page_patterns import KO_POST_WORDS, NATIONALITY_ADJECTIVES
from pipeline.text.tagging import ko_names, ru_korean
from pipeline.text.tagging.filters import ORG_HEADS, ru_nominative
from pipeline.text.tagging.gazetteer import eojeol_end, ko_starts_word, ko_tail_ok

# --- shared ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Cand:
    start: int
    end: int
    entity_type: str  # PERSON, ORG, GPE, LOC, TITLE
    method: str  # ner or pattern
    confidence: float
    normal: str | None = None  # normalised form (natasha), used for linking and romanisation


# --- Russian --------------------------------------------------------------------------

_NATASHA_TYPES = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}


def natasha_spans(text: str) -> list[Cand]:
    return natasha_spans_many([text])[0]


def natasha_spans_many(texts: list[str]) -> list[list[Cand]]:
    """natasha NER on several texts in one batched model call (`tagger.map`): the model's cost
    is per call, not per text (380 blocks: 13.6 s one by one, 2.0 s batched, same spans).
    Each distinct text is read once. The tagger's spans are used as they are (character
    offsets and type): `Doc.tag_ner` would also segment the text into tokens and sentences
    to attach them to the spans, which nothing here reads."""
    unique = list(dict.fromkeys(texts))
    found = dict(zip(unique, _natasha_compute(unique), strict=True))
    return [list(found[t]) for t in texts]


def _natasha_compute(texts: list[str]) -> list[list[Cand]]:
    if not texts:
        return []
    tagger = natasha_ner()
    # Shortest first: the tagger pads each batch of 8 to its longest text, so texts of like
    # length together waste less (same spans; 40 % less CPU on the dev corpus's Russian blocks).
    todo = sorted((t for t in texts if t.strip()), key=len)
    markups = dict(zip(todo, tagger.map(todo), strict=True))
    out: list[list[Cand]] = []
    for text in texts:
        cands = []
        for span in markups[text].spans if text in markups else []:
            etype = _NATASHA_TYPES.get(span.type, "ORG")
            # natasha's own normal form needs its morphology tagger (3x the cost); pymorphy3 inflects
            # the name to the nominative instead (stable romanisation and unlinked ids).
            cands.append(Cand(span.start, span.stop, etype, "ner", 0.7, ru_nominative(text[span.start:span.stop], etype)))
        out.append(cands)
    return out


def merge_org_chains(text: str, cands: list[Cand]) -> list[Cand]:
    """natasha cuts a genitive chain into pieces ("Президиума" "Центрального совета" "Партии"
    "СР"): adjacent ORG spans, one space apart, the later one in the genitive or an acronym,
    are one organisation's name."""
    out: list[Cand] = []
    for c in sorted(cands, key=lambda c: c.start):
        prev = out[-1] if out else None
        if prev is not None and prev.entity_type == c.entity_type == "ORG" and text[prev.end:c.start] == " " \
                and _genitive_or_acronym(text[c.start:c.end].split(" ")[0]) and not _title_noun(text[prev.start:prev.end]):
            surface = text[prev.start:c.end]
            out[-1] = Cand(prev.start, c.end, "ORG", prev.method, prev.confidence, ru_nominative(surface, "ORG"))
            continue
        out.append(c)
    return out


_TRAILING_ACRONYM = re.compile(r"\s*\([^()]{1,20}\)$")


def without_acronym(text: str, cands: list[Cand]) -> list[Cand]:
    """natasha takes an organisation's acronym in brackets into its name ("Школы … исследований
    (ВИ-ШРМИ)"): the name ends before the bracket (the acronym is a mention of its own)."""
    out = []
    for c in cands:
        m = _TRAILING_ACRONYM.search(text, c.start, c.end)
        if m and m.start() > c.start:
            surface = text[c.start:m.start()]
            c = Cand(c.start, m.start(), c.entity_type, c.method, c.confidence, ru_nominative(surface, c.entity_type))
        out.append(c)
    return out


def with_closing_quote(text: str, cands: list[Cand]) -> list[Cand]:
    """natasha stops a name before the quotation it opened closes ("агентства «Острова"): the
    closing mark right after it is part of the name."""
    out = []
    for c in cands:
        surface = text[c.start:c.end]
        if surface.count("«") > surface.count("»") and text[c.end:c.end + 1] == "»" \
                or surface.count('"') % 2 == 1 and text[c.end:c.end + 1] == '"':
            c = Cand(c.start, c.end + 1, c.entity_type, c.method, c.confidence,
                     (c.normal or surface) + text[c.end])
        out.append(c)
    return out


def _title_noun(phrase: str) -> bool:
    """A person's title read as an organisation ("Председателя" [Государственной Думы]): an
    animate noun."""
    from pipeline.text.nlp import morph

    return any(p.tag.POS == "NOUN" and "anim" in p.tag.grammemes for w in phrase.split(" ")
               for p in morph().parse(w)[:1])


def _genitive_or_acronym(word: str) -> bool:
    from pipeline.text.nlp import morph

    if len(word) > 1 and word.isupper():
        return True
    return any("gent" in p.tag.grammemes for p in morph().parse(word)[:3])


def russian_korean_names(text: str) -> list[Cand]:
    """Korean names written in Russian ("с Мун Чжэ Ином"), in the nominative for linking."""
    return [Cand(s, e, "PERSON", "pattern", 0.75, nominative) for s, e, nominative in ru_korean.find_names(text)]


# Russian institutions are often named by a lower-case head noun and a proper name in the
# genitive or in apposition: "администрации Владивостока", "университета Соган",
# "Демократической партии Тобуро". Heads are pymorphy3 lemmas (filters.ORG_HEADS).
_RU_ORG_HEADS = ORG_HEADS


def _geo_adjective(word: str) -> bool:
    """A place adjective ("южнокорейского"): its ministry is that country's, not Russia's."""
    from pipeline.text.nlp import morph

    return any(p.tag.POS == "ADJF" and "Geox" in p.tag.grammemes for p in morph().parse(word)[:2])
_RU_TOKEN = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*|[A-Z]{2,}")


# Lower-case nouns that complete a region's adjective name ("Приморского края", "Амурской области").
_RU_REGION_NOUNS = frozenset("края краю краем крае области областью округа округу округом округе района районе "  # noqa: SIM905
                             "республики губернии".split())


def _region_after(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """toks[i] is followed by a region's name: a capitalised adjective and a region noun, one
    space apart ("… Приморского края", "… Амурской области")."""
    return i + 2 < len(toks) and toks[i + 1][2][:1].isupper() and toks[i + 1][2].endswith(("ого", "ой", "ых")) \
        and toks[i + 2][2] in _RU_REGION_NOUNS and text[toks[i][1]:toks[i + 2][0]].count(" ") == 2


# A diplomatic mission is named by the country it represents, often in several words
# ("посольства Республики Корея", "Генерального консульства Российской Федерации"), and by a
# lower-case adjective of its rank ("генерального", "почётного").
_RU_MISSION_HEADS = frozenset({"посольство", "консульство", "генконсульство", "представительство", "торгпредство"})
_RU_MISSION_RANKS = frozenset({"генеральный", "почётный", "почетный"})
_MISSION_NAME_WORDS = 3


# A city's own bodies are named "<head> города <City>" / "<head> г. <City>": "Думы города
# Владивостока", "администрации г. Находки", "мэрии города Уссурийска".
_RU_CITY_BODIES = frozenset({"дума", "администрация", "мэрия", "правительство", "совет"})


def _city_after(text: str, toks: list[tuple[int, int, str]], i: int) -> int | None:
    """Index of the city's name token when toks[i] is followed by "города <City>" or "г. <City>"."""
    if i + 2 >= len(toks) or text[toks[i][1]:toks[i + 1][0]] != " " or not toks[i + 2][2][:1].isupper():
        return None
    from pipeline.text.nlp import morph

    word, gap = toks[i + 1][2], text[toks[i + 1][1]:toks[i + 2][0]]
    if not ((word == "города" and gap == " ") or (word == "г" and gap in (". ", "."))):
        return None
    from pipeline.text.tagging.gazetteer import find_russian

    city = toks[i + 2][2]  # "города Владивостока", not "города Виталий Ерёменко"
    parses = morph().parse(city)[:2]
    if any(p.tag.grammemes & {"Name", "Surn", "Patr"} for p in parses[:1]):
        return None
    known = any(h.start == 0 and h.end == len(city) and h.entry.entity_type == "GPE" for h in find_russian(city))
    return i + 2 if known or any("Geox" in p.tag.grammemes for p in parses) else None


def _city_right_after(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """toks[i] (a city's body) is followed by the city's name in the genitive, without "города":
    "Думы Владивостока", "мэрии Находки" (a place the catalog knows or pymorphy reads as one)."""
    if i + 1 >= len(toks) or text[toks[i][1]:toks[i + 1][0]] != " " or not toks[i + 1][2][:1].isupper():
        return False
    from pipeline.text.nlp import morph
    from pipeline.text.tagging.gazetteer import find_russian

    city = toks[i + 1][2]
    parses = morph().parse(city)[:3]
    if any(p.tag.grammemes & {"Name", "Surn", "Patr"} for p in parses[:1]) or not any("gent" in p.tag.grammemes for p in parses):
        return False  # ("Находки": the genitive is pymorphy's third reading)
    known = any(h.start == 0 and h.end == len(city) and h.entry.entity_type == "GPE" for h in find_russian(city))
    return known or any("Geox" in p.tag.grammemes for p in parses)


# A ministry is named by its portfolio in the genitive, in lower case, and may end with its
# country: "министерства культуры", "министерство внешнеэкономических дел КНДР",
# "министерства природных ресурсов и экологии России".
_RU_PORTFOLIO_HEADS = frozenset({"министерство"})
_PORTFOLIO_WORDS = 5


def _portfolio_end(text: str, toks: list[tuple[int, int, str]], i: int) -> int | None:
    """Index of the last token of the ministry named from toks[i], or None."""
    from pipeline.text.tagging.gazetteer import find_russian

    j, last_noun = i + 1, None
    while j < len(toks) and j - i <= _PORTFOLIO_WORDS and text[toks[j - 1][1]:toks[j][0]] == " " \
            and toks[j][2].islower() and (toks[j][2] == "и" or _gent_word(toks[j][2], ("ADJF", "NOUN"))):
        if _gent_word(toks[j][2], ("NOUN",)):
            last_noun = j
        j += 1
    if last_noun is None:
        return None
    k = last_noun + 1  # the country: "КНДР", "России", "Республики Корея"
    if k < len(toks) and text[toks[last_noun][1]:toks[k][0]] == " " and toks[k][2][:1].isupper():
        for n in (2, 1):
            if k + n <= len(toks):
                span = text[toks[k][0]:toks[k + n - 1][1]]
                if any(h.start == 0 and h.end == len(span) and h.entry.entity_type == "GPE" for h in find_russian(span)):
                    return k + n - 1
    return last_noun


def russian_org_heads(text: str, persons: list[tuple[int, int]] = ()) -> list[Cand]:
    """`persons`: spans of persons; a person's first word after a head is not the institution's
    name ("южнокорейского МИД Кан Гён Хва"), nor is a given name ("правительства Ильёй Ивановым")."""
    from pipeline.text.tagging.filters import ru_common_noun, ru_given_name
    from pipeline.text.tagging.gazetteer import ru_lemma

    toks = [(m.start(), m.end(), m.group()) for m in _RU_TOKEN.finditer(text)]
    in_person = SpanIndex(persons)
    out = []
    for i, (s, _, w) in enumerate(toks):
        lemma = ru_lemma(w)
        if lemma in _RU_PORTFOLIO_HEADS:
            end = _portfolio_end(text, toks, i)
            if end is not None:
                surface = text[s:toks[end][1]]
                out.append(Cand(s, toks[end][1], "ORG", "pattern", 0.6, ru_nominative(surface, "ORG")))
                continue
        city = _city_after(text, toks, i) if lemma in _RU_ORG_HEADS or lemma in _RU_CITY_BODIES else None
        if city is None and lemma in ("дума", "мэрия") and _city_right_after(text, toks, i) \
                and not in_person.overlaps(toks[i + 1][0], toks[i + 1][1]):
            city = i + 1  # "председатель Думы Владивостока"
        mission = lemma in _RU_MISSION_HEADS  # ("представительство России": a mission, not in ORG_HEADS)
        if lemma not in _RU_ORG_HEADS and city is None and not mission:
            continue
        width = _MISSION_NAME_WORDS if mission else 1
        j = i + 1  # the name: one capitalised word right after the head (a person may follow)
        while j < len(toks) and j - i <= width and toks[j][2][:1].isupper() and re.fullmatch(r" ", text[toks[j - 1][1]:toks[j][0]]) \
                and (mission or not ru_common_noun(toks[j][2].split("-")[0])) \
                and not ru_given_name(toks[j][2]) \
                and not in_person.overlaps(toks[j][0], toks[j][1]):  # "посольства Республики Корея"
            j += 1
        if city is not None and not in_person.overlaps(toks[city][0], toks[city][1]):
            j = city + 1  # "администрации города Владивостока", "Администрацией г. Находки"
        elif _region_after(text, toks, i) and not in_person.overlaps(toks[i + 1][0], toks[i + 1][1]):
            j = i + 3  # "правительства Амурской области": the region's adjective and noun are its name
        elif j == i + 1 and i + 2 < len(toks) and toks[i + 1][2] in ("имени", "им") \
                and text[toks[i + 1][1]:toks[i + 1][1] + 2].startswith((" ", ". ")):
            j = i + 2  # "университетом имени …": the person's name follows (see orgs_named_after)
        owner = i > 0 and w == "МИД" and text[toks[i - 1][1]:s] == " " and _geo_adjective(toks[i - 1][2])
        # "Российское посольство", "Южнокорейское консульство": a mission named by its country's adjective
        owner = owner or (mission and i > 0 and text[toks[i - 1][1]:s] == " " and toks[i - 1][2][:1].isupper()
                          and ru_lemma(toks[i - 1][2]).endswith(("ский", "цкий")))
        if j == i + 1 and not owner:
            continue
        start = s
        if owner or (i > 0 and toks[i - 1][2][:1].isupper() and text[toks[i - 1][1]:s] == " "
                     and ru_lemma(toks[i - 1][2]).endswith(("ый", "ий", "ой"))) \
                or (mission and i > 0 and text[toks[i - 1][1]:s] == " " and ru_lemma(toks[i - 1][2]) in _RU_MISSION_RANKS):
            start = toks[i - 1][0]  # "Демократической партии Тобуро", "южнокорейского МИД"
        surface = text[start:toks[j - 1][1]]
        out.append(Cand(start, toks[j - 1][1], "ORG", "pattern", 0.6, ru_nominative(surface, "ORG")))
    return out + _russian_capitalised_bodies(text, toks, in_person)


# Russian capitalises only a body's first word: "Законодательного собрания", "Государственной
# Думы", "Ассоциации корейской диаспоры Корсаковского района". Inside a sentence, a capitalised
# adjective before a legislature's head noun, or a capitalised head noun before a lower-case
# genitive phrase, is such a name.
# A party is named the same way: "пришедшая к власти Демократическая партия".
_RU_LEGISLATURES = frozenset({"собрание", "дума", "ассамблея", "палата", "хурал", "курултай", "партия"})
RU_CAPITAL_HEADS = _RU_CAPITAL_HEADS = frozenset({"ассоциация", "союз", "общество", "фонд", "федерация", "центр", "палата", "совет",
                               "комитет", "форум", "конгресс", "клуб"})
_RU_CHAIN_WORDS = 4
# Heads that name a body by its matter and place only ("Музей истории Сеула", "Архив кинодокументов
# Приморья", "Агентства развития Камчатки"): a name when a known place ends the genitive chain.
_RU_CAPITAL_HEADS_PLACED = frozenset({"музей", "архив", "агентство", "институт", "служба", "комиссия",
                                      "корпорация", "школа", "университет", "академия", "департамент"})
# Bodies named by what they deal with: "<Head> по <dative phrase> [genitives] [Place]"
# ("Совет по мирному и демократическому объединению Кореи", "Комиссии по делам молодёжи").
_RU_MATTER_HEADS = frozenset({"совет", "комитет", "комиссия", "агентство", "фонд", "служба", "центр", "ассоциация"})
_MATTER_WORDS = 6
_RU_MATTER_HEADS_NAMED = _RU_MATTER_HEADS | {"группа"}  # after a capitalised adjective: "Исследовательская группа по …"
# "по" phrases of the sentence, not of a name: "по просьбе", "по словам", "по данным", "по итогам".
_RU_ADVERBIAL_DATIVES = frozenset("просьба слово данные мнение итог случай повод приглашение инициатива причина "  # noqa: SIM905
                                  "оценка сведение информация предложение решение поручение заказ адрес время "
                                  "мера линия телефон сообщение".split())


def _place_at(text: str, toks: list[tuple[int, int, str]], j: int) -> int | None:
    """Index of the last token of a catalog place starting at toks[j] ("Сеула", "Дальнего Востока")."""
    if j >= len(toks) or not toks[j][2][:1].isupper():
        return None
    from pipeline.text.tagging.gazetteer import find_russian

    s = toks[j][0]
    for n in (2, 1):
        if j + n <= len(toks):
            span = text[s:toks[j + n - 1][1]]
            if any(h.start == 0 and h.end == len(span) and h.entry.entity_type in ("GPE", "LOC") for h in find_russian(span)):
                return j + n - 1
    return None


def _datv_word(word: str, pos: tuple[str, ...]) -> bool:
    """A dative reading among the first three ("международным" is first read as an instrumental)."""
    from pipeline.text.nlp import morph

    return any(p.tag.POS in pos and "datv" in p.tag.grammemes for p in morph().parse(word)[:3])


def _matter_end(text: str, toks: list[tuple[int, int, str]], h: int) -> int | None:
    """Last token of "по <dative phrase> [lower-case genitives] [Place]" after the head toks[h], or None."""
    parts = _matter_parts(text, toks, h)
    return None if parts is None else parts[1] if parts[1] is not None else parts[0]


def _matter_parts(text: str, toks: list[tuple[int, int, str]], h: int) -> tuple[int, int | None] | None:
    """(last token of the matter phrase, last token of the place that follows it or None) after
    the head toks[h]; None when no "по <dative phrase>" follows."""
    def spaced(k: int) -> bool:
        return k < len(toks) and text[toks[k - 1][1]:toks[k][0]] == " "

    if not (spaced(h + 1) and toks[h + 1][2] == "по"):
        return None
    from pipeline.text.tagging.gazetteer import ru_lemma

    j, last = h + 2, None
    if spaced(j) and ru_lemma(toks[j][2]) in _RU_ADVERBIAL_DATIVES:
        return None
    while spaced(j) and j - h - 1 <= _MATTER_WORDS and toks[j][2].islower() \
            and (toks[j][2] == "и" or _datv_word(toks[j][2], ("ADJF", "NOUN"))):
        if toks[j][2] != "и" and _datv_word(toks[j][2], ("NOUN",)):
            last = j
        j += 1
    if last is None:
        return None
    j = last + 1
    while spaced(j) and j - last <= 3 and toks[j][2].islower() and only_genitive(toks[j][2]):
        last, j = j, j + 1
    place = _place_at(text, toks, last + 1) if spaced(last + 1) else None
    if place is None and _region_after(text, toks, last):
        place = last + 2  # "… Калининградской области" (a region the catalog may not list)
    return last, place


def genitive_word(word: str) -> bool:
    """A noun or adjective reading in the genitive among the word's first two ("Республики", "России")."""
    return _gent_word(word, ("NOUN", "ADJF"))


def only_genitive(word: str) -> bool:
    """A noun or adjective in the genitive that no reading makes nominative ("корейцев", not
    "отношения", which is also a nominative plural)."""
    from pipeline.text.nlp import morph

    parses = morph().parse(word)[:3]
    return any(p.tag.POS in ("NOUN", "ADJF") and "gent" in p.tag.grammemes for p in parses) \
        and not any("nomn" in p.tag.grammemes for p in parses)


def _gent_word(word: str, pos: tuple[str, ...]) -> bool:
    from pipeline.text.nlp import morph

    return any(p.tag.POS in pos and "gent" in p.tag.grammemes for p in morph().parse(word)[:2])


def _adjective(word: str) -> bool:
    from pipeline.text.nlp import morph

    return any(p.tag.POS == "ADJF" for p in morph().parse(word)[:2])


_ADJ_BEFORE_HEAD = 2


def _adjective_head(text: str, toks: list[tuple[int, int, str]], i: int) -> int | None:
    """Index of a lower-case head of `_RU_CAPITAL_HEADS` after the capitalised adjective toks[i]
    and at most two lower-case adjectives ("Тихоокеанского туристского форума", "Корейского
    культурного центра"). Mid-sentence, a capital on an adjective marks a name: a description
    is written in lower case ("российский фонд")."""
    from pipeline.text.tagging.gazetteer import ru_lemma

    j = i + 1
    while j < len(toks) and text[toks[j - 1][1]:toks[j][0]] == " " and toks[j][2].islower():
        if ru_lemma(toks[j][2]) in _RU_CAPITAL_HEADS:
            break
        if j - i > _ADJ_BEFORE_HEAD or not _adjective(toks[j][2]):
            return None
        j += 1
    else:
        return None
    if j - i < 2:
        return None  # one adjective ("Выставочного центра") may be a capitalised description
    if j + 1 < len(toks) and text[toks[j][1]:toks[j + 1][0]] == " " \
            and (toks[j + 1][2][:1].isupper() or (len(toks[j + 1][2]) > 2 and _gent_word(toks[j + 1][2], ("NOUN", "ADJF")))):
        return None  # the name goes on ("Центрального совета Партии …", "… центра корееведческих исследований")
    return j


def _russian_capitalised_bodies(text: str, toks: list[tuple[int, int, str]], in_person: SpanIndex) -> list[Cand]:
    from pipeline.text.tagging.gazetteer import ru_lemma

    def mid_sentence(k: int) -> bool:  # a capital here is not the sentence's
        return k > 0 and text[toks[k - 1][1]:toks[k][0]] in (" ", ", ")

    out = []
    for i, (s, e, w) in enumerate(toks):
        if not w[:1].isupper() or not mid_sentence(i) or in_person.overlaps(s, e):
            continue
        lemma = ru_lemma(w)
        end = None
        if i + 1 < len(toks) and text[e:toks[i + 1][0]] == " " \
                and ru_lemma(toks[i + 1][2].lower()) in _RU_LEGISLATURES and _adjective(w):
            end = i + 1  # "Законодательного собрания", official style "Законодательного Собрания"
        elif lemma in _RU_CAPITAL_HEADS or lemma in _RU_CAPITAL_HEADS_PLACED:
            j = _genitive_chain_end(text, toks, i)
            if j - i >= 2 and _gent_word(toks[j - 1][2], ("NOUN",)):
                place = _place_at(text, toks, j) if text[toks[j - 1][1]:toks[j][0] if j < len(toks) else 0] == " " else None
                if place is not None:
                    end = _and_place(text, toks, place)  # "Музея истории Сеула", "Фонда развития Дальнего Востока"
                elif j - i >= 3 and (lemma in _RU_CAPITAL_HEADS or _owner_acronym(text, toks, j - 1)):
                    end = j - 1  # "Ассоциации корейской диаспоры", "Института … отношений РАН"
            elif j == i + 1:
                end = _matter_end(text, toks, i)  # "Совета по мирному объединению Кореи"
                place = _place_at(text, toks, i + 1) if end is None and text[e:toks[i + 1][0] if i + 1 < len(toks) else 0] == " " \
                    else None
                if place is not None and _owner_acronym(text, toks, place):
                    end = place  # "Института Дальнего Востока РАН": the place is the body's, the academy owns it
        elif i + 1 < len(toks) and text[e:toks[i + 1][0]] == " " and _adjective(w) \
                and ru_lemma(toks[i + 1][2]) in _RU_MATTER_HEADS_NAMED and _matter_end(text, toks, i + 1) is not None:
            end = _matter_end(text, toks, i + 1)  # "Консультативного совета по … объединению Кореи"
        elif _adjective(w):
            end = _adjective_head(text, toks, i)  # "Тихоокеанского туристского форума"
        if end is None:
            continue
        if _region_after(text, toks, end):  # the region that owns it: "… Корсаковского района"
            end += 2
        if _owner_acronym(text, toks, end):
            end += 1  # the academy that owns it: "… РАН"
        surface = text[s:toks[end][1]]
        out.append(Cand(s, toks[end][1], "ORG", "pattern", 0.6, ru_nominative(surface, "ORG")))
    return out + _russian_lowercase_bodies(text, toks, in_person)


def _and_place(text: str, toks: list[tuple[int, int, str]], k: int) -> int:
    """Last token of "<place> и <place>" from the place ending at toks[k] ("Дальнего Востока и
    Арктики"): a body's matter may span two regions; k when no second place follows."""
    if k + 2 < len(toks) and toks[k + 1][2] == "и" and text[toks[k][1]:toks[k + 2][0]] == " и ":
        second = _place_at(text, toks, k + 2)
        if second is not None:
            return second
    return k


def _genitive_chain_end(text: str, toks: list[tuple[int, int, str]], i: int) -> int:
    """Index after the lower-case genitive words that follow toks[i] (at most `_RU_CHAIN_WORDS`
    of them; "и" joins two when a genitive follows it: "мировой экономики и международных отношений")."""
    j = i + 1
    while j < len(toks) and j - i <= _RU_CHAIN_WORDS + 2 and toks[j][2].islower() \
            and text[toks[j - 1][1]:toks[j][0]] == " ":
        if toks[j][2] == "и" and j > i + 1 and j + 1 < len(toks) and toks[j + 1][2].islower() \
                and text[toks[j][1]:toks[j + 1][0]] == " " and _gent_word(toks[j + 1][2], ("ADJF", "NOUN")):
            j += 1
            continue
        if not _gent_word(toks[j][2], ("ADJF", "NOUN")):
            break
        j += 1
    while j > i + 1 and toks[j - 1][2] == "и":
        j -= 1
    return j


_RU_OWNER_ACRONYM = re.compile(r"[А-ЯЁ]{2,6}")


def _owner_acronym(text: str, toks: list[tuple[int, int, str]], k: int) -> bool:
    """toks[k] is followed, one space on, by an acronym in capitals that owns the body ("… РАН",
    "… СО РАН" is read from its first word) and ends the phrase (no capitalised name runs on)."""
    if k + 1 >= len(toks) or text[toks[k][1]:toks[k + 1][0]] != " " or not _RU_OWNER_ACRONYM.fullmatch(toks[k + 1][2]):
        return False
    return k + 2 >= len(toks) or text[toks[k + 1][1]:toks[k + 2][0]] != " " or not toks[k + 2][2][:1].isupper()


# A body named by a lower-case head and what it deals with, owned by a region or a place:
# "агентства по международным и межрегиональным связям Калининградской области", "комитета по
# делам молодёжи Приморского края". Without the owner it is a description ("комитет по делам молодёжи").
# A unit of a body, in lower case, with its field in the genitive, right before the body's name:
# "центр корейских исследований Института Дальнего Востока", "кафедры истории Университета …".
_RU_UNIT_HEADS = frozenset({"центр", "отдел", "кафедра", "лаборатория", "факультет", "сектор", "институт", "школа"})


def _russian_lowercase_bodies(text: str, toks: list[tuple[int, int, str]], in_person: SpanIndex) -> list[Cand]:
    from pipeline.text.tagging.gazetteer import ru_lemma

    out = []
    for i, (s, _, w) in enumerate(toks):
        if not w.islower() or in_person.overlaps(s, toks[i][1]):
            continue
        lemma = ru_lemma(w)
        end = None
        if lemma in _RU_MATTER_HEADS:
            parts = _matter_parts(text, toks, i)
            end = parts[1] if parts is not None else None  # owned by a place or a region, or no name
        if end is None and lemma in _RU_UNIT_HEADS:
            j = _genitive_chain_end(text, toks, i)
            if j - i >= 2 and j < len(toks) and text[toks[j - 1][1]:toks[j][0]] == " " and _gent_word(toks[j - 1][2], ("NOUN",)) \
                    and toks[j][2][:1].isupper() and not toks[j][2].isupper() \
                    and ru_lemma(toks[j][2]) in (_RU_CAPITAL_HEADS | _RU_CAPITAL_HEADS_PLACED | {"университет", "академия"}):
                end = j - 1  # the body that follows is a name of its own
        if end is None:
            continue
        surface = text[s:toks[end][1]]
        out.append(Cand(s, toks[end][1], "ORG", "pattern", 0.6, ru_nominative(surface, "ORG")))
    return out


_NAMED_AFTER = re.compile(r"(?:^|\s)(?:им\.?|имени)\s?$")


def orgs_named_after(text: str, cands: list[Cand]) -> list[Cand]:
    """"университет им. Ким Чака", "университетом имени Ким Чека": an institution named after a
    person ends with the person's name, which is part of it rather than a mention of the person."""
    orgs = sorted((c for c in cands if c.entity_type == "ORG"), key=lambda c: c.start)
    persons = [c for c in cands if c.entity_type == "PERSON"]
    merged: dict[int, Cand] = {}
    used: set[int] = set()
    for o in orgs:
        tail = _NAMED_AFTER.search(text, o.start, o.end)
        if tail is not None:
            after = o.end
        else:
            m = re.compile(r"\s(?:им\.|имени)\s").match(text, o.end)
            if m is None:
                continue
            after = m.end()
        p = next((p for p in persons if id(p) not in used and (p.start == after or (
            p.start > after and not text[after:p.start].strip(" ."))) and p.start - after <= 3), None)
        if p is None:
            continue
        used.update(id(q) for q in persons if q.start < p.end and p.start < q.end)  # the model's and the pattern's
        head = text[o.start:o.end]
        normal = (o.normal or ru_nominative(head, "ORG")) + text[o.end:p.start] + text[p.start:p.end]
        merged[id(o)] = Cand(o.start, p.end, "ORG", "pattern", o.confidence, normal)
    return [merged.get(id(c), c) for c in cands if id(c) not in used]


_RU_TITLE_HEAD = re.compile(
    r"(?i)\b(?:(?:перв(?:ый|ого|ому|ым)|втор(?:ой|ого|ому|ым)|заместител[ьяюем]+|зам\.?|вице-)\s+)*"
    r"(?:президент|премьер-министр|министр|посол|послом|губернатор|мэр|глав[аеуыой]|ректор|"
    r"председател[ьяюем]+|директор|секретар[ьяюем]+|спикер|депутат|сенатор|протоиере[йяюем]+|"
    r"митрополит|генеральн\w+ консул|консул|профессор|советник|руководител[ьяюем]+|"
    r"лидер|вице-премьер|полпред|представител[ьяюем]+|спецпредставител[ьяюем]+|посл[аеуо]м?)\w*"
)

# --- bodies of two countries named by description ----------------------------------------
# "the Russian-Korean fisheries commission", "российско-корейский межрегиональный форум": a
# standing body of two countries, written in lower case, is still an organisation (corpus
# convention); the pair of nations and a qualifier ("fisheries", "межрегиональный") are the
# name, the head word says it is a body. A bare "российско-корейский форум" is a description.
_EN_BILATERAL = re.compile(
    r"(?<![\w-])(?:(?:South|North) )?[A-Z][a-z]+(?:-(?:South |North )?[A-Z][a-z]+)+"
    r"((?: [a-z]+){1,3}) (?:commission|committee|council|forum|working group)(?![\w-])")
_EN_NOT_MODIFIER = frozenset("the a an of on in to for and with by at from as is was are were".split())  # noqa: SIM905
_RU_BILATERAL = re.compile(
    r"(?<![\w-])[а-яё]+[сц]ко-[а-яё]+((?: [а-яё]+){1,2}) (?:форум|комисси|комитет|совет)[а-яё]*(?![\w-])")
# or by the people it gathers, after its head: "российско-корейский форум ректоров", "… совет предпринимателей"
_RU_BILATERAL_MEMBERS = re.compile(
    r"(?<![\w-])[а-яё]+[сц]ко-[а-яё]+ (?:форум|комисси|комитет|совет)[а-яё]* (?P<who>[а-яё]+(?:ов|ев|ей))(?![\w-])")


# A company named with its legal form, in any language's text ("Junglim Architecture Co. Ltd.").
_LATIN_COMPANY = re.compile(
    r"(?<![\w.-])(?:[A-Z][\w&'-]*\.? ){1,5}(?:Co\.,? ?Ltd\.?|Co\.|Ltd\.?|Inc\.?|LLC|Corp\.?|GmbH|PLC|JSC|PJSC|OJSC|CJSC)(?![\w-])")


# A Russian body named in quotes after its kind: an abbreviated legal or media form, which is part of
# the name ("РИА «27 Регион»", "ИА REGNUM", "ООО «Приморье»"), or a lower-case noun, which is not
# ("компания «Керенг»", "газета «Коммерсантъ»", "агентства «Острова»").
_RU_QUOTED_BODY = re.compile(
    r"(?<![\w-])(?:(?P<abbr>РИА|ИА|ИИА|МИА|ТК|ТРК|ООО|ОАО|ЗАО|ПАО|АО|НКО|АНО|ФГУП|МУП)[ \t]+"
    r"|(?:компани|газет|журнал|телеканал|радиостанци|агентств|холдинг|издательств|фонд|корпораци|концерн|банк"
    r"|завод|комбинат|предприяти|университет|институт|объединени|ассоциаци|организаци|движени|обществ|союз"
    r")[а-яё]*[ \t]+)"
    r"(?P<name>«[^«»\n]{1,40}»|\"[^\"\n]{1,40}\"|(?(abbr)[A-Z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*(?: [A-Z][A-Za-z0-9-]+)?|(?!)))")
# (a quoted name alone, without the abbreviation, is taken inside its quotes)
# A company's legal form before its unquoted Russian name: "ПАО Сбербанк", "АО Росатом" (one or
# two capitalised words; not a person's name, see russian_legal_form_named).
_RU_FORM_NAMED = re.compile(
    r"(?<![\w-])(?:ООО|ОАО|ЗАО|ПАО|АО|ФГУП|ГУП|МУП|АНО)[ \t]+(?P<name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)?"
    r"(?: [А-ЯЁ][а-яё]+)?)(?![\w«\"-])")


# A firm named right after its kind without quotes: "авиакомпания Аэрофлот", "концерна КАМАЗ" (one word, not a
# place the catalog knows, not a person's name; the quoted and the Latin forms are taken elsewhere).
_RU_KIND_NAMED = re.compile(
    r"(?<![\w-])(?:[Аа]виа|[Гг]ос|[Аа]вто)?(?:компани|корпораци|концерн|холдинг)[а-яё]*[ \t]+"
    r"(?P<name>[А-ЯЁ][А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)?|[A-Z][A-Za-z0-9&-]+(?: [A-Z][A-Za-z0-9&-]+)?)(?![\w«\"-])")


# A Russian university's acronym: a city or region's short form and "ГУ" (state university),
# "ФУ" (federal), "ГТУ", "ГПУ", "ГЭУ", "ГМУ" ("СахГУ", "ДВФУ", "СПбГУ", "АмГУ"); a bare "ГУ" is
# a directorate ("ГУ МЧС"), not taken.
_RU_UNIVERSITY_ACRONYM = re.compile(r"(?<![\w-])(?:[А-ЯЁ][а-яё]{0,3}){1,3}(?:ГУ|ФУ|ГТУ|ГПУ|ГЭУ|ГМУ|ГАУ)(?![\w-])")


def russian_university_acronyms(text: str) -> list[Cand]:
    return [Cand(m.start(), m.end(), "ORG", "pattern", 0.6) for m in _RU_UNIVERSITY_ACRONYM.finditer(text)]


def russian_kind_named(text: str) -> list[Cand]:
    from pipeline.text.nlp import morph
    from pipeline.text.tagging.gazetteer import find_latin, find_russian

    out = []
    for m in _RU_KIND_NAMED.finditer(text):
        name = m.group("name")
        if name[0].isascii():  # a Latin name ("компанией Kogas", "компании Samsung Electronics")
            if any(h.entry.entity_type in ("GPE", "LOC", "PERSON") for h in find_latin(name)):
                continue
            out.append(Cand(m.start("name"), m.end("name"), "ORG", "pattern", 0.6, name))
            continue
        if any(p.tag.grammemes & {"Geox", "Name", "Surn", "Patr"} for p in morph().parse(name)[:2]) \
                or any(h.entry.entity_type in ("GPE", "LOC", "PERSON") for h in find_russian(name)):
            continue
        out.append(Cand(m.start("name"), m.end("name"), "ORG", "pattern", 0.6, ru_nominative(name, "ORG")))
    return out


_BRACKET_OPEN = re.compile(r" ?\($")


def short_names_in_brackets(text: str, cands: list[Cand], orgs: list[tuple[int, int]]) -> list[Cand]:
    """A one-word name in brackets right after an organisation's name, opening with the same two
    letters, is that body's short name ("Skolkovo Institute of Science and Technology (Skoltech)",
    "Korea Gas Corporation (Kogas)"), whatever type the model gave it."""
    ends = {e: s for s, e in orgs}
    out = []
    for c in cands:
        if c.entity_type in ("PERSON", "GPE", "LOC") and " " not in text[c.start:c.end] and text[c.end:c.end + 1] == ")":
            m = _BRACKET_OPEN.search(text, max(0, c.start - 2), c.start)
            s = ends.get(m.start()) if m else None
            if s is not None and text[s:s + 2].casefold() == text[c.start:c.start + 2].casefold():
                c = Cand(c.start, c.end, "ORG", c.method, c.confidence, c.normal)
        out.append(c)
    return out


def russian_legal_form_named(text: str) -> list[Cand]:
    """"ПАО Сбербанк", "АО Росатом": the legal form and the name make the company's name."""
    from pipeline.text.tagging.filters import ru_given_name

    return [Cand(m.start(), m.end(), "ORG", "pattern", 0.6, text[m.start():m.end()]) for m in _RU_FORM_NAMED.finditer(text)
            if not any(ru_given_name(w) for w in m.group("name").split())]


def russian_quoted_bodies(text: str) -> list[Cand]:
    out = []
    for m in _RU_QUOTED_BODY.finditer(text):
        start, end = (m.start(), m.end()) if m.group("abbr") else (m.start("name") + 1, m.end() - 1)
        out.append(Cand(start, end, "ORG", "pattern", 0.65, text[start:end]))
    return out


# A Russian body in English, its legal form's abbreviation before its quoted name: "FSUE “Rosmorport”",
# "JSC “Russian Railways”", "LLC \"Primorye Fish\"". The name is what the quotes hold.
_EN_QUOTED_BODY = re.compile(
    r"(?<![\w-])(?:FSUE|FGUP|FSBI|FSBEI|JSC|OJSC|CJSC|PJSC|LLC|OOO|ANO|NPO)[ \t]+"
    r"(?:[“\"«](?P<name>[A-Z][^“”\"«»\n]{0,39})[”\"»])")


# A company named by a proper noun or an acronym and a word for a firm ("Lotte International", "LS Networks",
# "Hanwha Holdings"), read only where a body is spoken of: after "of", "at", "from", "company" and the like
# ("the head of LS Networks"), so a headline's "Korea International" or an airport's name is left alone.
_COMPANY_WORD = re.compile(
    r"(?<![\w.&'-])(?P<stem>(?:[A-Z][A-Za-z0-9&'-]*\s){1,2})(?:International|Networks|Holdings|Industries|Electronics"
    r"|Enterprises|Technologies)(?![\w-])")
_COMPANY_CONTEXT = re.compile(
    r"(?:\b(?:of|at|from|for|with|by|and|including|company|companies|firm|firms|conglomerate|subsidiary|affiliate"
    r"|group|chaebol)|,)\s(?:the\s)?$")
_NEXT_CAPITALISED = re.compile(r"\s((?:[A-Z][\w'-]*)(?:\s[A-Z][\w'-]*){0,2})")
_NATIONALITY = re.compile(r"(?:[a-z](?:ian|ean|ese|ish)|Korean|Russian|Asian|Global|World|First|New)$")


def _company_stem(words: list[str]) -> bool:
    """The stem of "<stem> International" is a name: no common capitalised word, no place, no adjective."""
    from pipeline.text.dateline import (
        is_city_or_country,  # lazy: the dateline module loads the catalog lazily
    )

    return all(w not in _NOT_NAME and not _NATIONALITY.search(w) for w in words) \
        and not is_city_or_country(" ".join(words)) and not any(is_city_or_country(w) for w in words)


def _company_words(text: str) -> list[Cand]:
    out = []
    for m in _COMPANY_WORD.finditer(text):
        if not _COMPANY_CONTEXT.search(text, max(0, m.start() - 30), m.start()):
            continue
        if not _company_stem(m.group("stem").split()):
            continue
        nxt = _NEXT_CAPITALISED.match(text, m.end())
        if nxt and not en_person_shaped(nxt.group(1).split()):
            continue  # "… International Airport", "… International Trade Association": a longer name
        out.append(Cand(m.start(), m.end(), "ORG", "pattern", 0.6))
        if nxt:  # "the head of LS Networks Kim Jong Hoon": the person after the company (the model runs them together)
            out.append(Cand(nxt.start(1), nxt.end(1), "PERSON", "pattern", 0.6))
    return out


# A Russian company in English with its legal form first and no quotes ("LLC Primorye Fish", "JSC Russian
# Railways"): the form and the capitalised words after it, up to a title or a common word ("… CEO Oleg …").
# (the name's own words that the common-word list holds; capitals that are a post or a thing, not a name)
_COMPANY_NAME_WORDS = frozenset({"Railways", "Group", "Company", "Corporation", "Bank", "International", "Fund"})
_COMMON_CAPS = frozenset({"CEO", "CFO", "COO", "MOU", "LNG"})
_EN_FORM_FIRST = re.compile(r"(?<![\w-])(?:LLC|JSC|PJSC|OJSC|CJSC|NJSC|OOO|FSUE)((?: [A-Z][\w&'-]*){1,4})(?![\w-])")


def _form_first_companies(text: str) -> list[Cand]:
    out = []
    for m in _EN_FORM_FIRST.finditer(text):
        end = m.start(1)
        for w in re.finditer(r" (\S+)", m.group(1)):
            word = w.group(1)
            if (word in _NOT_NAME and word not in _COMPANY_NAME_WORDS) or TITLE_HEAD.fullmatch(word) or word in _COMMON_CAPS:
                break
            end = m.start(1) + w.end()
        if end > m.start(1):
            out.append(Cand(m.start(), end, "ORG", "pattern", 0.6))
    return out


# A body named in quotes after its kind, in English: "the public organization ‘Regional National and Cultural
# Autonomy of Koreans’", "the association “Korean Diaspora”". The name is what the quotes hold.
_EN_KIND_QUOTED = re.compile(
    r"\b(?:organi[sz]ation|company|association|foundation|fund|society|union|movement|NGO|club|agency)[ \t]+"
    r"[‘“\"](?P<name>[A-Z][^‘’“”\"\n]{2,80})[’”\"]")


def latin_companies(text: str) -> list[Cand]:
    return [Cand(m.start(), m.end(), "ORG", "pattern", 0.6) for m in _LATIN_COMPANY.finditer(text)] \
        + [Cand(m.start("name"), m.end("name"), "ORG", "pattern", 0.65) for m in _EN_QUOTED_BODY.finditer(text)] \
        + [Cand(m.start("name"), m.end("name"), "ORG", "pattern", 0.6) for m in _EN_KIND_QUOTED.finditer(text)] \
        + _form_first_companies(text) + _company_words(text)


def bilateral_bodies(text: str) -> list[Cand]:
    from pipeline.text.nlp import morph

    out = []
    for m in _EN_BILATERAL.finditer(text):
        if not set(m.group(1).split()) & _EN_NOT_MODIFIER:
            out.append(Cand(m.start(), m.end(), "ORG", "pattern", 0.6))
    for m in _RU_BILATERAL.finditer(text):
        words = m.group().split(" ")
        if all(any(p.tag.POS in ("ADJF", "PRTF") for p in morph().parse(w)[:2]) for w in [words[0].split("-")[1], *words[1:-1]]):
            out.append(Cand(m.start(), m.end(), "ORG", "pattern", 0.6, ru_nominative(m.group(), "ORG")))
    for m in _RU_BILATERAL_MEMBERS.finditer(text):
        if any({"NOUN", "anim", "plur", "gent"} <= (p.tag.grammemes | {p.tag.POS}) for p in morph().parse(m.group("who"))[:2]):
            head = text[m.start():m.start("who")].rstrip()
            out.append(Cand(m.start(), m.end(), "ORG", "pattern", 0.6, ru_nominative(head, "ORG") + " " + m.group("who")))
    return out


# --- initials + surname (any script) ----------------------------------------------------

# "В. Н. Игнатенко", "I. Komissina": one or two initials, each followed by a space, then a
# capitalised word ("U.S. Army" has no space after "U." and is not taken).
_INITIALS = r"(?:[A-ZА-ЯЁ]\.\s){1,2}"
_INITIALS_NAME = re.compile(rf"(?<![\w.]){_INITIALS}[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?\b")
# Before a known surname, Russian also writes two initials glued together ("В.Е. Сухинин").
_INITIALS_BEFORE = re.compile(rf"(?<![\w.])(?:{_INITIALS}|[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?)$")


def _ru_place_word(word: str) -> bool:
    """A word whose first reading is a place name and none a surname ("Корея", "Кореи")."""
    parses = morph().parse(word)[:3]
    return bool(parses) and "Geox" in parses[0].tag and not any("Surn" in p.tag for p in parses)


def initials_persons(text: str) -> list[Cand]:
    """Initials + surname, a common way to name people in Russian and in translated lists."""
    from pipeline.text.tagging.filters import ru_common_noun

    out = []
    for m in _INITIALS_NAME.finditer(text):
        surname = m.group().rsplit(None, 1)[-1]
        if re.search("[а-яё]", surname) and ru_common_noun(surname):
            continue  # "В. Москве" would be a preposition + place, never a person
        if surname in NATIONALITY_ADJECTIVES or (re.search("[а-яё]", surname) and _ru_place_word(surname)):
            continue  # "S. Korean", "Ю. Корея": a country abbreviated, not initials
        out.append(Cand(m.start(), m.end(), "PERSON", "pattern", 0.75))
    return out


def initials_start(text: str, start: int) -> int:
    """Where a name starting at `start` really starts, with its initials ("В. Н. Игнатенко")."""
    m = _INITIALS_BEFORE.search(text, max(0, start - 8), start)
    return m.start() if m else start


# --- English --------------------------------------------------------------------------

TITLE_HEAD = _EN_TITLE_HEAD = re.compile(
    r"\b(?:(?:First|Second|Third|Vice|Deputy|Foreign|Prime|Special|Chief|chief|Senior|senior|Acting|"
    r"Former|former|Ex-|ex-|top|Top|Executive|General|Trade|Defense|Defence|Unification|Economy|"
    r"Finance|Interior|Energy|Presidential|Permanent|Plenipotentiary|Extraordinary|Assistant|"
    r"Associate|Honorary|Honourable|Honorable|Regional|National)\s*)*"
    r"(?:President|Prime Minister|Premier|Minister|Ambassador|Envoy|envoy|Representative|negotiator|"
    r"diplomat|Chairman|Chairwoman|Chairperson|Chair|Rector|Governor|Gov\.|Mayor|Director|"
    r"Secretary|Spokesman|Spokeswoman|spokesman|spokeswoman|spokesperson|Consul General|Consul|"
    r"Professor|Prof\.|Chancellor|Speaker|Head|head|Leader|leader|Commissioner|CEO|Senator|"
    r"lawmaker|Lawmaker|Rep\.|Dean|Archpriest|Patriarch|Metropolitan|Vice-Chairman|official|"
    r"Counselor|Counsellor|Attache|Commander|General|Aide|aide|Adviser|adviser|Advisor|advisor)\b"
)
_TITLE_BREAK = re.compile(r"[,;:()\"“”!?]|\bwith\b|\bwho\b|\bsaid\b")
_EN_NAME_TOKEN = r"(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?|[A-Z]\.)"
_EN_RUN = re.compile(rf"{_EN_NAME_TOKEN}(?: {_EN_NAME_TOKEN})*")

_KOREAN_SURNAMES = frozenset(
    "Kim Lee Yi Park Pak Choi Choe Jung Jeong Chung Kang Cho Jo Yoon Yun Jang Chang Lim Im Han Oh "  # noqa: SIM905 - word lists read better as prose
    "Seo Suh Shin Kwon Hwang Ahn An Song Hong Yoo Yu Jeon Chun Moon Mun Ko Baek Paek Heo Nam Sim "
    "Roh Noh Ha Kwak Sung Cha Joo Ju Woo Koo Min Ryu Na Jin Ji Eom Chae Won Cheon Bang Kong Hyun "
    "Ham Byun Yeom Yang Ri Wi Ban Ra Son Go Do Seong Maeng Tak Gil Bae Pyo".split()
)
_CHINESE_SURNAMES = frozenset("Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin "  # noqa: SIM905 - word lists read better as prose
                              "He Guo Ma Luo Liang Song Zheng Xie Han Tang Feng Xi Qin".split())
_GIVEN_NAMES = frozenset(
    "Vladimir Sergey Sergei Igor Alexander Aleksandr Alexandr Andrey Andrei Nikolay Nikolai Dmitry "  # noqa: SIM905 - word lists read better as prose
    "Dmitri Mikhail Yuri Yury Oleg Anatoly Anatoliy Gleb Valery Valeriy Boris Alexei Alexey Maria "
    "Elena Yelena Viktor Victor Pavel Ivan Maxim Denis Konstantin Georgy Evgeny Yevgeny Vitaly "
    "Vyacheslav Valentina Olga Tatiana Tatyana Natalia Anna Irina Svetlana Ekaterina Roman Artem "
    "Kirill Ilya Alexei Leonid Grigory Fyodor Stanislav Ruslan Timur Arkady Gennady Vasily Pyotr "
    "Peter John James Robert Michael William David Richard Joseph Thomas Charles Mark Paul Steven "
    "Donald Joe Barack George Hillary Mike Antony Glyn Clifford Sung Kurt Kevin Daniel Christopher "
    "Shinzo Fumio Yoshihide Taro Yulia Yuliya Julia Eugene Evgenia Yevgenia Ksenia Daria Darya Marina "
    "Lyudmila Ludmila Nadezhda Galina Vera Polina Sofia Alexandra Oksana Larisa Lada Inna Nina Zoya".split()
)
_RU_SURNAME_SUFFIX = re.compile(r"(?:ov|ev|yov|in|yn|sky|skiy|ski|enko|uk|ova|eva|ina|skaya|ich)$")
_NOT_NAME = frozenset(
    "The This That These Those All In On At For From By With And But Or If As Of To A An It Its "  # noqa: SIM905 - word lists read better as prose
    "He She They We You His Her Their Our Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April May June July August September October November December Jan Feb "
    "Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Committee Council University Institute Academy Forum "
    "Ministry Agency Party Assembly Bank Corporation Company Group Fund Foundation Centre Center "
    "Association Society Union Federation Republic Dialogue Conference Consultation War Statement "
    "Declaration Resolution Resolutions Railways Talks Summit Coordination International Relations "
    "Economic Economics Politics Trade Resources Affairs Security National Korean Russian Chinese "
    "Japanese American Peninsula Sea River Ocean Region Province City North South East West Great "
    "Patriotic Joint Press Office News Photo Related Secretary President Minister Ambassador Deputy "
    "Vice Foreign Prime Special Chief Chairman Rector Governor Mayor Director Consul General Head "
    "Representative Professor Policy Issues Home List Print Privacy Copyright Sitemap Information "
    "Countries Government Day Year Week GMT Arctic Far Snowflake Nuclear Development Local Court Tribunal "
    "School Faculty Department Division College Cooperation Promotion Presidential Aide Adviser Advisor Envoy "
    "Spokesman Spokeswoman Spokesperson Embassy Consulate".split()
)
GENERIC_WORDS = _NOT_NAME  # capitalised common words that are never a name on their own
GIVEN_NAMES = _GIVEN_NAMES
KOREAN_SURNAMES = _KOREAN_SURNAMES
_EN_ORG_HEAD_WORDS = (
    r"Ministry|University|Institute|Academy|Agency|Corporation|Corp\.|Company|Bank|Foundation|"
    r"Association|Society|Forum|Railways|Council|Organization|Organisation|Commission|Center|Centre|"
    r"Committee|Court|Tribunal|Embassy|Consulate|Department|Chamber|Assembly|Service|Fund|Museum|Archives?|Union|"
    r"Party|School|College|Faculty"
)
_EN_ORG_HEAD = re.compile(rf"\b(?:{_EN_ORG_HEAD_WORDS})\b")

EN_ORG_HEAD_AT_END = re.compile(_EN_ORG_HEAD.pattern + "$")
# The head words of a body for telling two coordinated bodies apart: the organisation heads and
# a diplomatic or trade mission's words.
EN_BODY_HEAD = _EN_BODY_HEAD = re.compile(rf"\b(?:{_EN_ORG_HEAD_WORDS}|Mission|Representation|Office|Administration|Group|Branch)\b")
# The words of a body's complement ("… of …", "… for …"): a head word after them is another body's.
_EN_COMPLEMENT = re.compile(r" (?:of|for|on|at) ")
# "and" (or ", and"), then a capitalised word: where two bodies' names may meet.
_EN_AND = re.compile(r",? and (?:the )?(?=[A-Z])")


def split_coordinated(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] cut where two bodies are joined by "and" ("the Russian Chamber of Commerce
    and Industry and the Korea Chamber of Commerce and Industry", "the Ministry of Oceans and
    Fisheries and the Federal Agency for Fishery"): the words after "and", up to the next "and",
    hold a head word of their own, and so do the words before it. An "and" inside one name is
    followed by a field, not by a body ("Ministry of Trade, Industry and Energy", "Chamber of
    Commerce and Industry", "Institute of Economics and Linguistics"): no cut."""
    cuts = list(_EN_AND.finditer(text, start, end))
    if not cuts:
        return [(start, end)]
    parts, s = [], start
    for k, m in enumerate(cuts):
        segment_end = cuts[k + 1].start() if k + 1 < len(cuts) else end
        complement = _EN_COMPLEMENT.search(text, m.end(), segment_end)  # "… and International Studies of X University"
        if (_EN_BODY_HEAD.search(text, m.end(), complement.start() if complement else segment_end)
                and _EN_BODY_HEAD.search(text, s, m.start())) or _ends_with_head(text, s, m.start()):
            parts.append((s, m.start()))
            s = m.end()
    parts.append((s, end))
    return parts


def _ends_with_head(text: str, s: int, e: int) -> bool:
    """text[s:e] is a whole body's name, two words or more ending in its head word ("Korea Maritime
    Institute [and Rosmorport]"): what follows "and" is another name. ("Chamber of Commerce and
    Industry" ends in its field, not in a head.)"""
    return bool(EN_ORG_HEAD_AT_END.search(text, s, e)) and len(text[s:e].split()) >= 2


def en_person_shaped(tokens: list[str]) -> bool:
    return 2 <= len(tokens) <= 4 and not any(t.rstrip(".") in _NOT_NAME or t in _EN_LINK_WORDS for t in tokens) and all(
        not t.isupper() or len(t) == 2 for t in tokens
    )


# Lower-case words that join a body's or a place's name and never a person's ("Railway House of
# Culture", "Bank for Development"): a run holding one is not person-shaped.
_EN_LINK_WORDS = frozenset({"of", "for", "and", "the", "on", "at", "in", "to"})


def _en_person_evidence(tokens: list[str], before: str) -> float:
    """0 when the run does not look like a person; else a confidence."""
    first, last = tokens[0], tokens[-1]
    if _title_tail(before, _EN_TITLE_HEAD) is not None:
        return 0.8
    if first in _KOREAN_SURNAMES and (("-" in last and len(tokens) == 2) or len(tokens) == 3):
        return 0.75
    if first in _GIVEN_NAMES or (first in _CHINESE_SURNAMES and len(tokens) == 2):
        return 0.7
    if len(tokens) == 2 and (_RU_SURNAME_SUFFIX.search(first) and tokens[1] in _GIVEN_NAMES):
        return 0.7  # inverted order: "Morgulov Igor"
    return 0.0


def _title_tail(before: str, head_re: re.Pattern[str]) -> int | None:
    """Offset in `before` where a title phrase starts that runs unbroken up to its end."""
    for m in head_re.finditer(before):
        rest = before[m.start() :]
        if not _TITLE_BREAK.search(rest) and len(rest.split()) <= 14:
            return m.start()
    return None


# A run right after "of"/"and"/"for" may continue a title or an organisation's name ("Minister
# of Science and Higher Education"): the title before it is then no evidence of a person.
_CONTINUES_PHRASE = re.compile(r"(?:\b(?:of|and|for|the)|&)\s+$")


def english_candidates(text: str, start: int, end: int, blocked: list[tuple[int, int]],
                       bodies: Mapping[int, int] | None = None) -> list[Cand]:
    """PERSON (title/name-shape evidence) and ORG (head-word) runs inside text[start:end].
    `bodies`: the catalog's organisations, end by start (a complement stops before "of" one)."""
    out: list[Cand] = []
    chunk = text[start:end]
    blocked_index = SpanIndex(blocked)
    for m in _EN_RUN.finditer(chunk):
        s, e = start + m.start(), start + m.end()
        # Cut the run after the last catalog hit inside it ("North Korea Glyn Davies").
        # (Only the hits overlapping the run can cut it, s only grows: the index finds them.)
        for bs, be in (blocked[k] for k in blocked_index.overlapping(s, e)):
            if bs < e and be > s:
                s = max(s, be + 1) if be < e else e
        if s >= e:
            continue
        while s < e and text[s] == " ":
            s += 1
        tokens = text[s:e].split(" ")
        # Drop leading title words ("Deputy Foreign Minister Igor Morgulov" -> "Igor Morgulov") and
        # the tail of a hyphenated word ("Ambassador-at-Large Nikolay Korchunov").
        while tokens and (tokens[0].rstrip(".") in _NOT_NAME or (s > 0 and text[s - 1] == "-" and s == m.start() + start)):
            s += len(tokens[0]) + 1
            tokens = tokens[1:]
        if not tokens or s >= e:
            continue
        # "Constitutional Court Park Han-Chul": the name starts after the body's head word
        heads = [k for k, t in enumerate(tokens[:-1]) if _EN_ORG_HEAD.fullmatch(t)]
        if heads:
            s += sum(len(t) + 1 for t in tokens[: heads[-1] + 1])
            tokens = tokens[heads[-1] + 1 :]
        if en_person_shaped(tokens) and not is_title(" ".join(tokens)):  # "Plenipotentiary Envoy"
            continues = bool(_CONTINUES_PHRASE.search(text[max(start, s - 6):s]))
            conf = _en_person_evidence(tokens, "" if continues else text[max(start, s - 160) : s])
            if conf:
                out.append(Cand(s, e, "PERSON", "pattern", conf))
    for m in _EN_ORG_HEAD.finditer(chunk):
        org = _en_org_span(text, start, start + m.start(), start + m.end(), bodies)
        if org:
            out.append(Cand(org[0], org[1], "ORG", "pattern", 0.6))
    return out


# Closed-class words that start a noun phrase but never a name ("This Forum", "Our Ministry").
_EN_FUNCTION_WORDS = frozenset("The A An This That These Those Our Its Their His Her My Your Each Every Any "  # noqa: SIM905
                               "Some No All Both Such Which What Whose".split())
# (a possessive inside the complement: "Ministry of Foreign Affairs of the People's Republic of China")
_EN_ORG_CONT = re.compile(r"(?: (?:of|for) (?:the )?(?:[A-Z][A-Za-z]+(?:['’]s)?|and)(?: (?:[A-Z][A-Za-z]+(?:['’]s)?|and|of|the))*)?")


# A body that deals with a matter is named "… on X" ("Committee on the Promotion of International Trade",
# "Council on Foreign Relations"); other heads take "on" as a preposition of the sentence ("Bank on Monday").
_EN_HEAD_OF_OTHER = re.compile(r" (?:Day|Week|Year|Hall|Square|Street|Avenue|Building|Award|Prize|Cup)\b")
_EN_ON_HEADS = frozenset({"Committee", "Commission", "Council"})
_EN_ORG_CONT_ON = re.compile(r" on (?:the )?[A-Z][A-Za-z]+(?: (?:[A-Z][A-Za-z]+|and|of|the))*")
_EN_FIELD_NOUN = re.compile(r" (?:studies|research|affairs|relations|cooperation)(?![\w-])")
_CAPITALISED_WORD_AT_END = re.compile(r"(?:^|(?<= ))([A-Z][A-Za-z.&'-]*) $")


def _search_end(pattern: re.Pattern[str], text: str, lo: int, end: int, window: int = 64
                ) -> tuple[int, re.Match[str] | None]:
    """(base, pattern.search(text[base:end])) answering as `pattern.search(text[lo:end])` for a
    pattern that matches one word without spaces, then one space, at the end (a final newline
    aside): when the last `window` characters hold a space before their last two, a match
    can only start after it, so they are all that is read (not the block up to `end`)."""
    w = max(lo, end - window)
    if w > lo and " " in text[w : end - 2]:
        return w, pattern.search(text[w:end])
    return lo, pattern.search(text[lo:end])


_CONSULATE_GENERAL = re.compile(r"[ -]General\b")


_OF_BODY = re.compile(r" (?:of|at) (?:the )?")
# A possessive before a body's name is its owner ("Far Eastern Federal University's School of …", "Korea's
# Ministry of …"), unless it is the "People's" of a state body's own name ("Supreme People's Assembly").
_OWNER = re.compile(r"(?!People)[A-Z][\w.&-]*'s")


def _en_org_span(text: str, lo: int, head_start: int, head_end: int, bodies: Mapping[int, int] | None = None
                 ) -> tuple[int, int] | None:
    """Capitalised words before an org head word, plus an 'of the X Y' complement. The complement stops
    before "of <a catalog organisation>": "Faculty of Asian and African Studies [of Saint Petersburg State
    University]" is a unit, the university another name."""
    if _EN_HEAD_OF_OTHER.match(text, head_end):
        return None  # "Diplomatic Service Day", "Union Square": the head word names something else
    if text[head_start:head_end] == "Consulate":
        general = _CONSULATE_GENERAL.match(text, head_end)
        head_end = general.end() if general else head_end  # "Consulate General of the Russian Federation"
    s = head_start
    words = 0
    while True:
        base, m = _search_end(_CAPITALISED_WORD_AT_END, text, lo, s)
        if not m or m.group(1) in _EN_FUNCTION_WORDS or _OWNER.fullmatch(m.group(1)):
            break
        s = base + m.start(1)
        words += 1
    cont = _EN_ORG_CONT.match(text, head_end)
    if (cont is None or cont.end() == head_end) and text[head_start:head_end] in _EN_ON_HEADS:
        cont = _EN_ORG_CONT_ON.match(text, head_end)  # "Committee on the Promotion of International Trade"
    e = cont.end() if cont else head_end
    field = _EN_FIELD_NOUN.match(text, e) if e > head_end else None
    if field:
        e = field.end()  # "Center for Asian studies": a field written in lower case ends the name
    # "Department for International Cooperation Oleg Shcheka": a given name and a surname after
    # the complement are the person the title names, not part of the body's name.
    for m in re.finditer(r"(?<= )([A-Z][a-z]+) [A-Z][a-z]+", text[head_end:e]):
        if m.group(1) in _GIVEN_NAMES:
            e = head_end + m.start()
            while text[e - 1] == " ":
                e -= 1
            break
    if bodies:  # (the body must end the complement: "Russian Center of the APEC Studies" is one name)
        e = next((m.start() for m in _OF_BODY.finditer(text, head_end, e) if bodies.get(m.end()) == e), e)
    e = split_coordinated(text, s, e)[0][1]  # "… of Oceans and Fisheries[ and the Federal Agency …]"
    if words == 0 and e == head_end:
        return None  # a bare "Ministry" is not a name; "Ministry of Foreign Affairs" is
    while re.search(r" (?:and|of|the)$", text[s:e]):
        e = s + text[s:e].rindex(" ")
    return s, e


def is_title(phrase: str) -> bool:
    """The whole phrase is a title ("Consul General", "Deputy Foreign Minister")."""
    return bool(_EN_TITLE_HEAD.fullmatch(phrase))


def english_title(text: str, lo: int, person_start: int) -> tuple[int, int] | None:
    before = text[lo:person_start]
    off = _title_tail(before, _EN_TITLE_HEAD)
    if off is None:
        return None
    s, e = lo + off, person_start
    while e > s and text[e - 1] in " \n\t":
        e -= 1
    return (s, e) if e > s else None


def russian_title(text: str, lo: int, person_start: int) -> tuple[int, int] | None:
    before = text[lo:person_start]
    for m in _RU_TITLE_HEAD.finditer(before):
        rest = before[m.start() :]
        if not re.search(r"[,;:()\"«»“”!?]|\s(?:и|а|с)\s", rest) and len(rest.split()) <= 8:
            s, e = lo + m.start(), person_start
            while e > s and text[e - 1].isspace():
                e -= 1
            return s, e
    return None


# --- Korean ---------------------------------------------------------------------------

KO_TITLE_SUFFIXES = (
    "기자", "대사", "장관", "차관", "대통령", "총리", "부총리", "위원장", "부위원장", "교수", "회장",
    "부회장", "원장", "이사장", "총장", "소장", "의원", "시장", "도지사", "지사", "주지사", "대표",
    "사장", "특파원", "연구위원", "박사", "센터장", "국장", "실장", "대변인", "서기장", "외무상",
    "영사", "총영사", "청장", "단장", "주석", "국무위원장", "총비서", "의장", "부의장", "이사", "본부장", "위원",
)
_KO_TITLE_RE = re.compile(r"(?:前|전|현|초대)?[가-힣0-9]*(?:" + "|".join(KO_TITLE_SUFFIXES) + r")$")
# The posts that also end common words or given names: alone, after digits or after two syllables.
_KO_POST_RE = re.compile(r"(?:前|전|현|초대)?(?:[0-9]+|[가-힣0-9]{2,})?(?:" + "|".join(KO_POST_WORDS) + r")$")
# A researcher's rank ends like an institute ("수석연구원" is a post, "국토연구원" a body).
_KO_POST_SET = frozenset(KO_TITLE_SUFFIXES) | frozenset(KO_POST_WORDS)
_KO_RESEARCH_RANK = re.compile(r"(?:수석|선임|책임|주임)연구원")


def ko_title_word(word: str) -> bool:
    """A Korean post ("장관", "국가안보실 2차장"'s "2차장"), never a one-syllable word."""
    return len(word) >= 2 and bool(_KO_TITLE_RE.search(word) or _KO_POST_RE.fullmatch(word))
_KO_SURNAMES = frozenset("김이박최정강조윤장임한오서신권황안송홍유전고문양손배백허노남심하곽성차주우구민류나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예봉경"[:])
_KO_ORG_SUFFIX = re.compile(
    r"(?:대학교|대학|재단|협회|위원회|포럼|공사|공단|연구소|연구원|센터|소사이어티|학회|그룹|은행|기구|"
    r"협의회|연합회|진흥원|개발원|외무성|영사관|대사관|지부|아카데미|박물관|연합|협동조합|[가-힣]{2,}청|"
    r"연맹|출판사|정보원|과학원|학술원|평가원|교육원|의회|신문|신문사|방송|방송사|일보|통신사|"
    r"자치회|상공회의소|복지관|무역대표부|총국|무역관|학과|학부|회계법인|법무법인|"
    r"미술관|극장|발레단|교향악단|오케스트라|합창단|예술단|무용단)$"  # culture bodies: "마린스키극장"
)
# A ministry is named by its portfolio: "극동개발부", "경제개발부", "천연자원부" ("산업경제부" is a
# newsroom desk). Kept apart from the heads above: a whole name, never a bare head word.
_KO_MINISTRY = re.compile(
    r"[가-힣]+(?:개발|외교|국방|통일|재무|통상|교육|보건|환경|법무|교통|에너지|자원|농업|건설|"
    r"비상사태|내무|통신|체육|관광|과학|고등교육|노동|무역)부$"
    # North Korea's ministries end in 성 ("대외경제성", "무역성"; 외무성 is a head above)
    r"|(?:대외[가-힣]{1,4}|무역)성$"
)
# Heads that also end common words ("생방송", "지역신문", "의회 민주주의"): a name only with a proper noun
# (or Latin letters) in it ("유럽의회", "조선신문"), never from a compound of common nouns.
_KO_WEAK_ORG_SUFFIX = re.compile(r"(?:의회|신문|방송|일보)$")
_KO_WEAK_ORG_NAME = re.compile(r"[가-힣]{2,}(?:의회|신문|방송|일보)")  # not "러신문" ("a Russian paper")
# A body and its head's post written as one word: "국가정보원장" (국가정보원 + 장), "한국슬라브유라시아학회장",
# "국토연구원장", "극동개발부장관", "경찰청장". The body's name is the word without the post (a
# headquarters' or a division's chief, "…본부장", is a post inside a body, not a body's head).
_KO_ORG_POST = re.compile(
    r"(?P<org>[가-힣]{2,}(?:학회|협회|재단|연구원|연구소|정보원|진흥원|개발원|센터|연맹|위원회|협의회|연합회|공사|공단|"
    r"[가-힣]{2}(?<!본)부|[가-힣]청))(?:장|회장|부회장|이사장|원장|장관|차관|총재|사장)")
# A legislature's committee is named with the legislature: "국회 정보위원회", "국회 외교통일위원회".
_KO_LEGISLATURE = re.compile(r"(?:국회|[가-힣]{1,4}의회)")
# Ordinals and times never start an organisation's name ("제3차", "8일 오후 5시 포항공과대학교").
_KO_NOT_IN_NAME = re.compile(r"제?\d+차?|\d+(?:년|월|일|시|분)|오전|오후|지난|오는|이번")
_KO_CONJUNCTIONS = frozenset({"및", "또는", "혹은", "그리고"})
# An adverb, determiner, interjection or verb opens a clause, never a name: "한편 러시아센터의 설립은"
# ("meanwhile, the Russia Centre's founding") names "러시아센터".
_KO_NOT_NOUN_TAGS = frozenset({"MAG", "MAJ", "MM", "IC", "VV", "VA", "VX"})  # (a conjunction, "및", may join one name)


def _ko_second_body(text: str, words: list[tuple[int, int]], nouns: list[tuple[int, int]], k: int) -> bool:
    """words[k] is a conjunction after a body's name ("무역대표부 및 한러상공회의소"): two bodies,
    where "세계경제 및 국제관계연구소" is one name."""
    if text[words[k][0]:words[k][1]] not in _KO_CONJUNCTIONS or k == 0:
        return False
    before = text[nouns[k - 1][0]:nouns[k - 1][1]]
    return bool(_KO_ORG_SUFFIX.search(before) or _KO_MINISTRY.search(before))


_KO_PAIR_WORD = re.compile(r"[가-힣]+(?:[-·•・][가-힣]+)+")  # "한-러", "한·러", "러•한"
_KO_MISSION = re.compile(r"(?:대사관|영사관|대표부)$")
_KO_POSTED = re.compile(r"주(?:한|러|미|중|일|북|유엔)?")  # "stationed in": 주한 (in Korea), 주러 (in Russia)
def _ko_posted(word: str) -> bool:
    """"주한", "주러", or 주 glued to a known city ("주블라디보스토크"): where a mission serves."""
    return bool(_KO_POSTED.fullmatch(word)) or (word[:1] == "주" and len(word) >= 3 and _ko_region(word[1:]))


# Two or more countries' one-syllable names written as one word: "한-러", "한·러", "한러", "남북러".
_KO_COUNTRY_PAIR = re.compile(r"[한북남러미중일조몽](?:[-·•・]?[한북남러미중일조몽]){1,3}")
_KO_PAIR_WORDS = 2  # description words between the pair and the head


def _ko_pair_opening(text: str, words: list[tuple[int, int]], nouns: list[tuple[int, int]], is_title: list[bool],
                     j: int, i: int) -> int | None:
    """Index of a country pair word opening a body's name whose head is words[i] ("한-러 비즈니스
    협의회", "한·러 경제 포럼"): a standing body of two countries, its other words plain nouns (no
    particle, no title). `j` is where the name found so far starts; None when no pair opens it."""
    k = j if _KO_COUNTRY_PAIR.fullmatch(text[words[j][0]:words[j][1]]) else j - 1
    while k >= 0 and j - k <= _KO_PAIR_WORDS + 1 and words[k][1] + 1 == words[k + 1][0] and not is_title[k]:
        if _KO_COUNTRY_PAIR.fullmatch(text[words[k][0]:words[k][1]]):
            return k if k < i and ko_starts_word(text, words[k][0]) else None
        if nouns[k][1] != words[k][1]:
            return None
        k -= 1
    return None


_KO_BUILDING = re.compile(r"(?:시|구|군|도)청$")  # "포항시청에서": the city hall as a venue
# A district in an address ("서울 종로구 경남대 극동문제연구소"): an organisation's name starts after it.
_KO_ADDRESS_UNIT = re.compile(r"[가-힣]{2,5}(?:구|군|읍|면)")
# Descriptions, not names: "단과대학", "사립대학", "러시아권 대학", "국립 연구소", "전문가포럼".
_KO_GENERIC_ORG = re.compile(
    r"(?:단과|사립|국립|공립|시립|도립|명문|지방|해외|외국|주요|종합|전문|일반|최상위권|상위권|[가-힣]{1,6}권)\s?"
    r"(?:대학교?|대학원|연구소|연구기관|기관|학교)"
    r"|(?:전문가|비즈니스|학술|투자|기업|청년|시민|국제|경제|문화|관광|교류|정책|통상|산업)\s?"
    r"(?:포럼|세미나|토론회|간담회|설명회)"  # programme items ("관광투자설명회, 경제포럼, 문화행사")
    r"|(?:대형|국내|외국계|글로벌)?\s?(?:회계법인|법무법인)")  # a kind of firm, no firm's name
# "방러시", "방문시": the time of a visit (noun + 시 "when"), not a city.
_KO_WHEN = re.compile(r"(?:방[한러미중일북독영불]|방문|도착|귀국|출국|체류|취임|재임|집권)시")
_KO_PLACE_SUFFIX = re.compile(r"[가-힣]{1,6}(?:시|도|군|구|주|관구|변강)$|[가-힣]{2,8}자치(?:주|구|현)$")  # "연변조선족자치주"


# A university's short name is its first part + 대 ("연세대", "한국외대", "제주대"). As a word it
# may be anything (and reads as a person: "제주대 홍길동 총장"), so it counts only where the text
# says it is a university: the full name elsewhere ("제주대학교"), a university role or "대학" right
# after it ("제주대 총장", "중앙대 등 국내 대학"), or a comma list with another such name
# ("서울대, 연세대, 중앙대").
_KO_UNI_ABBR = re.compile(r"[가-힣]{2,6}대")
_KO_UNI_AFTER = re.compile(r"(?:부?총장|명예교수|석좌교수|교수|학장|대학원장|대학원|학생|재학생|졸업생|유학생|연구팀|연구진|"
                           r"교수진|동문|캠퍼스|대학)")
_KO_UNI_WINDOW = 3  # eojeols after the name where the role or "대학" may stand


def ko_university_abbreviations(text: str, ejs: list, known: list[tuple[int, int]]) -> set[int]:
    """Indices of eojeols in `ejs` that are a university's short name; `known`: catalog
    organisations (a known "서울대" vouches for its neighbours in a list)."""
    def stem(k: int) -> str:
        return text[ejs[k].start:ejs[k].stem_end]

    cand = {k for k in range(len(ejs)) if _KO_UNI_ABBR.fullmatch(stem(k))}
    found = {k for k in cand if stem(k) + "학" in text or any(
        _KO_UNI_AFTER.match(text, ejs[x].start) for x in range(k + 1, min(len(ejs), k + 1 + _KO_UNI_WINDOW)))}
    found |= {k for k in range(len(ejs)) if text[ejs[k].stem_end - 1:ejs[k].stem_end] == "대"
              and (ejs[k].start, ejs[k].stem_end) in set(known)}
    grew = True
    while grew:  # a comma list: "서울대, 고려대, 연세대"
        grew = False
        for k in sorted(found):
            for x in (k - 1, k + 1):
                if x in cand and x not in found and 0 <= x < len(ejs):
                    a, b = (ejs[min(k, x)], ejs[max(k, x)])
                    if text[a.end:b.start] in (", ", ","):
                        found.add(x)
                        grew = True
    return found


_KO_GLUED_CREDIT = re.compile(r"(?:연합뉴스|뉴시스|뉴스1|노컷뉴스|공동취재단|사진공동취재단|사진제공)(?=[가-힣]{2,4}$)")


def _ko_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in ko_names.EOJEOL.finditer(text[start:end])]


def _noun_part(text: str, ws: int, we: int, tokens: dict) -> int:
    """End of the leading noun part of an eojeol (strip trailing particles)."""
    pos, last_noun = ws, ws
    while pos < we:
        toks = tokens.get(pos)
        if not toks:
            return last_noun if last_noun > ws else we
        form, tag, tend = toks[0]
        if tag.startswith(("NN", "SN", "SL", "SH", "XSN", "XPN")) or tag == "NR":
            last_noun = tend
        else:
            break
        pos = tend
    return min(last_noun, we) if last_noun > ws else we


def _ko_common_cheong(word: str, ws: int, ne: int, tokens: dict) -> bool:
    """A word ending in a two-syllable common noun in 청 ("구독신청" subscription request, "협조요청"):
    no agency, whose 청 closes a longer noun ("경찰청", "방위사업청") or stands alone."""
    if not word.endswith("청"):
        return False
    last = [t for p in range(ws, ne) for t in tokens.get(p, []) if t[2] == ne and t[1].startswith("NN")]
    return any(len(t[0]) == 2 for t in last)


# A region's or a city's own government and legislature are organisations ("연해주 정부", "사하공화국
# 의회", "모스크바시 의회"); a country's ("러시아 정부") is a description (corpus convention).
_KO_REGION_BODIES = frozenset({"정부", "의회", "행정부", "주정부", "시정부", "주의회", "시의회"})


# Posts only a person holds, never a territory ("경기도 지사", "연해주 주지사" are a region's).
_KO_PERSONAL_POSTS = frozenset({"차관", "장관", "교수", "기자", "회장", "부회장", "박사", "이사장", "총장", "사장",
                                "대변인", "특파원", "원장", "연구위원", "부총리", "총리", "대사", "총영사"})


def _ko_name_before_post(text: str, ejs: list, k: int) -> bool:
    """ejs[k] is a three-syllable word in a surname, with no particle, right before a personal
    post ("문재도 차관", "김영주 장관"): a person whose given name ends like a province (도) or a
    state (주), not a place, unless it is a known one."""
    e = ejs[k]
    word = text[e.start:e.stem_end]
    if len(word) != 3 or word[0] not in _KO_SURNAMES or e.stem_end != e.end or k + 1 >= len(ejs):
        return False
    nxt = ejs[k + 1]
    post = text[nxt.start:nxt.stem_end]
    return text[e.end:nxt.start] == " " and (post in _KO_PERSONAL_POSTS or _KO_OFFICE_HEAD.search(post) is not None) \
        and not _ko_region(word)


# A post heading an office of a body, glued to the office's name ("국제교류처장", "교무처장",
# "기획조정실장"): only a person holds it, as with the posts above.
_KO_OFFICE_HEAD = re.compile(r"[가-힣]{2,}(?:처장|실장|국장|팀장|과장|부장)$")


def _ko_region(word: str) -> bool:
    from pipeline.text.dateline import is_city

    return len(word) >= 2 and is_city(word)


_KO_LATIN_GLOSS = re.compile(r"\s?\(\s?([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\s?\)")  # (spaced inside on some sites)
# A foreign name of two words or more glossed in Latin letters after its Hangul ("사우스터미널(South Terminal)").
_KO_LATIN_NAME_GLOSS = re.compile(r"\s*\(\s?([A-Z][a-z]+(?: [A-Z][a-z.]+)+)\s?\)")
# Russian place names by their shape: adjectival endings ("Nadezhdinskaya", "Zapadnaya", "Artyomovsky",
# "Slavyanka" aside), town endings ("-sk", "-grad", "-ovo"), and the adjectives that open them ("Bolshoy Kamen").
_KO_PLACE_GLOSS = re.compile(
    r"(?:skaya|skiy|skii|sky|skoye|skoe|naya|nyy|ny|sk|grad|gorod|burg|ovo|evo|yovo|ino|pol)$"
    r"|^(?:Bolsh|Mal|Nov|Star|Nizhn|Verkhn|Yuzhn|Severn|Vostochn|Zapadn|Krasn)[a-z]*\s")
_KO_PLACE_NOUN_AFTER = re.compile(
    r"\s?(?:선도구역|선도개발구역|지구|구역|지역|마을|항구|항|섬|반도|만|강|호수|시|주|군|구)(?:[은는이가의에을를도와과]|에서|으로|로)?(?![가-힣])")
# A name right after the kind of body it is: "공기업 LH가", "러시아 뉴스매체 프리마미디어는", "발간기관 KOTRA",
# "미국 기업 테슬라는". The kind word is the whole eojeol (no particle: an apposition).
_KO_BODY_KIND = re.compile(r"[가-힣]{0,4}(?:기업|공기업|회사|업체|기관|단체|매체|언론사|통신사|방송사|신문사|일간지|"
                           r"은행|싱크탱크|연구기관|발간기관|발행기관)")


# A body named with its head in brackets: "동북아평화연대(이사장 김현동)", "고려인통일연합회(회장 박 …)".
# Only a body has a chairman, director or president written so; a person's bracket holds an age
# or a post without a name ("김현동(58) 이사장").
_KO_HEAD_IN_BRACKETS = re.compile(
    r"\((?:회장|이사장|대표|대표이사|원장|소장|관장|총장|위원장|단장|사무총장|센터장|상임대표|공동대표)\s"
    r"[가-힣]{1,4}(?:\s[가-힣]{2,8}){0,2}\)")


def _ko_proper_word(word: str, ws: int, ne: int, tokens: dict) -> bool:
    """The noun part is one proper noun (kiwi's NNP over all of it, two syllables or more) or a
    Latin acronym or name ("LH", "KOTRA", "Gazprom")."""
    if re.fullmatch(r"[A-Z][A-Za-z0-9&-]{1,15}", word):
        return True
    return len(word) >= 2 and bool(re.fullmatch(r"[가-힣]+", word)) \
        and any(t[1] == "NNP" and t[2] == ne for t in tokens.get(ws, []))


_KO_LIST_SEP = (", ", ",", "·", "ㆍ")
LIST_PLACES_MIN = 2


def ko_list_places(text: str, ejs: list, blocked: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Unknown items of a list of places: "블라디보스톡, 우수리스크, 아르쫌, 나호드카 등". In a run of
    single words joined by commas, where two or more items and at least half are known places, an
    item kiwi does not know (or reads as a proper noun) is a place too, transliterated its own way."""
    places = {(s, e) for s, e, t in blocked if t in ("GPE", "LOC")}
    taken = SpanIndex((s, e) for s, e, _ in blocked)
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(ejs):
        run = [k]
        while run[-1] + 1 < len(ejs) and ejs[run[-1]].stem_end == ejs[run[-1]].end \
                and text[ejs[run[-1]].end:ejs[run[-1] + 1].start] in _KO_LIST_SEP:
            run.append(run[-1] + 1)
        k = run[-1] + 1
        if len(run) < LIST_PLACES_MIN + 1:
            continue
        spans = [(ejs[x].start, ejs[x].stem_end) for x in run]
        known = sum(sp in places for sp in spans)
        if known < LIST_PLACES_MIN or known * 2 < len(spans):
            continue
        for s, e in spans:
            word = text[s:e]
            if (s, e) not in places and not taken.overlaps(s, e) and 2 <= len(word) <= 6 \
                    and _HANGUL_ONLY.fullmatch(word) and not _KO_ORG_SUFFIX.search(word) \
                    and not _KO_TITLE_RE.search(word) and ko_names.could_be_proper(word):
                out.append((s, e))
    return out


_HANGUL_ONLY = re.compile(r"[가-힣]+")

# A company written in Hangul transliteration with the kind of firm it is ("마그니트트레이딩",
# "한결시스템스", "누리상사"): the stem before the suffix must be a name (a proper noun or a word
# kiwi does not know), so "무역상사" (a trading firm) or "국내해운" stays a description.
_KO_COMPANY_SUFFIX = re.compile(
    r"(?P<stem>[가-힣]{2,})(?:트레이딩|시스템스|시스템즈|홀딩스|인터내셔널|코퍼레이션|테크놀로지스|솔루션스|"
    r"엔지니어링|인더스트리|로지스틱스|상사|물산|해운)$")
# "(주)해솔무역", "㈜해솔", "해솔무역(주)", "주식회사 누리": the legal form of a Korean company.
_KO_COMPANY_FORM_BEFORE = re.compile(r"(?:\(주\)|㈜)$")
_KO_COMPANY_FORM_AFTER = re.compile(r"(?:\(주\)|㈜)")
# "석유회사인 로스네프트", "유통업체인 마그니트": the kind of firm and the copula 인 ("which is"),
# then its name. Not "기업인" (also "a businessman": "한국 기업인 홍길동").
_KO_KIND_COPULA = re.compile(r"[가-힣]*(?:회사|업체|제조사|유통사|운영사|선사|은행|기관|단체|매체|법인)인")
# A Latin gloss whose last word is a body's or a facility's head: "사우스터미널(South Terminal)" names
# a company, not a person.
_LATIN_BODY_HEAD = re.compile(
    r"(?:Terminal|Port|Group|Company|Corporation|Corp|Bank|Systems|Trading|Holdings|Shipping|Logistics|Airlines"
    r"|Center|Centre|Union|Agency|Association|Institute|University|Fund|Foundation|Council|Committee|Plant"
    r"|Industries|Marine|Motors|Energy|Oil|Gas)\.?$")
# Stems that open the name of a North Korean or international committee written in spaced words
# ("국제 무역 촉진위원회", "대외경제 협력위원회").
_KO_COMMITTEE_STEMS = frozenset({"국제", "무역", "대외", "대외경제", "대외무역"})
# A known place and a bound suffix in one word: "라선항", "포항신항", "연해주지역" (a port, a new
# port, an area of the place).
_KO_PLACE_BOUND = re.compile(r"(?P<stem>[가-힣]{2,8}?)(?:신항|항구|항|지역)")


# A body named by a compound noun, then its own chief's post in the next word: "기획재정부 장관",
# "국가안보실 2차장", "법제처 처장". The post says what kind of body the word before it is; each
# head syllable takes only its own posts (a ministry's minister, an office's chief).
_KO_HEAD_POSTS = {"부": re.compile(r"(?:제?\d)?(?:장관|차관)|대변인"), "실": re.compile(r"실장|\d?차장"),
                  "처": re.compile(r"처장|\d?차장"), "청": re.compile(r"청장|\d?차장"),
                  "회": re.compile(r"(?:수석|상임|명예)?(?:부)?회장")}  # an association's president: "한인회 회장"
# Last nouns in 부 that make no ministry of a compound ("사업본부", "당 지도부"; "기획재정부" ends in
# 재정부, not in 정부, to kiwi). ("일부", "내부" are one noun: no compound.)
_KO_NOT_BODY = frozenset({"본부", "간부", "정부", "지도부", "수뇌부", "사령부", "집행부", "행정부", "주정부"})


def _ko_body_before_post(text: str, words: list[tuple[int, int]], nouns: list[tuple[int, int]], i: int,
                         tokens: dict) -> bool:
    """nouns[i] is a whole eojeol of two or more nouns ending in a body's head syllable (부, 실, 처, 청),
    and the next eojeol opens with that kind of body's chief: a ministry or an office named before
    its minister or chief. A lone noun ("일부 장관들", "내부") or a place's government is not one."""
    ws, ne = nouns[i]
    word = text[ws:ne]
    posts = _KO_HEAD_POSTS.get(word[-1:])
    if posts is None or ne != words[i][1] or len(word) < 3 or i + 1 >= len(words) \
            or words[i + 1][0] != ne + 1 or not _HANGUL_ONLY.fullmatch(word) or not posts.match(text, words[i + 1][0]):
        return False
    own = [t for p in range(ws, ne) for t in tokens.get(p, []) if t[2] <= ne]
    return len(own) >= 2 and all(t[1] in ("NNG", "NNP") for t in own) and own[-1][2] == ne \
        and own[-1][0] not in _KO_NOT_BODY


# A university named by its place and its kind only: "모스크바 국립대", "옴스크 국립대학" (the place is
# the name; "국립대" alone is a description).
_KO_UNI_KIND = re.compile(r"(?:국립|주립|연방|공립|시립|국립연구|종합|공과|의과|사범|외국어)(?:대학교|대학|대)")


def _ko_place_before_kind(text: str, ejs: list, k: int, blocked: list[tuple[int, int, str]]) -> int | None:
    """Start of the place eojeol right before ejs[k] when ejs[k] is a bare kind of university and
    the word before it is a known place, written whole (no particle)."""
    if k == 0 or not _KO_UNI_KIND.fullmatch(text[ejs[k].start:ejs[k].stem_end]) or ejs[k - 1].end + 1 != ejs[k].start:
        return None
    prev = ejs[k - 1]
    return prev.start if any(bs == prev.start and be == prev.end and bt in ("GPE", "LOC") for bs, be, bt in blocked) \
        else None


def _ko_legal_form(text: str, start: int, end: int) -> bool:
    """text[start:end] is written with a company's legal form right before or after it ("(주)해솔", "해솔㈜")."""
    return bool(_KO_COMPANY_FORM_BEFORE.search(text, max(0, start - 3), start) or _KO_COMPANY_FORM_AFTER.match(text, end))


def _ko_company(text: str, words: list[tuple[int, int]], nouns: list[tuple[int, int]], i: int, tokens: dict) -> bool:
    """nouns[i] names a company by its legal form, a copula apposition or a firm's suffix."""
    ws, ne = nouns[i]
    word = text[ws:ne]
    if len(word) < 2:
        return False
    if _ko_legal_form(text, ws, ne):
        return True
    if i > 0 and text[words[i - 1][0]:words[i - 1][1]] == "주식회사" and words[i - 1][1] + 1 == ws:
        return True
    if i + 1 < len(words) and text[words[i + 1][0]:words[i + 1][1]].startswith("주식회사") and ne == words[i][1] \
            and words[i][1] + 1 == words[i + 1][0]:
        return True
    proper = _ko_proper_word(word, ws, ne, tokens) or (_HANGUL_ONLY.fullmatch(word) and ko_names.could_be_proper(word))
    if i > 0 and words[i - 1][1] + 1 == ws and _KO_KIND_COPULA.fullmatch(text[words[i - 1][0]:words[i - 1][1]]) \
            and len(word) >= 3 and proper:
        return True
    m = _KO_COMPANY_SUFFIX.fullmatch(word)
    if m:
        stem = m.group("stem")
        return _HANGUL_ONLY.fullmatch(stem) is not None and (
            any(t[1] == "NNP" for t in tokens.get(ws, [])) or ko_names.could_be_proper(stem))
    return False


def _ko_name_shaped_post(text: str, words: list[tuple[int, int]], nouns: list[tuple[int, int]],
                         is_title: list[bool], i: int) -> bool:
    """A three-syllable word in a surname whose rest is a post ("윤주석": 윤 + 주석, "김이사") is a
    name when a role follows it: at most two bare words, then a post ("윤주석 외교부 국장과"). A post
    is never followed by another person's role that way."""
    ws, ne = nouns[i]
    word = text[ws:ne]
    if len(word) != 3 or ne != words[i][1] or word[0] not in _KO_SURNAMES or word in _KO_POST_SET \
            or word[1:] not in _KO_POST_SET:
        return False
    for k in range(i + 1, min(i + 4, len(words))):
        if text[words[k - 1][1]:words[k][0]] != " ":
            return False
        if is_title[k]:
            return True
        if nouns[k][1] != words[k][1]:
            return False  # a particle ends the phrase before any post
    return False


# A ministry named by its portfolio alone; after a foreign country's name it is that country's
# ("카자흐스탄 외무부", "몽골 국방부"), not Korea's (the catalog's bare "국방부").
_KO_BARE_MINISTRY = re.compile(r"(?:외무|외교|국방|재무|법무|내무|교육|문화|보건|통상|경제|산업|에너지|농업|교통|노동|환경)(?:부|성)")
_KO_HOME_NAMES = frozenset({"한국", "대한민국", "남한"})


def _ko_foreign_ministries(text: str, words: list[tuple[int, int]], nouns: list[tuple[int, int]],
                           places: set[tuple[int, int, str]]) -> list[Cand]:
    """"<country> <ministry>" as one organisation when the country is a catalog place other than Korea."""
    out = []
    for i in range(1, len(words)):
        ws, ne = nouns[i]
        ps, pe = words[i - 1]
        if _KO_BARE_MINISTRY.fullmatch(text[ws:ne]) and text[pe:ws] == " " and (ps, pe, "GPE") in places \
                and text[ps:pe] not in _KO_HOME_NAMES:
            out.append(Cand(ps, ne, "ORG", "pattern", 0.6))
    return out


def _apart(spans: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that overlap none of `taken` (an earlier, surer reading of the same words)."""
    index = SpanIndex(taken)
    return [p for p in spans if not index.overlaps(*p)]


def korean_candidates(text: str, start: int, end: int, tokens: dict,
                      blocked: list[tuple[int, int, str]] = ()) -> list[Cand]:
    """PERSON/ORG/GPE/TITLE candidates from kiwi's analysis; `blocked` holds catalog hits."""
    words = _ko_words(text, start, end)
    out: list[Cand] = []
    nouns = [(ws, _noun_part(text, ws, we, tokens)) for ws, we in words]
    is_title = [ko_title_word(text[ws:ne]) for ws, ne in nouns]
    is_title = [t and not _ko_name_shaped_post(text, words, nouns, is_title, i) for i, t in enumerate(is_title)]
    ejs = ko_names.eojeols(text, start, end, tokens)
    blocked_persons = SpanIndex((bs, be) for bs, be, bt in blocked if bt == "PERSON")  # O(log n) tests
    not_name = [bool(_KO_ORG_SUFFIX.search(text[e.start:e.stem_end]) or _KO_MINISTRY.search(text[e.start:e.stem_end]))
                or (e.stem_end - e.start >= 3 and bool(_KO_PLACE_SUFFIX.fullmatch(text[e.start:e.stem_end]))
                    and not _ko_name_before_post(text, ejs, k))
                for k, e in enumerate(ejs)]
    blocked_orgs = [(bs, be) for bs, be, bt in blocked if bt == "ORG"]
    blocked_places = {(bs, be, "GPE") for bs, be, bt in blocked if bt in ("GPE", "LOC")}
    # A body named before its chief's post is no person's name ("연해주 한인회 회장").
    before_post = {nouns[i][0] for i in range(len(nouns)) if _ko_body_before_post(text, words, nouns, i, tokens)}
    not_name = [n or e.start in before_post for n, e in zip(not_name, ejs, strict=True)]
    universities = ko_university_abbreviations(text, ejs, blocked_orgs)
    for k in universities:
        not_name[k] = True
        if not any(bs < ejs[k].stem_end and ejs[k].start < be for bs, be, _ in blocked):
            start = _ko_place_before_kind(text, ejs, k, blocked)
            out.append(Cand(ejs[k].start if start is None else start, ejs[k].stem_end, "ORG", "pattern", 0.6))
    catalog = [(s, e) for s, e, _ in blocked]
    persons = ko_names.role_persons(text, ejs, is_title, catalog, not_name, _KO_SURNAMES, _KO_ORG_SUFFIX)
    # "이사장 이근", "부총리 드미트리 스베슈니코프는": a title, then the name.
    persons += _apart(ko_names.title_persons(text, ejs, is_title, catalog, not_name, _KO_SURNAMES), persons)
    # "김철수(金哲洙) 교수": a Korean name glossed in Hanja.
    persons += _apart(ko_names.hanja_glossed_persons(text, ejs, catalog, _KO_SURNAMES), persons)
    # "홍길동 씨는": a Korean name before the honorific.
    persons += _apart(ko_names.honorific_persons(text, ejs, catalog, not_name, _KO_SURNAMES), persons)
    # "블라디미르 티토프 러시아 외교부 제1차관": a Russian given name + an unknown surname, whatever follows.
    russian = ko_names.russian_given_name_persons(text, ejs, is_title, not_name)
    persons = _apart(persons, russian) + russian
    koryo = ko_names.koryo_persons(text, ejs, is_title, _KO_SURNAMES)  # "김 니꼴라이 빼뜨로비치"
    koryo += _apart(ko_names.glued_post_persons(text, ejs, tokens, catalog, _KO_SURNAMES), koryo)  # "김선명원장은"
    persons = _apart(persons, koryo) + koryo
    # A photo caption's credit glued by the crawl to the lead's first word ("… 차관. 연합뉴스홍길동
    # 본부장은"): the name starts after the agency.
    persons = [(m.end(), e) if (m := _KO_GLUED_CREDIT.match(text, s, e)) else (s, e) for s, e in persons]
    # "러시아 진출 한국기업 대표": a kind of body before a post ("한국기업", "현지업체") is no name.
    persons = [(s, e) for s, e in persons if not _KO_BODY_KIND.fullmatch(text[s:e])]
    # "(주)한빛 대표 홍길동": a word written with a company's legal form is the company, not a person.
    persons = [(s, e) for s, e in persons
               if not _ko_legal_form(text, s, e)]
    out += [Cand(s, e, "PERSON", "pattern", 0.7) for s, e in persons]
    taken = {s for s, _ in persons}
    in_person = SpanIndex(persons)  # an organisation's name never runs over a person's
    for i, (ws, ne) in enumerate(nouns):
        word = text[ws:ne]
        if ws in taken:
            continue
        if not is_title[i] and not in_person.overlaps(ws, ne) and _ko_company(text, words, nouns, i, tokens):
            out.append(Cand(ws, ne, "ORG", "pattern", 0.6))  # "유통업체인 마그니트트레이딩", "(주)해솔무역"
            continue
        bound = _KO_PLACE_BOUND.fullmatch(word)
        if bound and ko_starts_word(text, ws) and _ko_region(bound.group("stem")):
            out.append(Cand(ws, ne, "GPE", "pattern", 0.6))  # "라선항", "포항신항", "연해주지역"
            continue
        if i > 0 and words[i - 1][1] + 1 == ws and _KO_BODY_KIND.fullmatch(text[words[i - 1][0]:words[i - 1][1]]) \
                and not is_title[i] and not in_person.overlaps(ws, ne) and _ko_proper_word(word, ws, ne, tokens):
            out.append(Cand(ws, ne, "ORG", "pattern", 0.6))  # "공기업 LH가", "뉴스매체 프리마미디어는"
            continue
        if re.fullmatch(r"[가-힣]*[A-Za-z]+[가-힣A-Za-z]*", word) and _KO_ORG_SUFFIX.search(word) \
                and re.search("[가-힣]", word):
            out.append(Cand(ws, ne, "ORG", "pattern", 0.6))  # "한국APEC학회"
            continue
        if not re.fullmatch(r"[가-힣]+", word):
            continue
        nnp = any(t[1] == "NNP" for t in tokens.get(ws, []))
        # A foreign place transliterated, then glossed in Latin letters: "나데진스카야(Nadezhdinskaya)
        # 선도구역", "볼쇼이 카멘(Bolshoy Kamen)의": a place when the gloss is shaped like one or a place
        # noun follows, and no person's title does.
        gloss = _KO_LATIN_GLOSS.match(text, ne) if len(word) >= 2 else None
        after = next((k for k in range(i + 1, len(words)) if words[k][0] >= gloss.end()), None) if gloss else None
        if gloss and not (after is not None and is_title[after]) \
                and (_KO_PLACE_GLOSS.search(gloss.group(1)) or _KO_PLACE_NOUN_AFTER.match(text, gloss.end())):
            parts, j = len(gloss.group(1).replace("-", " ").split()), i
            while j > 0 and i - j + 1 < parts and words[j - 1][1] + 1 == words[j][0] \
                    and nouns[j - 1][1] == words[j - 1][1] and not is_title[j - 1]:
                j -= 1  # as many Korean words as the gloss has ("볼쇼이 카멘" for "Bolshoy Kamen")
            out.append(Cand(nouns[j][0], ne, "GPE", "pattern", 0.6))
            continue
        # Foreign names: NNP run followed by "(Latin Name)".
        gl = _KO_LATIN_NAME_GLOSS.match(text[ne : ne + 60]) if nnp else None
        if gl and _LATIN_BODY_HEAD.search(gl.group(1)):
            out.append(Cand(ws, ne, "ORG", "pattern", 0.7))  # "사우스터미널(South Terminal)": a company
            continue
        if gl:
            j = i
            while j > 0 and words[j - 1][1] + 1 == words[j][0] and nouns[j - 1][1] == words[j - 1][1] \
                    and any(t[1] == "NNP" for t in tokens.get(words[j - 1][0], [])) and not is_title[j - 1]:
                j -= 1
            out.append(Cand(nouns[j][0], ne, "PERSON", "pattern", 0.75))
            continue
        if word in _KO_REGION_BODIES and i > 0 and words[i - 1][1] + 1 == ws and nouns[i - 1][1] == words[i - 1][1] \
                and _ko_region(text[words[i - 1][0]:words[i - 1][1]]):
            out.append(Cand(words[i - 1][0], ne, "ORG", "pattern", 0.6))  # "연해주 정부", "사하공화국 의회"
            continue
        own_nouns = [t for p in range(ws, ne) for t in tokens.get(p, []) if t[2] <= ne and t[1].startswith("NN")]
        if len(word) >= 3 and _KO_HEAD_IN_BRACKETS.match(text, ne) and not is_title[i] \
                and not in_person.overlaps(ws, ne) and not _ko_region(word) and ko_starts_word(text, ws) \
                and not _KO_ORG_SUFFIX.search(word) \
                and (len(own_nouns) >= 2 or any(t[1] == "NNP" for t in own_nouns)):  # not "대표단(단장 …)"
            out.append(Cand(ws, ne, "ORG", "pattern", 0.6))  # "동북아평화연대(이사장 김현동)"
            continue
        if _ko_body_before_post(text, words, nouns, i, tokens) and not in_person.overlaps(ws, ne):
            # "기획재정부 장관", "국가안보실 2차장"; the place it belongs to opens its name ("연해주 한인회 회장")
            place = i > 0 and words[i - 1][1] + 1 == ws and not in_person.overlaps(*words[i - 1]) \
                and (words[i - 1][0], words[i - 1][1], "GPE") in blocked_places
            out.append(Cand(words[i - 1][0] if place else ws, ne, "ORG", "pattern", 0.6))
            continue
        post = _KO_ORG_POST.fullmatch(word)
        if post and is_title[i] and not _KO_BUILDING.search(post.group("org")):
            oe = ws + post.end("org")
            own = [t for p in range(ws, oe) for t in tokens.get(p, []) if t[2] <= ne and t[1].startswith("NN")]
            if any(t[1] in ("NNP", "SL") for t in own) or (len(own) >= 2 and oe - ws >= 4):
                out.append(Cand(ws, oe, "ORG", "pattern", 0.6))
            continue
        if is_title[i] and _KO_RESEARCH_RANK.fullmatch(word):
            continue  # "김현수 수석연구원": a researcher's post, not an institute
        if (_KO_ORG_SUFFIX.search(word) or _KO_MINISTRY.search(word)) and not _KO_BUILDING.search(word) \
                and not _ko_common_cheong(word, ws, ne, tokens):
            # "국회 정보위원회": the legislature that owns a committee is part of its name
            if word.endswith("위원회") and i > 0 and words[i - 1][1] + 1 == ws \
                    and _KO_LEGISLATURE.fullmatch(text[words[i - 1][0]:words[i - 1][1]]) \
                    and ko_starts_word(text, words[i - 1][0]):
                out.append(Cand(words[i - 1][0], ne, "ORG", "pattern", 0.6))
                continue
            j = i  # extend left over noun-only words ("한러수교 30주년 준비위원회")
            while j > 0 and i - j < 3 and words[j - 1][1] + 1 == words[j][0] and not in_person.overlaps(*words[j - 1]) \
                    and not blocked_persons.overlaps(words[j - 1][0], words[j - 1][1]) \
                    and not (j - 1 < len(ejs) and "NNB" in ejs[j - 1].tags and ejs[j - 1].tags[0] != "SN") \
                    and not (j - 1 < len(ejs) and _KO_NOT_NOUN_TAGS.intersection(ejs[j - 1].tags)
                             and text[words[j - 1][0]:words[j - 1][1]] not in _KO_CONJUNCTIONS) \
                    and not (j - 1 < len(ejs) and (ejs[j - 1].tags == ("NNG",) or "NP" in ejs[j - 1].tags)
                             and not (word.endswith("위원회")
                                      and text[words[j - 1][0]:words[j - 1][1]] in _KO_COMMITTEE_STEMS)) \
                    and not (text[words[j][0]:words[j][1]] in _KO_COMMITTEE_STEMS
                             and text[words[j - 1][0]:words[j - 1][1]] not in _KO_COMMITTEE_STEMS) \
                    and not _ko_second_body(text, words, nouns, j - 1) \
                    and text[words[j - 1][1]] == " " and ko_starts_word(text, words[j - 1][0]) \
                    and (words[j - 1][0] == 0 or text[words[j - 1][0] - 1] in " (<“‘\"'") \
                    and not _KO_NOT_IN_NAME.fullmatch(text[words[j - 1][0]:words[j - 1][1]]) \
                    and (nouns[j - 1][1] == words[j - 1][1] or _KO_PAIR_WORD.fullmatch(text[words[j - 1][0]:words[j - 1][1]])) \
                    and not is_title[j - 1] \
                    and not _KO_ADDRESS_UNIT.fullmatch(text[words[j - 1][0]:words[j - 1][1]]):
                j -= 1
            # A mission is named with where it serves: "주러 한국대사관", "주한 러시아 대사관".
            if _KO_MISSION.search(word) and j > 0 and words[j - 1][1] + 1 == words[j][0] \
                    and _ko_posted(text[words[j - 1][0]:words[j - 1][1]]):
                j -= 1  # ("주블라디보스토크 대한민국 총영사관": 주 glued to the city it serves in)
            pair = _ko_pair_opening(text, words, nouns, is_title, j, i)
            if pair is not None:
                out.append(Cand(words[pair][0], ne, "ORG", "pattern", 0.6))  # "한-러 비즈니스 협의회"
                continue
            span_tokens = [t for p in range(nouns[j][0], ne) for t in tokens.get(p, [])]
            own = [t for p in range(ws, ne) for t in tokens.get(p, []) if t[2] <= ne and t[1].startswith("NN")]
            # A proper noun inside, or a compound of nouns written as one word ("해양수산개발원").
            if ne - nouns[j][0] < 3 or _KO_GENERIC_ORG.fullmatch(text[nouns[j][0]:ne]):
                continue  # a bare "포럼" is not a name
            if _KO_WEAK_ORG_SUFFIX.search(word):
                if any(t[1] in ("NNP", "SL") for t in span_tokens) and _KO_WEAK_ORG_NAME.fullmatch(text[nouns[j][0]:ne]):
                    out.append(Cand(nouns[j][0], ne, "ORG", "pattern", 0.6))
                continue
            if any(t[1] in ("NNP", "SL") for t in span_tokens) or (len(own) >= 2 and len(word) >= 4) \
                    or _KO_POSTED.match(text, nouns[j][0]) and _KO_MISSION.search(word):  # "주블라디보스톡총영사관"
                out.append(Cand(nouns[j][0], ne, "ORG", "pattern", 0.6))
            continue
        if _KO_PLACE_SUFFIX.fullmatch(word) and not _KO_WHEN.fullmatch(word) and ko_starts_word(text, ws) and ko_tail_ok(text, ne, tokens) \
                and not (i < len(ejs) and ejs[i].start == ws and _ko_name_before_post(text, ejs, i)) \
                and (nnp and len(tokens.get(ws, [])) and tokens[ws][0][2] == ne
                     or len(word) >= 4 and ko_names.could_be_proper(word)  # "극동연방관구": unknown to kiwi
                     or nnp and re.search("자치[주구현]$", word)):  # "연변조선족자치주": a proper name + "autonomous prefecture"
            out.append(Cand(ws, ne, "GPE", "pattern", 0.55))
    out += _ko_foreign_ministries(text, words, nouns, blocked_places)
    listed = [c for c in ko_list_places(text, ejs, blocked) if not in_person.overlaps(*c)]
    out = [c for c in out if (c.start, c.end) not in set(listed)] + [Cand(s, e, "GPE", "pattern", 0.55) for s, e in listed]
    person_end = dict(persons)  # a post glued to its name starts after it ("김선명원장")
    for i, (ws, ne) in enumerate(nouns):
        if is_title[i]:
            start = person_end.get(ws, ws)
            out.append(Cand(start if start < ne else ws, ne, "TITLE", "pattern", 0.6))
    return out


_LATIN_BEFORE_KO_TITLE = re.compile(
    r"(?<![\w.-])([A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}) (?=(?:" + "|".join(sorted(KO_TITLE_SUFFIXES, key=len, reverse=True))
    + r")(?:[은는이가을를의과와도께]|에게|\s|[,.]|$))")


def latin_persons_before_korean_titles(text: str) -> list[Cand]:
    """A foreign name left in Latin letters in Korean text, with its Korean title after it
    ("모스크바고등경제대학의 Yaroslav Kuzminov 총장은"): a person when shaped like one (a known given
    name or Korean surname first, or a Slavic surname last)."""
    out = []
    for m in _LATIN_BEFORE_KO_TITLE.finditer(text):
        tokens = m.group(1).replace("-", " ").split()
        if any(t in _NOT_NAME for t in tokens):
            continue
        if tokens[0] in _GIVEN_NAMES or tokens[0] in _KOREAN_SURNAMES or _RU_SURNAME_SUFFIX.search(tokens[-1]):
            out.append(Cand(m.start(1), m.end(1), "PERSON", "pattern", 0.7))
    return out


def korean_word_end(text: str, pos: int) -> int:
    return eojeol_end(text, pos)


def warm_up() -> None:
    natasha_ner()
    kiwi()
    spacy_en()
