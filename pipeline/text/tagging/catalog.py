"""The curated entity catalog (pipeline/text/data/entities.csv), loaded once."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

CATALOG_PATH = Path(__file__).resolve().parents[1] / "data" / "entities.csv"


@dataclass(frozen=True)
class CatalogEntry:
    entity_id: str
    entity_type: str
    name_en: str
    name_ru: str
    name_ko: str
    aliases_en: tuple[str, ...]
    aliases_ru: tuple[str, ...]
    aliases_ko: tuple[str, ...]
    wikidata_id: str
    provenance: str

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every alternative surface form, any script (the `entities.aliases` column)."""
        return tuple(dict.fromkeys((*self.aliases_en, *self.aliases_ru, *self.aliases_ko)))

    def forms(self, script: str) -> tuple[str, ...]:
        """Canonical name + aliases of one script group: 'en' (Latin), 'ru' or 'ko'."""
        name = {"en": self.name_en, "ru": self.name_ru, "ko": self.name_ko}[script]
        extra = {"en": self.aliases_en, "ru": self.aliases_ru, "ko": self.aliases_ko}[script]
        return tuple(f for f in dict.fromkeys((name, *extra)) if f)

    def all_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f for f in (self.name_en, self.name_ru, self.name_ko, *self.aliases) if f))


@dataclass
class Catalog:
    entries: list[CatalogEntry]

    @cached_property
    def by_id(self) -> dict[str, CatalogEntry]:
        return {e.entity_id: e for e in self.entries}


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (value or "").split("|") if a.strip())


def read_catalog(path: Path = CATALOG_PATH) -> Catalog:
    entries = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            entries.append(CatalogEntry(
                entity_id=row["entity_id"], entity_type=row["entity_type"],
                name_en=row["name_en"], name_ru=row["name_ru"] or "", name_ko=row["name_ko"] or "",
                aliases_en=_split(row["aliases_en"]), aliases_ru=_split(row["aliases_ru"]),
                aliases_ko=_split(row["aliases_ko"]), wikidata_id=row["wikidata_id"] or "",
                provenance=row["provenance"],
            ))
    return Catalog(entries)


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    return read_catalog()
