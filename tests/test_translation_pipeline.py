"""Issue 4 end to end: a tiny real CTranslate2 package, installed through the models
command, translates every Russian and Korean sentence through the Dagster assets; the
second run is served entirely by the translation memory (asserted on its counters)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.models_cli import main as models_main
from pipeline.mt_resource import TranslationResource
from tests.helpers import copy_seeds, read, run_pipeline
from tests.mt_fixtures import build_tiny_argos_package

KO = "한러 지방협력포럼이 울산에서 열렸다. 양측은 북극항로 협력을 약속했다.\n\n다음 포럼은 블라디보스토크에서 열린다.\n"


def _memory(result) -> dict:
    mat = result.asset_materializations_for_node("translated_documents")[0]
    return mat.metadata["translation"].value["memory"]


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("mt")
    models = base / "models"
    for lang in ("ru", "ko"):
        pkg = build_tiny_argos_package(base / f"build-{lang}", lang)
        assert models_main(["install", str(pkg), "--models-dir", str(models)]) == 0
    inbox = copy_seeds(base / "inbox")
    (inbox / "korean.txt").write_text(KO, encoding="utf-8")
    return base, models, inbox


def _resource(base: Path, models: Path) -> TranslationResource:
    return TranslationResource(models_dir=str(models), memory_path=str(base / "memory.sqlite"), max_decoding_length=32)


def test_every_ru_ko_sentence_translated_then_served_from_memory(setup) -> None:
    base, models, inbox = setup
    first = run_pipeline(inbox, base / "out1", base / "st1", translation=_resource(base, models))
    assert first.success
    sent = read(base / "out1", "sentences")
    foreign = sent[sent["language"].isin(["ru", "ko"])]
    assert set(foreign["language"]) == {"ru", "ko"}
    assert (foreign["translation_status"] == "translated").all()
    assert (foreign["text_en"].str.len() > 0).all()
    assert foreign["translation_model"].notna().all()
    english = sent[sent["language"] == "en"]
    assert (english["translation_status"] == "source_english").all()
    docs = read(base / "out1", "documents")
    assert docs["text_en"].notna().all()
    cold = _memory(first)
    assert cold["misses"] > 0 and cold["hits"] == 0

    second = run_pipeline(inbox, base / "out2", base / "st2", translation=_resource(base, models))
    assert second.success
    warm = _memory(second)
    assert warm["misses"] == 0 and warm["stored"] == 0
    assert warm["hits"] == cold["misses"]
    again = read(base / "out2", "sentences")
    assert list(again["text_en"]) == list(sent["text_en"])


def test_without_packages_ru_and_ko_are_no_model(setup, tmp_path: Path) -> None:
    _, _, inbox = setup
    result = run_pipeline(
        inbox, tmp_path / "out", tmp_path / "st",
        translation=TranslationResource(models_dir=str(tmp_path / "none"), memory_path=str(tmp_path / "m.sqlite")),
    )
    assert result.success
    mat = result.asset_materializations_for_node("translated_documents")[0]
    assert set(mat.metadata["no_model_languages"].value) >= {"ru", "ko"}
    sent = read(tmp_path / "out", "sentences")
    foreign = sent[sent["language"].isin(["ru", "ko"])]
    assert (foreign["translation_status"].isin(["no_model", "translated"])).all()
    assert (foreign["translation_status"] == "no_model").sum() > 0


def test_a_failed_translation_is_done_again_and_published_by_the_next_run(setup, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A transient model failure (injected: the loaded model raises) leaves its shards
    incomplete; the next run over the same store translates them and publishes the result,
    not the dataset parts built on the failed run."""
    base, models, inbox = setup

    def broken(self: TranslationResource, package: object) -> object:
        def batch(texts: list[str]) -> list[str]:
            raise RuntimeError("model crashed")
        return batch

    store = tmp_path / "st"
    with monkeypatch.context() as patch:
        patch.setattr(TranslationResource, "_loader", broken)
        first = run_pipeline(inbox, tmp_path / "out", store, translation=TranslationResource(
            models_dir=str(models), memory_path=str(tmp_path / "m.sqlite"), max_decoding_length=32))
    assert first.success
    assert (read(tmp_path / "out", "sentences")["translation_status"] == "failed").any()
    second = run_pipeline(inbox, tmp_path / "out", store, translation=TranslationResource(
        models_dir=str(models), memory_path=str(tmp_path / "m.sqlite"), max_decoding_length=32))
    assert second.success
    sent = read(tmp_path / "out", "sentences")
    assert not (sent["translation_status"] == "failed").any()
    assert (sent.loc[sent["language"].isin(["ru", "ko"]), "translation_status"] == "translated").all()
