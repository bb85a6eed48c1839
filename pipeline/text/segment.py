"""Sentence segmentation with exact offsets into the cleaned text.

The splitter is chosen per block by its script (razdel for Cyrillic, kiwipiepy for
Hangul, sentencex for everything else): segmentation runs before language detection,
and script is the signal the splitters themselves depend on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import razdel
from sentencex import segment as sentencex_segment

from pipeline.text.nlp import KiwiToken, kiwi_analysis
from pipeline.text.scripts import dominant_script, has_letters
from pipeline.text.types import CONTENT_KINDS, Block, SentenceSpan


def _spans_from_strings(text: str, pieces: Sequence[str]) -> list[tuple[int, int]]:
    """Locate consecutive pieces in `text` (splitters that return strings, not offsets)."""
    spans, cursor = [], 0
    for piece in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        pos = text.find(stripped, cursor)
        if pos < 0:  # splitter altered the text: give up on this block, caller falls back
            return []
        spans.append((pos, pos + len(stripped)))
        cursor = pos + len(stripped)
    return spans


def _raw_sentence_spans(chunk: str) -> tuple[list[tuple[int, int]], list[KiwiToken] | None]:
    """The splitter's spans, and kiwipiepy's tokens when the chunk is Hangul (None otherwise)."""
    script = dominant_script(chunk)
    if script == "cyrillic":
        return [(s.start, s.stop) for s in razdel.sentenize(chunk)], None
    if script == "hangul":
        return kiwi_analysis(chunk)
    return _spans_from_strings(chunk, list(sentencex_segment("en", chunk))), None


def _tidy(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Strip whitespace, drop empties, and glue letterless fragments ("1.", "--") to a neighbour."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while start < end and chunk[start].isspace():
            start += 1
        while end > start and chunk[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    merged: list[tuple[int, int]] = []
    pending_start: int | None = None
    for start, end in out:
        if not has_letters(chunk[start:end]):
            if merged and pending_start is None and not chunk[start].isdigit():
                merged[-1] = (merged[-1][0], end)  # trailing punctuation or marks
            elif pending_start is None:
                pending_start = start  # a list number: belongs to what follows
            continue
        if pending_start is not None:
            start, pending_start = pending_start, None
        merged.append((start, end))
    if pending_start is not None:
        if merged:
            merged[-1] = (merged[-1][0], out[-1][1])
        else:
            merged.append((pending_start, out[-1][1]))
    return merged


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) inside text[start:end]; always covers the block's content."""
    return _split(text, start, end)[0]


def _split(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[KiwiToken] | None]:
    """`split_sentences`, and kiwipiepy's tokens of a Hangul block (offsets into the block)."""
    chunk = text[start:end]
    tokens = None
    try:
        raw, tokens = _raw_sentence_spans(chunk)
        spans = _tidy(chunk, raw)
    except Exception:  # a splitter bug must not lose the block: fall back to one sentence
        spans = []
    if not spans or not _covers(chunk, spans):
        spans = _tidy(chunk, [(0, len(chunk))])
    return [(start + s, start + e) for s, e in spans], tokens


def _covers(chunk: str, spans: list[tuple[int, int]]) -> bool:
    """True when the spans come in order (none starts before the previous one ends) and every
    non-space character of the chunk lies in one of them (the gaps are checked as slices: one
    flag per character was 9 % of the segment stage)."""
    last_end = 0
    for s, e in spans:
        if s < last_end:
            return False
        last_end = e
    pos = 0
    for s, e in sorted(span for span in spans if span[1] > span[0]):
        if s > pos and not chunk[pos:s].isspace():
            return False
        pos = max(pos, e)
    return pos >= len(chunk) or chunk[pos:].isspace()


class Segmentation(NamedTuple):
    segments: list[tuple[int, Block]]
    sentences: list[SentenceSpan]
    # segment seq -> kiwipiepy's tokens of a Hangul content block (offsets into the block):
    # the analysis that split it, which tagging reads instead of analysing the block again
    korean_tokens: dict[int, list[KiwiToken]]


def segment_document(text: str, blocks: Sequence[Block]) -> Segmentation:
    """Number the blocks and split each into sentences with absolute offsets."""
    segments: list[tuple[int, Block]] = []
    sentences: list[SentenceSpan] = []
    korean: dict[int, list[KiwiToken]] = {}
    for seq, block in enumerate(blocks):
        segments.append((seq, block))
        spans, tokens = _split(text, block.start, block.end)
        for s, e in spans:
            sentences.append(SentenceSpan(seq=len(sentences), segment_seq=seq, start=s, end=e))
        if tokens is not None and block.kind in CONTENT_KINDS:
            korean[seq] = tokens
    return Segmentation(segments, sentences, korean)
