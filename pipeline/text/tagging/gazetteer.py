"""Catalog lookup in text: exact (English/Latin), lemma-based (Russian), token-bounded (Korean).

Every hit carries exact offsets into the text it was run on; the caller maps them to
mentions. Automata/tries are built once per process from the catalog.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from pipeline.text.nlp import KiwiToken, kiwi, kiwi_tokenize, morph  # noqa: F401 - re-exported for callers
from pipeline.text.overlap import select_non_overlapping
from pipeline.text.page_patterns import KO_GLUED_POST
from pipeline.text.tagging.catalog import CatalogEntry, load_catalog

_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_HANGUL = re.compile(r"[가-힣]")
_RU_WORD = re.compile(r"[^\W\d_]+|\d+")
# Between two tokens of one multi-word Russian name: spaces, line breaks and hyphens only
# (so a name never spans a comma or a sentence boundary).
# A later word may open a quotation: an agency written 'РИА "Новости"' or 'РИА «Новости»'.
_RU_GAP = re.compile(r"[\s\-‐‑–—]*[«\"„“]?")
_OPEN_QUOTES, _CLOSE_QUOTES = "«\"„“", "»\"“”"
# What may follow a Korean name inside the same eojeol: case particles and the copula.
_KO_PARTICLES = re.compile(
    r"(?:이|가|은|는|을|를|의|에|에서|서|에게|께|와|과|로|으로|도|만|까지|부터|이나|나|랑|이랑"
    r"|처럼|보다|이다|이며|이고|에선|엔|과의|와의|에서의|으로의|로의"
    r"|간)*"  # the bound noun "between": "러시아 극동지역과 경상남도간의 협력"
)
_KO_FUNCTIONAL_TAGS = ("J", "E", "VCP", "XSN")


KoTokens = dict[int, list[tuple[str, str, int]]]  # kiwi tokens by start offset: [(form, tag, end)]


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entry: CatalogEntry


def _fold(s: str) -> str:
    return s.lower().replace("ё", "е")


@lru_cache(maxsize=65536)
def ru_lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy offers (ambiguous parses kept: 'Путина' -> путин, путина)."""
    parses = morph().parse(word)[:4]
    return frozenset({_fold(word), *(_fold(p.normal_form) for p in parses)})


@lru_cache(maxsize=65536)
def ru_lemma(word: str) -> str:
    """The first normal form: how catalog aliases (nominative) are keyed."""
    return _fold(morph().parse(word)[0].normal_form)


def _latin_only(form: str) -> bool:
    return bool(_LATIN.search(form)) and not _CYRILLIC.search(form) and not _HANGUL.search(form)


# --- English / Latin script -------------------------------------------------------------


_TITLE_WORD = re.compile(r"(?<![\w'’])[a-z]{4,}\b")
_TITLE_CASE = re.compile(r"^[A-Z][a-z]+$")  # a capitalised word, not an acronym ("ASEAN")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“«(])\s*$")  # nothing, or a sentence's end, before a word


@lru_cache(maxsize=1)
def _latin_automaton() -> ahocorasick.Automaton:
    return build_latin_automaton(load_catalog().entries)


CASE_VARIANT_WORDS = 5  # names of up to five words get their lower-case variants (at most 16 each)


def _lower_case_variants(form: str) -> set[str]:
    """A name of several words as pages also write it, some capitalised words after the first in
    lower case: "Eastern economic forum", "Northern Sea route", "Russky island". The first word
    keeps its capital, and acronyms keep theirs ("ASEAN Regional Forum")."""
    words = form.split(" ")
    if not 2 <= len(words) <= CASE_VARIANT_WORDS:
        return set()
    lowerable = [i for i in range(1, len(words)) if _TITLE_CASE.fullmatch(words[i])]
    out = set()
    for mask in range(1, 1 << len(lowerable)):
        ws = list(words)
        for bit, i in enumerate(lowerable):
            if mask >> bit & 1:
                ws[i] = ws[i].lower()
        out.add(" ".join(ws))
    return out


