"""The visual report: PNG charts of the published datasets and an index.html embedding them.

Charts are drawn with matplotlib's Agg canvas (no display, no pyplot state). Labels mix
English names with the original Russian and Korean forms: DejaVu Sans (shipped with
matplotlib) covers Latin and Cyrillic; Hangul needs NanumGothic (SIL OFL 1.1), which the
`koreanize-matplotlib` package ships and which is used from its folder without importing it
(importing it would change matplotlib's global settings). Any installed Hangul font works
too; with none, Korean labels are romanised (Revised Romanization) instead of drawn as boxes.

The report is written to `<outputs>/report/` through the same staging-and-swap as the
datasets, so a reader never sees half a report; it is not a dataset and not in the manifest.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import importlib.util
import io
import json
import re
import textwrap
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import dagster as dg
import pandas as pd

if TYPE_CHECKING:  # matplotlib is imported when a report is drawn, not when the code location loads
    from matplotlib.figure import Figure

from pipeline.publish import STAGING, clear_staging, swap_in
from pipeline.resources import PipelineConfig
from pipeline.runner import import_while_waiting, imports_done
from pipeline.shards import Store, digest
from pipeline.text.scripts import HANGUL_LETTER

REPORT_DIR = "report"
import_while_waiting("matplotlib.figure", "matplotlib.backends.backend_agg", "matplotlib.ticker")
TOP_ENTITIES = 10
NAMED_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT")
DPI = 100
# Sentence translation statuses, in the order they are stacked.
STATUSES = ("source_english", "translated", "no_model", "failed")
STATUS_COLOURS = {"source_english": "#4c78a8", "translated": "#54a24b", "no_model": "#bab0ac", "failed": "#e45756"}
LANGUAGE_COLOURS = {"en": "#4c78a8", "ru": "#e45756", "ko": "#54a24b", "und": "#bab0ac"}
OTHER_COLOURS = ("#f58518", "#b279a2", "#9d755d", "#72b7b2", "#eeca3b")


def language_colour(code: str) -> str:
    if code in LANGUAGE_COLOURS:
        return LANGUAGE_COLOURS[code]
    return OTHER_COLOURS[sum(map(ord, code)) % len(OTHER_COLOURS)]


@dataclass
class Chart:
    file: str
    title: str
    caption: str
    figure: Figure | None  # None once rendered (`draw_charts`)
    numbers: pd.DataFrame = field(default_factory=pd.DataFrame)


@functools.lru_cache(maxsize=1)  # registers the font once per process
def hangul_font() -> str | None:
    """Name of a font that draws Hangul: NanumGothic from koreanize-matplotlib, else an installed one."""
    from matplotlib import font_manager

    spec = importlib.util.find_spec("koreanize_matplotlib")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        regular = Path(folder, "fonts", "NanumGothic.ttf")
        if regular.is_file():
            for ttf in (regular, regular.with_name("NanumGothicExtraBold.ttf")):
                if ttf.is_file():
                    font_manager.fontManager.addfont(str(ttf))
            return font_manager.FontProperties(fname=str(regular)).get_name()
    for entry in font_manager.fontManager.ttflist:
        if re.search(r"Nanum|Noto Sans (CJK|KR)|Noto Serif (CJK|KR)|UnDotum|Baekmuk|Malgun|AppleGothic", entry.name):
            return entry.name
    return None


def _wrap(text: str, width: int = 48) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _label(text: str, can_draw_hangul: bool) -> str:
    if can_draw_hangul or not HANGUL_LETTER.search(text):
        return text
    from pipeline.text.tagging.romanize import romanize_ko

    return romanize_ko(text)


# The usual codes by name; others are looked up in babel's locale data (0.35 s to load).
LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "ko": "Korean", "und": "Unknown language"}


def language_name(code: str) -> str:
    name = LANGUAGE_NAMES.get(code)
    if name is None:
        from babel import Locale, UnknownLocaleError

        try:
            name = Locale("en").languages.get(code)
        except UnknownLocaleError:
            name = None
    return f"{code} ({name})" if name else code


def _figure(height: float = 4.0, width: float = 8.0) -> Figure:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    return fig


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, color="#555555", transform=ax.transAxes)
    ax.set_axis_off()


def _bar_labels(ax, bars) -> None:
    ax.bar_label(bars, padding=2, fontsize=8)


def _whole_numbers(axis) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _legend_above(ax, n: int) -> None:
    ax.legend(fontsize=8, ncols=max(1, n), loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False)


def documents_by_language(documents: pd.DataFrame) -> Chart:
    counts = documents["language"].value_counts().sort_index()
    fig = _figure(3.2)
    ax = fig.add_subplot()
    if counts.empty:
        _empty(ax, "no documents")
    else:
        bars = ax.bar([language_name(c) for c in counts.index], counts.values,
                      color=[language_colour(c) for c in counts.index], width=0.6)
        _bar_labels(ax, bars)
        _whole_numbers(ax.yaxis)
        ax.set_ylabel("documents")
        dups = int(documents["duplicate_of"].notna().sum())
        ax.set_title(f"{len(documents)} documents, of which {dups} duplicate{'s' if dups != 1 else ''} of another", fontsize=10)
    numbers = counts.rename("documents").rename_axis("language").reset_index()
    return Chart("documents_by_language.png", "Documents per language", "Language of the article body.", fig, numbers)


# Bars per month while the dates span a few years; over longer spans months become slivers.
PERIODS = (("M", "month", 48), ("Q", "quarter", 160), ("Y", "year", None))


def documents_by_month(documents: pd.DataFrame) -> Chart:
    dated = documents[documents["published_date"].notna()]
    dates = pd.to_datetime(dated["published_date"])
    freq, unit = "M", "month"
    if len(dated):
        months = (dates.max().year - dates.min().year) * 12 + dates.max().month - dates.min().month + 1
        freq, unit = next((f, u) for f, u, limit in PERIODS if limit is None or months <= limit)
    periods = dates.dt.to_period(freq).astype(str)
    table = pd.crosstab(periods, dated["language"]) if len(dated) else pd.DataFrame()
    fig = _figure(3.6)
    ax = fig.add_subplot()
    undated = len(documents) - len(dated)
    if table.empty:
        _empty(ax, f"no document states a publication date ({undated} undated)")
    else:
        full = pd.period_range(min(table.index), max(table.index), freq=freq).astype(str)
        table = table.reindex(full, fill_value=0)
        bottom = pd.Series(0, index=table.index)
        positions = range(len(table.index))
        for lang in table.columns:
            ax.bar(positions, table[lang], bottom=bottom, label=language_name(lang), color=language_colour(lang), width=0.8)
            bottom += table[lang]
        ax.set_xlim(-0.5 - max(0, 3 - len(table)), len(table) - 0.5 + max(0, 3 - len(table)))
        _whole_numbers(ax.yaxis)
        ax.set_ylabel(f"documents per {unit}")
        _legend_above(ax, len(table.columns))
        ax.set_title(f"{len(dated)} dated documents; {undated} without a stated date", fontsize=9, loc="right")
        step = max(1, len(table.index) // 12)
        ax.set_xticks(range(0, len(table.index), step), table.index[::step], rotation=45, ha="right", fontsize=8)
    numbers = table.reset_index(names=unit) if not table.empty else pd.DataFrame()
    return Chart(
        "documents_by_month.png", f"Documents per {unit}",
        f"Publication date (`published_date`) by language, counted per {unit}"
        + (" (the dates span too many years for monthly bars)." if unit != "month" else "."),
        fig, numbers,
    )


def _native_names(entities: pd.DataFrame, lang: str) -> dict[str, str]:
    """entity_id -> the catalog's name in the document language (nominative), where it has one."""
    col = f"name_{lang}"
    if col not in entities.columns:
        return {}
    return {k: v for k, v in zip(entities["entity_id"], entities[col], strict=True) if isinstance(v, str) and v}


