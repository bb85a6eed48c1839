"""`models list` / `models install`: validation, copying, guidance when nothing is installed."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline import PROJECT_ROOT
from pipeline.models_cli import main
from pipeline.mt_resource import TranslationResource
from tests.mt_fixtures import build_tiny_argos_package


def test_install_and_list_ru_and_ko(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    models = tmp_path / "models"
    for lang in ("ru", "ko"):
        pkg = build_tiny_argos_package(tmp_path / f"build-{lang}", lang)
        assert main(["install", str(pkg), "--models-dir", str(models)]) == 0
        assert f"installed {lang}-en" in capsys.readouterr().out
        assert (models / pkg.name).is_file()
    assert main(["list", "--models-dir", str(models)]) == 0
    listing = capsys.readouterr().out
    assert "ru-en" in listing and "ko-en" in listing and "1.0" in listing
    res = TranslationResource(models_dir=str(models), memory_path=str(tmp_path / "tm.sqlite"))
    res = res.model_copy(update={"max_decoding_length": 16})
    out = res.translate([("ru", "Форум во Владивостоке."), ("ko", "블라디보스토크 포럼.")])
    assert [o.status for o in out] == ["translated", "translated"]


def test_install_unpacked_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pkg = build_tiny_argos_package(tmp_path / "b", "ko")
    with zipfile.ZipFile(pkg) as zf:
        zf.extractall(tmp_path / "folder")
    models = tmp_path / "models"
    assert main(["install", str(tmp_path / "folder"), "--models-dir", str(models)]) == 0
    assert "installed ko-en" in capsys.readouterr().out
    assert main(["--models-dir", str(models), "list"]) == 0
    assert "ko-en" in capsys.readouterr().out


def test_list_without_packages_explains_how_to_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    models = tmp_path / "empty"
    assert main(["list", "--models-dir", str(models)]) == 0
    text = capsys.readouterr().out
    assert "No translation packages installed" in text
    assert "translate-ru_en" in text and "models install" in text and "no_model" in text
    res = TranslationResource(models_dir=str(models), memory_path=str(tmp_path / "tm.sqlite"))
    assert [o.status for o in res.translate([("ru", "Привет, мир."), ("ko", "안녕하세요.")])] == [
        "no_model",
        "no_model",
    ]


def test_install_refuses_path_traversal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = build_tiny_argos_package(tmp_path / "b", "ru")
    evil = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(evil, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        dst.writestr("translate-ru_en-1_0/../../../pwned.txt", "owned")
    models = tmp_path / "models"
    assert main(["install", str(evil), "--models-dir", str(models)]) == 1
    assert "unsafe path" in capsys.readouterr().err
    assert not list(tmp_path.rglob("pwned.txt"))
    assert not (models / evil.name).exists()


@pytest.mark.parametrize("breakage", ["metadata", "sentencepiece", "model"])
def test_install_refuses_incomplete_packages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], breakage: str
) -> None:
    pkg = build_tiny_argos_package(tmp_path / "b", "ru")
    with zipfile.ZipFile(pkg) as zf:
        zf.extractall(tmp_path / "x")
    root = tmp_path / "x" / "translate-ru_en-1_0"
    if breakage == "metadata":
        meta = json.loads((root / "metadata.json").read_text())
        del meta["to_code"]
        (root / "metadata.json").write_text(json.dumps(meta))
    elif breakage == "sentencepiece":
        (root / "sentencepiece.model").unlink()
    else:
        (root / "model" / "model.bin").write_bytes(b"\0" * 64)
    models = tmp_path / "models"
    assert main(["install", str(root), "--models-dir", str(models)]) == 1
    assert "not installed" in capsys.readouterr().err
    assert not models.exists() or not any(models.iterdir())


def test_module_entry_point(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.models_cli", "list", "--models-dir", str(tmp_path)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "No translation packages installed" in done.stdout
