"""PDF and DOCX straight from the source: pages, running headers, hyphenation, rejections.

Every file is built here (reportlab, pypdf, python-docx). The reference for a PDF is the
plain-text path: the same lines as a text file (for Russian, the seed itself, which is
text copied out of such a PDF), cleaned by the same code; the PDF must give the same
paragraphs, with its header and page numbers gone and each paragraph on the right page.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from pipeline.text.clean import clean_document
from pipeline.text.columns import reading_order
from pipeline.text.extract import ExtractionError
from pipeline.text.extract_docx import extract_docx
from pipeline.text.extract_pdf import extract_pdf
from pipeline.text.inbox import iter_inbox
from pipeline.text.page_chrome import is_page_number, strip_page_chrome
from pipeline.text.pages import block_pages
from pipeline.text.types import Extracted, Rejection
from tests.helpers import SEEDS
from tests.paged_documents import (
    PagedText,
    as_text_file,
    columns_pdf,
    cyrillic_font,
    docx_bytes,
    docx_document,
    encrypted,
    flate_bomb_pdf,
    hangul_font,
    image_only_pdf,
    lines_with_gaps,
    split_pages,
    wrap,
    write_docx_bomb,
)

MB = 1 << 20
RU_SEED = SEEDS / "002_8a9672775b139fda.txt"

# "|" marks where the builder may hyphenate a word at a line end (before a suffix the
# English unwrapping rule knows, so the cleaned text must show the whole word).
EN_PARAGRAPHS = [
    "The third Korea-Russia interregion|al forum opened in Vladivostok on Thursday, "
    "bring|ing together governors, mayors and business lead|ers from both countries to "
    "discuss transporta|tion corridors, energy and fishe|ries. Delegates agreed that "
    "regional coopera|tion needs steady funding, a permanent secretariat and a govern|ment "
    "commit|ment to invest|ment in the ports.",
    "Officials from the Far Eastern provinces present|ed a list of joint projects, "
    "includ|ing a logistics hub near the border, a ferry line and the moderniza|tion of "
    "port facil|ities. The Korean side propos|ed an exchange of informa|tion on cargo "
    "volumes, a common customs platform and a regular meet|ing of port author|ities.",
    "Participants also discuss|ed educa|tion: more scholar|ships for students, summer "
    "schools and language courses in both countries. A work|ing group on tourism will "
    "report to the next forum, which is to be held in a Korean city next autumn after "
    "further consulta|tions between the two foreign ministries and the region|al govern|ments.",
    "The forum closed with a joint state|ment on long-term develop|ment of the region, "
    "sign|ed by the heads of both delega|tions after a week of discus|sions and an agree|ment "
    "on a new ferry connec|tion between the two coasts.",
]

KO_PARAGRAPHS = [
    "제3차 한러 지방협력포럼이 목요일 블라디보스토크에서 개막했다. 양국의 도지사와 시장, "
    "기업인들이 참석해 물류 회랑과 에너지, 수산 분야의 협력 방안을 논의했다.",
    "극동 지역 관계자들은 국경 인근 물류 거점과 여객선 항로, 항만 시설 현대화 등 공동 사업 "
    "목록을 발표했다. 한국 측은 화물 물동량 정보 교환과 공동 통관 플랫폼 구축을 제안했다.",
    "참가자들은 교육 분야에서 장학금 확대와 여름 학교, 언어 과정 개설에도 뜻을 모았다. 관광 "
    "실무그룹은 내년 가을 한국에서 열리는 다음 포럼에 결과를 보고할 예정이다.",
    "포럼은 양측 대표단장이 서명한 지역 장기 발전에 관한 공동 성명을 채택하며 폐막했다.",
]


def paragraphs(raw: str) -> list[str]:
    cleaned = clean_document(raw, source_format="txt")
    return [cleaned.text[b.start : b.end] for b in cleaned.blocks]


def expected_pages(paras: list[str], layout: PagedText) -> list[int]:
    """Page of each paragraph from the builder's own record of what it drew where."""
    out = []
    for para in paras:
        pages = [n for n, drawn in enumerate(layout.pages, 1) for line in drawn if para.startswith(line[:25].rstrip("-"))]
        assert pages, para
        out.append(pages[0])
    return out