def top_entities(documents: pd.DataFrame, mentions: pd.DataFrame, entities: pd.DataFrame, can_draw_hangul: bool) -> Chart:
    named = mentions[mentions["entity_type"].isin(NAMED_TYPES)].merge(
        documents[["doc_id", "language"]], on="doc_id", how="inner"
    )
    languages = sorted(named["language"].unique())
    fig = _figure(max(3.0, 2.9 * max(1, len(languages))), 8.5)
    rows = []
    if not languages:
        _empty(fig.add_subplot(), "no named entities")
    for i, lang in enumerate(languages):
        ax = fig.add_subplot(len(languages), 1, i + 1)
        mine = named[named["language"] == lang]
        top = mine.groupby("name_en").agg(mentions=("doc_id", "size"), documents=("doc_id", "nunique")).sort_values(
            ["mentions", "documents"], ascending=False, kind="stable").head(TOP_ENTITIES)
        # As written in the language: the catalog's own name when linked, else the commonest form
        # (found for the shown entities only: for every entity it took most of the report's time
        # at 10k documents).
        shown = mine[mine["name_en"].isin(top.index)]
        native = _native_names(entities, lang)
        forms = pd.Series([native.get(e) if isinstance(e, str) else None for e in shown["entity_id"]],
                          index=shown.index, dtype=object).fillna(shown["surface"])
        top["surface"] = forms.groupby(shown["name_en"]).agg(lambda s: s.value_counts().index[0])
        top = top.iloc[::-1]
        labels = [
            _wrap(name if lang == "en" or surface == name else f"{name} · {_label(surface, can_draw_hangul)}")
            for name, surface in zip(top.index, top["surface"], strict=True)
        ]
        bars = ax.barh(labels, top["mentions"], color=language_colour(lang))
        _bar_labels(ax, bars)
        _whole_numbers(ax.xaxis)
        ax.set_title(f"{language_name(lang)} documents", fontsize=10)
        ax.tick_params(axis="y", labelsize=8)
        rows += [{"language": lang, "name_en": n, "as_written": s, "mentions": int(m)}
                 for n, s, m in zip(top.index[::-1], top["surface"][::-1], top["mentions"][::-1], strict=True)]
    return Chart(
        "top_entities.png", "Top entities per language",
        "Most mentioned people, organisations and places in each language's documents: English name · name in that language (the catalog's, else the commonest form as written).",
        fig, pd.DataFrame(rows),
    )


