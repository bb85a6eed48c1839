"""Entity mentions, dates and topics for one cleaned document (pure core, no Dagster).

Order of evidence: catalog (gazetteer) first, then statistical NER (natasha, Russian) and
patterns (Korean/English names, titles); overlaps go to the longer, better-sourced span.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from pipeline.text.nlp import KiwiToken
from pipeline.text.overlap import SpanIndex, select_non_overlapping
from pipeline.text.page_patterns import PLACE_COMPOUND_WORDS
from pipeline.text.tagging import en_ner, filters, gazetteer, ner, places
from pipeline.text.tagging import persons as people
from pipeline.text.tagging.catalog import Catalog, CatalogEntry, load_catalog
from pipeline.text.tagging.dates import find_dates
from pipeline.text.tagging.ids import unlinked_id
from pipeline.text.tagging.romanize import romanize
from pipeline.text.tagging.topics import score_topics
from pipeline.text.types import CONTENT_KINDS, Block, Mention, SentenceSpan, TopicScore

__all__ = ["Catalog", "CatalogEntry", "DocumentInput", "load_catalog", "tag_document", "tag_documents", "warm_up"]

_NAMED = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT")
_CYR = re.compile(r"[А-Яа-яЁё]")
_HAN = re.compile(r"[가-힣]")
_LAT = re.compile(r"[A-Za-z]")
_ADJECTIVE = re.compile(r"^[А-ЯЁа-яё-]+(?:ский|ской|ская|ское|ских|ского|скую|ный|ной|ная|ное)$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:|>•\n]\s*)$")
_METHOD_RANK = {"gazetteer": 0, "pattern": 1, "ner": 2}
_NON_SPACE = re.compile(r"\S")
_WRAP_BREAK = re.compile(r"(?<=[^\s.!?:;])[ \t]*\n(?=[ \t]*[^\s•\-–—*])")  # one line break inside a sentence


def warm_up() -> None:
    """Load catalog, automata and models once (bench/UI call this before timing)."""
    load_catalog()
    gazetteer.morph()
    gazetteer._latin_automaton()
    gazetteer._ru_trie()
    gazetteer._ko_automaton()
    places.warm_up()
    ner.warm_up()
    from pipeline.text.tagging.topics import lexicons

    lexicons()
    tag_document("Путин. 푸틴. Putin, 13 февраля 2007.", "ru", [Block("body", 0, 34)], [], None)


@dataclass
class _M:
    start: int
    end: int
    etype: str
    entity_id: str | None
    name_en: str
    method: str
    confidence: float
    date: dt.date | None = None
    title_of: _M | None = None
    holds_names: bool = False  # a model's organisation name holding catalog names: competes on length


def _from_entry(start: int, end: int, entry: CatalogEntry, conf: float = 0.95) -> _M:
    return _M(start, end, entry.entity_type, entry.entity_id, entry.name_en, "gazetteer", conf)


def _link(surface: str, normal: str | None) -> CatalogEntry | None:
    """Exact catalog lookup of an NER/pattern span (Russian via lemmas; inverted Latin order too)."""
    for text in dict.fromkeys(x for x in (normal, surface) if x):
        if _CYR.search(text):
            hits = gazetteer.find_russian(text)
        elif _HAN.search(text):
            hits = gazetteer.find_korean(text)
        else:
            hits = gazetteer.find_latin(text) or gazetteer.find_latin(" ".join(reversed(text.split())))
            if hits and hits[0].end - hits[0].start == len(text):
                return hits[0].entry
            acronym = _acronym_as_word(text)
            if acronym is not None:
                return acronym
            continue
        if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(text):
            return hits[0].entry
    return None


_TITLE_CASE_WORD = re.compile(r"[A-Z][a-z]{3,7}")


def _acronym_as_word(text: str) -> CatalogEntry | None:
    """A body's acronym written as a word ("Kogas", "Kotra" for KOGAS, KOTRA): the catalog
    organisation whose alias is that acronym in capitals (a found span only, never a search)."""
    if not _TITLE_CASE_WORD.fullmatch(text):
        return None
    hits = gazetteer.find_latin(text.upper())
    if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(text) and hits[0].entry.entity_type == "ORG":
        return hits[0].entry
    return None


def _select(cands: list[_M]) -> list[_M]:
    """Greedy: catalog hits, then longer spans; no overlap between named mentions."""
    # Statistical NER only fills gaps; catalog and pattern spans compete on length.
    # A model's organisation name that holds catalog names ("Институт Дальнего Востока РАН",
    # "Международного центра … Сеульского национального университета") competes on length too.
    def key(m: _M) -> tuple[int, int, int, int]:
        return (m.method == "ner" and not m.holds_names, -(m.end - m.start), _METHOD_RANK[m.method], m.start)

    return select_non_overlapping(sorted(cands, key=key), lambda m: m.start, lambda m: m.end)


# A post held by a person, as English writes it before the name ("the Minister of Transport,
# Vladimir ..."), and a diplomatic mission, which acts and speaks like the organisation it is.
_PERSON_TITLE = re.compile(
    r"^(?:(?:Deputy|Vice|First|Acting|Prime|Foreign|Defen[cs]e)[\s-])*"
    r"(?:Minister|Ambassador|Governor|Vice-Governor|Mayor|President|Chairman|Chairwoman|Secretary|Director|Consul)"
    r"\s(?:of|for)\s"
)
_MISSION = re.compile(r"\b(?:Embassy|Consulate|Consulate General|Consulate-General)$")
# A policy is no body: "New Northern Policy", "Belt and Road Initiative" (the model types them as
# organisations); a body named after its matter keeps its head ("Institute for … Economic Policy").
_POLICY_NAME = re.compile(r"\b(?:Policy|Initiative|Strategy|Doctrine)$")
_BODY_WORD = re.compile(r"\b(?:Institute|Council|Committee|Commission|Cent(?:er|re)|Forum|Network|Agency|Ministry"
                        r"|Foundation|Association|Society|Office|Bureau|Department|University|Academy|Group)\b")
# A body's head word ending a name the model typed as a place ("Far Eastern State University").
_BODY_HEAD = re.compile(r"\b(?:University|Institute|Academy|Agency|Ministry|Committee|Commission|Council|Foundation"
                        r"|Association|Society|Corporation|Company|Bank)$")
# A place glued to a currency sign or to a lower-case word by a hyphen names a currency or
# describes ("US$", "HK$", "the US-led coalition", "Seoul-based"): not a mention of the place.
_RU_STREET = re.compile(r"(?<![а-яё])(?:проспект|улиц|переул|шоссе|бульвар|набережн)[а-яё]*")
_PLACE_COMPOUND = re.compile(rf"\$|-(?:{'|'.join(PLACE_COMPOUND_WORDS)})\b"
                             # a street named with an adjective: "на Ленинском проспекте" is no town Ленинск
                             rf"|[ \t]+{_RU_STREET.pattern}")
# A body named by its matter ("Center for Korean Studies", "Institute of Oriental Studies"): the model's
# place or facility with a body's head word and its complement is that body.
_BODY_OF = re.compile(r"\b(?:Cent(?:er|re)|Institute|Academy|School|College|Faculty|Department|Agency|Ministry|Committee"
                      r"|Commission|Council|Foundation|Association|Society|Office|Bureau|Fund|Union) (?:of|for|on)\b")
# A one-word name after "the town of" is a place ("near the town of Yongin"), a name after a hotel
# word a facility ("в отеле Sheraton Grand Walkerhill", "at the hotel Lotte").
_PLACE_OF = re.compile(r"\b(?:town|city|village|port|province|county|district|island)\s+of\s+$")
_HOTEL_BEFORE = re.compile(r"(?:\b[Оо]тел[еьяюи]\w*|\b[Гг]остиниц\w*|\b[Hh]otel|호텔)\s*[«\"“]?$")
# A one-word name before a station or a crossing is the place it is named after ("Khasan train station").
_STATION_AFTER = re.compile(r"[ \t]+(?:(?:train|railway|railroad|rail|border)[ \t]+)?(?:station|crossing|checkpoint)\b")


def _block_mentions(text: str, bs: int, be: int, language: str, en_doc: object | None,
                    natasha_found: dict[str, list[ner.Cand]], korean_tokens: Sequence[KiwiToken] | None = None,
                    ) -> tuple[list[_M], list[ner.Cand]]:
    chunk = text[bs:be]
    cands: list[_M] = []
    titles: list[ner.Cand] = []
    hits = gazetteer.find_latin(chunk) if _LAT.search(chunk) else []
    if _CYR.search(chunk):
        hits += gazetteer.find_russian(chunk)
    ko_tokens = None
    if _HAN.search(chunk):
        ko_tokens = gazetteer.ko_token_index(chunk, korean_tokens)
        # A one-word place that kiwi reads as a common noun where it stands ("개성 있는") is none.
        # ("한·러" abbreviations are not place mentions either: corpus convention.)
        hits += [h for h in gazetteer.find_korean(chunk, ko_tokens)
                 if not (h.entry.entity_type == "GPE" and h.end - h.start <= 2
                         and all(t[1] == "NNG" for t in ko_tokens.get(h.start, [("", "NNG", 0)])))]
    # GeoNames cities the catalog lacks (the catalog's own hits win any overlap).
    taken = SpanIndex((o.start, o.end) for o in hits)
    hits += [h for h in places.find_places(chunk, ko_tokens) if not taken.overlaps(h.start, h.end)]
    # An agency or photographer in a credit is not a mention; a name glued to digits is part of
    # another name or a handle ("ИА Приморье24"), not the place.
    credits = SpanIndex(filters.credit_spans(chunk, 0, len(chunk)))
    hits = [h for h in hits if not credits.holds(h.start, h.end) and not chunk[h.end : h.end + 1].isdigit()
            and not (h.entry.entity_type in ("GPE", "LOC") and _PLACE_COMPOUND.match(chunk, h.end))]
    taken = SpanIndex((o.start, o.end) for o in hits)
    hits = [gazetteer.with_state_form(chunk, _with_initials(chunk, h, taken)) for h in hits]
    # A catalog surname after a given name: the full name, or someone else's surname (persons.py).
    hits = [g for g in (people.with_given_name(chunk, people.with_initials_after(chunk, h)) for h in hits) if g is not None
            and not (g.entry.entity_type == "PERSON" and people.named_after(chunk, g.end))]  # "Kim Il Sung Square"
    initials = ner.initials_persons(chunk)
    if _CYR.search(chunk):
        initials += [ner.Cand(s, e, "PERSON", "pattern", 0.75) for s, e in people.initials_names(chunk)]
    initial_spans = [(c.start, c.end) for c in initials]
    hits = [h for h in hits if not people.surname_not_place(chunk, h, initial_spans)]  # "Алла Иванова"
    hit_index = SpanIndex((h.start, h.end) for h in hits)
    cands += [_from_entry(bs + h.start, bs + h.end, h.entry) for h in hits]
    # The place a catalog body's name belongs to ("Минпромторг России"): the body outranks it in
    # selection, and `_nested_places` mentions it beside the body.
    owners = [(h, gazetteer.owner_place(chunk[h.start : h.end])) for h in hits if h.entry.entity_type in ("ORG", "FAC")]
    cands += [_from_entry(bs + h.start + p.start, bs + h.start + p.end, p.entry) for h, p in owners if p is not None]
    natasha: set[int] = set()  # ids of natasha's candidates (the Russian filters apply to them)
    raw: list[ner.Cand] = [c for c in initials if not hit_index.overlaps(c.start, c.end)]
    raw += ner.bilateral_bodies(chunk)  # "the Russian-Korean fisheries commission"
    if _LAT.search(chunk):
        raw += ner.latin_companies(chunk)  # "соглашение с Junglim Architecture Co. Ltd."
        raw += [ner.Cand(s, e, "PERSON", "pattern", 0.75) for s, e in people.inverted_korean_names(chunk)
                if not hit_index.overlaps(s, e)]  # "Jeon, Yoon-cheol"
    if _CYR.search(chunk):
        # A text wrapped at a fixed width breaks names across lines ("консульство Республики\nКорея"):
        # the patterns read a line break inside a paragraph as the space it stands for (same offsets).
        flat = _WRAP_BREAK.sub(lambda m: " " * len(m.group()), chunk)
        koreans = ner.russian_korean_names(flat)  # "Мун Чжэ Ином", "Ли Мён Баку" (no city inside)
        koreans = [_with_russian_given_name(flat, c) for c in koreans]  # "Сергей Ли Су Дин"
        spans = ner.merge_org_chains(flat, ner.with_closing_quote(chunk, ner.without_acronym(chunk, natasha_found[chunk])))
        # (natasha's own persons may hold the party's name: "[партии Тобуро] Мун Хи Сан")
        persons = [(h.start, h.end) for h in hits if h.entry.entity_type == "PERSON"] + [(c.start, c.end) for c in koreans]
        orgs = ner.russian_org_heads(flat, persons)
        org_index = SpanIndex((o.start, o.end) for o in orgs)
        found = [_before_person(flat, _after(flat, c, orgs, org_index), initials) for c in spans]
        natasha.update(id(c) for c in found)
        raw += ner.orgs_named_after(flat, orgs + found + koreans)  # "университет им. Ким Чака"
        raw += ner.russian_kind_named(flat)  # "авиакомпания Аэрофлот"
        # "СахГУ" alone; inside a longer name ("БФУ имени Канта", "… школы перевода АГУ") the name stays
        longer = [(c.start, c.end) for c in orgs if c.entity_type == "ORG"] + [
            (c.start, c.end) for c in found if c.entity_type == "ORG" and filters.ru_name_ok(flat[c.start:c.end], "ORG")]
        raw += [a for a in ner.russian_university_acronyms(flat) if not hit_index.overlaps(a.start, a.end)
                and not any(s <= a.start and a.end <= e and e - s > a.end - a.start for s, e in longer)]
        raw += ner.russian_legal_form_named(flat)  # "ПАО Сбербанк"
        # "РИА «27 Регион»", "компания «Керенг»" (the model's longer name holding it wins)
        model_index = SpanIndex((c.start, c.end) for c in found)
        raw += [c for c in ner.russian_quoted_bodies(flat) if not any(
            m.start <= c.start and c.end <= m.end and m.end - m.start > c.end - c.start
            for m in (found[k] for k in model_index.overlapping(c.start, c.end)))]
    if ko_tokens is not None and _LAT.search(chunk):
        raw += [c for c in ner.latin_persons_before_korean_titles(chunk) if not hit_index.overlaps(c.start, c.end)]
    if ko_tokens is not None:
        raw += ner.korean_candidates(chunk, 0, len(chunk), ko_tokens,
                                     [(h.start, h.end, h.entry.entity_type) for h in hits])
    if _LAT.search(chunk) and language not in ("ru", "ko"):
        english, absorbed = _english(chunk, hits, raw, en_doc)
        raw += english
        if absorbed:  # a place inside an organisation's name is part of that name
            cands = [c for c in cands if (c.start - bs, c.end - bs) not in absorbed]
    raw = ner.short_names_in_brackets(chunk, raw, [(h.start, h.end) for h in hits if h.entry.entity_type == "ORG"]
                                      + [(c.start, c.end) for c in raw if c.entity_type == "ORG"])  # "… (Skoltech)"
    truncated = _NON_SPACE.search(text, be) is None and text[be - 1 : be].isalnum()  # excerpts stop mid-word
    for c in raw:
        if truncated and bs + c.end == be:
            continue  # "Пхоха" is not a place name, just a cut one
        if chunk[c.end : c.end + 1].isdigit():
            continue  # "ИА Приморье" of "ИА Приморье24": a cut name
        if credits.holds(c.start, c.end):
            continue
        if c.entity_type in ("GPE", "LOC") and _PLACE_COMPOUND.match(chunk, c.end):
            continue  # "US$ 20 billion", "the US-led coalition": a currency or an adjective, no place named
        if c.entity_type == "ORG" and _CYR.search(chunk[c.start : c.end]) and filters.caps_rubric(chunk[c.start : c.end]):
            continue  # "МЕЖДУНАРОДНОЕ СОТРУДНИЧЕСТВО": a rubric in capitals
        if id(c) in natasha and not filters.ru_name_ok(chunk[c.start : c.end], c.entity_type):
            continue  # "Совещание", "СМИ", "Школы налажены", "2+2": not names
        if c.method == "ner" and c.entity_type == "PERSON" and _ADJECTIVE.search(chunk[c.start : c.end]):
            continue  # natasha tags lone adjectives ("Корейско-российской") as persons
        if c.method == "ner" and c.entity_type in ("GPE", "LOC") and _RU_STREET.search(chunk, c.start, c.end):
            continue  # "Ленинском проспекте", "Владивостокской улице": a street, no place (corpus convention)
        if c.entity_type == "TITLE":
            titles.append(ner.Cand(bs + c.start, bs + c.end, "TITLE", c.method, c.confidence))
            continue
        surface = chunk[c.start : c.end]
        if c.method == "ner" and c.entity_type == "ORG" and _PERSON_TITLE.match(surface):
            continue  # "Minister of Transport and Road Construction" is a post, not an organisation
        if c.method == "ner" and c.entity_type == "ORG" and _POLICY_NAME.search(surface) and not _BODY_WORD.search(surface):
            continue
        if c.method == "ner" and c.entity_type in ("FAC", "GPE", "LOC") and _MISSION.search(surface):
            c = dataclasses.replace(c, entity_type="ORG")  # "the Russian Embassy said": a diplomatic mission
        if c.method == "ner" and c.entity_type in ("FAC", "GPE", "LOC") \
                and (_BODY_HEAD.search(surface) or _BODY_OF.search(surface)) and not filters.is_facility(surface):
            c = dataclasses.replace(c, entity_type="ORG")  # "the Far Eastern State University": a body, not a place
        elif c.method == "ner" and c.entity_type in ("GPE", "LOC") and _CYR.search(surface) \
                and _ru_body_head(c.normal or surface) and _link(surface, c.normal) is None:
            c = dataclasses.replace(c, entity_type="ORG")  # "Национально-культурной автономии": a body
        elif c.method == "ner" and c.entity_type in ("ORG", "PERSON") and " " not in surface \
                and (_STATION_AFTER.match(chunk, c.end) or _PLACE_OF.search(chunk, max(0, c.start - 20), c.start)
                     or _KO_UNIT_WORD.fullmatch(surface)):  # "Jongno-gu": a Korean district, romanised
            c = dataclasses.replace(c, entity_type="GPE")  # "Khasan train station", "near the town of Yongin"
        elif c.method == "ner" and c.entity_type == "ORG" and _LAT.search(surface) and places.org_is_place(surface):
            c = dataclasses.replace(c, entity_type="GPE")  # "Koreans in Tomsk": the city the model took for a body
        if c.entity_type == "ORG" and (filters.is_facility(surface)
                                       or _HOTEL_BEFORE.search(chunk, max(0, c.start - 20), c.start)):
            c = dataclasses.replace(c, entity_type="FAC")  # "Incheon International Airport", "в отеле Sheraton …"
        if c.entity_type == "ORG" and c.method == "ner" and _CYR.search(surface) and _link(surface, c.normal) is None:
            c = _with_genitive_tail(chunk, c)  # "Национально-культурной автономии [корейцев]"
        if c.entity_type == "ORG" and _CYR.search(surface):
            c = _with_country(chunk, c, [hits[k] for k in hit_index.overlapping(c.end, c.end + 3)])  # "театра Республики Казахстан": the state the body belongs to
        holds = c.method == "ner" and c.entity_type == "ORG" and filters.org_chain(surface) \
            and any(h.end - h.start < c.end - c.start for h in (hits[k] for k in hit_index.within(c.start, c.end)))
        quoted = _quoted_catalog_body(chunk, c, [hits[k] for k in hit_index.within(c.start, c.end)])
        holds = holds or quoted is not None
        entry = _link(surface, c.normal) or quoted
        if entry is None and c.entity_type in ("GPE", "LOC"):
            entry = places.link(surface, c.normal)
        elif entry is None and c.entity_type == "PERSON" and c.method == "ner" and _LAT.search(surface):
            entry = places.person_is_place(surface)  # the model's "person" "Kiev" is the city
        if entry is not None:
            cands.append(_M(bs + c.start, bs + c.end, entry.entity_type, entry.entity_id, entry.name_en,
                            c.method, min(0.9, c.confidence + 0.15), holds_names=holds))
        elif c.entity_type != "PERSON" and (c.normal or surface).casefold() in _catalog_words():
            continue  # a catalog name's fragment the gazetteer declined (e.g. wrong case)
        elif c.entity_type in ("GPE", "LOC") and c.method == "ner" and _LAT.search(surface) \
                and " " not in surface and not surface.isupper() and _sentence_start(chunk, c.start):
            continue  # sentence-initial, so its capital proves nothing, and no gazetteer knows it ("Weather in Seoul")
        else:
            name = romanize(c.normal or surface, language, person=c.entity_type == "PERSON")
            name = name[:1].upper() + name[1:]  # "администрация Владивостока" -> "Administratsiya …"
            cands.append(_M(bs + c.start, bs + c.end, c.entity_type, unlinked_id(c.entity_type, name), name,
                            c.method, c.confidence, holds_names=holds))
    cands = [_without_dangling_preposition(chunk, bs, m) for m in cands]
    place_ends = {h.start: h.end for h in hits if h.entry.entity_type in ("GPE", "LOC")}
    if place_ends:
        cands = [_with_mission_place(chunk, bs, m, place_ends) if m.etype == "ORG" else m for m in cands]
    return [_with_ko_unit(chunk, bs, m) if m.etype in ("GPE", "LOC") else _with_facility_word(chunk, bs, m)
            if m.etype == "ORG" and m.method == "gazetteer" else m for m in cands], titles


# A Korean place romanised with its administrative unit ("Sogong-dong", "Jongno-gu", "Gyeonggi-do").
_KO_UNIT_WORD = re.compile(r"[A-Z][a-z]+-(?:dong|gu|si|do|gun|eup|myeon|ri)")
_KO_UNIT_AFTER = re.compile(r"-(?:dong|gu|si|do|gun|eup|myeon|ri)\b")
# A facility named after a catalog company ("Lotte Hotel", "Hyundai Hotel"): the facility, not the company.
_FACILITY_WORD_AFTER = re.compile(r" (?:Hotel|Tower|Stadium|Arena|Department Store)\b")


# A Russian name never ends on a preposition: "Корейский культурный центр в" (the model stopped
# before the place that followed) is the name without it.
_RU_DANGLING = re.compile(r"\s(?:в|во|на|по|при|с|со|к|о|об|из|для|и|у|от|до|за)$")


def _without_dangling_preposition(chunk: str, bs: int, m: _M) -> _M:
    cut = _RU_DANGLING.search(chunk, m.start - bs, m.end - bs)
    if cut is None or m.method == "gazetteer":
        return m
    if m.entity_id != unlinked_id(m.etype, m.name_en) or " " not in m.name_en:
        return dataclasses.replace(m, end=bs + cut.start())  # a catalog entry keeps its name
    name = m.name_en.rsplit(" ", 1)[0]  # the romanised preposition goes too
    return dataclasses.replace(m, end=bs + cut.start(), name_en=name, entity_id=unlinked_id(m.etype, name))


# A diplomatic or trade mission is named with where it serves: "Russian Embassy in Seoul", "Embassy of
# the Republic of Korea in Moscow", "посольство РФ в КНДР", "Генеральное консульство … во Владивостоке".
_MISSION_WORD = re.compile(r"\b(?:Embass(?:y|ies)|Consulate|Mission|Representation|Representative Office)\b"
                           r"|(?<![А-Яа-яЁё])(?:[Пп]осольств|[Кк]онсульств|[Гг]енконсульств|[Пп]редставительств|[Тт]оргпредств)")
_SERVES_IN = re.compile(r" (?:in|в|во) (?:the )?")


def _with_mission_place(chunk: str, bs: int, m: _M, place_ends: Mapping[int, int]) -> _M:
    """A mission's name runs on through "in <place>" when a catalog place follows right there;
    the place is still mentioned (`_nested_places`), and the name now holds it (competes on length).
    The entity keeps its id and English name: the same mission wherever it is written out."""
    after = _SERVES_IN.match(chunk, m.end - bs)
    if after is None or after.end() not in place_ends or not _MISSION_WORD.search(chunk, m.start - bs, m.end - bs):
        return m
    return dataclasses.replace(m, end=bs + place_ends[after.end()], holds_names=True)


def _with_ko_unit(chunk: str, bs: int, m: _M) -> _M:
    unit = _KO_UNIT_AFTER.match(chunk, m.end - bs)
    if unit is None or not _LAT.search(chunk, m.start - bs, m.end - bs):
        return m
    return dataclasses.replace(m, end=m.end + len(unit.group()))


def _with_facility_word(chunk: str, bs: int, m: _M) -> _M:
    word = _FACILITY_WORD_AFTER.match(chunk, m.end - bs)
    if word is None:
        return m
    name = chunk[m.start - bs : m.end - bs] + word.group()
    return _M(m.start, m.end + len(word.group()), "FAC", unlinked_id("FAC", name), name, "pattern", 0.7)


_RU_BODY_HEADS = filters.ORG_HEADS | ner.RU_CAPITAL_HEADS | {"театр", "музей", "библиотека", "объединение", "автономия"}


def _ru_body_head(phrase: str) -> bool:
    """A Russian name the model typed as a place whose words hold a body's head noun."""
    return any(gazetteer.ru_lemma(w) in _RU_BODY_HEADS for w in re.findall(r"[А-Яа-яЁё]+", phrase))


