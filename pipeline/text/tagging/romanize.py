"""Standard romanisations for unlinked names: BGN/PCGN (Russian), Revised Romanization (Korean)."""

from __future__ import annotations

import re
from functools import lru_cache

import iuliia
from ko_pron import romanise

_HANGUL_RUN = re.compile(r"[가-힣]+")


@lru_cache(maxsize=4096)
def romanize_ru(text: str) -> str:
    # iuliia's BGN/PCGN table leaves "ё" after a consonant untouched ("Pётр"); the system writes ë.
    return iuliia.BGN_PCGN.translate(text).replace("ё", "ë").replace("Ё", "Ë")


def _rr_word(word: str) -> str:
    return romanise(word, "rr").replace(" ", "")


@lru_cache(maxsize=4096)
def romanize_ko(text: str, person: bool = False) -> str:
    """RR per Hangul run, capitalised; persons as 'Surname Givenname' (1-syllable surname)."""
    if person and re.fullmatch(r"[가-힣]{2,4}", text):
        return f"{_rr_word(text[0]).capitalize()} {_rr_word(text[1:]).capitalize()}"
    out = _HANGUL_RUN.sub(lambda m: _rr_word(m.group()).capitalize(), text)
    return out or text


def romanize(text: str, language: str, person: bool = False) -> str:
    if re.search(r"[가-힣]", text):
        return romanize_ko(text, person)
    if re.search(r"[А-Яа-яЁё]", text):
        return romanize_ru(text)
    return text