def topic_mix(documents: pd.DataFrame, topics: pd.DataFrame) -> Chart:
    joined = topics.merge(documents[["doc_id", "language"]], on="doc_id", how="inner")
    per_lang = documents["language"].value_counts()
    table = pd.crosstab(joined["topic"], joined["language"]) if len(joined) else pd.DataFrame()
    fig = _figure(max(3.0, 0.4 * len(table) + 1.5), 7.5)
    ax = fig.add_subplot()
    if table.empty:
        _empty(ax, "no topics")
        numbers = pd.DataFrame()
    else:
        share = (table / per_lang.reindex(table.columns)).fillna(0) * 100
        image = ax.imshow(share.values, cmap="Blues", vmin=0, vmax=100, aspect="auto")
        ax.set_xticks(range(len(share.columns)), [language_name(c) for c in share.columns], fontsize=8)
        ax.set_yticks(range(len(share.index)), share.index, fontsize=8)
        for (r, c), value in pd.DataFrame(share.values).stack().items():
            ax.text(c, r, f"{value:.0f}%\n({table.values[r, c]})", ha="center", va="center", fontsize=7,
                    color="white" if value > 60 else "black")
        fig.colorbar(image, ax=ax, label="% of the language's documents")
        numbers = table.reset_index()
    return Chart("topic_mix.png", "Topic mix by language",
                 "Share (and number) of each language's documents in which a topic fired.", fig, numbers)


