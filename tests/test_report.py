"""The `report` asset: PNG charts and an index.html beside the datasets, every language shown,
Cyrillic and Hangul drawn (or Hangul romanised when no font can draw it)."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest
from PIL import Image

from pipeline.report import REPORT_DIR, _label, build_charts, hangul_font, language_name
from tests.helpers import copy_seeds, dev_corpus, run_pipeline

CHARTS = ("documents_by_language", "documents_by_month", "top_entities", "topic_mix", "translation_status",
          "rejections_by_reason")


def _run(base: Path, inbox: Path) -> tuple[dg.ExecuteInProcessResult, Path]:
    result = run_pipeline(inbox, base / "outputs", base / "storage")
    assert result.success
    return result, base / "outputs"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[dg.ExecuteInProcessResult, Path]:
    base = tmp_path_factory.mktemp("report_seeds")
    return _run(base, copy_seeds(base / "inbox"))


def test_report_files_are_written_beside_the_datasets(seeds) -> None:
    result, outputs = seeds
    folder = outputs / REPORT_DIR
    assert sorted(p.name for p in folder.iterdir()) == sorted([*(f"{c}.png" for c in CHARTS), "index.html"])
    for chart in CHARTS:
        with Image.open(folder / f"{chart}.png") as image:
            assert image.format == "PNG" and image.width >= 600 and image.height >= 150
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert all(f'src="{c}.png"' in index for c in CHARTS)
    # not a dataset: the manifest (the publication contract) lists the datasets only
    manifest = json.loads((outputs / "manifest.json").read_text(encoding="utf-8"))
    assert REPORT_DIR not in manifest["datasets"]
    assert not (outputs / ".staging").exists()


def test_report_asset_shows_the_charts_in_the_ui(seeds) -> None:
    result, outputs = seeds
    (event,) = [e for e in result.get_asset_materialization_events() if e.asset_key.to_user_string() == "report"]
    meta = event.step_materialization_data.materialization.metadata
    assert meta["dagster/uri"].value == (outputs / REPORT_DIR).as_uri() + "/"
    markdown = meta["report"].value
    assert markdown.count("](data:image/png;base64,") == len(CHARTS)


def _languages_shown(outputs: Path) -> None:
    """Every document language appears in the per-language charts' numbers in index.html."""
    index = (outputs / REPORT_DIR / "index.html").read_text(encoding="utf-8")
    languages = set(pd.read_parquet(outputs / "documents")["language"])
    assert languages
    sections = dict(re.findall(r"<h2>(.*?)</h2>(.*?)(?=<h2>|</body>)", index, flags=re.S))
    for title in ("Documents per language", "Translation status by language", "Topic mix by language"):
        for language in languages:
            assert f"<td>{language}</td>" in sections[title] or f"<th>{language}</th>" in sections[title], (title, language)
    top = sections["Top entities per language"]
    with_mentions = set(pd.read_parquet(outputs / "mentions").merge(
        pd.read_parquet(outputs / "documents")[["doc_id", "language"]], on="doc_id")["language"])
    assert all(f"<td>{language}</td>" in top for language in with_mentions)


def test_every_language_of_the_seeds_is_in_the_report(seeds) -> None:
    _, outputs = seeds
    _languages_shown(outputs)


@pytest.mark.slow
def test_every_language_of_the_dev_corpus_is_in_the_report(tmp_path: Path) -> None:
    _, outputs = _run(tmp_path, dev_corpus() / "docs")
    assert {"en", "ru", "ko"} <= set(pd.read_parquet(outputs / "documents")["language"])
    _languages_shown(outputs)


def test_cyrillic_and_hangul_labels_are_drawn_without_missing_glyphs(seeds) -> None:
    _, outputs = seeds
    assert hangul_font() is not None, "koreanize-matplotlib (NanumGothic) is a dependency"
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing.*")
        charts = build_charts(outputs)
        for chart in charts:
            ax = chart.figure.axes[0]
            ax.set_xlabel("Москва · 블라디보스토크")
            chart.figure.canvas.draw()


def test_hangul_is_romanised_when_no_font_can_draw_it() -> None:
    romanised = _label("블라디보스토크", can_draw_hangul=False)
    assert romanised.startswith("Beulladiboseu") and romanised.isascii()
    assert _label("Владивосток", can_draw_hangul=False) == "Владивосток"  # DejaVu draws Cyrillic
    assert _label("블라디보스토크", can_draw_hangul=True) == "블라디보스토크"
    assert language_name("ko") == "ko (Korean)"


def test_the_usual_language_names_are_babels() -> None:
    from babel import Locale

    from pipeline.report import LANGUAGE_NAMES

    assert {code: Locale("en").languages[code] for code in LANGUAGE_NAMES} == LANGUAGE_NAMES
    assert language_name("ja") == "ja (Japanese)" and language_name("xx-nothing") == "xx-nothing"


def test_an_empty_publication_still_gets_a_report(tmp_path: Path) -> None:
    from pipeline.publish import publish_all
    from pipeline.report import write_report
    from schemas.registry import DATASETS, conform, empty_frame

    publish_all({name: conform(name, empty_frame(name)) for name in DATASETS}, tmp_path)
    report = write_report(tmp_path)
    assert report.files == sorted([*(f"{c}.png" for c in CHARTS), "index.html"])
    assert "0 documents" in (tmp_path / REPORT_DIR / "index.html").read_text(encoding="utf-8")