def check_against_plain(pdf: bytes, reference_raw: str, layout: PagedText, removed: list[str]) -> Extracted:
    content = extract_pdf(pdf, 10 * MB)
    for chrome in removed:
        assert chrome not in content.text
    want = paragraphs(reference_raw)
    cleaned = clean_document(content.text, source_format="pdf")
    got = [cleaned.text[b.start : b.end] for b in cleaned.blocks]
    assert got == want
    pages = block_pages(content.text, content.page_starts, cleaned.text, cleaned.blocks)
    assert pages == expected_pages(want, layout)
    return content


# --- the three documents --------------------------------------------------------------------


def russian_seed_pdf() -> tuple[bytes, str, PagedText]:
    raw = RU_SEED.read_text(encoding="utf-8")
    lines = lines_with_gaps(raw)
    # Page 1 ends on "... в Северо-": the paragraph, and the compound "Северо-Восточной",
    # run over the page end.
    cut = next(i for i, line in enumerate(lines) if line and line.endswith("Северо-")) + 1
    layout = PagedText(cyrillic_font(), "Бюллетень ДРРК · 2019", lambda n, _: f"- {n} -")
    return layout.build([lines[:cut], lines[cut:]]), raw, layout


def test_russian_seed_pdf_matches_the_plain_text_path() -> None:
    pdf, raw, layout = russian_seed_pdf()
    assert len(layout.pages) == 2 and layout.pages[0][-1].endswith("Северо-")
    content = check_against_plain(pdf, raw, layout, ["Бюллетень", "- 1 -", "- 2 -"])
    cleaned = clean_document(content.text, source_format="pdf").text
    assert "российско-корейского «стратегического партнерства»" in cleaned  # compound kept
    assert "Северо-Восточной Азии для длительного" in cleaned  # joined over the page end
    assert "\n1\n" not in content.text and not content.text.rstrip().endswith("2")


def test_english_pdf_hyphenation_and_page_footer() -> None:
    chunks = split_pages(wrap(EN_PARAGRAPHS, 64), 9)
    layout = PagedText("Helvetica", "Korea-Russia Forum Bulletin No. 3", lambda n, total: f"Page {n} of {total}")
    pdf = layout.build(chunks)
    assert len(chunks) >= 2
    drawn = [line for page in layout.pages for line in page]
    broken = [(a.split()[-1][:-1], b.split()[0]) for a, b in zip(drawn, drawn[1:], strict=False) if a.endswith("-")]
    assert len(broken) >= 2, "the test text must hyphenate at line ends"
    content = check_against_plain(pdf, as_text_file(chunks), layout, ["Bulletin", "Page 1 of", "Page 2 of"])
    cleaned = clean_document(content.text, source_format="pdf").text
    for head, tail in broken:
        assert head + tail in cleaned and f"{head}-{tail}" not in cleaned
    assert "Korea-Russia interregional" in cleaned and "long-term" in cleaned


def test_korean_pdf_with_cid_font() -> None:
    chunks = split_pages(wrap(KO_PARAGRAPHS, 40), 8)
    layout = PagedText(hangul_font(), "한러 지방협력포럼 소식지", lambda n, total: f"{n} / {total}")
    pdf = layout.build(chunks)
    content = extract_pdf(pdf, 10 * MB)
    if "포럼" not in content.text:
        pytest.skip("this pypdf cannot map reportlab's Korean CID font to Unicode")
    check_against_plain(pdf, as_text_file(chunks), layout, ["소식지", "1 / ", "2 / "])