_RU_NEXT_WORD = re.compile(r"[ \t\n]([а-яё]+)\b")
_RU_PLACE_NOUNS = frozenset({"город", "край", "область", "район", "округ", "республика", "село", "посёлок", "поселок"})
_GENITIVE_TAIL_WORDS = 3


def _with_genitive_tail(chunk: str, c: ner.Cand) -> ner.Cand:
    """natasha ends a body's name at its head noun ("Национально-культурной автономии" of "…
    автономии корейцев"): the lower-case genitive words after a body's head belong to the name
    (a place noun, "города", starts the place it is in). Only words that cannot be nominative:
    "… Союза отношения изменились" starts a new clause."""
    words = re.findall(r"[А-Яа-яЁё]+", chunk[c.start : c.end])
    if not words or gazetteer.ru_lemma(words[-1]) not in _RU_BODY_HEADS:
        return c
    end, n = c.end, 0
    while n < _GENITIVE_TAIL_WORDS and (m := _RU_NEXT_WORD.match(chunk, end)) \
            and gazetteer.ru_lemma(m.group(1)) not in _RU_PLACE_NOUNS and ner.only_genitive(m.group(1)):
        end, n = m.end(), n + 1
    if end == c.end:
        return c
    return ner.Cand(c.start, end, c.entity_type, c.method, c.confidence,
                    ner.ru_nominative(" ".join(chunk[c.start : end].split()), "ORG"))


