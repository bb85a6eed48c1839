"""PDF → text per page, without page chrome, plus the title/date the file declares.

Order of checks, each a rejection rather than a crash: truncated file (no %%EOF at the
end) → `unreadable`; Flate streams inflating past the limit → `too_large` (measured before
pypdf decodes anything); password needed → `encrypted`; pages without any text →
`no_text_layer`; text past the limit → `too_large`. Pages are read in pypdf's layout mode
(geometric order: headers on top, columns side by side, paragraph gaps as blank lines), the
columns put in reading order, running headers/footers and page numbers dropped, and the
pages joined so that the ordinary unwrapping re-joins a paragraph cut by a page end.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections.abc import Callable

from pipeline.text.columns import reading_order
from pipeline.text.container_meta import plausible_date, plausible_title
from pipeline.text.decode import normalize_newlines
from pipeline.text.extract import CONTAINER_ENCODING, Content, ExtractionError, is_blank
from pipeline.text.inflate_limits import check_pdf_streams
from pipeline.text.page_chrome import strip_page_chrome
from pipeline.text.pages import join_pages

logging.getLogger("pypdf").setLevel(logging.ERROR)

_EOF_WINDOW = 2048  # %%EOF must be this close to the end (pypdf's own tolerance is 1 KiB)
# A soft hyphen ending a line is the typesetter saying "this word was broken here": the
# word's tail moves up to its head (later cleaning would drop the invisible character and
# leave "informa tion"); line lengths barely change, so the unwrapper still sees the wrap.
# A line-end U+2010 HYPHEN becomes "-" so the shared unwrapping rules judge it like any
# other line-end hyphen.
_SOFT_BREAK = re.compile(r"\u00ad[ \t]*\n[ \t]*(\S+)[ \t]*\n?")
_UNICODE_HYPHEN_AT_END = re.compile(r"[\u2010\u2011](?=[ \t]*\n)")


def _limits(max_bytes: int) -> dict[str, int]:
    """pypdf's per-stream output limits, none above the configured input limit."""
    return {
        name: max_bytes
        for name in (
            "zlib_maximum_output_length", "lzw_maximum_output_length",
            "run_length_maximum_output_length", "array_based_stream_maximum_output_length",
            "brotli_maximum_output_length", "maximum_declared_stream_length",
            "xmp_maximum_input_length",
        )
    }


def _page_text(page: object) -> str:
    try:
        text = page.extract_text(extraction_mode="layout")  # type: ignore[attr-defined]
    except Exception:  # layout mode trips over fonts that plain mode still reads
        text = ""
    if not text.strip():
        text = page.extract_text() or ""  # type: ignore[attr-defined]
    text = reading_order(normalize_newlines(text))
    text = _UNICODE_HYPHEN_AT_END.sub("-", text)
    # "informa\xad\ntion on" -> "information\non" (a tail alone on its line: no empty line left)
    return _SOFT_BREAK.sub(lambda m: m.group(1) + "\n", text)


def _check_decrypted_contents(reader: object, max_bytes: int) -> None:
    """Encrypted streams are not zlib data until pypdf decrypts them, so the byte scan of
    `check_pdf_streams` could not measure them: count the pages' decoded content instead
    (each stream is capped by pypdf's per-stream limit; decoded once, reused for the text)."""
    total = 0
    for number, page in enumerate(reader.pages, 1):  # type: ignore[attr-defined]
        contents = page.get("/Contents")
        if contents is None:
            continue
        contents = contents.get_object()
        streams = contents if isinstance(contents, list) else [contents]
        total += sum(len(stream.get_object().get_data()) for stream in streams)
        if total > max_bytes:
            raise ExtractionError(
                "too_large", f"decrypted page contents up to page {number} exceed the limit of {max_bytes} bytes"
            )


