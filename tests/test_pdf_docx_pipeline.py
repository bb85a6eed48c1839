"""Issue 12 end to end: PDFs and Word files built here, run through the whole Dagster job.

The Russian seed laid out as a two-page PDF bulletin becomes the same document text as the
seed itself, with `segments.page` right; the hostile containers (encrypted, scanned,
truncated, zip bombs of 200 MB) are rejections with their reasons, and every other document
is still published. The bombs' memory is measured in a fresh process.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipeline import PROJECT_ROOT
from tests.helpers import copy_seeds, failed_checks, read, run_pipeline
from tests.paged_documents import (
    PagedText,
    as_text_file,
    docx_bytes,
    docx_document,
    encrypted,
    flate_bomb_pdf,
    hangul_font,
    image_only_pdf,
    split_pages,
    wrap,
    write_docx_bomb,
)
from tests.text.test_pdf_docx import (
    EN_PARAGRAPHS,
    KO_PARAGRAPHS,
    expected_pages,
    paragraphs,
    russian_seed_pdf,
)

MB = 1 << 20
BOMB = 200 * MB
SEED_RU = "002_8a9672775b139fda.txt"

REJECTED = {
    "locked.pdf": "encrypted",
    "scan.pdf": "no_text_layer",
    "cut.pdf": "unreadable",
    "bomb.docx": "too_large",
    "bomb_lying.docx": "too_large",
}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("pdf_docx")
    inbox = copy_seeds(base / "inbox")
    layouts: dict[str, PagedText] = {}
    ru_pdf, _, layouts["ru.pdf"] = russian_seed_pdf()
    (inbox / "ru.pdf").write_bytes(ru_pdf)
    en_chunks = split_pages(wrap(EN_PARAGRAPHS, 64), 9)
    layouts["en.pdf"] = PagedText("Helvetica", "Korea-Russia Forum Bulletin No. 3", lambda n, t: f"Page {n} of {t}")
    (inbox / "en.pdf").write_bytes(layouts["en.pdf"].build(en_chunks))
    (inbox / "en.txt").write_text(as_text_file(en_chunks), encoding="utf-8")
    ko_chunks = split_pages(wrap(KO_PARAGRAPHS, 40), 8)
    layouts["ko.pdf"] = PagedText(hangul_font(), "한러 지방협력포럼 소식지", lambda n, t: f"{n}쪽")
    (inbox / "ko.pdf").write_bytes(layouts["ko.pdf"].build(ko_chunks))
    document = docx_document()
    document.sections[0].header.paragraphs[0].text = "Press release header"
    for para in EN_PARAGRAPHS[:2]:
        document.add_paragraph(para.replace("|", ""))
    (inbox / "release.docx").write_bytes(docx_bytes(document))
    (inbox / "locked.pdf").write_bytes(encrypted(ru_pdf, "secret"))
    (inbox / "scan.pdf").write_bytes(image_only_pdf())
    (inbox / "cut.pdf").write_bytes(ru_pdf[: len(ru_pdf) * 2 // 3])
    write_docx_bomb(inbox / "bomb.docx", BOMB)
    write_docx_bomb(inbox / "bomb_lying.docx", BOMB, lie_about_size=True)
    result = run_pipeline(inbox, base / "outputs", base / "storage")
    out = {name: read(base / "outputs", name) for name in ("documents", "segments", "rejections")}
    out["segments_path"] = base / "outputs" / "segments"
    return result, inbox, layouts, out


def test_run_publishes_every_other_document(run) -> None:
    result, inbox, _, out = run
    assert result.success and failed_checks(result) == []
    docs, rej = out["documents"], out["rejections"]
    assert dict(zip(rej["source_file"], rej["reason"], strict=True)) == REJECTED
    inputs = {p.name for p in inbox.iterdir()}
    assert set(docs["source_file"]) == inputs - set(REJECTED)
    assert (docs["text"].str.strip().str.len() > 0).all()


def test_seed_pdf_is_the_seed_text_with_pages(run) -> None:
    _, _, layouts, out = run
    docs, segs = out["documents"].set_index("source_file"), out["segments"]
    assert docs.loc["ru.pdf", "text"] == docs.loc[SEED_RU, "text"]
    pdf_segs = segs[segs["doc_id"] == docs.loc["ru.pdf", "doc_id"]]
    txt_segs = segs[segs["doc_id"] == docs.loc[SEED_RU, "doc_id"]]
    assert list(pdf_segs["text"]) == list(txt_segs["text"])
    assert list(pdf_segs["kind"]) == list(txt_segs["kind"])
    assert list(pdf_segs["page"]) == expected_pages(list(pdf_segs["text"]), layouts["ru.pdf"])
    assert set(pdf_segs["page"]) == {1, 2}
    assert txt_segs["page"].isna().all()


def test_english_and_korean_pages(run) -> None:
    _, inbox, layouts, out = run
    docs, segs = out["documents"].set_index("source_file"), out["segments"]
    assert docs.loc["en.pdf", "text"] == docs.loc["en.txt", "text"]
    for name in ("en.pdf", "ko.pdf"):
        mine = segs[segs["doc_id"] == docs.loc[name, "doc_id"]]
        assert list(mine["page"]) == expected_pages(list(mine["text"]), layouts[name]), name
        assert mine["page"].max() >= 2
    ko_text = docs.loc["ko.pdf", "text"]
    assert "소식지" not in ko_text and "쪽" not in ko_text
    assert paragraphs(as_text_file(split_pages(wrap(KO_PARAGRAPHS, 40), 8))) == list(
        segs[segs["doc_id"] == docs.loc["ko.pdf", "doc_id"]]["text"]
    )
    release = segs[segs["doc_id"] == docs.loc["release.docx", "doc_id"]]
    assert release["page"].isna().all() and "Press release header" not in docs.loc["release.docx", "text"]
    assert docs.loc["release.docx", "source_format"] == "docx"


_MEASURE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from pipeline.text.inbox import iter_inbox
    from pipeline.text.extract_docx import extract_docx
    from tests.paged_documents import docx_bytes, docx_document

    def status(key):  # kB, from the kernel's own accounting of this process
        for line in open("/proc/self/status"):
            if line.startswith(key + ":"):
                return int(line.split()[1])

    warm = docx_document(); warm.add_paragraph("warm-up: imports and a first parse done")
    extract_docx(docx_bytes(warm), 1 << 20)
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")  # reset the peak (VmHWM) to the current RSS
    baseline = status("VmHWM")
    items = list(iter_inbox(Path(sys.argv[1]), max_bytes=64 << 20))
    peak = status("VmHWM")
    control = bytearray(150 << 20)  # the meter must see a real 150 MB allocation
    control[:: 4096] = b"x" * len(control[:: 4096])
    control_peak = status("VmHWM")
    print(json.dumps({"baseline_kb": baseline, "peak_kb": peak, "control_kb": control_peak,
                      "reasons": {i.source_file: getattr(i, "reason", "document") for i in items}}))
    """
)