def _with_country(chunk: str, c: ner.Cand, hits: list[gazetteer.Hit]) -> ner.Cand:
    """A Russian body's name runs on over the country it belongs to, written after it in the
    genitive ("Государственного корейского музыкального театра Республики Казахстан"): the
    catalog country right after it, one space or line break away (`hits`: the catalog hits there)."""
    for h in hits:
        if h.start > c.end and not chunk[c.end : h.start].strip() and h.entry.entity_type == "GPE" \
                and (h.entry.provenance.startswith("CLDR") or chunk[h.start : h.end].startswith("Республик")) \
                and ner.genitive_word(chunk[h.start : h.end].split()[0]) and h.end - c.start < 160:
            return ner.Cand(c.start, h.end, c.entity_type, c.method, c.confidence,
                            (c.normal or chunk[c.start : c.end]) + " " + " ".join(chunk[h.start : h.end].split()))
    return c


def _english(chunk: str, hits: list[gazetteer.Hit], raw: list[ner.Cand], en_doc: object | None
             ) -> tuple[list[ner.Cand], set[tuple[int, int]]]:
    """English candidates: the model's spans, then the patterns as a fallback; `raw` holds the
    candidates already taken (initials + surname), which beat the model ("I. Komissina" is no
    place). Returns the candidates and the catalog hits a model name absorbed."""
    model, absorbed, proper = en_ner.english_spans(
        chunk, 0, len(chunk), [(h.start, h.end, h.entry.entity_type) for h in hits], en_doc)
    # Pattern persons must be nouns to the tagger ("Higher Education" is not a person).
    bodies = {h.start: h.end for h in hits if h.entry.entity_type == "ORG"}
    patterns = [p for p in ner.english_candidates(chunk, 0, len(chunk), [(h.start, h.end) for h in hits], bodies)
                if p.entity_type != "PERSON" or (_all_proper(chunk, p, proper)
                                                 or people.korean_romanised(chunk[p.start:p.end]))
                and not people.named_after(chunk, p.end)]
    model_persons = [m for m in model if m.entity_type == "PERSON"]
    if model_persons:
        person_index = SpanIndex((m.start, m.end) for m in model_persons)
        patterns = [_before_person(chunk, p, [model_persons[k] for k in person_index.overlapping(p.start, p.end)])
                    if p.entity_type == "ORG" else p for p in patterns]
        patterns = [p for p in patterns if p.end > p.start]
    # A person-shaped span the model typed ORG/GPE next to person evidence (a title, a given
    # name) is the person: "Glyn Davies" is no organisation.
    persons = raw + [p for p in patterns if p.entity_type == "PERSON"]
    raw_index, person_index = SpanIndex((p.start, p.end) for p in raw), SpanIndex((p.start, p.end) for p in persons)
    model = [m for m in model if not raw_index.overlaps(m.start, m.end)
             and not (m.entity_type != "PERSON" and ner.en_person_shaped(chunk[m.start:m.end].split())
                      and person_index.overlaps(m.start, m.end))]
    # A pattern that holds the model's span of the same type and runs on replaces it: the model
    # cuts names at "of" ("the Russian Center" + "of the APEC Studies") and after titles
    # ("Ambassador-at-Large Nikolay" + "Korchunov").
    model_index = SpanIndex((m.start, m.end) for m in model)
    longer = [p for p in patterns if p.entity_type in ("ORG", "PERSON") and any(
        (p.end - p.start) > (m.end - m.start)
        and (m.entity_type == p.entity_type or _place_completes(chunk, p, m) or _body_as_person(chunk, p, m)
             or people.given_name_in_person(chunk, p, m))
        for m in (model[k] for k in model_index.within(p.start, p.end)))]
    longer_index = SpanIndex((p.start, p.end) for p in longer)
    model = [m for m in model if not longer_index.holds(m.start, m.end)]
    # The model runs a body's name into the person after it ("Department for International
    # Cooperation Oleg Shcheka"): the patterns' body and person, which meet there, replace it.
    person_start_by_end: dict[int, int] = {}
    org_end_by_start: dict[int, int] = {}
    for p in patterns:
        if p.entity_type == "PERSON":
            person_start_by_end[p.end] = max(p.start, person_start_by_end.get(p.end, p.start))
        elif p.entity_type == "ORG":
            org_end_by_start[p.start] = min(p.end, org_end_by_start.get(p.start, p.end))
    model = [m for m in model if not (
        m.entity_type == "ORG" and person_start_by_end.get(m.end, m.start) > m.start
        and org_end_by_start.get(m.start, m.end) < m.end)]
    taken = SpanIndex((m.start, m.end) for m in model + raw)
    out = model + [p for p in patterns if not taken.overlaps(p.start, p.end)]
    places = _Places(hits)
    return [_bilateral(chunk, c, places, absorbed) if c.entity_type == "ORG" else c for c in out], absorbed