def _skeleton(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _type_sizes(page: object) -> list[tuple[str, float]]:
    """(letters of a text run, rendered type size) for each run drawn on the page."""
    runs: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        letters = _skeleton(text)
        if letters:
            runs.append((letters, abs(size * tm[3] * cm[3]) or abs(size)))

    try:
        page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    except Exception:
        return []
    return runs


def _size_of(runs: list[tuple[str, float]], line: str) -> float | None:
    """Largest type size among the runs that make up `line` (None if they do not)."""
    key = _skeleton(line)
    parts = [(letters, size) for letters, size in runs if letters in key]
    if not key or sum(len(letters) for letters, _ in parts) < len(key) / 2:
        return None
    return max(size for _, size in parts)


def _headline_test(reader: object) -> Callable[[str], bool]:
    """Is a line of page 1 that repeats as later pages' running header set larger there?
    Then it is the document's headline on page 1, a header everywhere else."""
    pages = reader.pages  # type: ignore[attr-defined]
    cache: dict[int, list[tuple[str, float]]] = {}

    def runs(n: int) -> list[tuple[str, float]]:
        if n not in cache:
            cache[n] = _type_sizes(pages[n])
        return cache[n]

    def larger_on_first(line: str) -> bool:
        first = _size_of(runs(0), line)
        if first is None:
            return False
        for n in range(1, min(len(pages), 4)):
            other = _size_of(runs(n), line)
            if other is not None:
                return first > 1.2 * other
        return False

    return larger_on_first


def _has_images(page: object) -> bool:
    try:
        xobjects = page["/Resources"]["/XObject"]  # type: ignore[index]
        return any(xobjects[name].get("/Subtype") == "/Image" for name in xobjects)
    except Exception:
        return False


def _metadata(reader: object) -> tuple[str | None, dt.date | None, str | None]:
    """(title, date, where the date came from) from the Info dictionary, then XMP."""
    title = published = source = None
    try:
        info = reader.metadata  # type: ignore[attr-defined]
    except Exception:
        info = None
    if info is not None:
        title = plausible_title(info.get("/Title"))
        try:
            published = plausible_date(info.creation_date)
        except Exception:  # an unparsable CreationDate is just absent
            published = None
        source = "pdf_info" if published else None
    if title is None or published is None:
        try:
            xmp = reader.xmp_metadata  # type: ignore[attr-defined]
        except Exception:
            xmp = None
        if xmp is not None:
            if title is None:
                try:
                    titles = xmp.dc_title or {}
                    title = plausible_title(titles.get("x-default") or next(iter(titles.values()), None))
                except Exception:
                    title = None
            if published is None:
                try:
                    published = plausible_date(xmp.xmp_create_date)
                except Exception:
                    published = None
                source = "pdf_xmp" if published else None
    return title, published, source


def extract_pdf(data: bytes, max_bytes: int) -> Content:
    import pypdf
    from pypdf.errors import DependencyError

    # Padding after the end (NULs, blank lines from a download tool) is not truncation.
    if b"%%EOF" not in data[-(1 << 20) :].rstrip(b"\x00 \t\r\n")[-_EOF_WINDOW:]:
        raise ExtractionError("unreadable", "PDF is truncated: no %%EOF marker at the end of the file")
    check_pdf_streams(data, max_bytes)
    with pypdf.apply_configuration(**_limits(max_bytes)):
        try:
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")  # owner-only protection opens with no password
                except (DependencyError, NotImplementedError) as exc:
                    raise ExtractionError("encrypted", f"PDF is encrypted ({exc})") from exc
                if not opened:
                    raise ExtractionError("encrypted", "PDF is encrypted with a password")
                _check_decrypted_contents(reader, max_bytes)
            pages: list[str] = []
            size = 0
            for page in reader.pages:
                pages.append(_page_text(page))
                size += len(pages[-1].encode("utf-8"))
                if size > max_bytes:
                    raise ExtractionError(
                        "too_large", f"text of the first {len(pages)} page(s) exceeds the limit of {max_bytes} bytes"
                    )
            if all(is_blank(p) for p in pages):
                with_images = sum(_has_images(page) for page in reader.pages)
                raise ExtractionError(
                    "no_text_layer",
                    f"PDF with {len(pages)} page(s) has no text layer"
                    + (f" ({with_images} page(s) are images: scanned?)" if with_images else ""),
                )
            title, published, source = _metadata(reader)
            kept, _ = strip_page_chrome(pages, _headline_test(reader))
        except ExtractionError:
            raise
        except pypdf.errors.LimitReachedError as exc:
            raise ExtractionError("too_large", f"PDF stream over the limit: {exc}") from exc
        except Exception as exc:  # pypdf raises many types on damaged files
            raise ExtractionError("unreadable", f"cannot parse PDF: {type(exc).__name__}: {exc}") from exc
    text, starts = join_pages(kept)
    if is_blank(text):
        raise ExtractionError("empty", f"PDF with {len(pages)} page(s) holds only page numbers or running headers")
    return Content(
        text, CONTAINER_ENCODING, title=title, published=published, page_starts=starts,
        published_source=source,
    )
