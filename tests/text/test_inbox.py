"""iter_inbox / list_inbox on an adversarial inbox built in tmp_path, and on the dev corpus."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import random
import tempfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.extract import ExtractionError, extract_html, visible_text
from pipeline.text.inbox import iter_inbox, list_inbox
from pipeline.text.types import REJECTION_REASONS, Extracted, Rejection
from tests.helpers import dev_corpus, minimal_pdf

MB = 1 << 20
RU = "Во Владивостоке пройдет Российско-Корейский форум межрегионального сотрудничества."


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def run(inbox: Path, max_bytes: int = 10 * MB) -> list[Extracted | Rejection]:
    return list(iter_inbox(inbox, max_bytes=max_bytes))


def by_file(items: list[Extracted | Rejection]) -> dict[str, list[Extracted | Rejection]]:
    out: dict[str, list[Extracted | Rejection]] = {}
    for item in items:
        out.setdefault(item.source_file, []).append(item)
    return out


def only(items: dict[str, list[Extracted | Rejection]], name: str) -> Extracted | Rejection:
    assert len(items[name]) == 1, items[name]
    return items[name][0]


def rejected(item: Extracted | Rejection, reason: str) -> Rejection:
    assert isinstance(item, Rejection), item
    assert item.reason == reason, item
    assert item.detail
    return item


def document(item: Extracted | Rejection) -> Extracted:
    assert isinstance(item, Extracted), item
    return item


JSONL_LINES = [
    json.dumps({"id": 7, "url": "https://example.org/a", "title": "A", "text": "Первая запись",
                "published": "2019-09-05T10:00:00+09:00"}, ensure_ascii=False),
    '{"id": "b", "text": "truncated',  # cut mid-line
    "",  # blank lines are not records
    "[1, 2, 3]",  # valid JSON, not an object
    json.dumps({"id": "c", "text": "   "}),  # no non-empty text
    json.dumps({"id": "d", "text": "Second good", "published": "not a date"}),
]


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    box = tmp_path / "inbox"
    (box / "sub" / "deeper").mkdir(parents=True)
    (box / ".git").mkdir()
    (box / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (box / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + bytes(100))
    (box / "empty.txt").write_bytes(b"")
    (box / "bom_only.txt").write_bytes(b"\xef\xbb\xbf \r\n\t")
    (box / "random.txt").write_bytes(random.Random(0).randbytes(4096))
    (box / "koi8.txt").write_bytes(RU.encode("koi8-r"))
    (box / "utf16.txt").write_bytes(RU.encode("utf-16-le"))
    (box / "controls.md").write_bytes("Сеул\x00 и Москва\x07 провели переговоры.\r\n".encode())
    (box / "records.jsonl").write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    (box / "blank.ndjson").write_text("\n  \n\n", encoding="utf-8")
    (box / "disguised_pdf.txt").write_bytes(minimal_pdf("Hello Korea"))
    (box / "real.pdf").write_bytes(minimal_pdf("Russia Korea talks"))
    (box / "word.docx").write_bytes(docx_bytes("Первый абзац", "Second paragraph"))
    (box / "word_named.txt").write_bytes(docx_bytes("Hidden Word file"))
    (box / "zip.txt").write_bytes(b"PK\x03\x04" + random.Random(1).randbytes(200))
    (box / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    with open(box / "huge.txt", "wb") as fh:  # sparse: fast, no 50 MB actually written
        fh.truncate(50 * MB)
    (box / "Отчёт 2019 보고서.txt").write_text("한러 관계 보고서. Отчёт о сотрудничестве.", encoding="utf-8")
    (box / "data.csv").write_text("a,b\n1,2\n")
    (box / "README").write_text("no extension\n")
    (box / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(2).randbytes(600))
    (box / "archive").write_bytes(b"\x1f\x8b\x08\x00" + random.Random(3).randbytes(600))
    (box / "sub" / "page.HTML").write_text(
        "<html><head><title>Headline | Site</title><style>body{color:red}</style>"
        "<script>document.write('EVIL')</script></head><body><h1>Headline</h1>"
        "<p>Korea and Russia signed an agreement on Arctic shipping routes today.</p>"
        "<script>alert('EVIL')</script></body></html>",
        encoding="utf-8",
    )
    (box / "sub" / "deeper" / "cp949.text").write_bytes("서울에서 한러 정상회담이 열렸다.".encode("cp949"))
    (box / "sub" / ".hidden.txt").write_text("hidden")
    outside = tmp_path / "outside.txt"
    outside.write_text("secret outside the inbox")
    (box / "link_out.txt").symlink_to(outside)
    (box / "link_in.txt").symlink_to(box / "koi8.txt")
    (box / "link_broken.txt").symlink_to(box / "does_not_exist.txt")
    (box / "link_dir").symlink_to(box / "sub", target_is_directory=True)
    return box


def test_conservation_and_order(inbox: Path) -> None:
    listed = list_inbox(inbox)
    items = run(inbox)
    assert listed == sorted(listed)
    assert set(listed) == {item.source_file for item in items}
    # yielded in list order; JSONL records contiguous from 0
    seen = list(dict.fromkeys(item.source_file for item in items))
    assert seen == listed
    for name, group in by_file(items).items():
        records = [item.source_record for item in group]
        assert records == [None] or records == list(range(len(group))), name
    for item in items:
        if isinstance(item, Rejection):
            assert item.reason in REJECTION_REASONS


def test_stable_across_runs(inbox: Path) -> None:
    assert run(inbox) == run(inbox)


def test_hidden_entries_skipped_consistently(inbox: Path) -> None:
    listed = list_inbox(inbox)
    names = {item.source_file for item in run(inbox)}
    for hidden in (".DS_Store", ".git/HEAD", "sub/.hidden.txt"):
        assert hidden not in listed and hidden not in names


def test_empty_files(inbox: Path) -> None:
    items = by_file(run(inbox))
    assert rejected(only(items, "empty.txt"), "empty").n_bytes == 0
    rejected(only(items, "bom_only.txt"), "empty")
    blank = rejected(only(items, "blank.ndjson"), "empty")
    assert blank.source_record is None


def test_random_bytes_binary(inbox: Path) -> None:
    r = rejected(only(by_file(run(inbox)), "random.txt"), "binary")
    assert r.n_bytes == 4096


def test_koi8_utf16_controls(inbox: Path) -> None:
    items = by_file(run(inbox))
    koi8 = document(only(items, "koi8.txt"))
    assert (koi8.text, koi8.encoding, koi8.source_format) == (RU, "koi8-r", "txt")
    utf16 = document(only(items, "utf16.txt"))
    assert (utf16.text, utf16.encoding) == (RU, "utf-16-le")
    controls = document(only(items, "controls.md"))
    assert controls.text == "Сеул и Москва провели переговоры.\n"
    assert controls.source_format == "md"


def test_file_hash_size_mtime(inbox: Path) -> None:
    item = document(only(by_file(run(inbox)), "koi8.txt"))
    raw = (inbox / "koi8.txt").read_bytes()
    assert item.content_sha256 == hashlib.sha256(raw).hexdigest()
    assert item.n_bytes == len(raw)
    assert item.modified_at is not None and item.modified_at.tzinfo == dt.UTC
    assert item.source_record is None


def test_jsonl_records(inbox: Path) -> None:
    group = by_file(run(inbox))["records.jsonl"]
    assert [item.source_record for item in group] == [0, 1, 2, 3, 4]
    first, truncated, not_object, no_text, last = group
    first = document(first)
    assert first.text == "Первая запись" and first.record_id == "7" and first.title == "A"
    assert first.url == "https://example.org/a" and first.published == dt.date(2019, 9, 5)
    line = JSONL_LINES[0].encode()
    assert first.content_sha256 == hashlib.sha256(line).hexdigest() and first.n_bytes == len(line)
    assert first.source_format == "jsonl" and first.encoding == "utf-8"
    assert "line 2" in rejected(truncated, "malformed_record").detail
    assert "not an object" in rejected(not_object, "malformed_record").detail
    assert "text" in rejected(no_text, "malformed_record").detail
    last = document(last)
    assert last.text == "Second good" and last.published is None and last.record_id == "d"


def test_pdf_sniffed_and_docx(inbox: Path) -> None:
    items = by_file(run(inbox))
    disguised = document(only(items, "disguised_pdf.txt"))
    assert disguised.source_format == "pdf" and "Hello Korea" in disguised.text
    assert document(only(items, "real.pdf")).text.strip() == "Russia Korea talks"
    word = document(only(items, "word.docx"))
    assert word.source_format == "docx" and word.text == "Первый абзац\nSecond paragraph"
    named = document(only(items, "word_named.txt"))
    assert named.source_format == "docx" and named.text == "Hidden Word file"
    rejected(only(items, "zip.txt"), "binary")
    assert "PDF" in rejected(only(items, "broken.pdf"), "unreadable").detail


def test_too_large_not_read(inbox: Path) -> None:
    r = rejected(only(by_file(run(inbox, max_bytes=10 * MB)), "huge.txt"), "too_large")
    assert r.n_bytes == 50 * MB


def test_non_latin_file_name(inbox: Path) -> None:
    item = document(only(by_file(run(inbox)), "Отчёт 2019 보고서.txt"))
    assert item.text.startswith("한러 관계 보고서")


def test_unsupported_formats(inbox: Path) -> None:
    items = by_file(run(inbox))
    assert "'.csv'" in rejected(only(items, "data.csv"), "unsupported_format").detail
    assert "no file extension" in rejected(only(items, "README"), "unsupported_format").detail


def test_binary_files_of_other_formats_are_binary(inbox: Path) -> None:
    """An image or an archive is rejected as binary (what it is), not as an unknown format."""
    items = by_file(run(inbox))
    assert "'.png'" in rejected(only(items, "photo.png"), "binary").detail
    assert "no file extension" in rejected(only(items, "archive"), "binary").detail


def test_html(inbox: Path) -> None:
    page = document(only(by_file(run(inbox)), "sub/page.HTML"))
    assert page.source_format == "html" and page.title == "Headline"
    assert "Arctic shipping routes" in page.text
    assert "EVIL" not in page.text and "color:red" not in page.text


def test_legacy_text_in_subdir(inbox: Path) -> None:
    item = document(only(by_file(run(inbox)), "sub/deeper/cp949.text"))
    assert (item.text, item.encoding) == ("서울에서 한러 정상회담이 열렸다.", "cp949")


def test_symlinks(inbox: Path) -> None:
    items = by_file(run(inbox))
    out = rejected(only(items, "link_out.txt"), "unreadable")
    assert out.detail == "symlink points outside the inbox"
    assert document(only(items, "link_in.txt")).text == RU
    assert "broken symlink" in rejected(only(items, "link_broken.txt"), "unreadable").detail
    assert "directory" in rejected(only(items, "link_dir"), "unreadable").detail
    # the linked directory is not walked twice
    assert not any(name.startswith("link_dir/") for name in items)


def test_permission_denied(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading")
    locked = tmp_path / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    try:
        (item,) = run(tmp_path)
        rejected(item, "unreadable")
    finally:
        locked.chmod(0o644)


def test_fifo_is_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (item,) = run(tmp_path)  # would block forever if the FIFO were opened
    assert "not a regular file" in rejected(item, "unreadable").detail
    assert list_inbox(tmp_path) == ["pipe.txt"]


def test_missing_inbox_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        list_inbox(tmp_path / "nope")


# --- dev corpus ----------------------------------------------------------------------------


def test_dev_corpus_inbox() -> None:
    corpus = dev_corpus()
    with open(corpus / "manifest.csv", encoding="utf-8", newline="") as fh:
        rows = {row["file"]: row for row in csv.DictReader(fh)}
    items = by_file(run(corpus / "docs"))
    assert set(items) == set(list_inbox(corpus / "docs")) == set(rows)
    for name, row in rows.items():
        item = only(items, name)
        expect = row["expect"]
        if expect == "reject_empty":
            rejected(item, "empty")
        elif expect == "reject_binary":
            rejected(item, "binary")
        elif expect == "partial_malformed":
            continue
        else:
            doc = document(item)
            want = "cp949" if row["encoding"] == "euc-kr" else row["encoding"]
            assert doc.encoding == want, name
            assert "\ufffd" not in doc.text, name
            gold = corpus / "gold_text" / f"{name}.utf8.txt"
            if gold.is_file():
                gold_text = gold.read_text(encoding="utf-8").replace("\r\n", "\n").strip()
                assert doc.text.strip() == gold_text, name
            if row["title"] and doc.source_format == "html":
                assert doc.title == row["title"], name


# --- HTML details and robustness -----------------------------------------------------------

RU_LONG = "Во Владивостоке пройдет второй Российско-Корейский форум межрегионального сотрудничества."


def test_html_declared_charset_and_metadata() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        '<meta property="og:title" content="Форум во Владивостоке">'
        '<meta property="og:site_name" content="Гвидон">'
        '<meta property="og:url" content="https://example.ru/a">'
        '<meta property="article:published_time" content="2019-09-05T10:00:00+03:00">'
        f"</head><body><article><h1>Форум во Владивостоке</h1><p>{RU_LONG}</p></article>"
        "</body></html>"
    )
    content = extract_html(html.encode("cp1251"))
    assert content.encoding == "cp1251" and RU_LONG in content.text
    assert content.title == "Форум во Владивостоке"
    assert content.source_name == "Гвидон" and content.url == "https://example.ru/a"
    assert content.published == dt.date(2019, 9, 5)


def test_html_euc_kr_meta_is_read_as_cp949() -> None:
    html = "<html><head><meta charset='euc-kr'></head><body><p>서울에서 회담이 열렸다.</p></body></html>"
    content = extract_html(html.encode("euc-kr"))
    assert (content.text, content.encoding) == ("서울에서 회담이 열렸다.", "cp949")


def test_html_tiny_page_falls_back_to_visible_text() -> None:
    assert extract_html(b"<p>Short</p>").text == "Short"
    assert visible_text("<p>a</p><script>x()</script><style>p{}</style><p>b</p>") == "a\nb"


def test_html_with_only_scripts_is_empty() -> None:
    with pytest.raises(ExtractionError) as err:
        extract_html(b"<html><script>var x = 'EVIL';</script><style>p{}</style></html>")
    assert err.value.reason == "empty"


@settings(max_examples=60, deadline=None)
@given(
    data=st.binary(max_size=600),
    ext=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".pdf", ".docx", ".bin", ""]),
    prefix=st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe"]),
)
def test_never_raises_and_conserves_on_arbitrary_files(data: bytes, ext: str, prefix: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        box = Path(tmp)
        (box / f"f{ext}").write_bytes(prefix + data)
        items = run(box, max_bytes=4096)
        assert {item.source_file for item in items} == set(list_inbox(box)) == {f"f{ext}"}
        records = [item.source_record for item in items]
        assert records == [None] or records == list(range(len(items)))
        for item in items:
            if isinstance(item, Rejection):
                assert item.reason in REJECTION_REASONS and item.detail
            else:
                assert item.text.strip()