_OF_PLACE = re.compile(r"\b(?:of|for|in) (?:the )?$")
_TRAILING_LINK = re.compile(r"(?:\s+(?:of|for|and|the|on))+\s*$|\s+$")


def _before_person(chunk: str, org: ner.Cand, persons: list[ner.Cand]) -> ner.Cand:
    """A body whose name runs into a person ("President of the Association of Recent History of
    Korea Kwon Hee-Young", natasha's "… центра корееведения ИСАА МГУ И.Л. Касаткина"): the body
    ends before the person starts. (Empty when nothing but the person is left.)"""
    if org.entity_type != "ORG":
        return org
    cut = min((p.start for p in persons if org.start < p.start < org.end <= p.end), default=None)
    if cut is None:
        return org
    tail = _TRAILING_LINK.search(chunk, org.start, cut)
    end = max(org.start, tail.start() if tail else cut)
    normal = ner.ru_nominative(chunk[org.start:end], "ORG") if org.normal is not None and _CYR.search(chunk[org.start:end]) \
        else org.normal
    return dataclasses.replace(org, end=end, normal=normal)


def _body_as_person(chunk: str, org: ner.Cand, person: ner.Cand) -> bool:
    """The model's "person" ends with a body's head word ("History Museum", "State Archive"): the
    pattern's organisation holding it is the name."""
    return org.entity_type == "ORG" and person.entity_type == "PERSON" \
        and bool(ner.EN_ORG_HEAD_AT_END.search(chunk, person.start, person.end))


