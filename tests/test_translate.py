"""Offline translation: packages, the resource, the translation memory, failure isolation.

The model is the tests' own tiny random-weight package (tests/mt_fixtures.py): its English is
nonsense, but it runs the real CTranslate2 + SentencePiece path end to end.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from pipeline.mt_resource import TranslationResource
from pipeline.text.translate import (
    PackageError,
    discover_packages,
    get_translator,
    split_tokens,
    translate_isolated,
    unpack_archive,
    version_key,
)
from pipeline.text.translation_memory import TranslationMemory
from tests.mt_fixtures import build_tiny_argos_package

RU = [
    "Делегация Приморья приехала в Сеул на инвестиционный форум.",
    "Стороны договорились расширить сотрудничество в рыболовстве.",
    "Во Владивостоке открылась выставка корейского фарфора.",
]
KO = [
    "연해주 대표단이 투자 포럼 참석을 위해 서울을 방문했다.",
    "양측은 수산업 분야 협력을 확대하기로 했다.",
]


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mt")
    models = root / "models"
    models.mkdir()
    for lang in ("ru", "ko"):
        shutil.copy2(build_tiny_argos_package(root / f"build-{lang}", lang), models)
    return models


def resource(models: Path, memory: Path, **kw: object) -> TranslationResource:
    return TranslationResource(
        models_dir=str(models), memory_path=str(memory), max_decoding_length=32, **kw
    )


def test_translates_ru_ko_and_passes_english_and_unknown(models_dir: Path, tmp_path: Path) -> None:
    res = resource(models_dir, tmp_path / "tm.sqlite")
    items = [("ru", s) for s in RU] + [("ko", s) for s in KO]
    items += [("en", "Seoul and Moscow signed a deal."), ("uk", "Делегація прибула до Сеула.")]
    out = res.translate(items)
    assert len(out) == len(items)
    for o in out[: len(RU) + len(KO)]:
        assert o.status == "translated" and o.text_en and o.error is None
    assert {o.model_id.split(":")[0] for o in out[: len(RU)]} == {"ru-en"}
    assert {o.model_id.split(":")[0] for o in out[len(RU) : len(RU) + len(KO)]} == {"ko-en"}
    eng, uk = out[-2:]
    assert (eng.text_en, eng.status, eng.model_id) == (
        "Seoul and Moscow signed a deal.",
        "source_english",
        None,
    )
    assert (uk.text_en, uk.status, uk.model_id) == (None, "no_model", None)
    info = res.describe()
    json.dumps(info)
    assert set(info["packages"]) == {"ru-en", "ko-en"}
    assert info["memory"] == {"hits": 0, "misses": 5, "stored": 5, "entries": 5}


def test_memory_serves_a_second_run_without_translating(models_dir: Path, tmp_path: Path) -> None:
    memory = tmp_path / "tm.sqlite"
    items = [("ru", s) for s in RU * 3] + [("ko", s) for s in KO * 2]  # duplicates translated once
    first = resource(models_dir, memory)
    out1 = first.translate(items)
    assert first.describe()["memory"] == {"hits": 0, "misses": 5, "stored": 5, "entries": 5}
    second = resource(models_dir, memory)
    out2 = second.translate(items)
    assert second.describe()["memory"] == {"hits": 5, "misses": 0, "stored": 0, "entries": 5}
    assert [(o.text_en, o.status, o.model_id) for o in out1] == [
        (o.text_en, o.status, o.model_id) for o in out2
    ]


def test_memory_is_keyed_by_model(models_dir: Path, tmp_path: Path) -> None:
    """A different model (other weights, same pair) does not reuse the old translations."""
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy2(build_tiny_argos_package(tmp_path / "b", "ru", seed=5), other)
    memory = tmp_path / "tm.sqlite"
    resource(models_dir, memory).translate([("ru", RU[0])])
    again = resource(other, memory)
    (out,) = again.translate([("ru", RU[0])])
    assert out.status == "translated"
    assert again.describe()["memory"]["misses"] == 1
    assert again.describe()["memory"]["entries"] == 2


def test_letterless_sentences_are_copied(models_dir: Path, tmp_path: Path) -> None:
    res = resource(models_dir, tmp_path / "tm.sqlite")
    out = res.translate([("ru", "2024."), ("ko", "— 15 %"), ("und", "3.5")])
    assert [(o.text_en, o.status, o.model_id) for o in out] == [
        ("2024.", "translated", None),
        ("— 15 %", "translated", None),
        ("3.5", "translated", None),
    ]


def test_no_packages_means_no_model_and_nothing_loaded(tmp_path: Path) -> None:
    res = TranslationResource(
        models_dir=str(tmp_path / "none"), memory_path=str(tmp_path / "tm.sqlite")
    )
    out = res.translate([("ru", RU[0]), ("ko", KO[0]), ("en", "Hello.")])
    assert [o.status for o in out] == ["no_model", "no_model", "source_english"]
    assert out[0].text_en is None and out[1].text_en is None
    assert not (tmp_path / "tm.sqlite").exists()  # nothing to remember, nothing created
    assert res.describe()["packages"] == {}


def test_default_resource_builds() -> None:
    res = TranslationResource()
    assert res.beam_size == 2 and res.compute_type == "int8" and 1 <= res.intra_threads <= 2
    assert res.translate([("en", "Hi.")])[0].status == "source_english"


def test_failing_batch_is_retried_sentence_by_sentence() -> None:
    """The isolation logic: one poisonous input fails alone, its batch-mates are translated."""
    calls: list[list[str]] = []

    def flaky(texts: list[str]) -> list[str]:
        calls.append(list(texts))
        if "poison" in texts:
            raise RuntimeError("boom")
        return [t.upper() for t in texts]

    out = translate_isolated(flaky, ["a", "poison", "b", "c", "a"], batch_size=2)
    assert out["a"] == "A" and out["b"] == "B" and out["c"] == "C"
    assert isinstance(out["poison"], RuntimeError)
    assert sum(c == ["a"] for c in calls) <= 1  # duplicates translated once


def test_failure_isolation_through_the_resource(
    models_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real model whose batch call raises on one sentence: only that sentence fails, is not
    remembered, and the rest are translated and remembered."""
    res = resource(models_dir, tmp_path / "tm.sqlite")
    pkg = next(p for p in discover_packages(models_dir) if p.from_code == "ru")
    translator = get_translator(
        pkg, device="cpu", compute_type="int8", inter_threads=1, intra_threads=res.intra_threads
    )
    real = type(translator).translate_batch
    poison = "Этот текст ломает модель."

    def translate_batch(self, texts, **kw):  # type: ignore[no-untyped-def]
        if poison in texts:
            raise RuntimeError("simulated CTranslate2 failure")
        return real(self, texts, **kw)

    monkeypatch.setattr(type(translator), "translate_batch", translate_batch)
    items = [("ru", RU[0]), ("ru", poison), ("ru", RU[1]), ("ko", KO[0])]
    out = res.translate(items)
    assert [o.status for o in out] == ["translated", "failed", "translated", "translated"]
    assert out[1].text_en is None and "simulated CTranslate2 failure" in (out[1].error or "")
    assert out[1].model_id == pkg.model_id
    assert res.describe()["memory"]["stored"] == 3


