"""Per-format extraction: bytes of one container → text plus the metadata it carries.

Pure functions (no file system, no Dagster). Expected problems raise `ExtractionError`
with a rejection reason and a human detail; `pipeline.text.inbox` turns them into
`Rejection`s. Nothing here executes content: HTML is parsed, never rendered or scripted.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

from pipeline.text.decode import (
    Decoded,
    DecodeFailure,
    canonical_encoding,
    decode_bytes,
    looks_binary,
    normalize_newlines,
)

# pypdf and trafilatura log every oddity of a malformed input at WARNING; the rejection
# detail (or the document itself) is the record we keep, so keep run logs readable.
logging.getLogger("pypdf").setLevel(logging.ERROR)
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # logs junk input at ERROR
logging.getLogger("htmldate").setLevel(logging.ERROR)

# Extracted text from PDF/DOCX is Unicode already; documents.encoding then says "utf-8"
# (what the text is, as published) rather than inventing a codec name for a container.
CONTAINER_ENCODING = "utf-8"

_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"


class ExtractionError(Exception):
    """An input that cannot become a document; `reason` is a REJECTION_REASONS value."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Content:
    text: str
    encoding: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source_name: str | None = None
    record_id: str | None = None
    notes: tuple[str, ...] = ()
    # Paged containers (PDF): offset in `text` where each page starts, page 1 first.
    page_starts: tuple[int, ...] = ()
    # Which container field `published` came from (pdf_info, pdf_xmp, docx_core), if any.
    published_source: str | None = None


def is_blank(text: str) -> bool:
    """Only whitespace, BOMs and zero-width characters."""
    return not text.strip(_INVISIBLE + " \t\n\r\f\v\u00a0\u3000").strip()


def _decoded_or_raise(result: Decoded | DecodeFailure) -> Decoded:
    if isinstance(result, DecodeFailure):
        raise ExtractionError(result.reason, result.detail)
    return result


def _nonblank(content: Content, what: str) -> Content:
    if is_blank(content.text):
        raise ExtractionError("empty", f"{what} has no text (only whitespace, BOM or markup)")
    return content


# --- plain text -------------------------------------------------------------------------


def extract_plain(data: bytes) -> Content:
    decoded = _decoded_or_raise(decode_bytes(data))
    return _nonblank(Content(decoded.text, decoded.encoding, notes=decoded.notes), "file")


# --- HTML -------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—»·]|-|::)\s+")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "nav", "blockquote", "pre", "main", "aside",
    "dd", "dt", "figcaption", "title",
})