def _place_completes(chunk: str, org: ner.Cand, place: ner.Cand) -> bool:
    """The model's place ends a pattern organisation's "of/for X" ("Boao Forum for Asia")."""
    return org.entity_type == "ORG" and place.entity_type in ("GPE", "LOC") and place.end == org.end \
        and bool(_OF_PLACE.search(chunk, org.start, place.start))


class _Places:
    """A block's catalog places, found by where they start or end (the first in list order):
    `_bilateral` asked every place of the block for every organisation."""

    def __init__(self, hits: list[gazetteer.Hit]) -> None:
        self.places = [h for h in hits if h.entry.entity_type in ("GPE", "LOC")]
        self.by_start: dict[int, int] = {}
        self.by_end: dict[int, int] = {}
        for k, h in enumerate(self.places):
            self.by_start.setdefault(h.start, k)
            self.by_end.setdefault(h.end, k)

    def first(self, starting: int | None, ending: list[int]) -> gazetteer.Hit | None:
        """The first place (in list order) that starts at `starting` or ends at one of `ending`."""
        found = [self.by_start.get(starting, -1)] + [self.by_end.get(e, -1) for e in ending]
        found = [k for k in found if k >= 0]
        return self.places[min(found)] if found else None


def _bilateral(chunk: str, cand: ner.Cand, places: _Places, absorbed: set[tuple[int, int]]) -> ner.Cand:
    """"[South Korea and] Russia Fisheries Joint Committee": a body of two countries named
    "X and Y …" starts at the first country; both places are part of its name (added to
    `absorbed`)."""
    # (a place h with h.start == cand.start or chunk[h.end:cand.start] == " ")
    first = places.first(cand.start, [cand.start - 1] if chunk[cand.start - 1 : cand.start] == " " else [])
    if first is None:
        return cand
    # (a place h with chunk[h.end:first.start] in (" and ", " & "))
    prev = places.first(None, [first.start - len(sep) for sep in (" and ", " & ")
                               if first.start >= len(sep) and chunk[first.start - len(sep) : first.start] == sep])
    if prev is None:
        return cand
    absorbed.update({(prev.start, prev.end), (first.start, first.end)})
    return ner.Cand(prev.start, cand.end, cand.entity_type, cand.method, cand.confidence, cand.normal)


