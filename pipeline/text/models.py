"""The one loader per heavy model: each is built once per process and shared by every stage.

Segmentation, unwrapping and tagging all use kiwipiepy and pymorphy3; loading each twice
cost ~1.5 s and a few hundred MB per process (and per pool worker).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# kiwipiepy's analysis grows faster than linearly on one very long run of text (400k chars
# took 14 s against 2.5 s for 200k): long text is analysed in pieces cut at whitespace.
KIWI_PIECE_CHARS = 20_000
_SPACE_RUN = re.compile(r"\s+")


@lru_cache(maxsize=1)
def kiwi() -> Any:
    """kiwipiepy.Kiwi (model load ~1 s)."""
    from kiwipiepy import Kiwi

    return Kiwi()


@lru_cache(maxsize=1)
def morph() -> Any:
    """pymorphy3.MorphAnalyzer for Russian (dictionary load ~0.5 s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def pieces(text: str, limit: int = KIWI_PIECE_CHARS) -> list[tuple[int, int]]:
    """Cut `text` into spans of about `limit` characters, each ending at whitespace when
    there is some (a piece never splits a word unless a word is longer than `limit`)."""
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        cut = start + limit
        last = None
        for m in _SPACE_RUN.finditer(text, start + limit // 2, cut):
            last = m
        end = last.end() if last is not None else cut
        out.append((start, end))
        start = end
    if start < n or not out:
        out.append((start, n))
    return out


def kiwi_tokenize(text: str) -> list[tuple[str, str, int, int]]:
    """(form, tag, start, end) for every kiwipiepy token, analysed in bounded pieces."""
    out: list[tuple[str, str, int, int]] = []
    for s, e in pieces(text):
        for tok in kiwi().tokenize(text[s:e]):
            out.append((tok.form, tok.tag, s + tok.start, s + tok.start + tok.len))
    return out


def kiwi_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans from kiwipiepy, analysed in bounded pieces."""
    return [(s + a.start, s + a.end) for s, e in pieces(text) for a in kiwi().split_into_sents(text[s:e])]