def test_page_number_forms() -> None:
    for line in ("3", "- 3 -", "— 12 —", "Page 3", "page 3 of 12", "Стр. 3", "3 / 12", "3쪽", "3 페이지", "[3]",
                 "- 3 / 12 -", "Страница 3 из 12", "페이지 3", "| 7 |", "ii"):
        assert is_page_number(line), line
    for line in ("2019 г.", "Page three", "3. Обмен", "1. Обмен депутатами", "В 2007 г."):
        assert not is_page_number(line), line


def test_running_header_needs_repetition_and_edges() -> None:
    pages = [
        "Bulletin 5\nFirst page text\nalpha\nbeta\ngamma\nSummary line",
        "Bulletin 6\nSecond page text\ndelta\nSummary line\nepsilon\n7",
        "Bulletin 7\nThird page text\nzeta\neta\ntheta\nlast words",
    ]
    kept, removed = strip_page_chrome(pages)
    # The header repeats (its number aside) on every page; "7" is a page number at an edge;
    # "Summary line" sits at an edge of one page only, and inside another: content.
    assert removed == ["Bulletin 5", "Bulletin 6", "7", "Bulletin 7"]
    assert kept[0].endswith("Summary line") and "Summary line" in kept[1]
    assert kept[1].startswith("Second page text") and kept[1].endswith("epsilon")


def test_chapter_headers_with_rising_page_numbers() -> None:
    def body(n: int) -> str:
        words = ["ports", "ferries", "fisheries", "energy", "tourism", "schools"]
        return f"A section on {words[n - 1]}\nwith a second line\nand more on {words[-n]}\nending with {words[n - 1]} again"

    pages = ["Annual report\n" + body(1)]  # title page, no header
    pages.append("1\n1 Introduction\n" + body(2))  # printed page 1 on physical page 2
    pages += [f"Chapter 2: Regional cooperation {n - 1}\n{body(n)}" for n in range(3, 6)]
    pages.append("Chapter 3: Outlook 5\n" + body(6) + "\nin 2019")
    kept, removed = strip_page_chrome(pages)
    assert removed == ["1", *(f"Chapter 2: Regional cooperation {n}" for n in range(2, 5)), "Chapter 3: Outlook 5"]
    assert kept[0].startswith("Annual report") and kept[1].startswith("1 Introduction")
    assert kept[-1].endswith("in 2019")


def test_report_title_that_returns_as_running_header_stays_on_page_one() -> None:
    title = "Korea-Russia Regional Cooperation Report"
    chunks = split_pages(wrap(EN_PARAGRAPHS, 64), 9)
    layout = PagedText("Helvetica", title, lambda n, total: f"{n}", headline=title)
    content = extract_pdf(layout.build(chunks), 10 * MB)
    assert content.text.count(title) == 1 and content.text.startswith(title)
    # The same line at the same size on every page is a header everywhere.
    plain = extract_pdf(PagedText("Helvetica", title, lambda n, total: f"{n}").build(chunks), 10 * MB)
    assert title not in plain.text


def test_two_columns_read_left_then_right() -> None:
    left = [f"Left column line {i} about the Arctic shipping route" for i in range(8)]
    right = [f"Right column line {i} about fisheries and ports" for i in range(8)]
    content = extract_pdf(columns_pdf([left, right]), 10 * MB)
    lines = [line.strip() for line in content.text.split("\n") if line.strip()]
    assert lines == left + right


def test_three_columns_read_in_order() -> None:
    columns = [wrap([para], 30) for para in EN_PARAGRAPHS[:3]]
    content = extract_pdf(columns_pdf(columns), 10 * MB)
    lines = [line.strip() for line in content.text.split("\n") if line.strip()]
    assert lines == [line for column in columns for line in column if line]


