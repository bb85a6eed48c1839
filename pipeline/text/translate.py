"""Offline machine translation with Argos Translate / OPUS-MT packages (pure, no Dagster).

A package is a folder holding `model/` (a CTranslate2 model), `sentencepiece.model` and
`metadata.json` (from_code, to_code, package_version, ...), or an `.argosmodel` zip holding one
such folder. Packages are loaded with `ctranslate2` + `sentencepiece` directly: the
`argostranslate` library itself would pull torch, stanza and spaCy.

- `discover_packages(models_dir)` finds packages (zips are unpacked once, safely, into
  `<models_dir>/.unpacked/<sha256>/`) and keeps the highest version per language pair.
- `Translator` wraps one package: `translate_batch(texts) -> list[str]`.
- `translate_isolated` translates in batches; a batch that raises is retried one sentence at a
  time so only the offending sentence fails.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from pipeline.text.scripts import has_letters  # nothing to translate in digits and punctuation

PACKAGE_SUFFIX = ".argosmodel"
UNPACKED_DIR = ".unpacked"
REQUIRED_METADATA = ("from_code", "to_code", "package_version")
SENTENCEPIECE_FILES = ("sentencepiece.model",)
MAX_UNPACKED_BYTES = 8 * 1024**3  # refuse zip bombs; real packages are 100-400 MB
_HASH_CHUNK = 1024 * 1024


class PackageError(ValueError):
    """A package that cannot be used (bad layout, bad metadata, unsafe archive)."""


@dataclass(frozen=True)
class PackageInfo:
    """One installed translation package, unpacked on disk."""

    from_code: str
    to_code: str
    package_version: str
    path: Path  # the unpacked package folder (holds model/, sentencepiece.model, metadata.json)
    model_id: str  # "<from>-<to>:<version>:<sha256(model.bin)[:12]>"; changes when the model does
    source: Path  # what the user installed: the .argosmodel file or the folder
    metadata: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def pair(self) -> str:
        return f"{self.from_code}-{self.to_code}"

    @property
    def target_prefix(self) -> str:
        return str(self.metadata.get("target_prefix") or "")

    def describe(self) -> dict[str, Any]:
        return {
            "from_code": self.from_code,
            "to_code": self.to_code,
            "package_version": self.package_version,
            "path": str(self.source),
            "model_id": self.model_id,
        }


# --- discovery ------------------------------------------------------------------------

_file_hashes: dict[tuple[str, int, int], str] = {}
_hash_lock = threading.Lock()


def file_sha256(path: Path) -> str:
    """sha256 of a file, memoised per process on (path, size, mtime)."""
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    with _hash_lock:
        if key in _file_hashes:
            return _file_hashes[key]
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_HASH_CHUNK):
            digest.update(chunk)
    with _hash_lock:
        _file_hashes[key] = digest.hexdigest()
    return _file_hashes[key]


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key for versions like "1.9" < "1.10" and "2.0-beta" < "2.0" < "2.0.1"."""
    parts = re.findall(r"\d+|[A-Za-z]+", version)
    key: list[tuple[int, int | str]] = [(0, int(p)) if p.isdigit() else (-1, p) for p in parts]
    return (*key, (0, -1))  # the end ranks above a pre-release tag, below a further number


def read_package_folder(folder: Path, source: Path | None = None) -> PackageInfo:
    """Validate an unpacked package folder and describe it; raises PackageError."""
    meta_path = folder / "metadata.json"
    if not meta_path.is_file():
        raise PackageError(f"{folder}: no metadata.json")
    try:
        metadata = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageError(f"{meta_path}: unreadable metadata ({exc})") from exc
    if not isinstance(metadata, dict):
        raise PackageError(f"{meta_path}: metadata is not an object")
    missing = [k for k in REQUIRED_METADATA if not str(metadata.get(k) or "").strip()]
    if missing:
        raise PackageError(f"{meta_path}: missing {', '.join(missing)}")
    model_bin = folder / "model" / "model.bin"
    if not model_bin.is_file():
        raise PackageError(f"{folder}: no model/model.bin (CTranslate2 model)")
    if sentencepiece_path(folder) is None:
        raise PackageError(f"{folder}: no sentencepiece.model")
    from_code, to_code = str(metadata["from_code"]).strip(), str(metadata["to_code"]).strip()
    version = str(metadata["package_version"]).strip()
    model_id = f"{from_code}-{to_code}:{version}:{file_sha256(model_bin)[:12]}"
    return PackageInfo(from_code, to_code, version, folder, model_id, source or folder, metadata)


