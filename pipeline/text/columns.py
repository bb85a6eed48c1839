"""Reading order for a page rendered as a character grid (pypdf's layout mode).

Layout mode keeps each line at its place on the page, so a two-column page comes out with
both columns side by side on every line. A gutter is a run of character positions that is
blank on (almost) every line while many lines have prose on both sides of it; each band of
consecutive lines split by the gutter is read left column first, then right column. Lines
that cross the gutter (a title over both columns) stay where they are, between bands; each
side is split again when it holds columns of its own.
Tables, whose cells are short, are left as rows: both sides must look like running text.
"""

from __future__ import annotations

_MIN_GUTTER = 2  # blank positions between two columns
_MIN_SPLIT_LINES = 4
_MIN_SPLIT_SHARE = 0.3  # of the page's non-blank lines
_MIN_SIDE_CHARS = 15  # average length of each side on split lines (table cells are shorter)


def _gutter(lines: list[str]) -> tuple[int, int] | None:
    filled = [line for line in lines if line.strip()]
    if len(filled) < _MIN_SPLIT_LINES:
        return None
    width = max(len(line) for line in filled)
    lo, hi = int(width * 0.2), int(width * 0.8)
    occupied = [0] * (width + 1)
    for line in filled:
        for p in range(lo, min(hi, len(line))):
            if not line[p].isspace():
                occupied[p] += 1
    tolerated = len(filled) // 10  # a few crossing lines (headings) are allowed
    best: tuple[int, int, int] | None = None  # (n split lines, start, end)
    p = lo
    while p < hi:
        if occupied[p] > tolerated:
            p += 1
            continue
        start = p
        while p < hi and occupied[p] <= tolerated:
            p += 1
        if p - start < _MIN_GUTTER:
            continue
        left = [ln[:start].strip() for ln in filled if _clear(ln, start, p)]
        right = [ln[p:].strip() for ln in filled if _clear(ln, start, p)]
        both = [(a, b) for a, b in zip(left, right, strict=True) if a and b]
        if len(both) < max(_MIN_SPLIT_LINES, _MIN_SPLIT_SHARE * len(filled)):
            continue
        if min(sum(len(a) for a, _ in both), sum(len(b) for _, b in both)) < _MIN_SIDE_CHARS * len(both):
            continue
        if best is None or len(both) > best[0]:
            best = (len(both), start, p)
    return None if best is None else (best[1], best[2])


def _clear(line: str, start: int, end: int) -> bool:
    return not line[start:end].strip()


_MAX_DEPTH = 3  # a column may itself hold columns (three- and four-column pages)


def reading_order(page: str, depth: int = 0) -> str:
    """The page's lines in reading order; single-column pages come back unchanged."""
    lines = page.split("\n")
    gutter = _gutter(lines) if depth < _MAX_DEPTH else None
    if gutter is None:
        return page
    start, end = gutter
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []

    def flush() -> None:
        # Each side may be split again; then the column break is an ordinary line break:
        # the unwrapper decides, as at a page end, whether the right column continues the
        # left one's last paragraph.
        first = reading_order("\n".join(left), depth + 1).split("\n") if left else []
        second = reading_order("\n".join(right), depth + 1).split("\n") if right else []
        while first and not first[-1].strip():
            first.pop()
        while second and not second[0].strip():
            second.pop(0)
        out.extend(first + second)
        left.clear()
        right.clear()

    for line in lines:
        if line.strip() and not _clear(line, start, end):
            flush()
            out.append(line)
        else:
            left.append(line[:start].rstrip())
            right.append(line[end:].rstrip())  # leading spaces kept: they place inner columns
    flush()
    return "\n".join(out)
