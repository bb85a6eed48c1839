"""`topics`: one row per (document, topic) pair that fired."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from schemas.base import HEX16, DatasetModel, Float64, String, list_of_strings

TOPIC_CODES = (
    "diplomacy", "economy_trade", "energy", "transport_logistics", "security_defense", "nuclear_missile",
    "education_science", "culture_people", "regional_local", "arctic_far_east", "parliamentary",
)


class Topics(DatasetModel):
    doc_id: Series[String] = pa.Field(str_matches=HEX16, description="Document key (documents.doc_id).")
    topic: Series[String] = pa.Field(isin=TOPIC_CODES, description="Topic code (English, shared across languages).")
    score: Series[Float64] = pa.Field(ge=0, le=1, description="Strength of the topic in the document body (0..1).")
    evidence: Series[object] = list_of_strings("Matched terms as written in the text (original script).")
