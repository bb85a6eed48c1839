"""The Pandera models are the single declaration of every published column."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from schemas.registry import DATASETS, arrow_schema, columns, data_dictionary, empty_frame, validate

CONTRACT = {
    "documents", "segments", "sentences", "related_headlines", "rejections", "mentions", "entities", "topics",
}


def test_every_contract_dataset_has_a_model_with_described_columns() -> None:
    assert set(DATASETS) == CONTRACT
    for name, model in DATASETS.items():
        for col_name, col in columns(model).items():
            assert col.description, f"{name}.{col_name} has no description"


def test_arrow_schema_carries_the_descriptions() -> None:
    for name in DATASETS:
        schema = arrow_schema(name)
        assert isinstance(schema, pa.Schema)
        assert list(schema.names) == list(columns(DATASETS[name]))
        for field in schema:
            assert field.metadata and field.metadata[b"description"]


def test_empty_frames_validate() -> None:
    for name in DATASETS:
        ok, failures = validate(name, empty_frame(name))
        assert failures is None and ok is not None and len(ok) == 0


def test_sentences_reject_inconsistent_translation_status() -> None:
    row = {
        "doc_id": "0123456789abcdef", "seq": 0, "segment_seq": 0, "char_start": 0, "char_end": 5, "text": "Привет",
        "language": "ru", "language_confidence": 0.9, "text_en": None, "translation_status": "translated",
        "translation_model": None,
    }
    df = pd.DataFrame([row])
    ok, failures = validate("sentences", df)
    assert ok is None and failures is not None and len(failures) > 0


def test_data_dictionary_lists_every_column() -> None:
    text = data_dictionary()
    for name, model in DATASETS.items():
        assert name in text
        for col in columns(model):
            assert f"`{col}`" in text
