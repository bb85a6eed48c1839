"""Entity ids beyond the catalog: stable ids for unlinked names, entity records for them.

An unlinked PERSON or ORG gets `per:x-<hash>` / `org:x-<hash>`, the hash of its normalised
English name (the romanisation for Russian/Korean names, from the nominative form), so the
same name counts as one entity across documents and runs. GeoNames cities carry
`geonames:<id>` (pipeline.text.tagging.places).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

from pipeline.text.tagging import places
from pipeline.text.tagging.catalog import CatalogEntry

UNLINKED_PREFIX = {"PERSON": "per", "ORG": "org"}
UNLINKED_PROVENANCE = "unlinked name seen in the corpus (id = hash of the normalised English name)"
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_HANGUL = re.compile(r"[가-힣]")


def normalised_name(name: str) -> str:
    """'Igor\u2019 Morgulov', 'IGOR MORGULOV', 'Igor Morgulov.' -> 'igor morgulov'."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", ascii_only.replace("'", "").replace("\u2019", "")))


def unlinked_id(entity_type: str, name_en: str) -> str | None:
    prefix = UNLINKED_PREFIX.get(entity_type)
    key = normalised_name(name_en)
    if prefix is None or not key:
        return None
    return f"{prefix}:x-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


def is_unlinked(entity_id: str) -> bool:
    return ":x-" in entity_id


# entity_id -> (entity_type, name_en counts, surface counts) of the linked mentions of an id
# the catalog does not hold
Forms = dict[str, tuple[str, Counter[str], Counter[str]]]


def count_forms(mentions: Iterable[tuple[str, str, str, str]], known: Mapping[str, CatalogEntry]) -> Forms:
    """The English names and surfaces of each id not in `known`, from (entity_id, entity_type,
    name_en, surface) of linked mentions in document order (the first mention gives the type)."""
    seen: Forms = {}
    for eid, etype, name_en, surface in mentions:
        if eid in known:
            continue
        _, names, surfaces = seen.setdefault(eid, (etype, Counter(), Counter()))
        names[name_en] += 1
        surfaces[surface] += 1
    return seen


def beyond_catalog(mentions: Iterable[tuple[str, str, str, str]], known: Mapping[str, CatalogEntry]
                   ) -> dict[str, CatalogEntry]:
    """Entity records for mention ids the catalog does not hold: GeoNames cities and unlinked
    names. `mentions` yields (entity_id, entity_type, name_en, surface) of linked mentions."""
    return records_beyond_catalog(count_forms(mentions, known))


def records_beyond_catalog(seen: Forms) -> dict[str, CatalogEntry]:
    """`beyond_catalog` from the counted forms (which add up over disjoint sets of documents)."""
    out: dict[str, CatalogEntry] = {}
    for eid, (etype, names, surfaces) in sorted(seen.items()):
        city = places.by_id().get(eid)
        if city is not None:
            out[eid] = city
            continue
        if not is_unlinked(eid):
            continue  # an unknown id: the entities check reports it
        forms = sorted(surfaces, key=lambda s: (-surfaces[s], s))
        name_en = sorted(names, key=lambda n: (-names[n], n))[0]
        ru = [f for f in forms if _CYRILLIC.search(f)]
        ko = [f for f in forms if _HANGUL.search(f)]
        out[eid] = CatalogEntry(
            entity_id=eid, entity_type=etype, name_en=name_en, name_ru=ru[0] if ru else "",
            name_ko=ko[0] if ko else "", aliases_en=tuple(f for f in forms if f not in ru and f not in ko
                                                          and f != name_en),
            aliases_ru=tuple(ru[1:]), aliases_ko=tuple(ko[1:]), wikidata_id="",
            provenance=UNLINKED_PROVENANCE,
        )
    return out
