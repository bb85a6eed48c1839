"""DOCX → body text (paragraphs and tables in reading order) plus its core properties.

The package is measured before python-docx inflates it (a zip bomb is `too_large`, a file
that is not a valid package `unreadable`). Only the body is read: headers, footers,
footnotes and comments live in other parts and are never part of the article. Table rows
become one line each, cells separated by " | ", merged cells once.
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


def _cell_text(cell: object) -> str:
    from docx.table import Table

    parts: list[str] = []
    for block in cell.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            parts.extend(_table_lines(block))
        else:
            parts.append(block.text)
    return " ".join(" ".join(part.split()) for part in parts if part.strip())


def _table_lines(table: object) -> list[str]:
    lines = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if previous is not None and cell._tc is previous:  # a merged cell repeats per grid column
                continue
            previous = cell._tc
            cells.append(_cell_text(cell))
        if any(cells):
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
    from docx.table import Table

    check_zip(data, max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
        parts: list[str] = []
        for block in document.iter_inner_content():  # body only, in reading order
            if isinstance(block, Table):
                parts.extend(_table_lines(block))
            else:
                parts.append(block.text)
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