def build_latin_automaton(entries: Iterable[CatalogEntry]) -> ahocorasick.Automaton:
    forms: dict[str, list[CatalogEntry]] = {}
    lowered: dict[str, list[CatalogEntry]] = {}  # lower-case variants: not where a sentence starts
    for entry in entries:
        for form in entry.all_names():
            if not _latin_only(form):
                continue
            form = re.sub(r"^the ", "", form)  # "the Arctic": the article is not part of the name
            variants = {form, form[0].upper() + form[1:]}
            if entry.entity_type == "GPE" and len(form) >= 4:
                variants.add(form.upper())  # datelines: "SEOUL, Sept. 6"
            if entry.entity_type == "ORG":  # "Seoul's foreign ministry" is also written "Seoul's Foreign Ministry"
                variants.add(_TITLE_WORD.sub(lambda m: m.group(0).capitalize(), form))
            for v in variants:
                forms.setdefault(v, []).append(entry)
            if entry.entity_type in ("ORG", "GPE", "LOC", "FAC"):
                for v in _lower_case_variants(form):
                    lowered.setdefault(v, []).append(entry)
    automaton = ahocorasick.Automaton()
    for form, entries in forms.items():
        automaton.add_word(form, (form, entries[0], False))
    for form, entries in lowered.items():
        if form not in forms:  # (a name as written wins its lower-case form: "Blue house" of nothing else)
            automaton.add_word(form, (form, entries[0], True))
    automaton.make_automaton()
    return automaton


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


# Korean glues particles, and an agency's "통신", to a Latin name: "APEC에서", "IAEA는", "AFP통신이".
_KO_LATIN_TAIL = re.compile(r"(?:통신사?|통신)?" + _KO_PARTICLES.pattern)


def _korean_tail(text: str, end: int) -> bool:
    m = re.compile(r"[가-힣]+").match(text, end)
    return m is not None and _KO_LATIN_TAIL.fullmatch(m.group()) is not None


def find_latin(text: str, automaton: ahocorasick.Automaton | None = None) -> list[Hit]:
    """Case-sensitive catalog forms on word boundaries (acronyms stay acronyms)."""
    hits = []
    for end_idx, (form, entry, lowered) in (automaton if automaton is not None else _latin_automaton()).iter(text):
        start, end = end_idx - len(form) + 1, end_idx + 1
        if lowered and form.count(" ") == 1 and _SENTENCE_START.search(text, max(0, start - 12), start):
            continue  # "Blue house paint …": the capital is the sentence's (a longer name is rarely a phrase)
        if start > 0 and _is_word_char(text[start - 1]):
            continue
        if end < len(text) and _is_word_char(text[end]) and _is_word_char(form[-1]) \
                and not (_LATIN.match(form[-1]) and _korean_tail(text, end)):
            continue
        hits.append(Hit(start, end, entry))
    return longest_first(hits)


# --- Russian: lemma sequences ------------------------------------------------------------


@lru_cache(maxsize=1)
def _ru_trie() -> dict:
    return build_ru_trie(load_catalog().entries)


def alias_keys(word: str) -> tuple[str, ...]:
    """The keys of one word of a Russian catalog name: its first normal form and, for a
    capitalised word, the word itself, which its inflected forms have as a normal form when
    pymorphy reads the name as another word's form ("Белоусов" -> "белоус", "Ростех" -> "ростеха",
    while "Белоусовым" -> "белоусов", "Ростехом" -> "ростех")."""
    lemma, folded = ru_lemma(word), _fold(word)
    return (lemma, folded) if word[:1].isupper() and folded != lemma else (lemma,)


def build_ru_trie(entries: Iterable[CatalogEntry]) -> dict:
    """Nested dict keyed by alias lemma; the key None holds (entry, alias) at a name's end."""
    trie: dict = {}
    for entry in entries:
        for form in entry.all_names():
            if not _CYRILLIC.search(form):
                continue
            words = _RU_WORD.findall(form)
            if not words:
                continue
            nodes = [trie]
            for w in words:
                nodes = list({id(n): n for n in (node.setdefault(k, {}) for node in nodes for k in alias_keys(w))}.values())
            for node in nodes:
                node.setdefault(None, (entry, form))
    return trie


def _case_ok(alias: str, surface: str) -> bool:
    """Proper names keep their capital, acronyms stay upper-case ('Находка' vs 'находка')."""
    if " " not in alias and alias[:1].isupper() and not surface[:1].isupper():
        return False
    head = _RU_WORD.match(alias)
    if head and len(head.group()) > 1 and head.group().isupper():
        return surface[: len(head.group())].isupper()
    return True