def test_two_column_article_matches_plain_text() -> None:
    """A full-width headline over two columns of hyphenated prose: the columns are read one
    after the other and give the same paragraphs as the article written out as text."""
    title = "Korea and Russia open a regional forum in Vladivostok"
    left, right = wrap(EN_PARAGRAPHS[:2], 46), wrap(EN_PARAGRAPHS[2:], 46)
    content = extract_pdf(columns_pdf([left, right], title=title), 10 * MB)
    cleaned = clean_document(content.text, source_format="pdf")
    got = [cleaned.text[b.start : b.end] for b in cleaned.blocks]
    assert got == paragraphs(f"{title}\n\n" + as_text_file([left, [None], right]))


def test_soft_and_unicode_hyphens_at_line_ends() -> None:
    layout = PagedText(cyrillic_font(), None, None)
    lines = ["The sides agreed on an exchange of informa\u00ad", "tion on cargo volumes and on a new Korea\u2010",
             "Russia shipping line between the ports of the", "two countries, to be opened in the spring of",
             "next year after a trial voyage in the winter."]
    content = extract_pdf(layout.build([lines]), MB)
    cleaned = clean_document(content.text, source_format="pdf").text
    assert "exchange of information on cargo" in cleaned
    assert "Korea-Russia shipping line" in cleaned


def test_korean_two_columns_under_a_headline() -> None:
    left, right = wrap(KO_PARAGRAPHS[:2], 22), wrap(KO_PARAGRAPHS[2:], 22)
    content = extract_pdf(columns_pdf([left, right], font=hangul_font(), title="한러 지방협력포럼"), 10 * MB)
    lines = [line.strip() for line in content.text.split("\n") if line.strip()]
    assert lines == ["한러 지방협력포럼"] + [line for line in left + right if line]


def test_reading_order_keeps_tables_and_single_columns() -> None:
    single = "A single column of prose that runs\nacross the whole width of the page\nand on."
    assert reading_order(single) == single
    table = "\n".join(f"Name {i}        {i * 10}        ok" for i in range(8))
    assert reading_order(table) == table


# --- rejections -----------------------------------------------------------------------------


def reject_reason(call) -> tuple[str, str]:
    with pytest.raises(ExtractionError) as err:
        call()
    return err.value.reason, err.value.detail


def test_encrypted_pdf() -> None:
    pdf, _, _ = russian_seed_pdf()
    assert reject_reason(lambda: extract_pdf(encrypted(pdf, "secret"), 10 * MB))[0] == "encrypted"
    # Owner-only protection (no password to open) is readable.
    opened = extract_pdf(encrypted(pdf, ""), 10 * MB)
    assert "Шанхайская организация" in opened.text


def test_image_only_pdf_has_no_text_layer() -> None:
    reason, detail = reject_reason(lambda: extract_pdf(image_only_pdf(), 10 * MB))
    assert reason == "no_text_layer" and "2 page(s) are images" in detail


