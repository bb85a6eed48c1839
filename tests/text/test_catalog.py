"""The entity catalog: well-formed, unique ids, the Koreas and Russia with their variants."""

from __future__ import annotations

import re

from pipeline.text.tagging import load_catalog
from pipeline.text.types import ENTITY_TYPES


def test_catalog_rows_are_well_formed() -> None:
    entries = load_catalog().entries
    assert len(entries) > 400
    ids = [e.entity_id for e in entries]
    assert len(ids) == len(set(ids))
    for e in entries:
        assert re.fullmatch(r"[a-z]+:[a-z0-9_]+", e.entity_id), e.entity_id
        assert e.entity_type in ENTITY_TYPES and e.entity_type not in ("TITLE", "DATE")
        assert e.name_en
        assert not e.wikidata_id or re.fullmatch(r"Q\d+", e.wikidata_id)


def test_countries_come_from_cldr_with_three_scripts() -> None:
    cldr = [e for e in load_catalog().entries if e.provenance.startswith("CLDR via Babel")]
    assert len(cldr) > 200
    assert sum(bool(e.name_ru and e.name_ko) for e in cldr) >= 0.95 * len(cldr)


def test_korea_and_russia_variants() -> None:
    by_id = load_catalog().by_id
    south, north, russia = by_id["gpe:south_korea"], by_id["gpe:north_korea"], by_id["gpe:russia"]
    assert {"ROK", "Republic of Korea", "Korea", "РК", "Южная Корея", "한국", "남한"} <= set(south.aliases)
    assert {"DPRK", "N. Korea", "Северная Корея", "조선"} <= set(north.aliases) | {north.name_ru}
    assert {"Russian Federation", "РФ", "Российская Федерация", "러시아연방"} <= set(russia.aliases)
    assert (south.wikidata_id, north.wikidata_id, russia.wikidata_id) == ("Q884", "Q423", "Q159")
    assert by_id["org:sco"].name_en == "Shanghai Cooperation Organisation"
    assert by_id["per:vladimir_putin"].wikidata_id == "Q7747"
