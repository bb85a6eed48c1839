"""`related_headlines`: headlines listed after an article (Yonhap-style trailer), kept out of the text."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from schemas.base import HEX16, LANGUAGE_PATTERN, DatasetModel, Int64, String, list_of_strings


class RelatedHeadlines(DatasetModel):
    doc_id: Series[String] = pa.Field(str_matches=HEX16, description="Document key of the article the list was attached to.")
    seq: Series[Int64] = pa.Field(ge=0, description="0-based position in the trailer.")
    text: Series[String] = pa.Field(description="Headline text without its labels.")
    language: Series[String] = pa.Field(str_matches=LANGUAGE_PATTERN, description="ISO 639-1 language of the headline.")
    labels: Series[object] = list_of_strings("Labels that preceded the headline, e.g. LEAD, News Focus (empty list when none).")
