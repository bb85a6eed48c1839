"""Cleaning entry point: decoded text -> CleanedDocument (text, blocks, layout metadata).

normalise characters -> split into paragraphs (undoing hard wraps) -> recognise layout
(cut the related-headlines trailer, classify every other paragraph, boilerplate included) -> join paragraphs with blank lines.
"""

from __future__ import annotations

import datetime as dt

from pipeline.text.layout import Layout, analyse_layout
from pipeline.text.memo import new_document
from pipeline.text.normalize import collapse_blank_lines, normalize_chars
from pipeline.text.types import Block, CleanedDocument
from pipeline.text.unwrap import split_paragraphs

# Each pass is deterministic but not always a fixed point on its own (e.g. a paragraph
# joined in pass 1 may make the rest look hard-wrapped); a few passes always settle it.
_MAX_PASSES = 6


def _one_pass(raw: str, hints: dict, seen: dict[tuple[str, ...], Layout]) -> tuple[str, Layout]:
    """One pass; `seen` holds the layouts of earlier passes by their input paragraphs: a pass
    whose paragraphs are those of an earlier one has its layout (the analysis is deterministic
    and most of a pass's cost, and the second pass of most documents only confirms the first)."""
    text = normalize_chars(raw)
    paragraphs = tuple(split_paragraphs(text))
    layout = seen.get(paragraphs)
    if layout is None:
        layout = seen[paragraphs] = analyse_layout(list(paragraphs), **hints)
    return collapse_blank_lines("\n\n".join(layout.paragraphs)), layout


def _blocks(layout: Layout) -> list[Block]:
    blocks: list[Block] = []
    offset = 0
    for para, parts in zip(layout.paragraphs, layout.parts, strict=True):
        blocks.extend(Block(kind, offset + s, offset + e) for kind, s, e in parts if e > s)
        offset += len(para) + 2  # the "\n\n" separator
    return blocks


def clean_document(
    raw: str,
    *,
    source_format: str,
    title_hint: str | None = None,
    published_hint: dt.date | None = None,
    source_name_hint: str | None = None,
) -> CleanedDocument:
    """Clean decoded text and recognise its layout; `text` is what `documents.text` holds.

    `source_format` is accepted for the caller's contract; the rules key on the text itself
    because every format reaches here as plain text (HTML is extracted upstream).
    """
    del source_format
    new_document()  # the layout rules' answers about this document's paragraphs (pipeline.text.memo)
    hints = {
        "title_hint": title_hint,
        "published_hint": published_hint,
        "source_name_hint": source_name_hint,
    }
    seen: dict[tuple[str, ...], Layout] = {}
    text, first = _one_pass(raw, hints, seen)
    layout = first
    for _ in range(_MAX_PASSES):
        again, layout_again = _one_pass(text, hints, seen)
        if again == text:
            break
        text, layout = again, layout_again
    return CleanedDocument(
        text=text,
        blocks=_blocks(layout),
        title=first.title,
        dateline_place=first.dateline_place,
        source_name=first.source_name,
        published_date=first.published_date,
        published_date_evidence=first.published_date_evidence,
        published_date_source=first.published_date_source,
        related_headlines=first.related_headlines,
    )
