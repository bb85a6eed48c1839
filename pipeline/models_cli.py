"""List or install offline translation packages (Argos Translate / OPUS-MT for CTranslate2).

    python -m pipeline.models_cli list [--models-dir DIR]
    python -m pipeline.models_cli install PATH [--models-dir DIR]

`install` takes an `.argosmodel` file or an unpacked package folder, checks that it loads
(metadata.json with from_code/to_code/package_version, model/ and sentencepiece.model, and the
CTranslate2 model and SentencePiece model actually open), then copies it into the models folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from pipeline import PROJECT_ROOT
from pipeline.text.translate import (
    PACKAGE_SUFFIX,
    UNPACKED_DIR,
    PackageError,
    PackageInfo,
    Translator,
    discover_packages,
    load_package,
)

HOW_TO_INSTALL = """\
No translation packages installed in {models_dir}.
Non-English sentences will get translation_status = no_model (the pipeline still runs).

To install one, download on a connected machine the Argos Translate packages for the
languages you need (e.g. translate-ru_en and translate-ko_en, .argosmodel files from the
Argos Translate package index), bring them to this machine, then:

    python -m pipeline.cli models install /path/to/translate-ru_en-1_9.argosmodel

See mt_models/README.md."""


def default_models_dir() -> str:
    return os.environ.get("PIPELINE_MT_MODELS") or str(PROJECT_ROOT / "mt_models")


def check_loads(pkg: PackageInfo) -> None:
    """Open the SentencePiece and CTranslate2 models (on CPU); raises PackageError."""
    try:
        Translator(pkg, device="cpu", compute_type="default", inter_threads=1, intra_threads=1)
    except PackageError:
        raise
    except Exception as exc:
        raise PackageError(f"{pkg.source}: the model does not load ({exc!r})") from exc


def _table(packages: list[PackageInfo]) -> str:
    rows = [("pair", "version", "model id", "path")]
    rows += [(p.pair, p.package_version, p.model_id, str(p.source)) for p in packages]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) if i < 3 else cell for i, cell in enumerate(r))
        for r in rows
    )


def cmd_list(models_dir: Path) -> int:
    errors: list[str] = []
    packages = discover_packages(models_dir, errors)
    if packages:
        print(f"Translation packages in {models_dir}:")
        print(_table(packages))
    else:
        print(HOW_TO_INSTALL.format(models_dir=models_dir))
    for err in errors:
        print(f"skipped (broken): {err}", file=sys.stderr)
    return 0


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def cmd_install(source: Path, models_dir: Path) -> int:
    source = source.expanduser()
    if not source.exists():
        print(f"error: {source}: no such file or folder", file=sys.stderr)
        return 2
    if source.is_file() and source.suffix != PACKAGE_SUFFIX:
        print(
            f"error: {source}: expected an {PACKAGE_SUFFIX} file or a package folder",
            file=sys.stderr,
        )
        return 2
    with tempfile.TemporaryDirectory(prefix="mt-check-") as tmp:
        try:
            pkg = load_package(source, Path(tmp))  # validate in a scratch dir first
            check_loads(pkg)
        except (PackageError, OSError) as exc:
            print(f"error: not installed: {exc}", file=sys.stderr)
            return 1
    models_dir.mkdir(parents=True, exist_ok=True)
    dest = models_dir / source.name
    if dest.exists() and dest.resolve() == source.resolve():
        print(f"{source} is already in {models_dir}")
    else:
        partial = models_dir / f".partial-{source.name}"
        _remove(partial)
        if source.is_dir():
            shutil.copytree(source, partial, symlinks=False)
            _remove(dest)
        else:
            shutil.copy2(source, partial)
        os.replace(partial, dest)  # never a half-copied package under its final name
    installed = load_package(dest, models_dir / UNPACKED_DIR)
    print(
        f"installed {installed.pair} (package_version {installed.package_version}, "
        f"model {installed.model_id}) -> {dest}"
    )
    active = {p.pair: p for p in discover_packages(models_dir)}.get(installed.pair)
    if active is not None and active.model_id != installed.model_id:
        print(
            f"note: {active.source.name} has a higher version and stays in use for {installed.pair}"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="models", description="Offline translation packages.")
    parser.add_argument(
        "--models-dir", type=Path, help="default: $PIPELINE_MT_MODELS or mt_models/"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ls = sub.add_parser("list", help="installed packages")
    ls.add_argument("--models-dir", type=Path, default=argparse.SUPPRESS)
    inst = sub.add_parser("install", help="install an .argosmodel file or a package folder")
    inst.add_argument("path", type=Path)
    inst.add_argument("--models-dir", type=Path, default=argparse.SUPPRESS)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    models_dir = Path(args.models_dir or default_models_dir()).expanduser()
    if args.command == "list":
        return cmd_list(models_dir)
    return cmd_install(args.path, models_dir)


if __name__ == "__main__":
    sys.exit(main())
