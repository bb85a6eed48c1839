"""Tagging a text written for a test: each line one body block and one sentence."""

from __future__ import annotations

import re

from pipeline.text.tagging import tag_document
from pipeline.text.types import Block, Mention, SentenceSpan


def tag_lines(text: str, lang: str) -> list[Mention]:
    """The mentions of `text`, each line (without its edge spaces) a block; offsets checked."""
    blocks, sents = [], []
    for i, m in enumerate(re.finditer(r"\S(?:.*\S)?", text)):
        blocks.append(Block("body", m.start(), m.end()))
        sents.append(SentenceSpan(i, i, m.start(), m.end()))
    mentions, _ = tag_document(text, lang, blocks, sents, None)
    for m in mentions:
        assert text[m.char_start : m.char_end] == m.surface
    return mentions


NAMED = {"PERSON", "ORG", "GPE", "LOC", "FAC"}


def named(text: str, lang: str) -> dict[str, str]:
    """surface -> type of the named mentions (people, organisations, places) of `text`."""
    return {m.surface: m.entity_type for m in tag_lines(text, lang) if m.entity_type in NAMED}