def rejections_by_reason(rejections: pd.DataFrame) -> Chart:
    counts = rejections["reason"].value_counts().sort_values()
    fig = _figure(max(2.2, 0.45 * len(counts) + 1.2))
    ax = fig.add_subplot()
    if counts.empty:
        _empty(ax, "no input was rejected")
    else:
        bars = ax.barh(counts.index, counts.values, color="#e45756", height=0.6)
        _bar_labels(ax, bars)
        _whole_numbers(ax.xaxis)
        ax.set_xlabel("inputs")
    numbers = counts.sort_values(ascending=False).rename("inputs").rename_axis("reason").reset_index()
    return Chart("rejections_by_reason.png", "Rejections by reason", "Inputs that could not become a document.", fig, numbers)


def translation_status(sentences: pd.DataFrame) -> Chart:
    table = pd.crosstab(sentences["language"], sentences["translation_status"]) if len(sentences) else pd.DataFrame()
    fig = _figure(max(2.2, 0.5 * len(table) + 1.4))
    ax = fig.add_subplot()
    if table.empty:
        _empty(ax, "no sentences")
    else:
        table = table.reindex(columns=[s for s in STATUSES if s in table.columns])
        left = pd.Series(0, index=table.index)
        names = [language_name(c) for c in table.index]
        for status in table.columns:
            ax.barh(names, table[status], left=left, label=status, color=STATUS_COLOURS[status], height=0.6)
            left += table[status]
        ax.set_xlabel("sentences")
        _whole_numbers(ax.xaxis)
        _legend_above(ax, len(table.columns))
    numbers = table.reset_index() if not table.empty else pd.DataFrame()
    return Chart("translation_status.png", "Translation status by language",
                 "Sentences per language: English already, machine-translated, no model installed, or failed.", fig, numbers)


# The columns the charts read (not the texts: the report stays cheap on a large archive).
CHART_COLUMNS: dict[str, list[str] | None] = {
    "documents": ["doc_id", "language", "published_date", "duplicate_of"],
    "sentences": ["language", "translation_status"],
    "mentions": ["doc_id", "entity_type", "entity_id", "name_en", "surface"],
    "entities": None,
    "topics": ["doc_id", "topic"],
    "rejections": ["reason"],
}


# The charts, in report order, from the datasets read (`CHART_COLUMNS`) and whether Hangul can be drawn.
CHART_BUILDERS: tuple[Callable[[dict[str, pd.DataFrame], bool], Chart], ...] = (
    lambda read, hangul: documents_by_language(read["documents"]),
    lambda read, hangul: documents_by_month(read["documents"]),
    lambda read, hangul: top_entities(read["documents"], read["mentions"], read["entities"], hangul),
    lambda read, hangul: topic_mix(read["documents"], read["topics"]),
    lambda read, hangul: translation_status(read["sentences"]),
    lambda read, hangul: rejections_by_reason(read["rejections"]),
)
# Drawn in a forked process while this one draws the rest: matplotlib's layout and rendering
# hold the GIL, and the report was the largest step of a re-run after one added file (2 s).
FORKED_CHARTS = (2, 4)


def _read(outputs: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(outputs / name, columns=cols) for name, cols in CHART_COLUMNS.items()}


def _read_parts(paths: Mapping[str, Sequence[str]]) -> dict[str, pd.DataFrame]:
    """`_read` of the part files `published_datasets` is about to link into the dataset folders
    (the same files, read in the same order: the folder's files sorted by name)."""
    import pyarrow.parquet as pq

    return {name: pq.read_table(sorted(paths[name], key=lambda p: Path(p).name), columns=cols).to_pandas()
            for name, cols in CHART_COLUMNS.items()}


def _families(hangul: str | None) -> list[str]:
    return ["DejaVu Sans", *([hangul] if hangul else [])]


def build_charts(outputs: Path) -> list[Chart]:
    """Every chart, from the published datasets (what analysts actually have)."""
    read = _read(outputs)
    hangul = hangul_font()
    from matplotlib import rc_context

    with rc_context(_rc(hangul)):
        return [build(read, hangul is not None) for build in CHART_BUILDERS]


def _rc(hangul: str | None) -> dict[str, object]:
    return {"font.family": _families(hangul), "axes.spines.top": False, "axes.spines.right": False}


