"""Page chrome of paged documents: running headers/footers and page numbers (pure, no I/O).

A PDF page's text starts and ends with what the typesetter repeats on every page: the
bulletin's name, the date, "- 3 -". Left in, those lines land in the middle of a paragraph
that runs over the page end. Only the first and last few lines of a page are candidates:
- a line that is a page number in one of its usual forms ("3", "- 3 -", "Page 3 of 12",
  "Стр. 3", "3 / 12", "3쪽") is always chrome there;
- a line repeated at the top or bottom of at least half the pages (digits ignored, so
  "Bulletin No. 5 · 3" and "Bulletin No. 5 · 4" are the same header) is a running header or
  footer, removed from every page it sits on.
"""

from __future__ import annotations

import re
from collections import Counter

# How many non-blank lines at each end of a page may be chrome (header + sub-header, ...).
EDGE_LINES = 2

_N = r"\d{1,4}"
_PAGE_NUMBER = re.compile(
    rf"""^(?:
        [-–—\[(]?\s*{_N}\s*[-–—\])]?                                     # 3, - 3 -, [3], (3)
      | {_N}\s*(?:/|of|из|от)\s*{_N}                               # 3 / 12, 3 of 12, 3 из 12
      | (?:page|p\.|pg\.?|стр\.?|страница|с\.)\s*{_N}(?:\s*(?:/|of|из)\s*{_N})?  # Page 3, Стр. 3
      | [-–—]?\s*{_N}\s*(?:쪽|페이지|면)\s*[-–—]?                          # 3쪽, 3 페이지, - 3 -쪽
      | {_N}\s*(?:-?я\s+)?(?:стр\.?|страница)                              # 3 стр.
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(" ".join(line.split())))


def _key(line: str) -> str:
    """Digits and spacing ignored, case folded: the identity of a running header."""
    return _SPACES.sub(" ", _DIGITS.sub("#", line)).strip().casefold()


def _edge_indices(lines: list[str]) -> list[int]:
    """Indices of the first and last EDGE_LINES non-blank lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


def strip_page_chrome(pages: list[str]) -> tuple[list[str], list[str]]:
    """Page texts without running headers/footers and page numbers, and the lines removed.

    Lines inside a page are never touched, whatever they say: only a page's edges carry
    chrome, and a number or repeated phrase inside the text is content.
    """
    split = [page.split("\n") for page in pages]
    edges = [_edge_indices(lines) for lines in split]
    seen = Counter()
    for lines, idx in zip(split, edges, strict=True):
        seen.update({_key(lines[i]) for i in idx})
    need = max(2, (len(pages) + 1) // 2)
    running = {key for key, n in seen.items() if n >= need and key.strip("#")}
    removed: list[str] = []
    out: list[str] = []
    for lines, idx in zip(split, edges, strict=True):
        drop = {i for i in idx if is_page_number(lines[i]) or _key(lines[i]) in running}
        removed.extend(lines[i].strip() for i in sorted(drop))
        out.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    return out, removed