def decode_html(data: bytes) -> Decoded:
    """BOM, then valid UTF-8, then the declared <meta charset>, then detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decoded_or_raise(decode_bytes(data))
    try:
        # Valid non-ASCII UTF-8 is overwhelming evidence, even against a stale meta charset.
        return Decoded(normalize_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:4096])
    declared = canonical_encoding(match.group(1).decode("ascii")) if match else None
    if declared and declared not in ("utf-8", "utf-16-le", "utf-16-be", "utf-16"):
        try:
            return Decoded(normalize_newlines(data.decode(declared)), declared)
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration lies; detect instead
    return _decoded_or_raise(decode_bytes(data))


class _VisibleText(HTMLParser):
    """Fallback visible-text extraction: drops script/style/head, breaks lines at blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _clean_ws(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else ""
    return value or None


def _html_title(tree: object, sitename: str | None, fallback: str | None) -> str | None:
    """Headline from og:title/<title>, preferring the segment that is also a page heading.

    "<title>Headline | Section | Site</title>" is the norm, but trafilatura sometimes picks a
    section heading ("Press Releases"); a segment repeated in an h1-h3 is the headline.
    """
    xp = tree.xpath  # type: ignore[attr-defined]
    og = [_clean_ws(v) for v in xp('//meta[@property="og:title" or @name="twitter:title"]/@content')]
    tag = [_clean_ws(t.text_content()) for t in xp("//title")]
    headings = {_clean_ws(h.text_content()) for h in xp("//h1|//h2|//h3")} - {None}
    raws = [v for v in og + tag if v]
    for raw in raws:
        for segment in [raw, *_TITLE_SEPARATORS.split(raw)]:
            if segment in headings:
                return segment
    if og and og[0]:
        return og[0]
    for raw in tag:
        segments = [s for s in _TITLE_SEPARATORS.split(raw or "") if s and s != sitename]
        if segments:
            return segments[0]
    return _clean_ws(fallback)


def title_line_in_text(tree: object, title: str | None, text: str) -> str | None:
    """Of the page's title strings (<h1>, og:title, <title> and their "A | B | Site" parts),
    the one the article text prints as a line of its own; else `title` unchanged."""
    xp = tree.xpath  # type: ignore[attr-defined]
    raws = [_clean_ws(h.text_content()) for h in xp("//h1")]
    raws += [_clean_ws(v) for v in xp('//meta[@property="og:title"]/@content')]
    raws += [_clean_ws(t.text_content()) for t in xp("//title")]
    lines = {" ".join(line.split()).casefold() for line in text.splitlines() if line.strip()}
    for raw in filter(None, raws):
        for segment in [raw, *_TITLE_SEPARATORS.split(raw)]:
            if segment.casefold() in lines:
                return segment
    return title


def parse_date(value: object) -> dt.date | None:
    """ISO date or datetime string → date; anything else → None."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def extract_html(data: bytes) -> Content:
    import trafilatura  # heavy (lxml, htmldate); imported where it is needed

    decoded = decode_html(data)
    html = decoded.text
    text = None
    title = published = url = sitename = None
    tree = trafilatura.load_html(html) if html.strip() else None
    if tree is not None:
        text = trafilatura.extract(
            html, include_comments=False, favor_precision=True, output_format="txt"
        )
        # extensive=False: only dates the page declares (meta tags, URL), never a date
        # guessed from the body, which is usually an event date, not publication.
        meta = trafilatura.extract_metadata(trafilatura.load_html(html), extensive=False)
        if meta is not None:
            published = parse_date(meta.date)
            url = _clean_ws(meta.url)
            sitename = _clean_ws(meta.sitename)
        title = _html_title(tree, sitename, meta.title if meta is not None else None)
    if not text or is_blank(text):
        text = visible_text(html)
    if tree is not None:
        title = title_line_in_text(tree, title, text)
    content = Content(
        normalize_newlines(text), decoded.encoding, title=title, published=published, url=url,
        source_name=sitename, notes=decoded.notes,
    )
    return _nonblank(content, "HTML page")


# --- JSON Lines -------------------------------------------------------------------------


_WIDE_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class JsonlRecord:
    index: int  # 0-based among the non-blank lines (see iter_jsonl)
    line_no: int  # 1-based physical line, for humans
    sha256: str  # of the record's bytes (without line terminator or BOM)
    n_bytes: int
    content: Content | None
    error: ExtractionError | None


def _record(obj: object, encoding: str, line_no: int) -> Content:
    if not isinstance(obj, dict):
        raise ExtractionError(
            "malformed_record", f"line {line_no}: a JSON {type(obj).__name__}, not an object"
        )
    text = obj.get("text")
    if not isinstance(text, str) or is_blank(text):
        raise ExtractionError(
            "malformed_record", f"line {line_no}: no non-empty string field `text`"
        )

    def opt_str(*keys: str) -> str | None:
        for key in keys:
            value = obj.get(key)
            if isinstance(value, str | int) and not isinstance(value, bool):
                return _clean_ws(str(value))
        return None

    return Content(
        normalize_newlines(text), encoding, title=opt_str("title"),
        published=parse_date(obj.get("published")), url=opt_str("url"),
        source_name=opt_str("source_name", "source"), record_id=opt_str("id"),
    )


def iter_jsonl(data: bytes) -> Iterator[JsonlRecord]:
    """One record per non-blank line; raises ExtractionError for a whole-file problem.

    Records are numbered 0..n-1 over the non-blank lines (not physical line numbers) so a
    file's records form a contiguous range, which the conservation check relies on; the
    physical line number is given in every detail. JSON Lines is UTF-8 by definition; a
    UTF-16/32 file with a BOM is accepted too, anything else per line is a malformed record.
    """
    if looks_binary(data):
        raise ExtractionError("binary", "JSON Lines file contains binary data (control bytes)")
    encoding = "utf-8"
    lines: list[tuple[bytes, str | None]]  # (record bytes, decoded text when already known)
    wide = next((enc for bom, enc in _WIDE_BOMS if data.startswith(bom)), None)
    if wide is not None:
        bom_len = 4 if wide.startswith("utf-32") else 2
        try:
            whole = normalize_newlines(data[bom_len:].decode(wide))
        except UnicodeDecodeError as exc:
            raise ExtractionError(
                "undecodable", f"JSON Lines file has a {wide} byte-order mark but invalid {wide}"
            ) from exc
        encoding = wide
        lines = [(t.encode(wide), t) for t in whole.split("\n")]
    else:
        if data.startswith(codecs.BOM_UTF8):
            data, encoding = data[len(codecs.BOM_UTF8) :], "utf-8-sig"
        lines = [(raw.removesuffix(b"\r"), None) for raw in data.split(b"\n")]
    index = 0
    for line_no, (raw, text) in enumerate(lines, start=1):
        if not raw.strip() or (text is not None and is_blank(text)):
            continue
        sha, n = hashlib.sha256(raw).hexdigest(), len(raw)
        try:
            if text is None:
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise ExtractionError(
                        "malformed_record", f"line {line_no}: not valid UTF-8 ({exc.reason})"
                    ) from exc
            try:
                obj = json.loads(text)
            except (ValueError, RecursionError) as exc:
                raise ExtractionError(
                    "malformed_record", f"line {line_no}: not valid JSON ({exc})"
                ) from exc
            yield JsonlRecord(index, line_no, sha, n, _record(obj, encoding, line_no), None)
        except ExtractionError as err:
            yield JsonlRecord(index, line_no, sha, n, None, err)
        index += 1
    if index == 0:
        raise ExtractionError("empty", "JSON Lines file has no records (only blank lines)")