def test_bomb_memory_stays_bounded(tmp_path: Path) -> None:
    """Peak RSS of a fresh interpreter while it ingests two 200 MB zip bombs and a PDF whose
    Flate stream inflates to 200 MB (Linux /proc)."""
    if not Path("/proc/self/clear_refs").exists():
        pytest.skip("needs Linux /proc/self/clear_refs to reset the peak-RSS counter")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_docx_bomb(inbox / "bomb.docx", BOMB)
    write_docx_bomb(inbox / "bomb_lying.docx", BOMB, lie_about_size=True)
    (inbox / "bomb.pdf").write_bytes(flate_bomb_pdf(BOMB))
    assert max(p.stat().st_size for p in inbox.iterdir()) < 2 * MB
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(inbox)], cwd=PROJECT_ROOT, capture_output=True,
        text=True, timeout=300, check=True,
    )
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["reasons"] == {"bomb.docx": "too_large", "bomb_lying.docx": "too_large", "bomb.pdf": "too_large"}
    grown_mb = (got["peak_kb"] - got["baseline_kb"]) / 1024
    control_mb = (got["control_kb"] - got["peak_kb"]) / 1024
    assert control_mb > 100, f"the meter missed a 150 MB allocation ({control_mb:.0f} MB)"
    assert grown_mb < 100, f"peak RSS grew by {grown_mb:.0f} MB while reading the bombs"
    print(f"bombs: baseline {got['baseline_kb'] / 1024:.0f} MB, peak +{grown_mb:.1f} MB; control +{control_mb:.0f} MB")


def test_page_column_is_nullable_int64(run) -> None:
    import pyarrow.parquet as pq

    *_, out = run
    part = sorted(out["segments_path"].glob("part-*.parquet"))[0]
    field = pq.read_schema(part).field("page")
    assert str(field.type) == "int64" and field.nullable
    assert b"PDF" in field.metadata[b"description"]