def sentencepiece_path(folder: Path) -> Path | None:
    for name in SENTENCEPIECE_FILES:
        if (folder / name).is_file():
            return folder / name
    return None


def package_root(folder: Path) -> Path | None:
    """The package folder: `folder` itself, or its single subfolder holding metadata.json."""
    if (folder / "metadata.json").is_file():
        return folder
    subs = [p for p in folder.iterdir() if p.is_dir() and (p / "metadata.json").is_file()]
    return subs[0] if len(subs) == 1 else None


def safe_members(zf: zipfile.ZipFile) -> list[tuple[zipfile.ZipInfo, PurePosixPath]]:
    """Zip members as safe relative paths under one top-level folder; raises PackageError on
    absolute paths, `..`, drive letters, backslashes, symlinks or oversize content."""
    out: list[tuple[zipfile.ZipInfo, PurePosixPath]] = []
    tops: set[str] = set()
    total = 0
    for info in zf.infolist():
        name = info.filename
        if "\\" in name or "\x00" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
            raise PackageError(f"unsafe path in archive: {name!r}")
        rel = PurePosixPath(name)
        if any(part in ("..", "") for part in rel.parts) or not rel.parts:
            raise PackageError(f"unsafe path in archive: {name!r}")
        mode = info.external_attr >> 16
        if mode and stat.S_ISLNK(mode):
            raise PackageError(f"symlink in archive: {name!r}")
        total += info.file_size
        if total > MAX_UNPACKED_BYTES:
            raise PackageError("archive expands beyond the size limit")
        tops.add(rel.parts[0])
        out.append((info, rel))
    if len(tops) != 1:
        raise PackageError(f"archive must hold exactly one top-level folder, found {sorted(tops)}")
    return out


def unpack_archive(archive: Path, cache_dir: Path) -> Path:
    """Unpack `archive` once into `cache_dir/<sha256>/` and return the package folder.

    Extraction goes to a temporary sibling first and is renamed into place, so a crash never
    leaves a half-unpacked package that looks complete."""
    digest = file_sha256(archive)
    target = cache_dir / digest
    if not target.is_dir():
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{digest[:12]}-", dir=cache_dir))
        try:
            with zipfile.ZipFile(archive) as zf:
                for info, rel in safe_members(zf):
                    dest = tmp.joinpath(*rel.parts)
                    if info.is_dir():
                        dest.mkdir(parents=True, exist_ok=True)
                        continue
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    with zf.open(info) as src, dest.open("wb") as out:
                        shutil.copyfileobj(src, out, _HASH_CHUNK)
            try:
                os.replace(tmp, target)
            except OSError:  # another process won the race
                if not target.is_dir():
                    raise
        except zipfile.BadZipFile as exc:
            raise PackageError(f"{archive}: not a zip archive ({exc})") from exc
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    root = package_root(target)
    if root is None:
        raise PackageError(f"{archive}: no metadata.json in the archive's folder")
    return root


def load_package(path: Path, cache_dir: Path) -> PackageInfo:
    """A package from an .argosmodel file or a folder; raises PackageError."""
    if path.is_file():
        if path.suffix != PACKAGE_SUFFIX:
            raise PackageError(f"{path}: not an {PACKAGE_SUFFIX} file")
        return read_package_folder(unpack_archive(path, cache_dir), source=path)
    if path.is_dir():
        root = package_root(path)
        if root is None:
            raise PackageError(f"{path}: no metadata.json (in the folder or one subfolder)")
        return read_package_folder(root, source=path)
    raise PackageError(f"{path}: no such file or folder")


def discover_packages(
    models_dir: str | os.PathLike[str], errors: list[str] | None = None
) -> list[PackageInfo]:
    """Installed packages in `models_dir`, the highest package_version per language pair.

    Broken entries are skipped; their messages are appended to `errors` when given."""
    root = Path(models_dir).expanduser()
    if not root.is_dir():
        return []
    best: dict[tuple[str, str], PackageInfo] = {}
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(".") or not (entry.is_dir() or entry.suffix == PACKAGE_SUFFIX):
            continue
        try:
            pkg = load_package(entry, root / UNPACKED_DIR)
        except (PackageError, OSError) as exc:
            if errors is not None:
                errors.append(str(exc))
            continue
        key = (pkg.from_code, pkg.to_code)
        if key not in best or version_key(pkg.package_version) > version_key(
            best[key].package_version
        ):
            best[key] = pkg
    return sorted(best.values(), key=lambda p: (p.from_code, p.to_code))


