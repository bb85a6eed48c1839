"""What a reviewer sees in the Dagster UI: descriptions that render as written, dataset metadata
(published URI, table previews, Arrow types, counts), checks that show samples only on failure."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest
from markdown_it import MarkdownIt

from schemas.registry import DATASETS
from tests.helpers import copy_seeds, run_pipeline


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered_text(markdown: str) -> str:
    """The text a reader sees once Markdown (raw HTML allowed, as in the UI) is rendered."""
    parser = _Visible()
    parser.feed(MarkdownIt("commonmark", {"html": True}).render(markdown))
    return html.unescape("".join(parser.text))


def lost_brackets(markdown: str) -> bool:
    shown = rendered_text(markdown)
    return shown.count("<") != markdown.count("<") or shown.count(">") != markdown.count(">")


def test_the_check_sees_the_old_swallowed_description() -> None:
    assert lost_brackets("Writes every validated dataset to <outputs>/<name>/ as Parquet.")
    assert not lost_brackets("Writes every validated dataset to `<outputs>/<name>/` as Parquet.")
    assert not lost_brackets("`char_start < char_end`, and a -> b")


def _definition_texts() -> dict[str, str]:
    from pipeline.definitions import defs

    graph = defs.resolve_asset_graph()
    texts: dict[str, str] = {}
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        texts[f"asset {key.to_user_string()}"] = node.description or ""
        schema = node.metadata.get("dagster/column_schema")
        for column in schema.columns if schema else []:
            texts[f"column {key.to_user_string()}.{column.name}"] = column.description or ""
    for check_key in graph.asset_check_keys:
        texts[f"check {check_key.to_user_string()}"] = graph.get_check_spec(check_key).description or ""
    job = defs.resolve_job_def("refresh_datasets")
    texts["job"] = job.description or ""
    return texts


def test_descriptions_render_without_losing_markup() -> None:
    texts = _definition_texts()
    assert any("<outputs>" in t for t in texts.values())  # the published_datasets one is covered
    assert [name for name, text in texts.items() if lost_brackets(text)] == []


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dg.ExecuteInProcessResult, Path]:
    base = tmp_path_factory.mktemp("ui_metadata")
    inbox = copy_seeds(base / "inbox")
    (inbox / "notes.bin").write_bytes(b"\x00\x01\x02 not a document")
    result = run_pipeline(inbox, base / "outputs", base / "storage")
    assert result.success
    return result, base / "outputs"


def _metadata(result: dg.ExecuteInProcessResult, asset: str) -> dict:
    (event,) = [e for e in result.get_asset_materialization_events() if e.asset_key.to_user_string() == asset]
    return event.step_materialization_data.materialization.metadata


def test_every_dataset_points_to_its_published_folder(run) -> None:
    result, outputs = run
    for name in DATASETS:
        meta = _metadata(result, name)
        uri = meta["dagster/uri"].value
        assert uri == (outputs / name).as_uri() + "/"
        assert list((outputs / name).glob("*.parquet"))


def test_documents_preview_is_a_table_with_the_analyst_columns(run) -> None:
    result, _ = run
    meta = _metadata(result, "documents")
    preview = meta["preview"]
    assert isinstance(preview, dg.TableMetadataValue)
    names = [c.name for c in preview.schema.columns]
    assert names[:5] == ["title", "published_date", "language", "source_name", "text"]
    assert len(preview.records) == 2
    english = next(r.data for r in preview.records if r.data["language"] == "en")
    assert english["published_date"] == "2019-09-06"
    assert english["title"].startswith("Local governments")
    assert 40 < len(english["text"]) <= 100
    assert meta["documents_by_language"].value == {"en": 1, "ru": 1}


def test_sentences_metadata_has_translation_status_per_language(run) -> None:
    result, _ = run
    meta = _metadata(result, "sentences")
    rows = {r.data["language"]: r.data for r in meta["translation_status_by_language"].records}
    assert rows["en"]["source_english"] > 0
    assert rows["ru"].get("no_model", 0) + rows["ru"].get("translated", 0) > 0
    preview = meta["preview"]
    assert isinstance(preview, dg.TableMetadataValue) and len(preview.records) == 10


def test_rejections_per_reason(run) -> None:
    result, outputs = run
    published = pd.read_parquet(outputs / "rejections")["reason"].value_counts().to_dict()
    assert _metadata(result, "rejections")["rejections_by_reason"].value == published
    assert sum(published.values()) == 1


def test_column_types_are_arrow_types() -> None:
    from pipeline.definitions import defs

    schema = defs.resolve_asset_graph().get(dg.AssetKey("documents")).metadata["dagster/column_schema"]
    types = {c.name: c.type for c in schema.columns}
    assert types["published_date"] == "date32[day]"
    assert types["ingested_at"] == "timestamp[us, tz=UTC]"
    assert types["source_record"] == "int64" and types["title"] == "string"
    assert not [t for t in types.values() if re.search(r"\[python\]|Int64|object", t)]


def test_passing_checks_carry_no_failure_sample_and_conservation_shows_on_documents(run) -> None:
    result, _ = run
    evaluations = result.get_asset_check_evaluations()
    assert all(e.passed for e in evaluations)
    assert not [e for e in evaluations if "failure_sample" in e.metadata]
    conservation = {e.asset_key.to_user_string() for e in evaluations if e.check_name == "conservation"}
    assert conservation == {"documents", "rejections"}


def test_markdown_metadata_renders_as_written(run) -> None:
    result, _ = run
    for event in result.get_asset_materialization_events():
        for key, value in event.step_materialization_data.materialization.metadata.items():
            if isinstance(value, dg.MarkdownMetadataValue):
                assert not lost_brackets(value.value), (event.asset_key, key)


def test_previews_keep_angle_brackets_and_cut_long_text() -> None:
    from pipeline.metadata import EXCERPT_CHARS, table

    title = "<2031 한러 교류 포럼> 안내"  # invented; Korean headlines often quote names in <...>
    df = pd.DataFrame({"title": [title], "text": ["Москва " * 100], "labels": [["LEAD", "News Focus"]]})
    (record,) = table(df).records
    assert record.data["title"] == title
    assert len(record.data["text"]) == EXCERPT_CHARS and record.data["text"].endswith("…")
    assert record.data["labels"] == "LEAD, News Focus"
