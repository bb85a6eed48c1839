"""Language identification with lingua, restricted to a configurable set of languages.

Restricting lingua makes it faster and more accurate on short text, but a detector that
only knows en/ru/ko would force Ukrainian or Chinese text into one of them; the default
set therefore includes the likely neighbours (uk, zh, ja).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetectorBuilder

from pipeline.text.scripts import has_letters

DEFAULT_LANGUAGES: tuple[str, ...] = ("en", "ru", "ko", "uk", "zh", "ja")
UNDETERMINED = "und"

# Languages lingua knows in a script other than Latin. When English is the only Latin-script
# language asked for, a text whose letters are all a-z is English by its alphabet alone, and
# lingua answers (en, 1.0) after scanning every character: the pipeline answers the same
# without the scan (about 40 % of lingua's time on the bench's texts). Hangul is Korean's alone likewise.
_NOT_LATIN = frozenset({"ru", "uk", "be", "bg", "mk", "kk", "mn", "ko", "zh", "ja", "el", "ar", "fa", "ur", "he",
                        "hy", "ka", "th", "hi", "mr", "bn", "gu", "pa", "ta", "te"})
# A letter (or a non-decimal numeral: the test errs towards lingua) other than a-z / other than Hangul syllables.
_OTHER_THAN_ASCII_LETTERS = re.compile(r"[^\W\d_A-Za-z]")
_OTHER_THAN_HANGUL = re.compile(r"[^\W\d_\uac00-\ud7a3]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


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
    codes = tuple(sorted(set(languages)))
    by_alphabet = _by_alphabet(codes)
    found: dict[str, tuple[str, float]] = {}
    distinct = []
    for text in dict.fromkeys(texts):
        known = by_alphabet(text)
        if known is not None:
            found[text] = known
        elif has_letters(text):
            distinct.append(text)
    scored = _detector(codes).compute_language_confidence_values_in_parallel(distinct)
    for text, values in zip(distinct, scored, strict=True):
        if values and values[0].value > 0:
            found[text] = (values[0].language.iso_code_639_1.name.lower(), round(float(values[0].value), 4))
    return [found.get(t, (UNDETERMINED, 0.0)) for t in texts]


def _by_alphabet(codes: tuple[str, ...]):  # noqa: ANN202 - Callable[[str], tuple[str, float] | None]
    """The answer lingua gives from a text's alphabet alone, or None when its models must judge."""
    english = "en" in codes and set(codes) - {"en"} <= _NOT_LATIN
    korean = "ko" in codes

    def known(text: str) -> tuple[str, float] | None:
        if english and not _OTHER_THAN_ASCII_LETTERS.search(text) and _ASCII_LETTER.search(text):
            return ("en", 1.0)
        if korean and not _OTHER_THAN_HANGUL.search(text) and _HANGUL.search(text):
            return ("ko", 1.0)
        return None

    return known
