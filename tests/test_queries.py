"""Every example in docs/QUERIES.md runs, as written, against the outputs of a pipeline run."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pytest

from pipeline import PROJECT_ROOT
from tests.helpers import copy_seeds, dev_corpus, run_pipeline

QUERIES = PROJECT_ROOT / "docs" / "QUERIES.md"
_BLOCK = re.compile(r"^```(sql|python)\n(.*?)^```", re.S | re.M)


def examples() -> list[tuple[str, str, str]]:
    """(heading, language, code) of every fenced example, in page order."""
    text = QUERIES.read_text(encoding="utf-8")
    found = []
    for match in _BLOCK.finditer(text):
        heading = re.findall(r"^## (.+)$", text[: match.start()], re.M)[-1]
        found.append((heading, match.group(1), match.group(2)))
    return found


def run_example(language: str, code: str) -> pd.DataFrame:
    """The example's result as pandas: a SQL statement's rows, or a Python block's last expression."""
    if language == "sql":
        return duckdb.sql(code).df()
    tree = ast.parse(code)
    *body, last = tree.body
    assert isinstance(last, ast.Expr), "a Python example ends with the expression it shows"
    namespace: dict = {}
    exec(compile(ast.Module(body=body, type_ignores=[]), str(QUERIES), "exec"), namespace)
    value = eval(compile(ast.Expression(last.value), str(QUERIES), "eval"), namespace)
    return value.to_pandas() if isinstance(value, pl.DataFrame) else pd.DataFrame(value)


def test_the_page_has_the_promised_examples() -> None:
    found = examples()
    headings = {h for h, _, _ in found}
    assert {"Documents per month, by language", "Who is mentioned with whom in the same sentence",
            "What Russian-language sources say about the Arctic", "The sources of a given entity"} <= headings
    assert {lang for _, lang, _ in found} == {"sql", "python"}
    code = "\n".join(c for _, _, c in found)
    assert "import pandas" in code and "import polars" in code


@pytest.fixture(scope="module")
def seeds_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("queries")
    assert run_pipeline(copy_seeds(base / "inbox"), base / "outputs", base / "storage").success
    return base


@pytest.mark.parametrize("index", range(len(examples())))
def test_every_example_runs_on_the_seeds(index: int, seeds_outputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    heading, language, code = examples()[index]
    monkeypatch.chdir(seeds_outputs)  # the examples read outputs/<dataset>/ relative to the project
    result = run_example(language, code)
    assert isinstance(result, pd.DataFrame), heading
    if heading.startswith(("Documents per month", "Who is mentioned", "The sources", "The most mentioned")):
        assert len(result) > 0, heading


@pytest.mark.slow
def test_every_example_answers_on_the_dev_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On real en/ru/ko documents, every question has an answer (the rejections one aside:
    the dev corpus has none)."""
    assert run_pipeline(dev_corpus() / "docs", tmp_path / "outputs", tmp_path / "storage").success
    monkeypatch.chdir(tmp_path)
    for heading, language, code in examples():
        result = run_example(language, code)
        if not heading.startswith("What could not be read"):
            assert len(result) > 0, heading
        if heading.startswith("What Russian-language sources say"):
            assert result["text"].str.contains(r"[А-Яа-яЁё]").all()
            assert result["mentioned_en"].notna().any()