def find_russian(text: str, trie: dict | None = None) -> list[Hit]:
    tokens = [(m.start(), m.end(), m.group()) for m in _RU_WORD.finditer(text)]
    trie, hits = trie if trie is not None else _ru_trie(), []
    for i in range(len(tokens)):
        best: tuple[int, CatalogEntry, str] | None = None
        frontier = [(trie, i)]
        while frontier:
            node, j = frontier.pop()
            if None in node and j > i:
                end = tokens[j - 1][1]
                if tokens[j - 1][2].isdigit() and re.match(r"\s+[а-яё]", text[end : end + 3]):
                    pass  # "Россия 24" is a channel, "в Россию 24 февраля" a date
                elif best is None or end > best[0]:
                    best = (end, *node[None])
            if j >= len(tokens):
                continue
            if j > i and not _RU_GAP.fullmatch(text[tokens[j - 1][1] : tokens[j][0]]):
                continue
            for lemma in ru_lemmas(tokens[j][2]):
                child = node.get(lemma)
                if child is not None:
                    frontier.append((child, j + 1))
        if best is not None:
            end, entry, alias = best
            inner = text[tokens[i][0] : end]
            if any(q in inner for q in _OPEN_QUOTES) and text[end : end + 1] in _CLOSE_QUOTES and text[end : end + 1]:
                end += 1  # the quotation the name opened closes with it
            if _case_ok(alias, text[tokens[i][0] : end]):
                hits.append(Hit(tokens[i][0], end, entry))
    return longest_first(hits)


# --- Korean: automaton + eojeol/token boundaries -------------------------------------------


@lru_cache(maxsize=1)
def _ko_automaton() -> ahocorasick.Automaton:
    return build_ko_automaton(load_catalog().entries)