def _render(chart: Chart, families: list[str]) -> bytes:
    from matplotlib import rc_context

    with rc_context({"font.family": families}):
        chart.figure.suptitle(chart.title, fontsize=12, fontweight="bold")
        sink = io.BytesIO()
        chart.figure.savefig(sink, format="png", metadata={"Software": None})
    return sink.getvalue()


_drawing: tuple[dict[str, pd.DataFrame], str | None] | None = None  # what `_draw` reads (inherited by a fork)


def _draw(indices: Sequence[int]) -> list[tuple[Chart, bytes]]:
    """Charts `indices` built and rendered to PNG from `_drawing`, without their figures."""
    from matplotlib import rc_context

    assert _drawing is not None
    read, hangul = _drawing
    drawn = []
    with rc_context(_rc(hangul)):
        for i in indices:
            chart = CHART_BUILDERS[i](read, hangul is not None)
            png = _render(chart, _families(hangul))
            drawn.append((replace(chart, figure=None), png))
    return drawn


def draw_charts(outputs: Path, read: dict[str, pd.DataFrame] | None = None, fork: bool = True) -> list[tuple[Chart, bytes]]:
    """Every chart and its PNG, from the published datasets (or `read`), `FORKED_CHARTS` drawn
    in a forked process at the same time as the others here (all here without `fork`, where
    processes cannot be forked, or if the fork fails: the same pictures either way)."""
    global _drawing
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    import matplotlib.backends.backend_agg  # noqa: F401 - imported once, before the fork

    imports_done()
    _drawing = (_read(outputs) if read is None else read, hangul_font())
    try:
        here = [i for i in range(len(CHART_BUILDERS)) if i not in FORKED_CHARTS]
        forked: dict[int, tuple[Chart, bytes]] = {}
        if fork and "fork" in mp.get_all_start_methods():
            with ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("fork")) as pool:
                future = pool.submit(_draw, FORKED_CHARTS)
                mine = dict(zip(here, _draw(here), strict=True))
                try:
                    forked = dict(zip(FORKED_CHARTS, future.result(), strict=True))
                except Exception:  # noqa: BLE001 - a failed fork or worker: draw its charts here
                    forked = dict(zip(FORKED_CHARTS, _draw(FORKED_CHARTS), strict=True))
        else:
            mine = dict(zip(range(len(CHART_BUILDERS)), _draw(range(len(CHART_BUILDERS))), strict=True))
        return [{**mine, **forked}[i] for i in range(len(CHART_BUILDERS))]
    finally:
        _drawing = None


def _html_table(df: pd.DataFrame) -> str:
    if df.empty:
        return ""
    return df.to_html(index=False, border=0, classes="numbers", escape=True)


def index_html(charts: list[Chart], summary: str) -> str:
    parts = [
        "<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
        "<title>Korea–Russia documents: report</title>",
        "<style>body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}"
        "img{max-width:100%;border:1px solid #ddd}table.numbers{border-collapse:collapse;font-size:13px}"
        "table.numbers td,table.numbers th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left}</style>",
        "</head><body>", "<h1>Korea–Russia documents: report</h1>", f"<p>{html.escape(summary)}</p>",
    ]
    for chart in charts:
        parts += [
            f"<h2>{html.escape(chart.title)}</h2>",
            f"<p>{html.escape(chart.caption.replace('`', ''))}</p>",
            f'<img src="{chart.file}" alt="{html.escape(chart.title)}">',
            "<details><summary>numbers</summary>", _html_table(chart.numbers), "</details>",
        ]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def summary_line(outputs: Path) -> str:
    docs = pd.read_parquet(outputs / "documents", columns=["language"])
    rej = pd.read_parquet(outputs / "rejections", columns=["reason"])
    langs = ", ".join(f"{k}: {v}" for k, v in docs["language"].value_counts().sort_index().items())
    return f"{len(docs)} documents ({langs}); {len(rej)} rejected inputs."