def test_truncated_and_corrupt_pdf_unreadable() -> None:
    pdf, _, _ = russian_seed_pdf()
    for cut in (len(pdf) // 2, len(pdf) - 100, 200):
        reason, detail = reject_reason(lambda cut=cut: extract_pdf(pdf[:cut], 10 * MB))
        assert reason == "unreadable" and "truncated" in detail
    garbage = b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n"
    assert reject_reason(lambda: extract_pdf(garbage, 10 * MB))[0] == "unreadable"


def test_pdf_flate_bomb_is_too_large() -> None:
    bomb = flate_bomb_pdf(40 * MB)
    assert len(bomb) < MB
    reason, detail = reject_reason(lambda: extract_pdf(bomb, 4 * MB))
    assert reason == "too_large" and "inflates" in detail
    # A smaller one under a limit it fits is an ordinary document, encrypted or not.
    small = flate_bomb_pdf(2 * MB)
    assert "Korea Russia" in extract_pdf(small, 4 * MB).text
    assert "Korea Russia" in extract_pdf(encrypted(small, ""), 4 * MB).text
    # Many pages, each stream under the limit, together over it.
    pages = flate_bomb_pdf(2 * MB, pages=5)
    reason, detail = reject_reason(lambda: extract_pdf(pages, 6 * MB))
    assert reason == "too_large" and "inflates" in detail
    # Encrypted (readable without a password), the streams are no zlib data to scan: the
    # decrypted page contents are counted instead.
    reason, detail = reject_reason(lambda: extract_pdf(encrypted(pages, ""), 6 * MB))
    assert reason == "too_large" and "decrypted page contents" in detail


def test_extracted_text_limit() -> None:
    pdf, _, _ = russian_seed_pdf()
    assert reject_reason(lambda: extract_pdf(pdf, 2000))[0] == "too_large"


# --- metadata -------------------------------------------------------------------------------


def test_pdf_info_title_and_date() -> None:
    layout = PagedText("Helvetica", None, None, title="Korea-Russia forum opens in Vladivostok",
                       creation_date="D:20190905120000+09'00'")
    content = extract_pdf(layout.build([["Korea and Russia met in Vladivostok."]]), MB)
    assert content.title == "Korea-Russia forum opens in Vladivostok"
    assert content.published == dt.date(2019, 9, 5) and content.published_source == "pdf_info"
    for junk in ("Microsoft Word - bulletin_final.doc", "untitled", "report_2019_05"):
        layout = PagedText("Helvetica", None, None, title=junk, creation_date="D:19700101000000Z")
        content = extract_pdf(layout.build([["Korea and Russia met."]]), MB)
        assert content.title is None and content.published is None, junk


# --- DOCX -----------------------------------------------------------------------------------


def test_docx_tables_rows_and_no_headers_footers() -> None:
    document = docx_document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Ministry of Foreign Affairs · Press release"
    section.footer.paragraphs[0].text = "Page 1"
    document.add_paragraph("Korea and Russia signed three agreements.")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("Date", "Event", "Place"), ("5 Sep", "Forum", "Vladivostok"), ("6 Sep", "Talks", "")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = table.cell(2, 1).merge(table.cell(2, 2))
    merged.text = "Talks"
    document.add_paragraph("Both sides will meet again next year.")
    document.core_properties.title = "Korea and Russia sign three agreements"
    document.core_properties.created = dt.datetime(2019, 9, 6, 9, 0, tzinfo=dt.UTC)
    content = extract_docx(docx_bytes(document), MB)
    assert content.text.split("\n") == [
        "Korea and Russia signed three agreements.",
        "Date | Event | Place",
        "5 Sep | Forum | Vladivostok",
        "6 Sep | Talks",
        "Both sides will meet again next year.",
    ]
    assert "Ministry" not in content.text and "Page 1" not in content.text
    assert content.title == "Korea and Russia sign three agreements"
    assert content.published == dt.date(2019, 9, 6) and content.published_source == "docx_core"


def test_docx_text_in_content_controls_insertions_and_fields() -> None:
    """Word features python-docx's Paragraph.text drops: content controls (templates),
    tracked insertions, non-breaking hyphens; deleted text and text boxes stay out."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx_document()
    body = document.element.body
    fragments = [
        f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>Forum report from Vladivostok</w:t></w:r></w:p>'
        "</w:sdtContent></w:sdt>",
        f'<w:p {w}><w:r><w:t xml:space="preserve">The </w:t></w:r><w:r><w:t>Russian</w:t></w:r>'
        '<w:r><w:noBreakHyphen/><w:t xml:space="preserve">Korean talks </w:t></w:r>'
        '<w:ins w:id="1" w:author="a"><w:r><w:t xml:space="preserve">in September </w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>in August </w:delText></w:r></w:del>'
        "<w:r><w:t>ended.</w:t></w:r></w:p>",
        f'<w:p {w}><w:r><w:t xml:space="preserve">Main text. </w:t></w:r><w:r><w:pict><v:shape '
        'xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>SIDEBAR</w:t>'
        "</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>",
        f'<w:tbl {w}><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Seoul</w:t></w:r></w:p></w:tc>'
        "<w:tc><w:p><w:r><w:t>5 Sep</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>6 Sep</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    ]
    for xml in fragments:
        body.insert(len(body) - 1, parse_xml(xml))  # before the section properties
    content = extract_docx(docx_bytes(document), MB)
    assert content.text.split("\n") == [
        "Forum report from Vladivostok",
        "The Russian-Korean talks in September ended.",
        "Main text. ",
        "Seoul | 5 Sep",
        "6 Sep",
    ]


def test_docx_template_stamp_is_not_a_date() -> None:
    document = docx_document()
    document.add_paragraph("Text without a date of its own.")
    content = extract_docx(docx_bytes(document), MB)
    assert content.published is None and content.title is None


def test_docx_not_a_package_unreadable() -> None:
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    assert reject_reason(lambda: extract_docx(buffer.getvalue(), MB))[0] == "unreadable"
    assert reject_reason(lambda: extract_docx(b"PK\x03\x04 truncated zip", MB))[0] == "unreadable"


@pytest.mark.parametrize("lie", [False, True])
def test_docx_bomb_too_large(tmp_path: Path, lie: bool) -> None:
    path = tmp_path / "bomb.docx"
    write_docx_bomb(path, 24 * MB, lie_about_size=lie)
    assert path.stat().st_size < MB
    reason, detail = reject_reason(lambda: extract_docx(path.read_bytes(), 8 * MB))
    assert reason == "too_large", detail
    assert ("as declared" in detail) != lie


# --- through the inbox ----------------------------------------------------------------------


def test_inbox_outcomes(tmp_path: Path) -> None:
    pdf, _, _ = russian_seed_pdf()
    (tmp_path / "ru.pdf").write_bytes(pdf)
    (tmp_path / "locked.pdf").write_bytes(encrypted(pdf, "secret"))
    (tmp_path / "scan.pdf").write_bytes(image_only_pdf())
    (tmp_path / "cut.pdf").write_bytes(pdf[: len(pdf) // 2])
    write_docx_bomb(tmp_path / "bomb.docx", 12 * MB)
    write_docx_bomb(tmp_path / "bomb_named.txt", 12 * MB)  # a zip behind a .txt name
    first = list(iter_inbox(tmp_path, max_bytes=4 * MB))
    assert first == list(iter_inbox(tmp_path, max_bytes=4 * MB))  # deterministic
    assert russian_seed_pdf()[0] == pdf  # and so are the test files
    items = {item.source_file: item for item in first}
    doc = items["ru.pdf"]
    assert isinstance(doc, Extracted) and doc.page_starts and len(doc.page_starts) == 2
    want = {"locked.pdf": "encrypted", "scan.pdf": "no_text_layer", "cut.pdf": "unreadable",
            "bomb.docx": "too_large", "bomb_named.txt": "too_large"}
    for name, reason in want.items():
        item = items[name]
        assert isinstance(item, Rejection) and item.reason == reason, item


def test_damaged_containers_never_crash_nor_give_empty_documents(tmp_path: Path) -> None:
    """Random byte damage to a real PDF and a real DOCX: a document with text, or a
    rejection with a known reason, for every variant."""
    import random

    from pipeline.text.types import REJECTION_REASONS

    pdf, _, _ = russian_seed_pdf()
    document = docx_document()
    document.add_paragraph("Korea and Russia agreed on a new ferry line.")
    sources = {"pdf": pdf, "docx": docx_bytes(document)}
    rng = random.Random(12)
    for n in range(40):
        ext = ("pdf", "docx")[n % 2]
        data = bytearray(sources[ext])
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        box = tmp_path / str(n)
        box.mkdir()
        (box / f"damaged.{ext}").write_bytes(bytes(data))
        (item,) = iter_inbox(box, max_bytes=4 * MB)
        if isinstance(item, Rejection):
            assert item.reason in REJECTION_REASONS and item.detail
        else:
            assert item.text.strip()
