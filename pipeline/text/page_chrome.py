"""Page chrome of paged documents: running headers/footers and page numbers (pure, no I/O).

A PDF page's text starts and ends with what the typesetter repeats on every page: the
bulletin's name, the date, "- 3 -". Left in, those lines land in the middle of a paragraph
that runs over the page end. Only the first and last few lines of a page are candidates:
- a line that is a page number in one of its usual forms ("3", "- 3 -", "Page 3 of 12",
  "Стр. 3", "3 / 12", "3쪽") is always chrome there;
- a line repeated at the top or bottom of at least half the pages (digits ignored, so
  "Bulletin No. 5 · 3" and "Bulletin No. 5 · 4" are the same header) is a running header or
  footer, removed from every page it sits on;
- a line that starts or ends with a number rising with the page ("Chapter 2: Results  7" on
  page 10, "8  Annual report" on page 11) is a header whose text changes by chapter: the
  number minus the physical page is the same on many pages, which body text never does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

# How many non-blank lines at each end of a page may be chrome (header + sub-header, ...).
EDGE_LINES = 2

_N = r"\d{1,4}"
_PAGE_NUMBER = re.compile(
    rf"""^[-–—\[(|]?\s*(?:                         # optional decoration: - 3 -, [3], (3), | 3 |
        {_N}                                                            # 3
      | {_N}\s*(?:/|of|из|от)\s*{_N}                                     # 3 / 12, 3 of 12, 3 из 12
      | (?:page|p\.|pg\.?|стр\.?|страница|с\.|페이지)\s*{_N}(?:\s*(?:/|of|из)\s*{_N})?  # Page 3, Стр. 3
      | {_N}\s*(?:쪽|페이지|면)(?:\s*/\s*{_N}\s*(?:쪽|페이지|면)?)?          # 3쪽, 3 페이지, 3 / 12쪽
      | {_N}\s*(?:-?я\s+)?(?:стр\.?|страница)                            # 3 стр.
    )\s*[-–—\])|]?$""",
    re.IGNORECASE | re.VERBOSE,
)
_ROMAN_PAGE = re.compile(r"^[ivxl]{1,6}$", re.IGNORECASE)  # front matter: "iii"
_EDGE_NUMBER = re.compile(r"^(\d{1,4})\s+\S.*$|^.*\S\s+(\d{1,4})$")
# Pages that must share one number-to-page offset before such lines count as headers.
_MIN_OFFSET_PAGES = 3
_MIN_OFFSET_SHARE = 0.25
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def is_page_number(line: str) -> bool:
    collapsed = " ".join(line.split())
    return bool(_PAGE_NUMBER.match(collapsed) or _ROMAN_PAGE.match(collapsed))


def _page_offset(line: str, page: int) -> int | None:
    """Number at the start or end of the line minus the 1-based page, if there is one."""
    m = _EDGE_NUMBER.match(" ".join(line.split()))
    return None if m is None else int(m.group(1) or m.group(2)) - page


def _key(line: str) -> str:
    """Digits and spacing ignored, case folded: the identity of a running header."""
    return _SPACES.sub(" ", _DIGITS.sub("#", line)).strip().casefold()


def _edges(lines: list[str]) -> tuple[list[int], list[int]]:
    """Indices of the first and the last EDGE_LINES non-blank lines, outermost first."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return filled[:EDGE_LINES], filled[::-1][:EDGE_LINES]


def strip_page_chrome(
    pages: list[str], headline_on_first_page: Callable[[str], bool] | None = None
) -> tuple[list[str], list[str]]:
    """Page texts without running headers/footers and page numbers, and the lines removed.

    Lines inside a page are never touched, whatever they say: only a page's edges carry
    chrome, read from the outside in, and at most one numbered line per edge (a page number
    above a numbered chapter heading leaves the heading alone). A report's title often
    returns as the running header of the later pages; `headline_on_first_page(line)` tells
    whether the first page's copy is that title (e.g. set in a larger type) and stays.
    """
    split = [page.split("\n") for page in pages]
    edges = [_edges(lines) for lines in split]
    seen: Counter[str] = Counter()
    offsets: Counter[int] = Counter()
    for page, (lines, (top, bottom)) in enumerate(zip(split, edges, strict=True), 1):
        seen.update({_key(lines[i]) for i in top + bottom})
        offsets.update({_page_offset(lines[i], page) for i in top + bottom} - {None})
    need = max(2, (len(pages) + 1) // 2)
    running = {key for key, n in seen.items() if n >= need and key.strip("#")}
    need_offset = max(_MIN_OFFSET_PAGES, _MIN_OFFSET_SHARE * len(pages))
    numbered = {off for off, n in offsets.items() if n >= need_offset}
    removed: list[str] = []
    out: list[str] = []
    for page, (lines, (top, bottom)) in enumerate(zip(split, edges, strict=True), 1):
        drop: set[int] = set()
        for edge in (top, bottom):
            number_seen = False
            for i in edge:
                is_number = is_page_number(lines[i]) or _page_offset(lines[i], page) in numbered
                if is_number and not number_seen:
                    number_seen = True
                elif _key(lines[i]) not in running or (
                    page == 1 and headline_on_first_page is not None and headline_on_first_page(lines[i])
                ):
                    break
                drop.add(i)
        removed.extend(lines[i].strip() for i in sorted(drop))
        out.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    return out, removed
