"""`entities`: entities seen in this corpus (catalog, GeoNames cities, unlinked names), with counts."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from schemas.base import DatasetModel, Int64, String, list_of_strings
from schemas.mentions import ENTITY_TYPES


class Entities(DatasetModel):
    entity_id: Series[String] = pa.Field(unique=True, description="Stable id: catalog (e.g. per:vladimir_putin), geonames:ID (GeoNames city), or per:x-HASH / org:x-HASH for a name not in the catalog.")
    entity_type: Series[String] = pa.Field(isin=ENTITY_TYPES, description="PERSON, ORG, GPE, LOC, FAC or EVENT.")
    name_en: Series[String] = pa.Field(description="Canonical English name.")
    name_ru: Series[String] = pa.Field(nullable=True, description="Russian name (nominative).")
    name_ko: Series[String] = pa.Field(nullable=True, description="Korean name.")
    aliases: Series[object] = list_of_strings("Alternative surface forms in any script.")
    wikidata_id: Series[String] = pa.Field(nullable=True, str_matches=r"^Q\d+$", description="Wikidata item id, where one exists.")
    n_documents: Series[Int64] = pa.Field(ge=1, description="Number of distinct documents mentioning the entity.")
    n_mentions: Series[Int64] = pa.Field(ge=1, description="Number of mentions linked to the entity.")
