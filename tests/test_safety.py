"""Safety properties that are cheap to prove from the code itself."""

from __future__ import annotations

import re

from pipeline import PROJECT_ROOT

CODE_DIRS = ("pipeline", "schemas")


def _sources() -> list[tuple[str, str]]:
    return [
        (str(p.relative_to(PROJECT_ROOT)), p.read_text(encoding="utf-8"))
        for d in CODE_DIRS for p in sorted((PROJECT_ROOT / d).rglob("*.py"))
    ]


def test_no_pickle_in_the_data_path() -> None:
    """Intermediate values are Parquet (ParquetFrameIOManager), the translation memory is SQLite."""
    pattern = re.compile(r"\b(import (c?pickle|dill|joblib)|from (c?pickle|dill|joblib) import|to_pickle|read_pickle)\b")
    offenders = [path for path, text in _sources() if pattern.search(text)]
    assert offenders == []


def test_no_eval_or_shell_in_the_data_path() -> None:
    pattern = re.compile(r"\b(eval|exec)\(|shell=True|os\.system\(")
    offenders = [path for path, text in _sources() if pattern.search(text)]
    assert offenders == []


def test_the_ui_binds_to_localhost() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    ui_lines = [line for line in makefile.splitlines() if "dagster-webserver" in line or "dagster dev" in line]
    assert ui_lines and all("-h 127.0.0.1" in line for line in ui_lines)


def test_io_manager_stores_parquet_not_pickle() -> None:
    from pipeline.resources import ParquetFrameIOManager

    assert ParquetFrameIOManager.extension == ".parquet"
