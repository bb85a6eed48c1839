"""Page numbers through cleaning: which source page each cleaned block starts on.

A paged document is extracted as one text whose pages start at known offsets
(`page_starts`). Cleaning then rewrites that text (hyphenation undone, wraps joined,
spacing normalised, homoglyphs folded), so raw offsets do not carry over. What cleaning
never changes is the sequence of letters and digits inside a paragraph; each cleaned
block is found again by that "skeleton" in the raw text's skeleton, searched forward from
the previous block, and takes the page its first letter came from.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from pipeline.text.normalize import normalize_chars
from pipeline.text.types import Block

_PROBE = 48  # skeleton characters enough to place a block when the whole block is not found


def join_pages(pages: Sequence[str]) -> tuple[str, tuple[int, ...]]:
    """One text from page texts, and the offset where each page starts in it.

    Pages are joined by a single line break, exactly like two lines of one page: a
    paragraph running over the page end is then re-joined by the same unwrapping rules.
    """
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for page in pages:
        body = page.strip("\n")
        starts.append(offset)
        parts.append(body)
        offset += len(body) + 1
    return "\n".join(parts), tuple(starts)


def _skeleton(text: str) -> str:
    return "".join(ch for ch in normalize_chars(text).casefold() if ch.isalnum())


def block_pages(
    raw: str, page_starts: Sequence[int], cleaned: str, blocks: Sequence[Block]
) -> list[int | None]:
    """1-based source page on which each block starts; None when the text has no pages."""
    if not page_starts:
        return [None] * len(blocks)
    bounds = [*page_starts[1:], len(raw)]
    page_skeletons = [_skeleton(raw[s:e]) for s, e in zip(page_starts, bounds, strict=True)]
    skeleton = "".join(page_skeletons)
    first_char: list[int] = []  # skeleton offset where each page starts
    total = 0
    for part in page_skeletons:
        first_char.append(total)
        total += len(part)
    out: list[int | None] = []
    cursor = 0
    previous = 1
    for block in blocks:
        probe = _skeleton(cleaned[block.start : block.end])
        at = skeleton.find(probe, cursor) if probe else -1
        if at < 0 and len(probe) > _PROBE:
            at = skeleton.find(probe[:_PROBE], cursor)
        if at < 0 and probe:  # out of order (layout moved a block): look from the start
            at = skeleton.find(probe[:_PROBE])
        if at < 0:
            out.append(previous)  # letterless block ("* * *"): it sits where its neighbour is
            continue
        cursor = at + len(probe) if skeleton.startswith(probe, at) else at + 1
        # Number of pages starting at or before `at` = the 1-based page holding the letter
        # (a page without letters starts where the next one does and is passed over).
        previous = bisect.bisect_right(first_char, at)
        out.append(previous)
    return out