def test_dates_spanning_decades_are_counted_per_year() -> None:
    import datetime as dt

    from pipeline.report import documents_by_month

    docs = pd.DataFrame({
        "published_date": [dt.date(2002, 11, 5), dt.date(2022, 11, 1), dt.date(2017, 5, 2), None],
        "language": ["en", "ko", "ru", "ru"],
    })
    chart = documents_by_month(docs)
    assert chart.title == "Documents per year" and list(chart.numbers.columns[:1]) == ["year"]
    assert chart.numbers["year"].tolist() == [str(y) for y in range(2002, 2023)]
    recent = documents_by_month(docs.iloc[2:])
    assert recent.title == "Documents per month" and recent.numbers["month"].tolist() == ["2017-05"]


def test_the_report_is_redrawn_only_when_the_published_datasets_change(tmp_path: Path) -> None:
    """Over an unchanged publication the live report is kept (no chart drawn again); a changed
    dataset, or a store that does not reuse, draws it again."""
    from pipeline.publish import publish_all
    from pipeline.report import write_report
    from pipeline.shards import Store
    from schemas.registry import DATASETS, conform, empty_frame

    outputs = tmp_path / "outputs"
    frames = {name: conform(name, empty_frame(name)) for name in DATASETS}
    publish_all(frames, outputs)
    memo = Store(str(tmp_path / "store"))
    first = write_report(outputs, memo=memo)
    stamps = {f: (outputs / REPORT_DIR / f).stat().st_mtime_ns for f in first.files}
    again = write_report(outputs, memo=memo)
    assert (again.drawn, again.files, again.markdown) == (False, first.files, first.markdown)
    assert {f: (outputs / REPORT_DIR / f).stat().st_mtime_ns for f in first.files} == stamps
    assert write_report(outputs, memo=Store(str(tmp_path / "store"), reuse=False)).drawn

    rejections = pd.DataFrame([{**{c: None for c in frames["rejections"].columns}, "source_file": "a.bin",
                                "reason": "unsupported_format", "detail": "binary", "stage": "ingest", "n_bytes": 3,
                                "detected_at": pd.Timestamp("2026-01-05", tz="UTC")}])
    publish_all({**frames, "rejections": conform("rejections", rejections)}, outputs)
    redrawn = write_report(outputs, memo=memo)
    assert redrawn.drawn
    assert "1 rejected inputs" in (outputs / REPORT_DIR / "index.html").read_text(encoding="utf-8")


def test_charts_drawn_in_a_forked_process_are_the_ones_drawn_here(seeds, monkeypatch: pytest.MonkeyPatch) -> None:
    """Half the charts are drawn in a forked process at the same time as the rest: the PNGs
    and numbers are the same as when every chart is drawn in this process."""
    import pipeline.report as report

    _, outputs = seeds
    forked = report.draw_charts(outputs)
    monkeypatch.setattr(report, "FORKED_CHARTS", ())
    here = report.draw_charts(outputs)
    assert [c.file for c, _ in forked] == [c.file for c, _ in here] == [f"{c}.png" for c in CHARTS]
    for (a, png_a), (b, png_b) in zip(forked, here, strict=True):
        assert png_a == png_b, a.file
        assert a.numbers.equals(b.numbers) and a.caption == b.caption


def test_the_charts_drawn_ahead_from_the_parts_are_the_ones_drawn_from_the_publication(seeds) -> None:
    """A small run (no worker pool) draws its charts from the datasets' part files while it
    validates them; the report step takes those, and they are the PNGs and numbers drawn from
    the published datasets."""
    import pipeline.report as report

    result, outputs = seeds
    (event,) = [e for e in result.get_asset_materialization_events() if e.asset_key.to_user_string() == "report"]
    assert event.step_materialization_data.materialization.metadata["drawn_ahead"].value is True
    here = report.draw_charts(outputs, fork=False)
    for chart, png in here:
        assert (outputs / REPORT_DIR / chart.file).read_bytes() == png, chart.file
    index = (outputs / REPORT_DIR / "index.html").read_text(encoding="utf-8")
    assert index == report.index_html([c for c, _ in here], report.summary_line(outputs))


def test_charts_drawn_ahead_for_other_datasets_are_not_used(tmp_path: Path) -> None:
    """Parts that are not what was published (a check failed, a subset ran): drawn afresh."""
    from pipeline import report
    from pipeline.publish import publish_all
    from pipeline.shards import Store
    from schemas.registry import DATASETS, conform, empty_frame

    outputs, store = tmp_path / "outputs", Store(str(tmp_path / "store"))
    publish_all({name: conform(name, empty_frame(name)) for name in DATASETS}, outputs)
    key = report._report_key(outputs)
    (store.path("report", "ahead", "another-key")).mkdir(parents=True)
    written = report.write_report(outputs, memo=store)
    assert written.drawn and not written.ahead
    assert key is not None and not store.path("report", "ahead", "another-key").exists()