def _with_initials(chunk: str, hit: gazetteer.Hit, hits: SpanIndex) -> gazetteer.Hit:
    """A catalog person written with initials ("В. Н. Игнатенко") is mentioned with them
    (`hits`: the block's catalog hits)."""
    if hit.entry.entity_type != "PERSON":
        return hit
    start = ner.initials_start(chunk, hit.start)
    if start == hit.start or hits.overlaps(start, hit.start):
        return hit
    # ... and with the given name before them ("Anatoly V. Torkunov" for the catalog's Torkunov)
    given = {n.split()[0] for n in hit.entry.all_names() if " " in n}
    m = re.search(r"(\w+) $", chunk[max(0, start - 30):start])
    if m and m.group(1) in given:
        start -= len(m.group(0))
    return gazetteer.Hit(start, hit.end, hit.entry)


_GIVEN_BEFORE = re.compile(r"([А-ЯЁ][а-яё]+) $")


def _with_russian_given_name(chunk: str, cand: ner.Cand) -> ner.Cand:
    """A Korean name written in Russian after a Russian given name is one person's name, as
    Sakhalin and Central Asian Koreans are named ("Сергей Ли Су Дин")."""
    m = _GIVEN_BEFORE.search(chunk, max(0, cand.start - 20), cand.start)
    if m is None or not filters.ru_given_name(m.group(1), known=True):  # (not a guess: "города Кванъяна")
        return cand
    given = ner.ru_nominative(m.group(1), "PERSON")
    return dataclasses.replace(cand, start=m.start(1), normal=f"{given} {cand.normal}" if cand.normal else None)


def _after(chunk: str, cand: ner.Cand, spans: list[ner.Cand], index: SpanIndex) -> ner.Cand:
    """An NER span that starts inside a pattern span keeps only what follows it ("[партии
    Тобуро] Мун Хи Сан": natasha took the party's name into the person's). `index`: of `spans`."""
    for p in (spans[k] for k in index.overlapping(cand.start, cand.start + 1)):
        if p.start <= cand.start < p.end < cand.end:
            start = p.end + len(chunk[p.end:cand.end]) - len(chunk[p.end:cand.end].lstrip())
            surface = chunk[start:cand.end]
            normal = ner.ru_nominative(surface, cand.entity_type) if _CYR.search(surface) else None
            return ner.Cand(start, cand.end, cand.entity_type, cand.method, cand.confidence, normal)
    return cand