# --- translation -----------------------------------------------------------------------


class Translator:
    """One package loaded with CTranslate2 + SentencePiece."""

    def __init__(
        self,
        package: PackageInfo,
        *,
        device: str = "cpu",
        compute_type: str = "int8",
        inter_threads: int = 1,
        intra_threads: int = 0,
    ) -> None:
        import ctranslate2
        import sentencepiece as spm

        self.package = package
        sp_path = sentencepiece_path(package.path)
        if sp_path is None:
            raise PackageError(f"{package.path}: no sentencepiece.model")
        self.sp = spm.SentencePieceProcessor(model_file=str(sp_path))
        self.model = ctranslate2.Translator(
            str(package.path / "model"),
            device=device,
            compute_type=compute_type,
            inter_threads=inter_threads,
            intra_threads=intra_threads,
        )
        # Argos: a multilingual model's target prefix is one vocabulary token such as "__en__".
        self.prefix_tokens = [package.target_prefix] if package.target_prefix else []

    def tokenize(self, text: str) -> list[str]:
        return self.sp.encode(text, out_type=str)

    def translate_batch(
        self,
        texts: Sequence[str],
        *,
        beam_size: int = 2,
        max_batch_size: int = 32,
        max_decoding_length: int = 256,
        max_input_length: int = 1024,
    ) -> list[str]:
        """English for each text. Inputs longer than `max_input_length` pieces are split at
        word starts and translated piecewise rather than silently truncated."""
        chunks: list[list[str]] = []
        owner: list[int] = []
        for i, text in enumerate(texts):
            for chunk in split_tokens(self.tokenize(text), max_input_length):
                chunks.append(chunk)
                owner.append(i)
        if not chunks:
            return ["" for _ in texts]
        prefix = [list(self.prefix_tokens) for _ in chunks] if self.prefix_tokens else None
        results = self.model.translate_batch(  # thread-safe; CTranslate2 parallelises inside
            chunks,
            target_prefix=prefix,
            max_batch_size=max_batch_size,
            beam_size=beam_size,
            max_decoding_length=max_decoding_length,
            max_input_length=0,
            replace_unknowns=True,
            length_penalty=0.2,  # as Argos Translate decodes
        )
        parts: list[list[str]] = [[] for _ in texts]
        for i, result in zip(owner, results, strict=True):
            tokens = list(result.hypotheses[0])
            if self.prefix_tokens and tokens[: len(self.prefix_tokens)] == self.prefix_tokens:
                tokens = tokens[len(self.prefix_tokens) :]
            text = self.sp.decode_pieces(tokens).strip()
            if self.package.target_prefix and text.startswith(self.package.target_prefix):
                text = text[len(self.package.target_prefix) :].strip()
            parts[i].append(text)
        return [" ".join(p for p in ps if p) for ps in parts]


def split_tokens(tokens: list[str], limit: int) -> list[list[str]]:
    """Split a piece sequence into runs of at most `limit`, preferring word starts ("▁")."""
    if limit <= 0 or len(tokens) <= limit:
        return [tokens] if tokens else []
    out: list[list[str]] = []
    start = 0
    while start < len(tokens):
        end = min(start + limit, len(tokens))
        if end < len(tokens):
            cut = max(
                (j for j in range(start + 1, end + 1) if tokens[j].startswith("▁")), default=end
            )
            end = cut
        out.append(tokens[start:end])
        start = end
    return out


_translators: dict[tuple[Any, ...], Translator] = {}
_translators_lock = threading.Lock()


def get_translator(
    package: PackageInfo, *, device: str, compute_type: str, inter_threads: int, intra_threads: int
) -> Translator:
    """A process-wide cached Translator for this package and these loading options."""
    key = (str(package.path), package.model_id, device, compute_type, inter_threads, intra_threads)
    with _translators_lock:
        found = _translators.get(key)
        if found is None:
            found = Translator(
                package,
                device=device,
                compute_type=compute_type,
                inter_threads=inter_threads,
                intra_threads=intra_threads,
            )
            _translators[key] = found
        return found


def clear_translator_cache() -> None:
    with _translators_lock:
        _translators.clear()


BatchFn = Callable[[list[str]], list[str]]