def test_broken_model_fails_its_sentences_not_the_run(models_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(
        next(p.path for p in discover_packages(models_dir) if p.from_code == "ko"), broken / "ko"
    )
    (broken / "ko" / "model" / "model.bin").write_bytes(b"not a model")
    res = resource(broken, tmp_path / "tm.sqlite")
    out = res.translate([("ko", KO[0]), ("ko", KO[1]), ("en", "Fine.")])
    assert [o.status for o in out] == ["failed", "failed", "source_english"]
    assert all(o.error for o in out[:2])


def test_unpacked_folders_and_highest_version(tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    old = build_tiny_argos_package(tmp_path / "old", "ru", package_version="1.0")
    new = build_tiny_argos_package(tmp_path / "new", "ru", package_version="1.10", seed=3)
    shutil.copy2(old, models)
    with zipfile.ZipFile(new) as zf:  # the newer one as an unpacked folder
        zf.extractall(models / "unpacked-ru")
    (models / "notes.txt").write_text("ignored")
    (pkg,) = discover_packages(models)
    assert pkg.package_version == "1.10" and pkg.source == models / "unpacked-ru"
    assert pkg.model_id.startswith("ru-en:1.10:")


def test_archive_with_path_traversal_is_refused(tmp_path: Path) -> None:
    evil = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("pkg/metadata.json", "{}")
        zf.writestr("pkg/../../escaped.txt", "gotcha")
    with pytest.raises(PackageError):
        unpack_archive(evil, tmp_path / "cache")
    assert not (tmp_path / "escaped.txt").exists()
    assert not any((tmp_path / "cache").rglob("escaped.txt"))


def test_long_inputs_are_split_at_word_starts() -> None:
    tokens = ["▁a", "b", "▁c", "d", "e", "▁f", "▁g"]
    assert split_tokens(tokens, 4) == [["▁a", "b"], ["▁c", "d", "e", "▁f"], ["▁g"]]
    assert split_tokens(tokens, 0) == [tokens]
    assert split_tokens(["x"] * 5, 2) == [["x", "x"], ["x", "x"], ["x"]]


def test_very_long_sentence_translates(models_dir: Path, tmp_path: Path) -> None:
    res = resource(models_dir, tmp_path / "tm.sqlite", max_input_length=16)
    (out,) = res.translate([("ru", " ".join(RU * 4))])
    assert out.status == "translated" and out.text_en


def test_translation_memory_roundtrip(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path) as tm:
        assert tm.put_many("m:1", [("привет", "hello"), ("мир", "world")]) == 2
        assert tm.put_many("m:1", [("привет", "hi")]) == 0  # first translation wins
        assert tm.get_many("m:1", ["привет", "нет", "привет"]) == {"привет": "hello"}
        assert (tm.hits, tm.misses, tm.stored, len(tm)) == (1, 1, 2, 2)
        assert tm.get_many("m:2", ["привет"]) == {}
    with sqlite3.connect(path) as conn:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(translations)")]
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert cols == ["model_id", "source_sha256", "source", "target", "created_at"]
    assert mode == "wal"


def test_unusable_memory_does_not_stop_translation(models_dir: Path, tmp_path: Path) -> None:
    res = resource(models_dir, tmp_path)  # a folder, not a database file
    out = res.translate([("ru", RU[0]), ("ko", KO[0])])
    assert [o.status for o in out] == ["translated", "translated"]
    assert "memory_error" in res.describe()


def test_version_order() -> None:
    versions = ["2.0", "1.10", "2.0-beta", "1.9", "2.0.1"]
    assert sorted(versions, key=version_key) == ["1.9", "1.10", "2.0-beta", "2.0", "2.0.1"]


def test_translation_progress_counts_model_batches_and_memory_hits(
    models_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """250 distinct Russian sentences: a line every tenth while the model works; the second run
    is answered by the translation memory in one lookup, which is over at once and says nothing."""
    items = [("ru", f"{RU[i % len(RU)]} Пункт {i}.") for i in range(250)] + [("en", "Seoul.")]
    res = resource(models_dir, tmp_path / "tm.sqlite", max_batch_size=25)
    logged = []
    for _ in range(2):
        caplog.clear()
        with caplog.at_level("INFO", logger="dagster.builtin.progress"):
            out = res.translate(items)
        assert {o.status for o in out[:250]} == {"translated"}
        logged.append([r.getMessage() for r in caplog.records if r.name == "dagster.builtin.progress"])
    first, second = logged
    assert len(first) == 10
    assert first[0].startswith("translate: 25/250 sentences (10%)")
    assert first[-1].startswith("translate: 250/250 sentences (100%)") and "done in" in first[-1]
    assert second == []