@dataclass(frozen=True)
class Report:
    folder: Path
    files: list[str]
    markdown: str
    drawn: bool = True  # False: the live report already showed these datasets
    ahead: bool = False  # its charts were drawn while the datasets were validated (`draw_ahead`)


def write_report(outputs: Path, memo: Store | None = None) -> Report:
    """Draw every chart into a staging folder, then swap it in as `<outputs>/report/`.

    With a `memo` store, the report is drawn only when what it shows may differ from the
    live one: the published datasets (their sha256 in the manifest), this module's code or
    the Hangul font. A run over an unchanged inbox (the daily schedule's usual case) then
    keeps the live report instead of redrawing it (about 2 s)."""
    key = _report_key(outputs) if memo is not None and memo.reuse else None
    if key is not None:
        drawn = memo.read_json(memo.path("report", "drawn.json"))
        live = outputs / REPORT_DIR
        if drawn and drawn.get("key") == key and all((live / f).is_file() for f in drawn["files"]):
            return Report(live, drawn["files"], drawn["markdown"], drawn=False)
    drawn = _drawn_ahead(key, memo) if key is not None else None
    ahead = drawn is not None
    drawn = drawn or draw_charts(outputs)
    charts = [chart for chart, _ in drawn]
    summary = summary_line(outputs)
    clear_staging(outputs)
    staging = outputs / STAGING / f"{REPORT_DIR}-{uuid.uuid4().hex[:12]}"
    staging.mkdir(parents=True)
    images = {chart.file: png for chart, png in drawn}
    for name, png in images.items():
        (staging / name).write_bytes(png)
    (staging / "index.html").write_text(index_html(charts, summary), encoding="utf-8")
    live = outputs / REPORT_DIR
    swap_in(staging, live)
    clear_staging(outputs)
    report = Report(live, sorted([*images, "index.html"]), ui_markdown(charts, images, summary, live), ahead=ahead)
    if key is not None:
        memo.write_json(memo.path("report", "drawn.json"), {"key": key, "files": report.files, "markdown": report.markdown})
    return report


def _report_key(outputs: Path) -> str | None:
    """What the report is drawn from, or None when the manifest cannot say (draw it)."""
    try:
        manifest = json.loads((outputs / "manifest.json").read_text(encoding="utf-8"))
        datasets = {name: manifest["datasets"][name]["sha256"] for name in sorted(manifest["datasets"])}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return _key(datasets, outputs)


def _key(datasets: Mapping[str, str], outputs: Path) -> str:
    font = "NanumGothic" if importlib.util.find_spec("koreanize_matplotlib") else hangul_font()
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    return digest(dict(sorted(datasets.items())), font, code, str(outputs.resolve()))


# --- charts drawn ahead -------------------------------------------------------------------
# After one added file the report was the largest step left (1-2 s at 10k documents), drawn
# after validation and publication while the second core idled. The charts only depend on the
# datasets' part files, which exist once `build_datasets` has built them: a forked process
# draws them from those files while this one validates and publishes; the report step takes
# them when the published manifest is exactly those files (same key as a live report), and
# draws them itself otherwise (a failed check publishes nothing, a subset publishes less).

_ahead: tuple[str, Any] | None = None  # (key, process) of the charts being drawn ahead


def draw_ahead(parts: Mapping[str, pd.DataFrame], outputs: Path, store: Store) -> bool:
    """Start drawing the charts of the datasets whose part lists are `parts` (every dataset),
    in a forked process; False when it cannot (no fork, no reusable store, a dataset
    without parts: published as one empty file, a key these parts cannot give)."""
    global _ahead
    import multiprocessing as mp

    from pipeline.publish import parts_sha256
    from schemas.registry import DATASETS

    if not store.reuse or "fork" not in mp.get_all_start_methods():
        return False
    if any(name not in parts or parts[name].empty for name in DATASETS):
        return False
    key = _key({name: parts_sha256(p) for name, p in parts.items() if name in DATASETS}, outputs)
    live = store.read_json(store.path("report", "drawn.json"))
    if live and live.get("key") == key:
        return False  # the live report already shows these datasets (`write_report` keeps it)
    import matplotlib.backends.backend_agg  # noqa: F401 - imported once, before the fork

    imports_done()
    paths = {name: list(parts[name]["path"]) for name in CHART_COLUMNS}
    process = mp.get_context("fork").Process(target=_draw_into, args=(paths, store.path("report", "ahead", key)),
                                             daemon=True, name="report-ahead")
    process.start()
    _ahead = (key, process)
    return True


