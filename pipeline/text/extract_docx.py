"""DOCX → body text (paragraphs and tables in reading order) plus its core properties.

The package is measured before python-docx inflates it (a zip bomb is `too_large`, a file
that is not a valid package `unreadable`). Only the body is read: headers, footers,
footnotes and comments live in other parts and are never part of the article; text boxes
and deleted (tracked) text are skipped too. Table rows become one line each, cells
separated by " | ", merged cells once.
"""

from __future__ import annotations

import datetime as dt
import io

from pipeline.text.container_meta import plausible_date, plausible_title
from pipeline.text.decode import normalize_newlines
from pipeline.text.extract import CONTAINER_ENCODING, Content, ExtractionError, is_blank
from pipeline.text.inflate_limits import check_zip

CELL_SEPARATOR = " | "
# python-docx's built-in template carries this creation stamp; a file that still has it
# was generated without setting a date, so the stamp says nothing about the document.
_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.UTC)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Subtrees that hold no body text: properties (their w:tab are tab stops), deleted runs,
# text boxes (floating sidebars, also drawn twice: DrawingML choice + VML fallback).
_NO_TEXT = frozenset({
    _W + "pPr", _W + "rPr", _W + "del", _W + "txbxContent", _MC + "Fallback", _W + "sectPr",
})
# Containers whose children belong to the enclosing level (content controls, custom XML).
_WRAPPERS = frozenset({_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "smartTag"})
_CHARS = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-", _W + "softHyphen": "\u00ad"}


def _paragraph_text(p: object) -> str:
    """All the text a reader sees in a w:p: runs inside hyperlinks, fields, content controls
    and tracked insertions included (python-docx's Paragraph.text skips several of those),
    non-breaking hyphens kept as hyphens."""
    out: list[str] = []

    def walk(element: object) -> None:
        for child in element:  # type: ignore[attr-defined]
            tag = child.tag
            if tag in _NO_TEXT or not isinstance(tag, str):
                continue
            if tag == _W + "t":
                out.append(child.text or "")
            elif tag in _CHARS:
                out.append(_CHARS[tag])
            else:
                walk(child)

    walk(p)
    return "".join(out)


def _children(element: object, tag: str) -> list[object]:
    """Children with `tag`, looking through content-control and custom-XML wrappers."""
    found: list[object] = []
    for child in element:  # type: ignore[attr-defined]
        if child.tag == tag:
            found.append(child)
        elif child.tag in _WRAPPERS:
            found.extend(_children(child, tag))
    return found


def _body_lines(container: object) -> list[str]:
    """Paragraphs and table rows of a body or table cell, in document order."""
    lines: list[str] = []
    for child in container:  # type: ignore[attr-defined]
        if child.tag == _W + "p":
            lines.append(_paragraph_text(child))
        elif child.tag == _W + "tbl":
            lines.extend(_table_lines(child))
        elif child.tag in _WRAPPERS:
            lines.extend(_body_lines(child))
    return lines


def _table_lines(table: object) -> list[str]:
    """One line per row, non-empty cells joined by CELL_SEPARATOR. A merged cell is one
    w:tc (horizontal) or an empty continuation cell (vertical), so it appears once."""
    lines = []
    for row in _children(table, _W + "tr"):
        cells = [" ".join(" ".join(_body_lines(cell)).split()) for cell in _children(row, _W + "tc")]
        cells = [cell for cell in cells if cell]
        if cells:
            lines.append(CELL_SEPARATOR.join(cells))
    return lines


def _created(core: object) -> dt.date | None:
    created = getattr(core, "created", None)
    if isinstance(created, dt.datetime):
        aware = created if created.tzinfo else created.replace(tzinfo=dt.UTC)
        if aware == _TEMPLATE_CREATED:
            return None
    return plausible_date(created)


def extract_docx(data: bytes, max_bytes: int) -> Content:
    import docx

    check_zip(data, max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
        parts = _body_lines(document.element.body)  # body only, in reading order
        core = document.core_properties
        title = plausible_title(core.title)
        published = _created(core)
    except Exception as exc:  # KeyError (no document part), ValueError (not Word), lxml errors
        raise ExtractionError("unreadable", f"cannot read DOCX: {type(exc).__name__}: {exc}") from exc
    text = normalize_newlines("\n".join(parts))
    if len(text.encode("utf-8")) > max_bytes:
        raise ExtractionError("too_large", f"DOCX text exceeds the limit of {max_bytes} bytes")
    if is_blank(text):
        raise ExtractionError("empty", "DOCX document has no text in its body")
    return Content(
        text, CONTAINER_ENCODING, title=title, published=published,
        published_source="docx_core" if published else None,
    )
