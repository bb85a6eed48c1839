"""Language identification with lingua, restricted to a configurable set of languages.

Restricting lingua makes it faster and more accurate on short text, but a detector that
only knows en/ru/ko would force Ukrainian or Chinese text into one of them; the default
set therefore includes the likely neighbours (uk, zh, ja).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetectorBuilder

from pipeline.text.scripts import has_letters

DEFAULT_LANGUAGES: tuple[str, ...] = ("en", "ru", "ko", "uk", "zh", "ja")
UNDETERMINED = "und"


@lru_cache(maxsize=8)
def _detector(codes: tuple[str, ...]):
    # Models load on first need, not up front: lingua decides most texts by their script alone
    # (Hangul is only Korean here, Latin only English), so a run with one new Korean document
    # loads none of the six (0.4-0.6 s of a one-file re-run). The answers are the same.
    isos = [getattr(IsoCode639_1, code.upper()) for code in codes]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).build()


def detect(text: str, languages: Sequence[str] = DEFAULT_LANGUAGES) -> tuple[str, float]:
    """(ISO 639-1 code, confidence); ('und', 0.0) when there is no letter to judge."""
    return detect_many([text], languages)[0]


def detect_many(texts: Sequence[str], languages: Sequence[str] = DEFAULT_LANGUAGES) -> list[tuple[str, float]]:
    """Batch form of `detect`: lingua scores each distinct text once, in parallel. A document's
    one-sentence segments are also its sentences: a third of the texts the language stage asks
    about are repeats, and lingua's answer depends on the text alone."""
    detector = _detector(tuple(sorted(set(languages))))
    distinct = [t for t in dict.fromkeys(texts) if has_letters(t)]
    scored = detector.compute_language_confidence_values_in_parallel(distinct)
    found: dict[str, tuple[str, float]] = {}
    for text, values in zip(distinct, scored, strict=True):
        if values and values[0].value > 0:
            found[text] = (values[0].language.iso_code_639_1.name.lower(), round(float(values[0].value), 4))
    return [found.get(t, (UNDETERMINED, 0.0)) for t in texts]
