"""People named by structure around catalog and place hits (round 15).

The catalog knows some people by their surname alone ("Медведев", "이바셴초프"): a given name
written right before that surname says whose surname it is. The same given name as the catalog
person's makes the mention the full name as written ("Глеб Ивашенцов", "글레프 이바셴초프"); another
one ("Александр Медведев" for the catalog's Dmitry) is someone else, whom the catalog must not
claim: the hit goes and the model's or the patterns' full name stands.

A city's name can also be a surname's case form ("Иванова" is Ivanovo's genitive): after a
given name or before initials it is the surname ("Алла Иванова", "Иванова И. И.").
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

from pipeline.text.nlp import morph
from pipeline.text.page_patterns import NAMED_AFTER_HEADS
from pipeline.text.tagging import filters, gazetteer
from pipeline.text.tagging.gazetteer import Hit
from pipeline.text.tagging.ko_names import RU_GIVEN_NAMES
from pipeline.text.tagging.ner import GIVEN_NAMES, KOREAN_SURNAMES

M = TypeVar("M", bound=Any)  # the tagger's mention record (dataclass)
_WORD_BEFORE = re.compile(r"(?<![\w.-])([^\W\d_]+) $")
_HANGUL = re.compile(r"[가-힣]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _given_names(hit: Hit) -> frozenset[str]:
    """First words of the catalog person's multi-word names, casefolded ("дмитрий", "글렙")."""
    return frozenset(gazetteer.ru_lemma(n.split()[0]) if _CYRILLIC.search(n) else n.split()[0].casefold()
                     for n in hit.entry.all_names() if " " in n.strip())


def _given_word(word: str) -> bool:
    """A given name in the word's script: a Russian one Korean news transliterates, a name to
    pymorphy3, or a common English-written given name."""
    if _HANGUL.search(word):
        return word in RU_GIVEN_NAMES
    if _CYRILLIC.search(word):
        return word[:1].isupper() and filters.ru_given_name(word)
    return word in GIVEN_NAMES


def _same_given(word: str, given: frozenset[str]) -> bool:
    if _CYRILLIC.search(word):
        return gazetteer.ru_lemma(word) in given
    if _HANGUL.search(word):  # transliterations vary after the first syllable ("글렙", "글레프")
        return any(g[:1] == word[:1] and abs(len(g) - len(word)) <= 1 for g in given)
    return word.casefold() in given


_INITIALS_AFTER = re.compile(r" [А-ЯЁA-Z]\.(?:\s?[А-ЯЁA-Z]\.)?(?!\s?[А-ЯЁA-Z][а-яёa-z]|\w)")


def with_initials_after(chunk: str, hit: Hit) -> Hit:
    """A catalog person signed surname first, initials after ("Кропачев Н. М."): the whole name."""
    if hit.entry.entity_type != "PERSON" or " " in chunk[hit.start:hit.end].strip():
        return hit
    m = _INITIALS_AFTER.match(chunk, hit.end)
    return Hit(hit.start, m.end(), hit.entry) if m else hit


def with_given_name(chunk: str, hit: Hit) -> Hit | None:
    """A catalog person known by a one-word name, read with the given name before it: the full
    name when it is the catalog person's given name, None (no catalog person) when it is another's."""
    if hit.entry.entity_type != "PERSON" or " " in chunk[hit.start:hit.end].strip():
        return hit
    m = _WORD_BEFORE.search(chunk, max(0, hit.start - 30), hit.start)
    if m is None or not _given_word(m.group(1)):
        return hit
    given = _given_names(hit)
    if not given:
        return hit
    if _same_given(m.group(1), given):
        return Hit(m.start(1), hit.end, hit.entry)
    return None


def surname_not_place(chunk: str, hit: Hit, initials: list[tuple[int, int]]) -> bool:
    """A one-word place hit that is a surname here: right after a Russian given name that agrees
    with it, or inside a name written with initials (`initials`: spans of "Иванова И. И.")."""
    if hit.entry.entity_type not in ("GPE", "LOC") or not _CYRILLIC.search(chunk[hit.start:hit.end]) \
            or " " in chunk[hit.start:hit.end]:
        return False
    if any(s <= hit.start and hit.end <= e for s, e in initials):
        return True
    m = _WORD_BEFORE.search(chunk, max(0, hit.start - 30), hit.start)
    return m is not None and m.group(1)[:1].isupper() and filters.ru_given_name(m.group(1)) \
        and _surname_agrees(m.group(1), chunk[hit.start:hit.end])


