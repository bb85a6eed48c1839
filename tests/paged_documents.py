"""Builders for the PDF and DOCX files the tests read: real files made with reportlab,
pypdf and python-docx, never stored in the repository.

Files are built with reportlab's `invariant` option: the same call gives the same bytes
(its fixed creation date, 2000-01-01, is what such a file declares).

`PagedText` draws given lines page by page like a bulletin: a running header at the top,
a page number at the bottom, body lines at a fixed leading, an empty line where the source
has a paragraph gap. The lines drawn on each page are kept, so a test knows on which page
every paragraph starts without asking the code under test.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import docx
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.helpers import serialize_pdf

# Fonts: a TrueType font with Cyrillic is embedded when the machine has one (DejaVu from
# Debian's fonts-dejavu-core or matplotlib); reportlab's built-in Korean CID fonts cover
# Hangul, and Cyrillic too (KS X 1001 has it), so every case can be built anywhere.
_TTF_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
)
HANGUL_FONT = "HYSMyeongJo-Medium"


def _matplotlib_dejavu() -> Path | None:
    try:
        import matplotlib  # noqa: PLC0415 - optional, only when installed anyway
    except ImportError:
        return None
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    return path if path.is_file() else None


def cyrillic_font() -> str:
    """Name of a registered font that draws Russian."""
    for path in (*_TTF_CANDIDATES, _matplotlib_dejavu()):
        if path is not None and path.is_file():
            if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("DejaVu", str(path)))
            return "DejaVu"
    return hangul_font()


def hangul_font() -> str:
    """Name of a registered font that draws Hangul (reportlab's CID font, not embedded)."""
    if HANGUL_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(HANGUL_FONT))
    return HANGUL_FONT


@dataclass
class PagedText:
    """Lines laid out over pages; `pages[i]` are the body lines drawn on page i + 1."""

    font: str
    header: str | None
    footer: Callable[[int, int], str] | None  # (page, n_pages) -> page number line
    size: float = 10.0
    leading: float = 14.0
    pages: list[list[str]] = field(default_factory=list)
    title: str | None = None
    creation_date: str | None = None  # PDF date string, e.g. "D:20190905120000+09'00'"
    headline: str | None = None  # drawn large on page 1, where the header would be

    def build(self, chunks: Sequence[Sequence[str | None]]) -> bytes:
        """One chunk per page; a None line is a paragraph gap (one empty line)."""
        buf = io.BytesIO()
        pdf = canvas.Canvas(buf, pagesize=(595, 842), invariant=1)
        if self.title:
            pdf.setTitle(self.title)
        self.pages = []
        for number, chunk in enumerate(chunks, 1):
            if self.headline and number == 1:
                pdf.setFont(self.font, 18)
                pdf.drawString(72, 795, self.headline)
            elif self.header:
                pdf.setFont(self.font, self.size - 1)
                pdf.drawString(72, 800, self.header)
            if self.footer:
                pdf.setFont(self.font, self.size - 1)
                pdf.drawCentredString(297, 40, self.footer(number, len(chunks)))
            pdf.setFont(self.font, self.size)
            y = 770.0
            drawn = []
            for line in chunk:
                if line is not None:
                    pdf.drawString(72, y, line)
                    drawn.append(line)
                y -= self.leading
            self.pages.append(drawn)
            pdf.showPage()
        pdf.save()
        data = buf.getvalue()
        if self.creation_date:
            data = _with_creation_date(data, self.creation_date)
        return data


def _with_creation_date(data: bytes, date: str) -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/CreationDate": date})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def lines_with_gaps(text: str) -> list[str | None]:
    """A hard-wrapped text file's lines for drawing: a run of 2+ blank lines is a gap.

    (The seed is double-spaced: one blank line between lines is its wrapping, not a gap.)
    """
    out: list[str | None] = []
    blank = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            blank += 1
            continue
        if blank > 1 and out:
            out.append(None)
        blank = 0
        out.append(line)
    return out


