"""Translation packages on disk: Argos Translate / OPUS-MT packages found, validated and
unpacked (safely, once) from `.argosmodel` zips or folders. No model is loaded here.

A package is a folder holding `model/` (a CTranslate2 model), `sentencepiece.model` and
`metadata.json` (from_code, to_code, package_version, ...), or an `.argosmodel` zip holding one
such folder. `discover_packages(models_dir)` keeps the highest version per language pair.
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
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

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