def _surname_agrees(given: str, word: str) -> bool:
    """pymorphy3 reads `word` as a surname in the case and gender of the given name before it
    ("Алла Иванова": both feminine nominative; "Ивана Иванова" genitive)."""
    names = [(p.tag.case, p.tag.gender) for p in morph().parse(given)[:3] if "Name" in p.tag]
    return any("Surn" in p.tag and (p.tag.case, p.tag.gender) in names for p in morph().parse(word)[:6])


# Initials written together ("И.И. Иванов", "И.И.Иванов") and after the surname, as Russian lists
# and signatures write them ("Иванова И.И.", "Петров А. С."); not before another capitalised word,
# whose initials they would be ("в Москве А. Петров").
_GLUED_INITIALS = re.compile(r"(?<![\w.])[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\b")
_SURNAME_INITIALS = re.compile(r"(?<![\w.-])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?) [А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)?"
                               r"(?!\s?[А-ЯЁA-Z][а-яёa-z]|\w)")


def initials_names(text: str) -> list[tuple[int, int]]:
    """Russian names written with initials in the forms `ner.initials_persons` leaves out; the
    word must read as a surname to pymorphy3 ("Иванова", not "Москве" or "Школы")."""
    out = []
    for pattern in (_GLUED_INITIALS, _SURNAME_INITIALS):
        for m in pattern.finditer(text):
            if _surname(m.group(1)):
                out.append((m.start(), m.end()))
    return out


def _surname(word: str) -> bool:
    parses = morph().parse(word)[:6]
    return any("Surn" in p.tag for p in parses) and not filters.ru_common_noun(word)


_LATIN_OR_CYRILLIC = re.compile(r"[A-Za-zА-Яа-яЁё]")


def _surname_key(word: str) -> str:
    """A word as a surname is compared: Russian by lemma ("Лавровым" → "лавров"), else casefolded."""
    return gazetteer.ru_lemma(word) if _CYRILLIC.search(word) else word.casefold()


def back_references(text: str, named: list[M]) -> list[M]:
    """One-word persons of a document. A surname (or a Korean-style surname first) that repeats
    a fuller person's name of the same document is that person: it takes the full name's id and
    English name. A one-word Latin or Cyrillic name no fuller name explains and no catalog knows
    is no one the reader could tell ("Diaspora", a stray surname): dropped. `M` is any record
    with start, end, etype, entity_id and name_en (the tagger's `_M`)."""
    full: dict[str, M] = {}
    for m in named:
        words = text[m.start:m.end].split()
        if m.etype == "PERSON" and len(words) >= 2:
            for w in (words[-1], words[0].split("-")[0]):
                full.setdefault(_surname_key(w.strip(".,")), m)
    out = []
    for m in named:
        surface = text[m.start:m.end]
        if m.etype != "PERSON" or " " in surface.strip():
            out.append(m)
            continue
        owner = full.get(_surname_key(surface))
        if owner is not None:
            out.append(dataclasses.replace(m, entity_id=owner.entity_id, name_en=owner.name_en))
        elif _LATIN_OR_CYRILLIC.search(surface) and (m.entity_id or "").startswith("per:x-"):
            continue
        else:
            out.append(m)
    return out


def given_name_in_person(chunk: str, person: Any, model: Any) -> bool:
    """The model's one-word place or body is a known given name that opens the patterns' person
    ("Yulia" of "Yulia Elokhina"): a given name is no place, the person is the name."""
    return person.entity_type == "PERSON" and model.start == person.start \
        and chunk[model.start:model.end] in GIVEN_NAMES


# A Korean name romanised: a Korean surname, then a given name of two syllables joined by a hyphen
# ("Lee Do-hoon", "Moon Jae-in"); the tagger may read a syllable as a verb ("Do").
_KO_ROMANISED_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,5}")


def korean_romanised(surface: str) -> bool:
    words = surface.split()
    return len(words) == 2 and words[0] in KOREAN_SURNAMES and bool(_KO_ROMANISED_GIVEN.fullmatch(words[1]))


# A Korean name written surname first with a comma, as lists and bylines invert names ("headed by
# Jeon, Yoon-cheol, Vice Prime Minister"): a Korean surname, a comma, a hyphenated given name.
_INVERTED_KOREAN = re.compile(r"(?<![\w-])([A-Z][a-z]{1,5}), [A-Z][a-z]{1,5}-[a-z]{2,5}(?![\w-])")


def inverted_korean_names(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _INVERTED_KOREAN.finditer(text) if m.group(1) in KOREAN_SURNAMES]


_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)\b")


def named_after(chunk: str, end: int) -> bool:
    """A person-shaped run followed by a place's or a body's head word names that place or body
    after the person ("Kim Il Sung Square"): the run alone is no mention of the person."""
    m = _NEXT_WORD.match(chunk, end)
    return m is not None and m.group(1) in NAMED_AFTER_HEADS
