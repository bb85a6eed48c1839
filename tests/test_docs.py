"""The documentation inside the project: a current data dictionary, links that resolve in a clone."""

from __future__ import annotations

import re

from pipeline import PROJECT_ROOT
from schemas.registry import DATASETS, data_dictionary

DICTIONARY = PROJECT_ROOT / "docs" / "DATA_DICTIONARY.md"


def test_committed_data_dictionary_is_current() -> None:
    assert DICTIONARY.read_text(encoding="utf-8") == data_dictionary() + "\n", (
        "docs/DATA_DICTIONARY.md is stale: run `make dictionary` and commit it"
    )


def _links(path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return re.findall(r"\]\(([^)\s]+)\)", text)


def test_readme_and_docs_link_only_to_files_inside_the_project() -> None:
    pages = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md"))]
    checked = 0
    for page in pages:
        for target in _links(page):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue  # external URLs and in-page anchors
            resolved = (page.parent / target.split("#")[0]).resolve()
            assert resolved.is_relative_to(PROJECT_ROOT), f"{page.name}: {target} leaves the project"
            assert resolved.exists(), f"{page.name}: {target} does not exist"
            checked += 1
    assert checked >= 3
    assert "../shared" not in (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_datasets_page_names_every_dataset() -> None:
    page = (PROJECT_ROOT / "docs" / "DATASETS.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in page for name in DATASETS)
