"""Bytes → text for plain-text inputs, whatever the encoding (pure, never raises).

Order of evidence, strongest first:
1. a byte-order mark (utf-8-sig, utf-32-le/be, utf-16-le/be);
2. strict UTF-8 (a random legacy-encoded text almost never validates as UTF-8);
3. UTF-16 without a BOM (decodes cleanly into one or two scripts plus spaces/punctuation);
4. legacy codecs: chardet's guess competes with the codecs this corpus actually meets
   (cp1251, koi8-r, mac-cyrillic, cp949, cp1252), scored by how much the decoded text
   looks like real writing (Hangul syllables, Russian letters in plausible case and
   frequency). chardet alone is unreliable on short Cyrillic texts.
Mojibake inside valid UTF-8 ("Ð¡ÐµÑƒÐ»") is repaired with ftfy only when the repair makes the
text score better. CRLF/CR become LF; NUL and other C0 controls (except tab/LF/CR) are removed
from text files that are otherwise clean, with a note.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import chardet
import ftfy
import ftfy.badness

# Codecs reported under the name the rest of the project (and the dev manifest) uses.
# EUC-KR is decoded with cp949, its superset: cp949 files are routinely mislabelled EUC-KR.
_CANONICAL = {
    "euc_kr": "cp949",
    "cp949": "cp949",
    "ascii": "utf-8",
    "utf_8": "utf-8",
    "cp1251": "cp1251",
    "koi8_r": "koi8-r",
    "koi8_u": "koi8-u",
    "mac_cyrillic": "mac-cyrillic",
    "cp1252": "cp1252",
    "latin_1": "cp1252",  # chardet's latin-1 is in practice windows-1252 text
    "cp866": "cp866",
}

# Candidates always tried for non-UTF text, in tie-break order (corpus languages: ru, ko, en).
_LEGACY_CANDIDATES = ("cp1251", "cp949", "koi8-r", "mac-cyrillic", "cp1252")
_MULTIBYTE = frozenset({"cp949", "gb18030", "gbk", "big5", "shift-jis", "cp932", "euc-jp"})

_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls that never occur in real text (tab, LF, VT, FF, CR are fine). ESC/SO/SI count
# too: ISO-2022 input is not supported.
_CONTROL_BYTES = frozenset(set(range(0x00, 0x09)) | set(range(0x0E, 0x20)) | {0x7F})
_STRIP_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NEWLINES = re.compile("\r\n?")

# Above these shares of control bytes a file is data, not text. Random bytes have ~11%.
_BINARY_CONTROL_RATIO_UTF8 = 0.30  # valid UTF-8 is almost never random bytes: be lenient
_BINARY_CONTROL_RATIO_LEGACY = 0.02
# Legacy decoding: below this plausibility per non-ASCII byte the winner is still garbage.
_MIN_LEGACY_SCORE = 0.3
_SCORE_SAMPLE = 1 << 16  # judge on a prefix: enough evidence, bounded cost

# Russian letters by frequency; common ones weigh 1, rare ones less, so a mis-decoding that
# lands on rare letters loses to the right one even when both give Cyrillic.
_RU_COMMON = frozenset("оеаинтсрвлкмдпуяыьгзбч")
_RU_RARE = frozenset("йхжшюцщэфъё")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # codec name as reported in documents.encoding
    notes: tuple[str, ...] = ()  # what was repaired on the way (stripped NULs, mojibake, ...)


@dataclass(frozen=True)
class DecodeFailure:
    reason: str  # "binary" or "undecodable" (a REJECTION_REASONS value)
    detail: str


def canonical_encoding(name: str) -> str | None:
    """Project name for a codec label ('EUC-KR' → 'cp949'), or None if Python lacks it."""
    try:
        py = codecs.lookup(name).name.replace("-", "_")
    except (LookupError, TypeError, ValueError):
        return None
    if py.startswith("iso8859_"):
        return "iso-8859-" + py.removeprefix("iso8859_")
    return _CANONICAL.get(py, py.replace("_", "-"))


def _python_codec(encoding: str) -> str:
    return "utf-8" if encoding == "utf-8-sig" else encoding


def normalize_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text)


def _control_count(data: bytes) -> int:
    return sum(1 for b in data[:_SCORE_SAMPLE] if b in _CONTROL_BYTES)


def control_ratio(data: bytes) -> float:
    """Share of bytes (in the judged prefix) that are C0 controls never found in text."""
    sample = data[:_SCORE_SAMPLE]
    return _control_count(sample) / len(sample) if sample else 0.0


def looks_binary(data: bytes) -> bool:
    """Cheap whole-file check (used before per-line JSONL decoding)."""
    if data.startswith(tuple(bom for bom, _ in _BOMS)):
        return False
    return (
        control_ratio(data) > _BINARY_CONTROL_RATIO_LEGACY
        and _control_count(data) > 8
        and _utf16_without_bom(data) is None
    )


def decode_bytes(data: bytes) -> Decoded | DecodeFailure:
    """Decode a text file's bytes; never raises (a failure is returned, not thrown)."""
    try:
        return _decode(bytes(data))
    except Exception as exc:  # defensive: a codec or chardet bug must not kill the run
        return DecodeFailure("undecodable", f"decoder error: {type(exc).__name__}: {exc}")