def wrap(paragraphs: Sequence[str], width: int) -> list[str | None]:
    """Greedy wrapping at `width` characters; "|" in a word marks where it may be
    hyphenated ("coopera|tion" -> "coopera-" / "tion"), and is dropped elsewhere.
    Paragraphs are separated by a gap (None)."""
    out: list[str | None] = []
    for n, para in enumerate(paragraphs):
        if n:
            out.append(None)
        line = ""
        for word in para.split():
            candidate = f"{line} {word.replace('|', '')}".strip()
            if len(candidate) <= width:
                line = candidate
                continue
            pieces = word.split("|")
            head = ""
            for i in range(len(pieces) - 1, 0, -1):  # longest head that still fits
                if len(f"{line} {''.join(pieces[:i])}-") <= width:
                    head = "".join(pieces[:i])
                    word = "".join(pieces[i:])
                    break
            out.append(f"{line} {head}-" if head else line)
            line = word.replace("|", "")
        out.append(line)
    return out


def as_text_file(chunks: Sequence[Sequence[str | None]]) -> str:
    """The same lines as a plain hard-wrapped text file (a gap is a blank line)."""
    return "\n".join("" if line is None else line for chunk in chunks for line in chunk) + "\n"


def split_pages(lines: Sequence[str | None], per_page: int) -> list[list[str | None]]:
    return [list(lines[i : i + per_page]) for i in range(0, len(lines), per_page)]


def columns_pdf(columns: Sequence[Sequence[str | None]], font: str = "Helvetica", title: str | None = None) -> bytes:
    """One page: an optional full-width title over 2 or 3 columns (None = paragraph gap)."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842), invariant=1)
    if title:
        pdf.setFont(font, 14)
        pdf.drawString(40, 800, title)
    pdf.setFont(font, 9 if len(columns) == 2 else 8)
    step = 520 / len(columns)
    for n, column in enumerate(columns):
        y = 770.0
        for line in column:
            if line is not None:
                pdf.drawString(40 + n * step, y, line)
            y -= 12
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def image_only_pdf(pages: int = 2) -> bytes:
    """A "scanned" PDF: each page is one picture of a text-like pattern, no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842), invariant=1)
    for _ in range(pages):
        image = Image.new("L", (400, 560), 255)
        draw = ImageDraw.Draw(image)
        for row in range(20, 540, 18):
            draw.rectangle((20, row, 380 - (row % 90), row + 8), fill=30)
        pdf.drawImage(ImageReader(image), 72, 100, width=450, height=630)
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def encrypted(data: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def flate_bomb_pdf(inflated: int, pages: int = 1) -> bytes:
    """A valid PDF whose page content streams each inflate to `inflated` bytes (spaces)."""
    import zlib

    text = b"BT /F1 12 Tf 72 720 Td (Korea Russia) Tj ET\n"
    packer = zlib.compressobj(9)
    parts = [packer.compress(text)]
    spaces = b" " * (1 << 20)
    for _ in range(-(-max(0, inflated - len(text)) // len(spaces))):  # streamed, never all in memory
        parts.append(packer.compress(spaces))
    stream = b"".join(parts) + packer.flush()
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(pages)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
            b" /Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * i)
        )
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return serialize_pdf(objects)


# --- DOCX ---------------------------------------------------------------------------------


def docx_document() -> docx.document.Document:
    return docx.Document()


def docx_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def write_docx_bomb(path: Path, inflated: int, lie_about_size: bool = False) -> None:
    """A valid Word package whose word/document.xml inflates to at least `inflated` bytes.

    Written in streaming fashion (the XML is never held in memory). With `lie_about_size`,
    the zip headers then declare a tiny size for that part, as a hostile file would.
    """
    template = zipfile.ZipFile(io.BytesIO(docx_bytes(docx.Document())))
    paragraph = b"<w:p><w:r><w:t>Korea and Russia discussed the Arctic route again.</w:t></w:r></w:p>"
    chunk = paragraph * (1 << 14)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in template.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info.filename, template.read(info.filename))
        with out.open("word/document.xml", "w", force_zip64=False) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}"><w:body>'.encode())
            written = 0
            while written < inflated:
                part.write(chunk)
                written += len(chunk)
            part.write(b"</w:body></w:document>")
    if lie_about_size:
        _declare_size(path, "word/document.xml", 4096)


def _declare_size(path: Path, name: str, size: int) -> None:
    """Overwrite the uncompressed size of `name` in its local header and central entry."""
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(name)
    struct.pack_into("<L", data, info.header_offset + 22, size)
    encoded = name.encode()
    central = data.find(b"PK\x01\x02", len(data) - 65536 if len(data) > 65536 else 0)
    while central >= 0:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_len] == encoded:
            struct.pack_into("<L", data, central + 24, size)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
