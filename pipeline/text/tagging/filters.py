"""Precision filters: does a statistical/pattern span look like a name in its language?

Rules rest on linguistic properties (capitalisation, pymorphy3's analysis), never on lists of
particular names, so they carry over to documents the project has never seen.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.text.nlp import morph

_RU_WORD = re.compile(r"[А-Яа-яЁё]+")
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
    r"|\([^()\n]{2,30}\)(?=\s*(?:--|—|–|-\s))"  # (Agency) -- after a dateline
    # Korean reporter bylines: "홍길동 기자 =", "=홍길동 기자" at a line's end, "홍길동 기자 (mail@...)".
    r"|[가-힣]{2,4} ?(?:기자|특파원)(?=[ \t]*(?:=|$|\(?[\w.-]+@))"
    # Photo credits opening a line ("Фото: пресс-служба ...", "Photo: Yonhap"; a caption "На фото:
    # Путин" names who is pictured and stays) and copyright lines ("ⓒ 연합뉴스", "Copyright Yonhap").
    r"|^[ \t]*(?:Фото|Photo|Photos|사진)[ \t]*[:：][^\n]{1,80}"
    r"|(?:©|ⓒ|\bCopyright\b|\bCOPYRIGHT\b)[^\n]{0,80}",
    re.M,
)


_DATELINE_REACH = 60  # characters from a block's start within which a dateline's credit sits
# "SEOUL, Dec. 24 " / "МОСКВА, 9 февраля " right before the credit (a headline may precede it).
_DATELINE_BEFORE = re.compile(r"\b[A-ZА-ЯЁ]{3,}(?:[ -][A-ZА-ЯЁ]{3,})?,\s+(?:[A-Z][a-z]{2,}\.?\s+\d{1,2}|\d{1,2}\s+[а-яё]+)\s*$")


def credit_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Credits in text[start:end] (a block); "(Agency) --" only near the block's start, where a
    dateline puts it ("SEOUL, May 3 (Yonhap) --"), not "(DPRK) – " inside a sentence."""
    chunk = text[start:end]
    return [(start + m.start(), start + m.end()) for m in _CREDIT.finditer(chunk)
            if not m.group().startswith("(") or "=" in m.group() or m.start() <= _DATELINE_REACH
            or _DATELINE_BEFORE.search(chunk, max(0, m.start() - 40), m.start())]


@lru_cache(maxsize=65536)
def _parses(word: str) -> tuple[tuple[str | None, frozenset[str], bool], ...]:
    return tuple((p.tag.POS, frozenset(p.tag.grammemes), p.is_known) for p in morph().parse(word)[:4])


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
    if any(_parses(w) and _parses(w)[0][0] in _PREDICATE and _parses(w)[0][2] for w in words):
        return False  # a dictionary verb form, not a guess for an unknown (foreign) word
    if len(words) == 1 and ru_common_noun(words[0]):
        return False
    generic = all(_parses(w) and all(k for _, _, k in _parses(w)) and not any(g & _PROPER for _, g, _ in _parses(w))
                  and not w.isupper() for w in words)
    if generic and len(words) >= 3 and all(w[:1].isupper() for w in words):
        return False  # "Главная Новости Регионы Контакты": a menu line, not a name
    return not (entity_type == "ORG" and len(words) == 2 and generic)


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


def _gender(words: list[str]) -> str:
    """The gender of a person's first name ("Анной" -> femn); masculine when unknown."""
    for w in words:
        for p in morph().parse(w)[:3]:
            if "Name" in p.tag.grammemes and p.tag.gender:
                return p.tag.gender
    return "masc"


def ru_nominative(phrase: str, entity_type: str) -> str:
    """'Борисом Коробецким' -> 'Борис Коробецкий', 'Центральном совете' -> 'Центральный совет'.

    Persons: every word. Other names: the words up to the first noun (its head); the rest is
    a complement that stays as it is ("Министерстве иностранных дел" -> "Министерство
    иностранных дел").
    """
    person = entity_type == "PERSON"
    gender = _gender(_RU_WORD.findall(phrase)) if person else ""
    out, head_done = [], False
    for m in re.finditer(r"[А-Яа-яЁё]+|[^А-Яа-яЁё]+", phrase):
        word = m.group()
        if head_done or not _RU_WORD.fullmatch(word) or (word.isupper() and len(word) > 1):
            out.append(word)
            continue
        out.append(_nominative(word, person, gender))
        if not person and _parses(word) and _parses(word)[0][0] == "NOUN":
            head_done = True
    return "".join(out)
