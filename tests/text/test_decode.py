"""decode_bytes: BOMs, UTF-8, BOM-less UTF-16, legacy Cyrillic/Korean codecs, binary, mojibake."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.decode import Decoded, DecodeFailure, canonical_encoding, decode_bytes
from pipeline.text.types import REJECTION_REASONS
from tests.helpers import dev_corpus, dev_manifest

RU = (
    "Во Владивостоке пройдет второй Российско-Корейский форум межрегионального "
    "сотрудничества. Мэр города сказал, что ждет гостей из Республики Корея."
)
RU_SHORT = "Москва и Сеул"
KO = "포항시는 러시아 연해주와 지방협력포럼을 개최했다. 한러 관계 발전을 위한 논의가 이어졌다."
EN = "Russia and South Korea discuss prospects for resuming six-party talks.\n"


def ok(result: Decoded | DecodeFailure) -> Decoded:
    assert isinstance(result, Decoded), result
    return result


@pytest.mark.parametrize(
    ("text", "codec", "reported"),
    [
        (RU, "cp1251", "cp1251"),
        (RU, "koi8-r", "koi8-r"),
        (RU, "mac-cyrillic", "mac-cyrillic"),
        (RU_SHORT, "cp1251", "cp1251"),
        (RU_SHORT, "koi8-r", "koi8-r"),
        (KO, "cp949", "cp949"),
        (KO, "euc-kr", "cp949"),  # EUC-KR is read (and reported) as its superset cp949
        (RU, "utf-8", "utf-8"),
        # English with smart punctuation must not turn into cp949 syllables or Cyrillic letters
        ("The Russia–Republic of Korea forum met on Thursday’s “plenary” session.", "cp1252",
         "cp1252"),
        ("ВСТРЕЧА В МОСКВЕ: ТАСС сообщает о переговорах", "cp1251", "cp1251"),
        ("ВСТРЕЧА В МОСКВЕ: ТАСС сообщает о переговорах", "koi8-r", "koi8-r"),
        (KO, "utf-8", "utf-8"),
    ],
)
def test_legacy_and_utf8_codecs(text: str, codec: str, reported: str) -> None:
    d = ok(decode_bytes(text.encode(codec)))
    assert d.text == text
    assert d.encoding == reported


@pytest.mark.parametrize("text", [RU, KO, EN, "12-13 ноября 2013 г.\n\n2013 2013", "한러・경제 ▲30주년"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(text: str, codec: str) -> None:
    d = ok(decode_bytes(text.encode(codec)))
    assert (d.text, d.encoding) == (text, codec)


@pytest.mark.parametrize(
    ("bom", "codec", "reported"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
)
def test_bom_wins_and_is_removed(bom: bytes, codec: str, reported: str) -> None:
    d = ok(decode_bytes(bom + RU.encode(codec)))
    assert (d.text, d.encoding) == (RU, reported)


def test_crlf_and_cr_become_lf() -> None:
    d = ok(decode_bytes(codecs.BOM_UTF8 + b"one\r\ntwo\rthree\n"))
    assert d.text == "one\ntwo\nthree\n"


def test_few_nuls_and_controls_in_utf8_are_stripped_not_binary() -> None:
    data = "Сеул\x00 и Москва\x07 провели\x1b переговоры.\n".encode()
    d = ok(decode_bytes(data))
    assert d.text == "Сеул и Москва провели переговоры.\n"
    assert d.encoding == "utf-8"
    assert any("control" in note for note in d.notes)


def test_random_bytes_are_binary() -> None:
    result = decode_bytes(random.Random(0).randbytes(4096))
    assert isinstance(result, DecodeFailure)
    assert result.reason == "binary"


def test_nul_filled_file_is_binary() -> None:
    result = decode_bytes(b"\x00" * 2048)
    assert isinstance(result, DecodeFailure) and result.reason == "binary"


@pytest.mark.parametrize(
    ("mojibake", "fixed"),
    [
        ("Ð¡ÐµÑƒÐ» is the capital", "Сеул is the capital"),  # UTF-8 read as cp1252
        ("Москва и Сеул".encode().decode("latin-1"), "Москва и Сеул"),  # ... as latin-1
    ],
)
def test_mojibake_is_repaired(mojibake: str, fixed: str) -> None:
    d = ok(decode_bytes(mojibake.encode()))
    assert d.text == fixed
    assert d.encoding == "utf-8" and d.notes


@pytest.mark.parametrize("text", [EN, RU, KO, "naïve café — “quoted” … ½ ©"])
def test_clean_utf8_is_left_alone(text: str) -> None:
    assert ok(decode_bytes(text.encode())).text == text


def test_empty_and_bom_only_decode_to_blank() -> None:
    assert ok(decode_bytes(b"")).text == ""
    assert ok(decode_bytes(codecs.BOM_UTF8)).text == ""


def test_canonical_names() -> None:
    assert canonical_encoding("EUC-KR") == "cp949"
    assert canonical_encoding("Windows-1251") == "cp1251"
    assert canonical_encoding("KOI8-R") == "koi8-r"
    assert canonical_encoding("MacCyrillic") == "mac-cyrillic"
    assert canonical_encoding("no-such-codec") is None


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    result = decode_bytes(data)
    if isinstance(result, Decoded):
        assert isinstance(result.text, str) and isinstance(result.encoding, str)
        assert "\r" not in result.text and "\x00" not in result.text
    else:
        assert result.reason in REJECTION_REASONS and result.detail


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_utf8_text_roundtrips_modulo_controls(text: str) -> None:
    result = decode_bytes(text.encode("utf-8"))
    assert isinstance(result, Decoded | DecodeFailure)


# --- dev corpus ----------------------------------------------------------------------------


def test_dev_corpus_encodings_and_gold_text() -> None:
    corpus = dev_corpus()
    rows = dev_manifest()
    assert rows
    for row in rows:
        expected = row["encoding"].lower()
        if expected in ("binary", "empty"):
            continue
        data = (corpus / "docs" / row["file"]).read_bytes()
        d = ok(decode_bytes(data))
        # The manifest's euc-kr is read as cp949 (superset); every other name must match exactly.
        want = "cp949" if expected == "euc-kr" else expected
        assert d.encoding == want, row["file"]
        assert "\ufffd" not in d.text, row["file"]
        gold = corpus / "gold_text" / f"{row['file']}.utf8.txt"
        if gold.is_file():
            gold_text = gold.read_text(encoding="utf-8").replace("\r\n", "\n").strip()
            assert d.text.strip() == gold_text, row["file"]
