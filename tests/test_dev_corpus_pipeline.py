"""The dev corpus through the whole Dagster job, checked against its manifest.

Skipped with a message where ../shared/corpus/dev is absent (a user's clone).
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from tests.helpers import dev_corpus, dev_manifest, failed_checks, read, run_pipeline


def _encoding(name: str) -> str:
    """Manifest spelling -> the codec family we report (EUC-KR bytes are decoded as CP949)."""
    name = name.strip().lower().replace("_", "-")
    return {"euc-kr": "cp949", "windows-1251": "cp1251", "utf8": "utf-8"}.get(name, name)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    corpus = dev_corpus()
    base = tmp_path_factory.mktemp("dev")
    inbox = base / "inbox"
    shutil.copytree(corpus / "docs", inbox)
    result = run_pipeline(inbox, base / "outputs", base / "storage")
    assert result.success, failed_checks(result)
    docs = read(base / "outputs", "documents")
    return {"documents": docs.set_index("source_file"), "rejections": read(base / "outputs", "rejections")}


def test_every_file_is_a_document(run) -> None:
    files = {row["file"] for row in dev_manifest()}
    assert set(run["documents"].index) == files
    assert run["rejections"].empty


@pytest.mark.parametrize("field", ["expected_language", "encoding", "title", "dateline_place"])
def test_manifest_fields(run, field: str) -> None:
    docs = run["documents"]
    wrong = []
    for row in dev_manifest():
        doc = docs.loc[row["file"]]
        gold = row[field]
        if field == "expected_language":
            got = doc["language"]
        elif field == "encoding":
            got, gold = _encoding(doc["encoding"] or ""), _encoding(gold)
        else:
            if not gold:
                continue
            got = doc[field]
        if got != gold:
            wrong.append(f"{row['file']}: expected {gold!r}, got {got!r}")
    assert wrong == []


def test_decoded_text_is_clean(run) -> None:
    for source_file, doc in run["documents"].iterrows():
        assert "\ufffd" not in doc["text"], source_file
        assert "\r" not in doc["text"], source_file