def _sentence_start(chunk: str, pos: int) -> bool:
    """`_SENTENCE_START.search(chunk[:pos])`, reading only the whitespace before `pos` and the
    character before it (the pattern matches a sentence mark and whitespace at the end, or
    nothing at all), not the whole block before `pos` at every candidate."""
    k = pos
    while k > 0 and chunk[k - 1].isspace():
        k -= 1
    return _SENTENCE_START.search(chunk, max(0, k - 1), pos) is not None


def _all_proper(chunk: str, cand: ner.Cand, proper: set[int]) -> bool:
    """Every word of a pattern name is a proper noun to spaCy's tagger ("Higher Education" is not)."""
    # (a word's start only: the lower-case half of a hyphenated given name, "Byung-won", may read as a verb)
    return all(cand.start + m.start() in proper for m in re.finditer(r"\S+", chunk[cand.start:cand.end]))


def _catalog_words() -> frozenset[str]:
    return _catalog_words_cached(id(load_catalog()))


_WORDS_CACHE: dict[int, frozenset[str]] = {}


def _catalog_words_cached(key: int) -> frozenset[str]:
    if key not in _WORDS_CACHE:
        _WORDS_CACHE[key] = frozenset(n.casefold() for e in load_catalog().entries for n in e.all_names())
    return _WORDS_CACHE[key]


# A title precedes its person by at most a few words: looking further back only costs time
# (a 1 MB sentence with many persons made this quadratic).
TITLE_WINDOW = 300


def _attach_titles(text: str, named: list[_M], ko_titles: list[ner.Cand],
                   sentences: list[tuple[int, int]]) -> list[_M]:
    out: list[_M] = []
    # Selected named spans never overlap, so sorted by start they are sorted by end too:
    # overlap and proximity questions are binary searches, not scans.
    persons = sorted((m for m in named if m.etype == "PERSON"), key=lambda m: m.start)
    p_starts = [p.start for p in persons]
    p_ends = [p.end for p in persons]
    not_gpe = sorted((m for m in named if m.etype != "GPE"), key=lambda m: m.start)
    g_starts = [m.start for m in not_gpe]
    g_ends = [m.end for m in not_gpe]
    sent_starts = [s for s, _ in sentences]
    for i, p in enumerate(persons):
        lo = _sentence_bounds(sentences, p.start, sent_starts)[0]
        prev_person_end = p_ends[i - 1] if i and p_ends[i - 1] <= p.start else lo
        lo = max(lo, prev_person_end, p.start - TITLE_WINDOW)
        segment = text[lo : p.start]
        span = None
        if _CYR.search(segment):
            span = ner.russian_title(text, lo, p.start)
        elif _LAT.search(segment) and not _HAN.search(segment):
            span = ner.english_title(text, lo, p.start)
        if span and not _hits_sorted(p_starts, p_ends, span[0], span[1]):
            out.append(_M(span[0], span[1], "TITLE", None, text[span[0] : span[1]], "pattern", 0.7,
                          title_of=p))
    # Korean roles sit after the name ("이태호 외교부 2차관") or before it ("이사장 이근").
    for t in ko_titles:
        if _hits_sorted(g_starts, g_ends, t.start, t.end):
            continue
        # persons ending 0..12 before the title, or starting 0..2 after it, in start order
        lo_i = bisect.bisect_left(p_ends, t.start - 12)
        hi_i = bisect.bisect_right(p_ends, t.start)
        lo_j = bisect.bisect_left(p_starts, t.end)
        hi_j = bisect.bisect_right(p_starts, t.end + 2)
        window = sorted({*range(lo_i, hi_i), *range(lo_j, hi_j)})
        near = [persons[k] for k in window
                if 0 <= t.start - persons[k].end <= 12 and "(" not in text[persons[k].end : t.start]
                or 0 <= persons[k].start - t.end <= 2]
        if near:
            p = min(near, key=lambda q: min(abs(t.start - q.end), abs(q.start - t.end)))
            surface = text[t.start : t.end]
            out.append(_M(t.start, t.end, "TITLE", None, romanize(surface, "ko"), "pattern", 0.6,
                          title_of=p))
    return out


def _hits_sorted(starts: list[int], ends: list[int], s: int, e: int) -> bool:
    """Whether [s, e) overlaps one of the non-overlapping spans given by sorted starts/ends."""
    i = bisect.bisect_right(ends, s)  # the first span ending after s
    return i < len(starts) and starts[i] < e


def _sentence_bounds(sentences: list[tuple[int, int]], pos: int, starts: list[int]) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    if 0 <= i < len(sentences) and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return (max(0, pos - 200), pos)


class DocumentInput(NamedTuple):
    """What tagging reads of one document."""

    text: str
    language: str
    blocks: Sequence[Block]
    sentences: Sequence[SentenceSpan]
    published: dt.date | None
    # (block start, block end) -> kiwipiepy's tokens of a Hangul block (offsets into the block),
    # from the analysis that split it into sentences; a block not here is analysed again
    korean_tokens: Mapping[tuple[int, int], Sequence[KiwiToken]] = {}  # noqa: RUF012 - never mutated


def tag_document(text: str, language: str, blocks: Sequence[Block], sentences: Sequence[SentenceSpan],
                 published: dt.date | None) -> tuple[list[Mention], list[TopicScore]]:
    return tag_documents([DocumentInput(text, language, blocks, sentences, published)])[0]


def tag_documents(docs: Sequence[DocumentInput]) -> list[tuple[list[Mention], list[TopicScore]]]:
    """Mentions and topics of each document, as `tag_document` gives them one at a time; the
    models are called once for the whole batch (their cost is per call more than per text):
    natasha on every Cyrillic content block, spaCy's English pipeline on every Latin-script
    content block of the documents not in Russian or Korean."""
    spans = [_content_spans(d.blocks) for d in docs]
    cyrillic = list(dict.fromkeys(d.text[bs:be] for d, sp in zip(docs, spans, strict=True)
                                  for bs, be in sp if _CYR.search(d.text, bs, be)))
    natasha = dict(zip(cyrillic, ner.natasha_spans_many(cyrillic), strict=True))
    english = [(i, bs, be) for i, (d, sp) in enumerate(zip(docs, spans, strict=True)) if d.language not in ("ru", "ko")
               for bs, be in sp if be - bs <= en_ner._WINDOW and _LAT.search(d.text, bs, be)]
    en_texts = list(dict.fromkeys(docs[i].text[bs:be] for i, bs, be in english))  # each distinct text once
    parsed = dict(zip(en_texts, en_ner.parse_many(en_texts), strict=True))
    en_docs: list[dict[tuple[int, int], object]] = [{} for _ in docs]
    for i, bs, be in english:
        en_docs[i][(bs, be)] = parsed[docs[i].text[bs:be]]
    return [_tag_one(d, sp, natasha, en) for d, sp, en in zip(docs, spans, en_docs, strict=True)]


