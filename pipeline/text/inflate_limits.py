"""Decompression-bomb guards: how much a DOCX (zip) or PDF (Flate streams) inflates to.

A one-megabyte file can declare, or silently contain, hundreds of megabytes of compressed
text. Before a parser is allowed to inflate anything, the container is measured here:
declared sizes first (free), then the actual inflated size, streamed in bounded chunks so
memory stays constant whatever the archive claims. Over the limit -> `too_large`.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from io import BytesIO

from pipeline.text.extract import ExtractionError

_CHUNK_IN = 1 << 16
_CHUNK_OUT = 1 << 20
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zip local file header (30 bytes)


def _inflated_size(decompressor: zlib._Decompress, compressed: memoryview, cap: int) -> int:
    """Bytes `compressed` inflates to, counting stops just past `cap`; raises zlib.error."""
    total = 0
    for pos in range(0, len(compressed), _CHUNK_IN):
        pending = compressed[pos : pos + _CHUNK_IN]
        while pending and not decompressor.eof:
            out = decompressor.decompress(pending, _CHUNK_OUT)
            total += len(out)
            if total > cap:
                return total
            pending = decompressor.unconsumed_tail
        if decompressor.eof:
            break
    return total


def _too_large(what: str, size: int | str, limit: int) -> ExtractionError:
    return ExtractionError("too_large", f"{what} inflates to {size} bytes, over the limit of {limit} bytes")


def check_zip(data: bytes, limit: int) -> None:
    """Raise `too_large` when the package's parts inflate past `limit` bytes in total.

    Declared sizes (central directory) are summed first; then every deflated entry is
    inflated once in bounded chunks, since a header can lie about its size.
    """
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ExtractionError("unreadable", f"not a valid zip package: {exc}") from exc
    declared = sum(info.file_size for info in infos)
    if declared > limit:
        raise _too_large(f"zip package ({len(infos)} parts, as declared)", declared, limit)
    view = memoryview(data)
    actual = 0
    for info in infos:
        header = data[info.header_offset : info.header_offset + _LOCAL_HEADER.size]
        if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
            raise ExtractionError("unreadable", f"zip entry {info.filename!r}: bad local header")
        fields = _LOCAL_HEADER.unpack(header)
        start = info.header_offset + _LOCAL_HEADER.size + fields[-2] + fields[-1]
        body = view[start : start + info.compress_size]
        if info.compress_type == zipfile.ZIP_STORED:
            actual += len(body)
        elif info.compress_type == zipfile.ZIP_DEFLATED:
            try:
                actual += _inflated_size(zlib.decompressobj(-zlib.MAX_WBITS), body, limit - actual)
            except zlib.error as exc:
                raise ExtractionError("unreadable", f"zip entry {info.filename!r}: {exc}") from exc
        else:  # Office writes stored or deflated parts only
            raise ExtractionError(
                "unreadable", f"zip entry {info.filename!r}: compression method {info.compress_type}"
            )
        if actual > limit:
            raise _too_large(f"zip package (part {info.filename!r} and before)", f"more than {limit}", limit)


# A stream's data starts after the `stream` keyword and its end-of-line ("endstream" excluded).
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_DICT_WINDOW = 4096


def check_pdf_streams(data: bytes, limit: int) -> None:
    """Raise `too_large` when the PDF's Flate streams inflate past `limit` bytes in total.

    Every stream a text extractor may decode counts (content streams, object streams, fonts,
    XMP); image XObjects and attached files do not, they are never decoded to read text. Streams that are not
    zlib data (other filters, unfiltered) are left to pypdf's own per-stream limits.
    """
    view = memoryview(data)
    total = 0
    for match in _STREAM.finditer(data):
        head = data[max(0, match.start() - _DICT_WINDOW) : match.start()]
        head = head[head.rfind(b"obj") + 1 :]  # the dictionary of this object only
        if b"/Image" in head or b"/EmbeddedFile" in head:
            continue
        decompressor = zlib.decompressobj()
        try:
            total += _inflated_size(decompressor, view[match.end() :], limit - total)
        except zlib.error:
            continue  # not Flate data, or damaged: pypdf decides what it makes of it
        if total > limit:
            raise _too_large("PDF's compressed streams", f"more than {limit}", limit)
