"""`mentions`: entity mentions in document text, linked to the catalog where possible."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from schemas.base import HEX16, DatasetModel, Date, Float64, Int64, String

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "TITLE", "DATE")
METHODS = ("gazetteer", "ner", "pattern")


class Mentions(DatasetModel):
    doc_id: Series[String] = pa.Field(str_matches=HEX16, description="Document key (documents.doc_id).")
    seq: Series[Int64] = pa.Field(ge=0, description="0-based position of the mention in the document (by offset).")
    sentence_seq: Series[Int64] = pa.Field(nullable=True, ge=0, description="sentences.seq of the sentence holding the mention.")
    char_start: Series[Int64] = pa.Field(ge=0, description="Start offset in documents.text (0-based, inclusive).")
    char_end: Series[Int64] = pa.Field(ge=0, description="End offset in documents.text (exclusive); text[char_start:char_end] == surface.")
    surface: Series[String] = pa.Field(description="The mention as written, original script and inflection.")
    entity_type: Series[String] = pa.Field(isin=ENTITY_TYPES, description="PERSON, ORG, GPE, LOC, FAC, EVENT, TITLE or DATE.")
    entity_id: Series[String] = pa.Field(nullable=True, description="Entity id (entities.entity_id): a catalog id, geonames:ID for a GeoNames city, per:x-HASH / org:x-HASH (hash of the normalised English name) for an unlinked person/organisation (stable across documents); null for other unlinked mentions.")
    name_en: Series[String] = pa.Field(
        str_length={"min_value": 1}, description="Canonical English name when linked, else a standard romanisation (BGN/PCGN, Revised Romanization); ISO date for DATE."
    )
    method: Series[String] = pa.Field(isin=METHODS, description="How it was found: gazetteer (catalog), ner (statistical model) or pattern.")
    confidence: Series[Float64] = pa.Field(ge=0, le=1, description="Confidence of the mention (0..1).")
    date_value: Series[Date] = pa.Field(nullable=True, description="Resolved calendar date for DATE mentions, else null.")
    title_of: Series[Int64] = pa.Field(nullable=True, ge=0, description="For TITLE mentions: mentions.seq of the PERSON the title belongs to.")