def _quoted_catalog_body(chunk: str, c: ner.Cand, inside: list[gazetteer.Hit]) -> CatalogEntry | None:
    """The catalog body whose name closes an organisation's name in quotes after its kind ("ФА
    «Россотрудничество»", "компания «Роснефть»"): the whole is that body's name as written, and
    outranks the catalog name inside it."""
    if c.entity_type != "ORG" or chunk[c.end - 1 : c.end] not in ('"', "»", "”"):
        return None
    for h in inside:
        if h.entry.entity_type == "ORG" and h.end == c.end - 1 and h.start > c.start + 1 \
                and chunk[h.start - 1 : h.start] in ('"', "«", "“"):
            return h.entry
    return None


def _quoted_whole(text: str, start: int, end: int) -> bool:
    """The place is the whole of a quoted name inside a body's name ('ООО "Приморье"', 'компания
    «Находка»'): the company's name, no mention of the place ('диалог «Россия – Республика Корея»'
    still mentions both)."""
    return text[start - 1 : start] in ('"', "«", "“") and text[end : end + 1] in ('"', "»", "”")


def _nested_places(text: str, named: list[_M], cands: list[_M]) -> list[_M]:
    """Catalog places written inside a selected organisation's or facility's name
    ("Генеральное консульство Республики Корея", "Embassy of the Republic of Korea in Moscow"):
    the name keeps them, and the place is mentioned too."""
    spans = {(m.start, m.end) for m in named if m.etype in ("ORG", "FAC")}
    bodies = SpanIndex(spans)
    inside = [c for c in cands if c.etype in ("GPE", "LOC") and c.method == "gazetteer"
              and (c.start, c.end) not in spans and bodies.holds(c.start, c.end)
              and not _quoted_whole(text, c.start, c.end)]
    ranked = sorted(inside, key=lambda c: (-(c.end - c.start), c.start))
    return select_non_overlapping(ranked, lambda c: c.start, lambda c: c.end)


def _content_spans(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in blocks if b.kind in CONTENT_KINDS and b.end > b.start]


def _tag_one(doc: DocumentInput, spans: list[tuple[int, int]], natasha: dict[str, list[ner.Cand]],
             en_docs: dict[tuple[int, int], object]) -> tuple[list[Mention], list[TopicScore]]:
    text, language, sentences, published = doc.text, doc.language, doc.sentences, doc.published
    sent_sorted = sorted(sentences, key=lambda s: s.start)
    sent_bounds = [(s.start, s.end) for s in sent_sorted]
    if not sent_bounds:
        sent_bounds = list(spans)
    named_cands: list[_M] = []
    ko_titles: list[ner.Cand] = []
    dates: list[_M] = []
    promos = _promo_headlines(text, doc.blocks, en_docs)
    for bs, be in spans:
        if (bs, be) in promos:
            continue
        cands, titles = _block_mentions(text, bs, be, language, en_docs.get((bs, be)), natasha,
                                        doc.korean_tokens.get((bs, be)))
        named_cands += cands
        ko_titles += titles
        for s, e, d in find_dates(text, bs, be, language, published):
            dates.append(_M(s, e, "DATE", None, d.isoformat(), "pattern", 0.8, date=d))
    named = people.back_references(text, _select(named_cands))
    named += _nested_places(text, named, named_cands)
    titles = _attach_titles(text, named, ko_titles, sent_bounds)
    titles = [t for t in _select_titles(titles)]
    everything = sorted(named + titles + dates, key=lambda m: (m.start, m.end, m.etype))
    index = {id(m): i for i, m in enumerate(everything)}
    starts = [s.start for s in sent_sorted]
    mentions = []
    for m in everything:
        k = bisect.bisect_right(starts, m.start) - 1
        seq = sent_sorted[k].seq if 0 <= k < len(sent_sorted) and m.start < sent_sorted[k].end else None
        mentions.append(Mention(
            char_start=m.start, char_end=m.end, surface=text[m.start : m.end], entity_type=m.etype,
            entity_id=m.entity_id, name_en=m.name_en or text[m.start : m.end], method=m.method,
            confidence=round(m.confidence, 3), sentence_seq=seq, date_value=m.date,
            linked_to=index.get(id(m.title_of)) if m.title_of is not None else None,
        ))
    return mentions, score_topics(text, spans)


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_PROMO_WORDS = 6


def _promo_headlines(text: str, blocks: Sequence[Block], en_docs: Mapping[tuple[int, int], object]
                     ) -> set[tuple[int, int]]:
    """Blocks after the body has begun that are another story's headline, a "read also" promo
    ("Senator Ties Border Funding to Ukraine Aid, Has Tough Message for ..."): Title Case, no
    closing full stop, and a capitalised verb inside, which a caption of names ("Rector of St
    Petersburg University Nikolay Kropachev") never has. Their names are not the story's."""
    out: set[tuple[int, int]] = set()
    body = False
    for b in sorted(blocks, key=lambda b: b.start):
        if b.kind == "body":
            body = True
            continue
        if not body or b.kind not in CONTENT_KINDS or b.kind == "title" or (b.start, b.end) not in en_docs:
            continue
        line = text[b.start : b.end].strip()
        words = _WORD.findall(line)
        long = [w for w in words if len(w) >= 4]
        if len(words) < _PROMO_WORDS or "\n" in line or line.endswith((".", "!", "?")) \
                or sum(w[0].isupper() for w in long) < 0.8 * len(long):
            continue
        tokens = list(en_docs[(b.start, b.end)])  # a spaCy Doc of the block
        if any(t.i > 0 and t.text[:1].isupper() and t.tag_.startswith(("VB", "MD")) for t in tokens):
            out.add((b.start, b.end))
    return out


def _select_titles(titles: list[_M]) -> list[_M]:
    ranked = sorted(titles, key=lambda m: -(m.end - m.start))
    return select_non_overlapping(ranked, lambda m: m.start, lambda m: m.end)
