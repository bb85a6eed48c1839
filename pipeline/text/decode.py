"""Bytes -> text: BOMs, UTF-8, UTF-16 without BOM, then chardet, then ftfy repairs mojibake.

Never raises: undecodable or binary input is reported through `Decoded.problem`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import chardet
import ftfy

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# chardet names -> the codec we decode with and report (supersets where they exist).
_ALIASES = {
    "euc-kr": "cp949", "cp949": "cp949", "windows-1251": "cp1251", "koi8-r": "koi8-r", "ascii": "utf-8",
    "maccyrillic": "mac-cyrillic", "iso-8859-5": "iso-8859-5", "windows-1252": "cp1252", "utf-8": "utf-8",
}
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CANDIDATES = ("cp1251", "koi8-r", "cp949", "mac-cyrillic", "cp1252")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    problem: str | None = None  # "binary" or "undecodable" when the bytes are not text


def _letter_score(text: str) -> float:
    """Share of characters that are letters or whitespace; lowercase Cyrillic/Hangul favoured."""
    if not text:
        return 0.0
    good = 0.0
    for ch in text:
        if ch.isspace() or ch in ".,;:!?-()\"'«»0123456789":
            good += 1
        elif ch.isalpha():
            o = ord(ch)
            good += 1.0 if (0x430 <= o <= 0x44F or 0xAC00 <= o <= 0xD7A3 or ch.islower()) else 0.6
    return good / len(text)


def _looks_utf16(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)


def decode_bytes(data: bytes) -> Decoded:
    try:
        return _decode(data)
    except Exception as exc:  # a decoder bug must not stop the run
        return Decoded("", "unknown", f"undecodable: {exc!r}")


def _decode(data: bytes) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_clean(data.decode(codec).lstrip("\ufeff")), codec)
            except UnicodeDecodeError:
                break
    try:
        text = data.decode("utf-8")
        if text.count("\x00") <= max(2, len(text) // 100):
            return Decoded(_clean(ftfy.fix_text(text, normalization="NFC")), "utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
            if _letter_score(text) > 0.7:
                return Decoded(_clean(text), utf16)
        except UnicodeDecodeError:
            pass
    sample = data[:200_000]
    if sample.count(0) > len(sample) // 100:
        return Decoded("", "unknown", "binary")
    guess = chardet.detect(sample)
    name = (guess.get("encoding") or "").lower()
    candidates = [_ALIASES.get(name, name)] if name else []
    candidates += [c for c in _CANDIDATES if c not in candidates]
    best: tuple[float, str, str] | None = None
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _letter_score(text[:50_000]) + (0.02 if codec == candidates[0] else 0.0)
        if best is None or score > best[0]:
            best = (score, codec, text)
    if best is None:
        return Decoded("", "unknown", "undecodable")
    score, codec, text = best
    if score < 0.75:
        return Decoded("", codec, "binary")
    return Decoded(_clean(text), codec)
