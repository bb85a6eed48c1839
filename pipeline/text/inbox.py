"""Walk the inbox: every input file becomes `Extracted` document(s) or a `Rejection`.

Rules shared by `list_inbox` and `iter_inbox` (the conservation check relies on both
seeing the same inputs):
- hidden entries (a name starting with ".", e.g. .DS_Store, .git/) are skipped, files and
  whole directories alike, at any depth: they are tool/OS droppings, not documents;
- every other regular file, symlink (to anything, even broken or a directory) and special
  entry (FIFO, socket, device) is an input, identified by its path relative to the inbox
  with POSIX separators, and processed in sorted order of that path;
- symlinks are never followed out of the inbox; a link to a directory is not descended
  into (it would double-count files or loop) and is reported as unreadable, as is a
  subdirectory that cannot be listed.
Nothing here raises for a bad file: every problem becomes a Rejection with a human detail.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from pipeline.text.decode import looks_binary
from pipeline.text.extract import (
    Content,
    ExtractionError,
    extract_html,
    extract_plain,
    iter_jsonl,
)
from pipeline.text.extract_docx import extract_docx
from pipeline.text.extract_pdf import extract_pdf
from pipeline.text.types import Extracted, Rejection

TEXT_EXTENSIONS = {".txt": "txt", ".text": "txt", ".md": "md"}
HTML_EXTENSIONS = {".html": "html", ".htm": "html"}
JSONL_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl"}
SUPPORTED_EXTENSIONS = (
    set(TEXT_EXTENSIONS) | set(HTML_EXTENSIONS) | set(JSONL_EXTENSIONS) | {".pdf", ".docx"}
)

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"


def _hidden(name: str) -> bool:
    return name.startswith(".")


def list_inbox(inbox: Path) -> list[str]:
    """Relative POSIX paths of every input under `inbox`, sorted (nothing is opened)."""
    inbox = Path(inbox)
    if not inbox.is_dir():
        raise FileNotFoundError(f"inbox {inbox} is not a directory")
    found: list[str] = []

    def unlistable(err: OSError) -> None:
        # A subdirectory we cannot list is itself an input (reported unreadable), so its
        # files are not silently missing; the inbox root failing is a configuration error.
        if err.filename and Path(err.filename) != inbox:
            found.append(Path(err.filename).relative_to(inbox).as_posix())
        elif err.filename:
            raise err

    for root, dirs, files in os.walk(inbox, onerror=unlistable, followlinks=False):
        base = Path(root)
        # os.walk lists symlinks to directories under `dirs`; they are inputs, not subtrees.
        links = [d for d in dirs if (base / d).is_symlink()]
        dirs[:] = [d for d in dirs if not _hidden(d) and d not in links]
        for name in files + links:
            if not _hidden(name):
                found.append((base / name).relative_to(inbox).as_posix())
    return sorted(found)


ExtractFn = Callable[[bytes, str, os.stat_result, Callable[..., Rejection], int], Iterator["Extracted | Rejection"]]


def iter_inbox(inbox: Path, max_bytes: int, extract: ExtractFn | None = None) -> Iterator[Extracted | Rejection]:
    """One item per input file, or per record of a JSON Lines file, in list_inbox order.

    `extract(data, rel, stat, reject, max_bytes)` turns a file's bytes into items (default `extract_file`);
    the pipeline passes a cached one so unchanged files are not decoded again."""
    yield from iter_inputs(inbox, list_inbox(inbox), max_bytes, extract)


def iter_inputs(
    inbox: Path, rels: list[str], max_bytes: int, extract: ExtractFn | None = None
) -> Iterator[Extracted | Rejection]:
    """`iter_inbox` over some of its inputs (`rels`, paths as `list_inbox` gives them)."""
    inbox = Path(inbox)
    root = inbox.resolve()
    for rel in rels:
        yield from _process(inbox / rel, rel, root, max_bytes, extract or _extract)


def _mtime(st: os.stat_result | None) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(st.st_mtime, tz=dt.UTC) if st is not None else None


def _process(path: Path, rel: str, root: Path, max_bytes: int, extract: ExtractFn) -> Iterator[Extracted | Rejection]:
    def reject(reason: str, detail: str, n_bytes: int = 0, st: os.stat_result | None = None) -> Rejection:
        return Rejection(rel, None, reason, detail, n_bytes, modified_at=_mtime(st))

    try:
        lst = path.lstat()
    except OSError as exc:
        yield reject("unreadable", f"cannot stat: {exc.strerror or exc}")
        return
    target = path
    if stat.S_ISLNK(lst.st_mode):
        try:
            target = path.resolve(strict=False)
        except (OSError, RuntimeError) as exc:  # symlink loop
            yield reject("unreadable", f"cannot resolve symlink: {exc}", st=lst)
            return
        if not target.is_relative_to(root):
            yield reject("unreadable", "symlink points outside the inbox", st=lst)
            return
    try:
        st = target.stat()
    except OSError as exc:
        detail = "broken symlink (target does not exist)" if target is not path else str(exc)
        yield reject("unreadable", detail, st=lst)
        return
    if stat.S_ISDIR(st.st_mode):
        if target is path:
            yield reject("unreadable", "directory cannot be listed (permission denied?)", st=st)
        else:
            yield reject("unreadable", "symlink to a directory (not followed)", st=lst)
        return
    if not stat.S_ISREG(st.st_mode):
        # Never open a FIFO or device: reading could block forever or never end.
        yield reject("unreadable", "not a regular file (FIFO, socket or device)", st=st)
        return
    if st.st_size > max_bytes:
        yield reject(
            "too_large", f"{st.st_size} bytes exceeds the limit of {max_bytes} bytes", st.st_size, st
        )
        return
    if st.st_size == 0:
        yield reject("empty", "file is empty (0 bytes)", 0, st)
        return
    try:
        with open(target, "rb") as fh:
            data = fh.read(max_bytes + 1)  # one read; +1 catches a file that grew since stat
    except OSError as exc:
        yield reject("unreadable", f"cannot read: {exc.strerror or exc}", st.st_size, st)
        return
    if len(data) > max_bytes:
        yield reject("too_large", f"file grew past the limit of {max_bytes} bytes", len(data), st)
        return
    yield from extract(data, rel, st, reject, max_bytes)


def _extract(
    data: bytes, rel: str, st: os.stat_result, reject: Callable[..., Rejection], max_bytes: int
) -> Iterator[Extracted | Rejection]:
    ext = os.path.splitext(rel)[1].lower()
    n = len(data)
    mtime = _mtime(st)
    # Containers inflate: the input limit also bounds what they may expand to.
    pdf = functools.partial(extract_pdf, max_bytes=max_bytes)
    docx = functools.partial(extract_docx, max_bytes=max_bytes)

    extractor: Callable[[bytes], Content] | None
    if data[:1024].lstrip().startswith(_PDF_MAGIC):  # content beats a wrong extension
        fmt, extractor = "pdf", pdf
    elif ext in JSONL_EXTENSIONS:
        yield from _jsonl(data, rel, mtime, reject)
        return
    elif ext in TEXT_EXTENSIONS:
        fmt, extractor = TEXT_EXTENSIONS[ext], extract_plain
        if data.startswith(_ZIP_MAGIC):  # a Word file saved with the wrong name?
            fmt, extractor = "docx", functools.partial(_docx_or_binary, max_bytes=max_bytes)
    elif ext in HTML_EXTENSIONS:
        fmt, extractor = "html", extract_html
    elif ext == ".pdf":
        fmt, extractor = "pdf", pdf
    elif ext == ".docx":
        fmt, extractor = "docx", docx
    else:
        what = f"extension {ext!r}" if ext else "no file extension"
        supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
        # An image or an archive is binary whatever its name: that says more than "not a
        # format we read" (a text file with another extension, .csv, .xml, keeps that reason).
        if looks_binary(data):
            yield reject("binary", f"binary content ({what}), not a document; supported: {supported}", n, st)
        else:
            yield reject("unsupported_format", f"unsupported format ({what}); supported: {supported}", n, st)
        return
    try:
        content = extractor(data)
    except ExtractionError as err:
        yield reject(err.reason, err.detail, n, st)
        return
    except Exception as exc:  # a parser bug on a hostile file must not stop the run
        yield reject("unreadable", f"{fmt} extraction failed: {type(exc).__name__}: {exc}", n, st)
        return
    yield Extracted(
        source_file=rel, source_record=None, source_format=fmt, encoding=content.encoding,
        text=content.text, content_sha256=hashlib.sha256(data).hexdigest(), n_bytes=n,
        title=content.title, published=content.published, url=content.url,
        source_name=content.source_name, record_id=content.record_id, modified_at=mtime,
        page_starts=content.page_starts or None, published_source=content.published_source,
    )


def _docx_or_binary(data: bytes, max_bytes: int) -> Content:
    try:
        return extract_docx(data, max_bytes)
    except ExtractionError as err:
        if err.reason == "too_large":
            raise
        raise ExtractionError("binary", f"zip archive, not a readable DOCX ({err.detail})") from err


def _jsonl(
    data: bytes, rel: str, mtime: dt.datetime | None, reject: Callable[..., Rejection]
) -> Iterator[Extracted | Rejection]:
    try:
        # Collected first (the file is at most max_bytes): if anything fails, the outcome is
        # one whole-file rejection, never a mix of records and a file-level rejection.
        records = list(iter_jsonl(data))
    except ExtractionError as err:
        yield Rejection(rel, None, err.reason, err.detail, len(data), modified_at=mtime)
        return
    except Exception as exc:  # a bug on a hostile file must not stop the run
        detail = f"JSON Lines reading failed: {type(exc).__name__}: {exc}"
        yield Rejection(rel, None, "unreadable", detail, len(data), modified_at=mtime)
        return
    for rec in records:
        if rec.content is None:
            assert rec.error is not None
            yield Rejection(
                rel, rec.index, rec.error.reason, rec.error.detail, rec.n_bytes, modified_at=mtime
            )
            continue
        c = rec.content
        yield Extracted(
            source_file=rel, source_record=rec.index, source_format="jsonl", encoding=c.encoding,
            text=c.text, content_sha256=rec.sha256, n_bytes=rec.n_bytes, title=c.title,
            published=c.published, url=c.url, source_name=c.source_name, record_id=c.record_id,
            modified_at=mtime,
        )


extract_file = _extract  # the default `extract`, for callers that wrap it (the pipeline's cache)
