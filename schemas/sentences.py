"""`sentences`: one row per sentence, with its English text."""

from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from pipeline.text.vocab import STATUSES_WITH_ENGLISH, TRANSLATION_STATUSES
from schemas.base import HEX16, LANGUAGE_PATTERN, DatasetModel, Float64, Int64, String


class Sentences(DatasetModel):
    doc_id: Series[String] = pa.Field(str_matches=HEX16, description="Document key (documents.doc_id).")
    seq: Series[Int64] = pa.Field(ge=0, description="0-based position of the sentence in the document.")
    segment_seq: Series[Int64] = pa.Field(ge=0, description="segments.seq of the segment holding the sentence.")
    char_start: Series[Int64] = pa.Field(ge=0, description="Start offset in documents.text (0-based, inclusive).")
    char_end: Series[Int64] = pa.Field(ge=0, description="End offset in documents.text (exclusive); text[char_start:char_end] == text.")
    text: Series[String] = pa.Field(description="The sentence, exactly documents.text[char_start:char_end].")
    language: Series[String] = pa.Field(str_matches=LANGUAGE_PATTERN, description="ISO 639-1 language of the sentence; 'und' when there is no letter to judge.")
    language_confidence: Series[Float64] = pa.Field(ge=0, le=1, description="Detector confidence for `language` (0..1).")
    text_en: Series[String] = pa.Field(
        nullable=True, description="English: the text itself for English sentences, the machine translation when a model is installed, else null."
    )
    translation_status: Series[String] = pa.Field(
        isin=TRANSLATION_STATUSES, description="source_english, translated, no_model (no package for the language) or failed (model error)."
    )
    translation_model: Series[String] = pa.Field(nullable=True, description="Id of the translation model that produced text_en, when translated.")

    @pa.dataframe_check(description="char_start < char_end")
    def ordered_offsets(cls, df):  # noqa: N805
        return df["char_start"] < df["char_end"]

    @pa.dataframe_check(description="text_en is set exactly when the status says there is one")
    def text_en_matches_status(cls, df):  # noqa: N805
        has_text = df["text_en"].notna()
        should = df["translation_status"].isin(STATUSES_WITH_ENGLISH)
        return has_text == should