def build_ko_automaton(entries: Iterable[CatalogEntry]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    seen: set[str] = set()
    for entry in entries:
        for form in entry.all_names():
            if _HANGUL.search(form) and form not in seen:
                seen.add(form)
                automaton.add_word(form, (form, entry))
    automaton.make_automaton()
    return automaton


# Korean joins listed words with a middle dot, often the Hangul letter "ㆍ" (U+318D), which Python
# counts as a letter: "중동ㆍ동남아에" is two words.
_KO_LIST_DOTS = frozenset("ㆍ·・")


def _word_char(ch: str) -> bool:
    return ch.isalnum() and ch not in _KO_LIST_DOTS


def eojeol_end(text: str, pos: int) -> int:
    """End of the whitespace/punctuation-delimited word containing position pos."""
    while pos < len(text) and _word_char(text[pos]):
        pos += 1
    return pos


def ko_tail_ok(text: str, end: int, tokens: dict[int, list[tuple[str, str, int]]] | None = None) -> bool:
    """A Korean name may be followed, inside its eojeol, only by particles/copula."""
    tail = text[end : eojeol_end(text, end)]
    if not tail or _KO_PARTICLES.fullmatch(tail):
        return True
    if tokens is None:
        return False
    pos, stop = end, end + len(tail)
    while pos < stop:  # walk kiwi tokens over the tail: all must be functional
        # only tokens that move forward: kiwi can give an empty token (end == start), which
        # would keep pos where it is for ever
        nxt = [t for t in tokens.get(pos, []) if pos < t[2] <= stop]
        if not nxt or not nxt[0][1].startswith(_KO_FUNCTIONAL_TAGS):
            return False
        if pos == end and nxt[0][1] == "XSN" and nxt[0][0] == "화":
            return False  # "-ization" makes another noun: "현대화" (modernisation) is not "현대" (Hyundai)
        pos = nxt[0][2]
    return True


def ko_token_index(text: str, tokens: Sequence[KiwiToken] | None = None) -> dict[int, list[tuple[str, str, int]]]:
    """Kiwi tokens by start offset: start -> [(form, tag, end)]; `tokens`: text's tokens already
    found (`kiwi_tokenize(text)` otherwise)."""
    index: dict[int, list[tuple[str, str, int]]] = {}
    for form, tag, start, end in kiwi_tokenize(text) if tokens is None else tokens:
        index.setdefault(start, []).append((form, tag, end))
    return index


def ko_starts_word(text: str, start: int) -> bool:
    return start == 0 or not _word_char(text[start - 1])


def find_korean(text: str, tokens: dict[int, list[tuple[str, str, int]]] | None = None,
                automaton: ahocorasick.Automaton | None = None) -> list[Hit]:
    hits = []
    for end_idx, (form, entry) in (automaton if automaton is not None else _ko_automaton()).iter(text):
        start, end = end_idx - len(form) + 1, end_idx + 1
        if not ko_starts_word(text, start):
            continue
        if ko_tail_ok(text, end, tokens):
            hits.append(Hit(start, end, entry))
        elif entry.entity_type == "ORG" and _KO_LATIN_TAIL.fullmatch(text[end : eojeol_end(text, end)]):
            hits.append(Hit(start, end, entry))  # an agency and its "통신": "로이터통신에 따르면"
        elif entry.entity_type == "GPE" and text[end : end + 1] == "항" and ko_tail_ok(text, end + 1, tokens):
            hits.append(Hit(start, end + 1, entry))  # a city's port by the city's name: "블라디보스토크항에"
        elif entry.entity_type == "PERSON" and (post := KO_GLUED_POST.match(text, end)) \
                and ko_tail_ok(text, post.end(), tokens):
            hits.append(Hit(start, end, entry))  # a person and the post glued to the name: "푸틴대통령은"
    return longest_first(hits)


# --- the place a body's name belongs to -----------------------------------------------------


@lru_cache(maxsize=1)
def _place_finders() -> tuple[ahocorasick.Automaton, dict, ahocorasick.Automaton]:
    places = [e for e in load_catalog().entries if e.entity_type in ("GPE", "LOC")]
    return build_latin_automaton(places), build_ru_trie(places), build_ko_automaton(places)


def owner_place(name: str) -> Hit | None:
    """The catalog place a catalog body's name ends with in English or Russian ("Central Bank of
    Russia", "Минпромторг России", "МИД Республики Корея") or opens with, a word of its own, in
    Korean ("러시아 교통부"): the country or region the body belongs to, a place mentioned too
    (corpus convention: places nested in names are listed when written as separate words)."""
    latin, ru, ko = _place_finders()
    if _HANGUL.search(name):
        hits = [h for h in find_korean(name, automaton=ko) if h.start == 0 and name[h.end : h.end + 1] == " "]
    else:
        found = find_latin(name, latin) if _latin_only(name) else find_russian(name, ru)
        hits = [h for h in (with_state_form(name, h) for h in found)
                if h.end == len(name) and h.start > 0 and name[h.start - 1].isspace()]
        if not hits and _latin_only(name):  # or opens with it in English: "Sakhalin Energy"
            hits = [h for h in found if h.start == 0 and name[h.end : h.end + 1] == " "]
    return hits[0] if hits else None


# A country named by its state's form ("Республика Беларусь", "the Republic of Belarus", "벨라루스
# 공화국"): the form is part of the name. Not after a capitalised adjective, which makes it part of
# another state's name ("People's Republic of ...", "Народная Республика"): an adjective's ending.
_STATE_BEFORE = re.compile(r"(?:Республик(?:а|и|е|у|ой|ою)|Republic of (?:the )?|Kingdom of (?:the )?)[ \t]?$")
_STATE_AFTER = re.compile(r"[ \t]?공화국")
_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w-]*(?:['’]s|ic|ist|al|an|ab)|[А-ЯЁ][\w-]*(?:ая|ой|ую|ей|ий|ый|ое|ого))[ \t]+$")


def with_state_form(text: str, hit: Hit) -> Hit:
    """A country's hit widened to its state form written around it (see _STATE_BEFORE)."""
    if hit.entry.entity_type != "GPE" or not hit.entry.entity_id.startswith("gpe:"):
        return hit
    m = _STATE_BEFORE.search(text, max(0, hit.start - 24), hit.start)
    if m and text[m.end() - 1 : m.end()] == " " and not _CAPITALISED_BEFORE.search(text, max(0, m.start() - 30), m.start()) \
            and (m.start() == 0 or not text[m.start() - 1].isalnum()):
        return Hit(m.start(), hit.end, hit.entry)
    m = _STATE_AFTER.match(text, hit.end)
    if m and _HANGUL.search(text[hit.start : hit.end]) and ko_tail_ok(text, m.end()):
        return Hit(hit.start, m.end(), hit.entry)
    return hit


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping selection: longest first, then leftmost (O(n log n), see overlap)."""
    ranked = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    taken = select_non_overlapping(ranked, lambda h: h.start, lambda h: h.end)
    return sorted(taken, key=lambda h: h.start)