def _draw_into(paths: Mapping[str, Sequence[str]], folder: Any) -> None:
    """The forked process: every chart from the part files into `folder`, its PNG, its numbers
    (Parquet) and `charts.json` last (titles and captions, and the sign that all is there)."""
    drawn = draw_charts(Path("."), read=_read_parts(paths), fork=False)
    folder.mkdir(parents=True, exist_ok=True)
    for chart, png in drawn:
        (folder / chart.file).write_bytes(png)
        with (folder / f"{chart.file}.numbers.parquet").open("wb") as fh:
            chart.numbers.to_parquet(fh)
    partial = folder / "charts.json.partial"
    partial.write_text(json.dumps([{"file": c.file, "title": c.title, "caption": c.caption} for c, _ in drawn]),
                       encoding="utf-8")
    partial.rename(folder / "charts.json")


AHEAD_WAIT_S = 120  # longer than drawing takes (about 2 s at 10k documents): past it, drawn here


def _drawn_ahead(key: str, store: Store) -> list[tuple[Chart, bytes]] | None:
    """The charts drawn ahead for `key`, waiting for their process if it is still drawing;
    None when none were (then they are drawn here). Older drawings are removed."""
    global _ahead
    if _ahead is not None:
        started, process = _ahead
        _ahead = None
        process.join(AHEAD_WAIT_S if started == key else 0)
        if process.is_alive():
            process.terminate()
            process.join()
    base = store.path("report", "ahead")
    folder = base / key
    try:
        drawn = []
        for c in json.loads((folder / "charts.json").read_text(encoding="utf-8")):
            with (folder / f"{c['file']}.numbers.parquet").open("rb") as fh:
                numbers = pd.read_parquet(fh)
            drawn.append((Chart(c["file"], c["title"], c["caption"], None, numbers), (folder / c["file"]).read_bytes()))
    except (OSError, ValueError, KeyError, TypeError):
        drawn = None
    for old in base.iterdir() if base.exists() else []:
        old.fs.rm(old.path, recursive=True)
    return drawn


def ui_markdown(charts: list[Chart], images: dict[str, bytes], summary: str, folder: Path) -> str:
    """The report for the Dagster UI: its Markdown renderer accepts data: image sources."""
    lines = [f"**{summary}**", "", f"Files: `{folder}/index.html`", ""]
    for chart in charts:
        encoded = base64.b64encode(images[chart.file]).decode("ascii")
        lines += [f"### {chart.title}", "", chart.caption, "", f"![{chart.title}](data:image/png;base64,{encoded})", ""]
    return "\n".join(lines)


@dg.asset(
    name="report", group_name="publish", kinds={"matplotlib", "html"}, deps=["published_datasets"],
    code_version="1",
)
def report_asset(settings: PipelineConfig) -> dg.MaterializeResult:
    """Charts of the published datasets, written to `<outputs>/report/` (open `index.html`):
    documents per language and per month, top entities per language, topic mix, translation
    status and rejections."""
    written = write_report(settings.outputs, memo=settings.store())
    return dg.MaterializeResult(metadata={
        "redrawn": written.drawn,
        "drawn_ahead": written.ahead,
        "dagster/uri": written.folder.as_uri() + "/",
        "index_html": dg.MetadataValue.path(str(written.folder / "index.html")),
        "files": dg.MetadataValue.json(written.files),
        "hangul_labels": "drawn (NanumGothic)" if hangul_font() else "romanised (no Hangul font found)",
        "report": dg.MetadataValue.md(written.markdown),
    })