def _decode(data: bytes) -> Decoded | DecodeFailure:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(_python_codec(enc))
            except UnicodeDecodeError:
                break  # a BOM followed by invalid data: let the other steps judge the bytes
            return _finish(text, enc, [])

    try:
        text: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        # A few stray NULs/controls in valid UTF-8 are noise to strip, not a sign of binary.
        if control_ratio(data) <= _BINARY_CONTROL_RATIO_UTF8 or _control_count(data) <= 8:
            return _repair_mojibake(text)
        # Many NULs/controls in valid UTF-8: UTF-16 of ASCII or Cyrillic looks just like this.
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        return DecodeFailure(
            "binary",
            f"{control_ratio(data):.0%} of the bytes are control characters (NUL, ...): not text",
        )

    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    ratio = control_ratio(data)
    if ratio > _BINARY_CONTROL_RATIO_LEGACY and _control_count(data) > 1:
        return DecodeFailure(
            "binary", f"not UTF-8 and {ratio:.0%} of the bytes are control characters: not text"
        )
    return _decode_legacy(data)


def _finish(text: str, encoding: str, notes: list[str]) -> Decoded:
    text = normalize_newlines(text)
    cleaned = _STRIP_CONTROLS.sub("", text)
    if cleaned != text:
        notes.append(f"removed {len(text) - len(cleaned)} NUL/control characters")
    return Decoded(cleaned, encoding, tuple(notes))


# --- UTF-16 without BOM -----------------------------------------------------------------


def _char_plausible(c: str) -> bool:
    o = ord(c)
    return (
        0x20 <= o < 0x7F
        or c in "\t\n\r"
        or 0xA0 <= o < 0x250  # Latin-1 + Latin Extended
        or 0x400 <= o < 0x530  # Cyrillic
        or 0x2000 <= o < 0x2070  # general punctuation
        or 0x2100 <= o < 0x2C00  # letterlike, arrows, maths, shapes (▲), misc symbols
        or 0x3000 <= o < 0x3100  # CJK punctuation, kana (・)
        or 0x3130 <= o < 0x3190  # Hangul compatibility jamo
        or 0x3200 <= o < 0x3400  # enclosed CJK (㈜), CJK compatibility (㎞)
        or 0x4E00 <= o < 0xA000  # CJK ideographs
        or 0xAC00 <= o < 0xD7A4  # Hangul syllables
        or 0xFF00 <= o < 0xFFF0  # full-width forms
    )


def _is_separator(c: str) -> bool:
    # Real text has spaces, digits and punctuation; random code units almost never land there.
    o = ord(c)
    return (o < 0x80 and not c.isalpha()) or 0x3000 <= o < 0x3040 or 0xFF00 <= o < 0xFF66