def batches(items: Sequence[str], size: int) -> Iterable[list[str]]:
    size = max(1, size)
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def translate_isolated(
    translate: BatchFn,
    texts: Sequence[str],
    batch_size: int,
    on_batch: Callable[[list[tuple[str, str]]], None] | None = None,
) -> dict[str, str | BaseException]:
    """Translate unique `texts` in batches of `batch_size` (shortest first, to limit padding).

    A batch that raises is retried one text at a time, so only the text that fails maps to its
    exception; every other text maps to its translation (an empty translation counts as a
    failure). `on_batch` receives each batch's successful (source, target) pairs as soon as
    they exist, to persist them."""
    unique = sorted(dict.fromkeys(texts), key=lambda t: (len(t), t))
    out: dict[str, str | BaseException] = {}
    for batch in batches(unique, batch_size):
        done: list[tuple[str, str]] = []
        try:
            results = translate(batch)
            if len(results) != len(batch):
                raise RuntimeError(
                    f"translator returned {len(results)} results for {len(batch)} inputs"
                )
            done = list(zip(batch, results, strict=True))
        except Exception:
            for text in batch:
                try:
                    (result,) = translate([text])
                    done.append((text, result))
                except Exception as exc:
                    out[text] = exc
        kept = []
        for src, tgt in done:
            if tgt.strip():
                out[src] = tgt
                kept.append((src, tgt))
            else:  # never cached: a later model or run may do better
                out[src] = ValueError("the model produced an empty translation")
        if kept and on_batch is not None:
            on_batch(kept)
    return out


# --- sentence outcomes ------------------------------------------------------------------

SOURCE_ENGLISH, TRANSLATED, NO_MODEL, FAILED = "source_english", "translated", "no_model", "failed"


@dataclass(frozen=True)
class Outcome:
    """English for one sentence. `status` is one of source_english, translated, no_model,
    failed; `model_id` names the package that produced `text_en`; `error` explains failed."""

    text_en: str | None
    status: str
    model_id: str | None = None
    error: str | None = None


class Memory(Protocol):
    """What `translate_items` needs from a translation memory (see translation_memory)."""

    def get_many(self, model_id: str, sources: Iterable[str]) -> dict[str, str]: ...

    def put_many(self, model_id: str, pairs: Sequence[tuple[str, str]]) -> int: ...


def translate_items(
    items: Sequence[tuple[str, str]],
    packages: dict[str, PackageInfo],
    load: Callable[[PackageInfo], BatchFn],
    memory: Memory | None,
    batch_size: int,
    target: str = "en",
) -> list[Outcome]:
    """Outcomes for (language, sentence) items, in order.

    - target-language sentences are their own English (source_english);
    - sentences without a letter (numbers, punctuation, blanks) are copied verbatim as
      `translated` with no model: there is nothing to translate and MT would invent words;
    - languages without a package (`packages` maps source language -> package) are no_model;
    - the rest: translation memory first, then the misses, each unique sentence once, in batches;
      a failing batch is retried sentence by sentence so only the failing sentence is `failed`.
      A package that cannot be loaded fails its sentences with the load error.
    """
    outcomes: list[Outcome | None] = [None] * len(items)
    todo: dict[str, list[int]] = {}  # model_id -> item indexes
    by_model: dict[str, PackageInfo] = {}
    for i, (lang, text) in enumerate(items):
        if lang == target:
            outcomes[i] = Outcome(text, SOURCE_ENGLISH)
        elif not has_letters(text):
            outcomes[i] = Outcome(text, TRANSLATED)
        elif lang not in packages:
            outcomes[i] = Outcome(None, NO_MODEL)
        else:
            pkg = packages[lang]
            by_model[pkg.model_id] = pkg
            todo.setdefault(pkg.model_id, []).append(i)
    for model_id, indexes in todo.items():
        sources = list(dict.fromkeys(items[i][1] for i in indexes))
        known: dict[str, str | BaseException] = (
            dict(memory.get_many(model_id, sources)) if memory is not None else {}
        )
        missing = [s for s in sources if s not in known]
        if missing:
            try:
                fn = load(by_model[model_id])
            except Exception as exc:
                known.update({s: exc for s in missing})
            else:
                store = (
                    (lambda pairs, m=model_id: memory.put_many(m, pairs))
                    if memory is not None
                    else None
                )
                known.update(translate_isolated(fn, missing, batch_size, store))
        for i in indexes:
            result = known[items[i][1]]
            if isinstance(result, BaseException):
                outcomes[i] = Outcome(None, FAILED, model_id, repr(result))
            else:
                outcomes[i] = Outcome(result, TRANSLATED, model_id)
    return [o for o in outcomes if o is not None]
