"""clean_document: seeds, normalisation, unwrapping, block invariants, idempotence, dev corpus."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.text.clean import clean_document
from pipeline.text.normalize import fold_homoglyphs, normalize_chars
from pipeline.text.types import SEGMENT_KINDS, CleanedDocument
from pipeline.text.unwrap import keep_line_end_hyphen, split_paragraphs
from tests.helpers import DEV_CORPUS

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DEV = DEV_CORPUS


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def assert_blocks_valid(doc: CleanedDocument) -> None:
    """Blocks are stripped, ordered, non-overlapping, and cover every non-empty paragraph."""
    last_end = 0
    for b in doc.blocks:
        assert b.kind in SEGMENT_KINDS
        piece = doc.text[b.start : b.end]
        assert piece and piece == piece.strip(), b
        assert b.start >= last_end, b
        assert "\n\n" not in piece
        last_end = b.end
    covered = [False] * len(doc.text)
    for b in doc.blocks:
        for i in range(b.start, b.end):
            covered[i] = True
    assert all(covered[i] or doc.text[i].isspace() for i in range(len(doc.text)))


def assert_idempotent(raw: str, **kwargs) -> None:
    once = clean_document(raw, source_format="txt", **kwargs)
    twice = clean_document(once.text, source_format="txt", **kwargs)
    assert twice.text == once.text


# --- seeds ------------------------------------------------------------------------------------


def test_english_seed_layout() -> None:
    raw = _seed("000")
    doc = clean_document(raw, source_format="txt")
    assert doc.title == "Local governments of S. Korea, Russia vow to boost cooperation"
    assert doc.dateline_place == "SEOUL"
    assert doc.source_name == "Yonhap"
    assert doc.published_date == dt.date(2019, 9, 6)

    assert len(doc.related_headlines) == 10
    labels = [h.labels for h in doc.related_headlines]
    assert labels.count(("LEAD",)) == 2
    assert labels.count(("News Focus",)) == 1
    for h in doc.related_headlines:
        assert not h.text.startswith("(")
        assert h.text not in doc.text
    assert "(END)" not in doc.text
    assert not doc.text.endswith("-")

    kinds = [b.kind for b in doc.blocks]
    assert kinds[:3] == ["title", "dateline", "body"]
    assert "caption" in kinds
    dateline = next(b for b in doc.blocks if b.kind == "dateline")
    assert doc.text[dateline.start : dateline.end] == "SEOUL, Sept. 6 (Yonhap) --"
    caption = next(b for b in doc.blocks if b.kind == "caption")
    assert doc.text[caption.start : caption.end].endswith("(Yonhap)")
    assert_blocks_valid(doc)
    assert_idempotent(raw)


def test_russian_seed_unwrapped() -> None:
    raw = _seed("002")
    doc = clean_document(raw, source_format="txt")
    text = doc.text
    for word in (
        "российско-корейского",
        "Северо-Восточной",
        "6-сторонних",
        "государство-председатель",
    ):
        assert word in text, word
    # Every paragraph is one line: nothing of the original wrap survives as a line break.
    assert all("\n" not in text[b.start : b.end] for b in doc.blocks)
    assert re.search(r"\w- \w", text) is None  # no "российско- корейского" artefacts
    assert re.search(r"\w-\n", text) is None
    # Wrapped lines joined: each body paragraph is far longer than the ~90-char wrap width.
    bodies = [text[b.start : b.end] for b in doc.blocks if b.kind == "body"]
    assert len(bodies) >= 4 and min(map(len, bodies)) > 200
    items = [text[b.start : b.end] for b in doc.blocks if b.kind == "list_item"]
    assert items == ["1. Обмен депутатами", "2. Сотрудничество между региональными властями"]
    assert_blocks_valid(doc)
    assert_idempotent(raw)


# --- normalisation ----------------------------------------------------------------------------


def test_normalize_chars() -> None:
    raw = "a\u00a0b\u2003c\u200bd\u00ade\r\nf\x00g\th   i  \n\n\n\nj\u2028k"
    assert normalize_chars(raw) == "a b cde\nfg h i\n\n\n\nj\nk"
    assert normalize_chars("e\u0301") == "\u00e9"  # NFC


def test_clean_collapses_blank_lines_and_spaces() -> None:
    doc = clean_document("First   line here\n\n\n\n\nSecond\u00a0line.  ", source_format="txt")
    assert doc.text == "First line here\n\nSecond line."


def test_homoglyph_folding() -> None:
    assert fold_homoglyphs("во Владивοстοке") == "во Владивостоке"  # Greek omicrons
    assert fold_homoglyphs("Pоссия") == "Россия"  # Latin P
    assert fold_homoglyphs("Moscow and Seoul") == "Moscow and Seoul"  # pure Latin untouched
    assert fold_homoglyphs("Samsungа") == "Samsungа"  # not mostly Cyrillic look-alikes
    doc = clean_document("Форум прошёл во Владивοстοке в сентябре.", source_format="txt")
    assert "Владивостоке" in doc.text


# --- unwrapping -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right", "keep"),
    [
        ("в развитие российско-", "корейских отношений", True),
        ("Независимый Союз Северо-", "Восточной Азии", True),
        ("в рамках 6-", "сторонних переговоров", True),
        ("Московского Пат-", "риархата по делам", False),
        ("было пред-", "ложено создать", False),
        ("укрепление военно-", "политической связи", True),
        ("the informa-", "tion was", False),
        ("a well-", "known fact", True),
    ],
)
def test_line_end_hyphen(left: str, right: str, keep: bool) -> None:
    assert keep_line_end_hyphen(left, right) is keep


def _wrap(words: list[str], width: int) -> list[str]:
    lines, cur = [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return lines + [cur]


def test_unwrap_single_spaced_paragraphs() -> None:
    para1 = (
        "Представители двух стран обсудили развитие сотрудничества в регионе " * 4
    ).strip() + "."
    para2 = ("Стороны договорились продолжить работу над совместными проектами " * 4).strip() + "."
    wrapped = "\n".join(_wrap(para1.split(), 60)) + "\n\n" + "\n".join(_wrap(para2.split(), 60))
    assert split_paragraphs(wrapped) == [para1, para2]


def test_short_lines_are_not_joined() -> None:
    text = "Title of the article\nFirst paragraph, one line.\nSecond paragraph, one line."
    assert split_paragraphs(text) == text.split("\n")


# --- hints -----------------------------------------------------------------------------------


def test_title_hint_wins_and_is_not_duplicated() -> None:
    raw = "Russia, Korea sign deal\nMOSCOW, Jan. 3 (Yonhap) -- The two countries signed a deal on trade."
    doc = clean_document(raw, source_format="html", title_hint="Russia, Korea sign deal")
    assert doc.title == "Russia, Korea sign deal"
    assert doc.text.count("Russia, Korea sign deal") == 1
    assert doc.blocks[0].kind == "title"
    assert doc.dateline_place == "MOSCOW"

    other = clean_document(
        "Body text only. Nothing else here.", source_format="jsonl", title_hint="Meta"
    )
    assert other.title == "Meta"
    assert "Meta" not in other.text


def test_published_and_source_hints() -> None:
    raw = "The two sides met in Seoul on Monday and agreed to expand trade."
    hint = dt.date(2020, 5, 4)
    doc = clean_document(raw, source_format="jsonl", published_hint=hint, source_name_hint="KF")
    assert doc.published_date == hint
    assert doc.source_name == "KF"
    assert clean_document(raw, source_format="txt").published_date is None


def test_empty_input() -> None:
    doc = clean_document(" \n\u200b\n ", source_format="txt")
    assert doc.text == "" and doc.blocks == [] and doc.title is None


# --- idempotence (property) -------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕКМНОРСТХ")
    + list("abcdefghijklmnopqrstuvwxyzABCEHKMOPTX")
    + list("한국러시아협력포럼서울")
    + list("οαερ")
    + ["-", "-", " ", " ", " ", "\n", "\n", "\n\n", ".", ",", ":", "«", "»", "(", ")", "1", "2"]
    + ["\u00ad", "\u200b", "\u00a0", "\t", "\r\n", "—"]
)
_LINE_PIECES = st.sampled_from(
    ["(END)", "(LEAD) ", "SEOUL, Sept. 6 (Yonhap) -- ", "ВЛАДИВОСТОК, 5 сентября. /ТАСС/. ",
     "1. ", "2) ", "- ", "All news", "Share", "2019/09/06 14:22", "포항=하인식 기자", "\n"]
)  # fmt: skip
_TEXT = st.lists(st.one_of(_ALPHABET, _LINE_PIECES), max_size=400).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_clean_is_idempotent(raw: str) -> None:
    once = clean_document(raw, source_format="txt")
    twice = clean_document(once.text, source_format="txt")
    assert twice.text == once.text
    assert_blocks_valid(once)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.text(st.sampled_from("абвгдежзиклмнопрст -"), min_size=1, max_size=30),
        min_size=3,
        max_size=40,
    )
)
def test_idempotent_on_wrapped_like_text(words: list[str]) -> None:
    raw = "\n\n".join(_wrap(" ".join(words).split(), 50))
    assert_idempotent(raw)


# --- dev corpus ---------------------------------------------------------------------------------


def _dev_rows() -> list[dict[str, str]]:
    manifest = DEV / "manifest.csv"
    if not manifest.is_file():
        return []
    with manifest.open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["file"].endswith(".txt")]


def _decode(data: bytes, encoding: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode(encoding)
    return text.replace("\r\n", "\n")


_ROWS = _dev_rows()
_SKIP_DEV = pytest.mark.skipif(
    not _ROWS, reason=f"dev corpus not found at {DEV} (PIPELINE_DEV_CORPUS)"
)


@_SKIP_DEV
@pytest.mark.parametrize("row", _ROWS, ids=lambda r: r["file"][:3])
def test_dev_corpus_title_and_dateline(row: dict[str, str]) -> None:
    raw = _decode((DEV / "docs" / row["file"]).read_bytes(), row["encoding"])
    doc = clean_document(raw, source_format="txt")
    assert doc.title == (row["title"] or None)
    assert doc.dateline_place == (row["dateline_place"] or None)
    if not row["published_date"]:
        assert doc.published_date is None  # gold leaves it empty: no year in the text
    assert_blocks_valid(doc)
    assert_idempotent(raw)


@_SKIP_DEV
@pytest.mark.parametrize(
    # text files only: an HTML page's gold is its crawl text, which extraction is not asked to rebuild
    "name", sorted(p.name for p in (DEV / "gold_text").glob("*.txt.*")) if _ROWS else []
)
def test_dev_corpus_gold_text(name: str) -> None:
    source = name.split(".txt")[0] + ".txt"
    row = next(r for r in _ROWS if r["file"] == source)
    raw = _decode((DEV / "docs" / source).read_bytes(), row["encoding"])
    gold = (DEV / "gold_text" / name).read_text(encoding="utf-8")
    cleaned = clean_document(raw, source_format="txt").text
    assert " ".join(cleaned.split()) == " ".join(gold.split())


@_SKIP_DEV
def test_dev_arabstoday_trailer_cut() -> None:
    row = next((r for r in _ROWS if "arabstoday" in r["url"]), None)
    if row is None:
        pytest.skip("no arabstoday file in the dev corpus")
    raw = _decode((DEV / "docs" / row["file"]).read_bytes(), row["encoding"])
    doc = clean_document(raw, source_format="txt")
    assert "GMT" not in doc.text
    assert doc.published_date is None  # the GMT stamps belong to other headlines
    assert doc.related_headlines and all("GMT" not in h.text for h in doc.related_headlines)


@_SKIP_DEV
def test_dev_page_chrome_removed() -> None:
    row = next((r for r in _ROWS if r["encoding"] == "utf-8-sig"), None)
    if row is None:
        pytest.skip("no BOM/CRLF file in the dev corpus")
    raw = _decode((DEV / "docs" / row["file"]).read_bytes(), row["encoding"])
    doc = clean_document(raw, source_format="txt")
    # Page chrome stays in the text as a boilerplate block with exact offsets, not as content.
    first = doc.blocks[0]
    assert doc.text[first.start : first.end] == "All news" and first.kind == "boilerplate"
    assert doc.title == row["title"]
    assert "\r" not in doc.text and "\ufeff" not in doc.text


def test_line_end_soft_hyphen_rejoins_the_word_in_short_text() -> None:
    # Too few lines to look hard-wrapped: the soft hyphen alone says the word was broken.
    doc = clean_document("The delegation discussed the infor\u00ad\nmation exchange.\n\nA second paragraph.", source_format="txt")
    assert doc.text == "The delegation discussed the information exchange.\n\nA second paragraph."


def test_soft_hyphen_line_never_ends_a_wrapped_paragraph() -> None:
    lines = [
        "Представители двух стран обсудили вопросы информа\u00ad",
        "ционного обмена",
        "и сотрудничества в области образования и науки, а также",
        "российско-корейского партнёрства в регионе. Участники",
        "встречи отметили, что сотрудничество развивается успешно.",
    ]
    doc = clean_document("\n".join(lines), source_format="txt")
    assert "информационного обмена" in doc.text
    assert "\n" not in doc.text.split("информационного")[1].split("обмена")[0]