def _utf16_without_bom(data: bytes) -> Decoded | None:
    if len(data) < 4 or len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[: _SCORE_SAMPLE // 2]
        plausible = sum(map(_char_plausible, sample)) / len(sample)
        separators = sum(map(_is_separator, sample)) / len(sample)
        letters = sum(c.isalnum() for c in sample) / len(sample)
        if plausible >= 0.97 and separators >= 0.03 and letters >= 0.3:
            # The right byte order yields real ASCII (spaces, digits); the wrong one turns
            # "d\0" into U+6400-style ideographs and ASCII all but disappears.
            ascii_share = sum(c < "\x80" for c in sample) / len(sample)
            score = plausible + letters + ascii_share
            if best is None or score > best[0]:
                best = (score, enc, text)
    if best is None:
        return None
    return _finish(best[2], best[1], ["UTF-16 without byte-order mark"])


# --- legacy single/double-byte codecs ---------------------------------------------------


def _plausibility(text: str, multibyte: bool) -> float:
    """How much non-ASCII text looks like real ru/ko/Latin writing, per non-ASCII byte.

    About 1.0 for clean Russian or Korean, ≤ 0 for mojibake. Only non-ASCII characters are
    scored: ASCII decodes identically under every candidate.
    """
    total = 0.0
    n_bytes = 0
    prev = " "
    width = 2 if multibyte else 1  # every non-ASCII char of a CJK codec is two bytes
    for i, c in enumerate(text):
        o = ord(c)
        if o < 0x80:
            prev = c
            continue
        n_bytes += width
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if 0xAC00 <= o <= 0xD7A3:  # Hangul syllable
            # The 2,350 KS X 1001 syllables cover real text; cp949's extra ones mostly appear
            # when a legacy byte swallows the ASCII letter after it ("Thursday’s").
            w = 1.0 if _in_ks_x_1001(c) else 0.3
            if _ascii_letter(prev) and _ascii_letter(nxt):
                w = -0.5  # inside a Latin word: "Russia뻉epublic"
        elif 0x4E00 <= o < 0xA000 or 0xF900 <= o < 0xFB00:  # Hanja: real but rare in ko news
            w = 0.3
        elif 0x410 <= o <= 0x44F or c in "ёЁ":
            low = c.lower()
            w = 1.0 if low in _RU_COMMON else 0.4 if low in _RU_RARE else 0.2
            if _ascii_letter(prev) or _ascii_letter(nxt):
                w = -0.5  # Cyrillic glued to Latin: a smart quote or dash read as a letter
            elif c.isupper() and prev.isalpha() and prev.islower():
                w = -1.0  # "мОсква": a mis-decoding, not writing
            elif c.isupper() and prev.isalpha():
                w *= 0.6  # all-caps runs happen (ТАСС), but lowercase is the norm
            elif c.isupper() and not nxt.isalpha():
                w = 0.1  # a lone capital letter: "—" read as "Ч"
        elif 0x400 <= o < 0x530:  # Ukrainian/Serbian letters: possible, unlikely here
            w = 0.1
        elif c.isalpha():  # Latin-1 letters (é, ü); other scripts are not expected
            w = 0.5 if o < 0x250 else 0.0
        elif c in "«»—–“”„‘’…№°\u00a0·•":
            w = 0.5
        else:  # symbols, controls, private use, replacement chars
            w = -1.0
        total += w * width
        prev = c
    return total / n_bytes if n_bytes else 1.0


def _ascii_letter(c: str) -> bool:
    return c < "\x80" and c.isalpha()


def _in_ks_x_1001(c: str) -> bool:
    try:  # Python's euc_kr spells the other syllables as 8-byte jamo sequences
        return len(c.encode("euc_kr")) == 2
    except UnicodeEncodeError:
        return False


def _decode_legacy(data: bytes) -> Decoded | DecodeFailure:
    sample = data[:_SCORE_SAMPLE]
    guess = chardet.detect(sample)
    guessed = canonical_encoding(guess.get("encoding") or "") if guess else None
    confidence = float(guess.get("confidence") or 0.0) if guess else 0.0
    candidates = ([guessed] if guessed and guessed != "utf-8" else []) + [
        c for c in _LEGACY_CANDIDATES if c != guessed
    ]
    scored: list[tuple[float, int, str]] = []
    texts: dict[str, str] = {}
    for rank, enc in enumerate(candidates):
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError as exc:
            # Only a multibyte character cut by the end of a *truncated* sample is forgiven.
            if len(data) <= len(sample) or exc.start < len(sample) - 4:
                continue
            text = sample[: exc.start].decode(enc, errors="replace")
        except LookupError:
            continue
        score = _plausibility(text, multibyte=enc in _MULTIBYTE)
        if enc == guessed:
            score += 0.05 * confidence  # chardet breaks near-ties (it sees byte bigrams)
        scored.append((score, -rank, enc))
        texts[enc] = text
    if not scored:
        return DecodeFailure(
            "undecodable", f"not valid in any of {', '.join(candidates)} (chardet: {guessed})"
        )
    score, _, enc = max(scored)
    # A variant that decodes this sample exactly like a mainstream codec (koi8-u vs koi8-r)
    # is reported as the mainstream one: the bytes give no evidence for the variant.
    # Between mainstream codecs that agree (English “quotes” in cp1251 and cp1252), chardet's
    # guess names it.
    preferred = ([guessed] if guessed in _LEGACY_CANDIDATES else []) + list(_LEGACY_CANDIDATES)
    enc = next((c for c in preferred if texts.get(c) == texts[enc]), enc)
    high = sum(1 for b in sample if b >= 0x80)
    if score < _MIN_LEGACY_SCORE and high / len(sample) > 0.02:
        return DecodeFailure(
            "undecodable",
            f"no encoding gives readable text (best {enc}, score {score:.2f}; "
            f"chardet guessed {guessed} at {confidence:.2f})",
        )
    try:
        text = data.decode(enc)
        notes: list[str] = []
    except UnicodeDecodeError as exc:  # bad bytes after the judged prefix: keep, but say so
        text = data.decode(enc, errors="replace")
        notes = [f"invalid {enc} bytes replaced from offset {exc.start}"]
    return _finish(text, enc, notes)


# --- mojibake repair ---------------------------------------------------------------------


def _repair_mojibake(text: str) -> Decoded:
    notes: list[str] = []
    # Judge on a prefix (ftfy's check costs ~0.1 s/MB): mojibake comes from how a whole file was
    # re-saved, so it shows in the first 64K characters if anywhere.
    if ftfy.badness.is_bad(text[:_SCORE_SAMPLE]):
        fixed = ftfy.fix_encoding(text)
        # Accept only a repair that yields more plausible writing and fewer ftfy "bad" marks:
        # ftfy can "fix" legitimate text that merely contains unusual punctuation.
        if (
            fixed != text
            and _plausibility(fixed, False) > _plausibility(text, False)
            and ftfy.badness.badness(fixed) < ftfy.badness.badness(text)
        ):
            text = fixed
            notes.append("repaired mojibake (UTF-8 read as a legacy codec)")
    return _finish(text, "utf-8", notes)
