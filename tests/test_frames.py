"""Stage functions at the frame level (no Dagster): what each stage adds, on real text."""

from __future__ import annotations

from pathlib import Path

from pipeline import frames
from tests.helpers import SEEDS


def _inbox(tmp_path: Path, files: dict[str, str]) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, text in files.items():
        (inbox / name).write_text(text, encoding="utf-8")
    return inbox


def test_document_past_the_size_budget_is_rejected_too_large(tmp_path: Path) -> None:
    paragraph = "Moscow and Seoul signed a trade accord on Tuesday. " * 40
    inbox = _inbox(tmp_path, {"big.txt": "\n\n".join([paragraph] * 5), "small.txt": paragraph})
    raw = frames.ingest_frame(inbox, 64 * 1024 * 1024)
    cleaned = frames.clean_frame(raw, max_chars=len(paragraph) * 2)
    by_file = cleaned.set_index("source_file")
    assert by_file.loc["small.txt", "status"] == "ok"
    assert by_file.loc["big.txt", ["status", "stage", "reason"]].tolist() == ["rejected", "clean", "too_large"]
    assert "max_document_chars" in by_file.loc["big.txt", "detail"]
    rejections = frames.build_rejections(cleaned)
    assert rejections["reason"].tolist() == ["too_large"]


def test_seeds_pass_the_default_budget(tmp_path: Path) -> None:
    from pipeline.resources import DEFAULT_MAX_DOCUMENT_CHARS

    raw = frames.ingest_frame(SEEDS, 64 * 1024 * 1024)
    cleaned = frames.clean_frame(raw, DEFAULT_MAX_DOCUMENT_CHARS)
    assert (cleaned["status"] == "ok").all()


def _through_language(inbox: Path):
    from pipeline.text.language import DEFAULT_LANGUAGES

    raw = frames.ingest_frame(inbox, 64 * 1024 * 1024)
    return frames.language_frame(frames.segment_frame(frames.clean_frame(raw)), DEFAULT_LANGUAGES)


def test_without_a_translator_letterless_sentences_are_no_model(tmp_path: Path) -> None:
    text = (
        "Россия и Южная Корея подписали соглашение о торговле во Владивостоке.\n\n"
        "2017-09-11\n\n"
        "Стороны обсудили сотрудничество в Арктике и поставки газа.\n"
    )
    df, stats = frames.translate_frame(_through_language(_inbox(tmp_path, {"ru.txt": text})), None)
    sentences = frames.build_sentences(df)
    letterless = sentences[sentences["text"] == "2017-09-11"]
    assert len(letterless) == 1
    assert letterless["translation_status"].tolist() == ["no_model"]
    assert letterless["text_en"].isna().all()
    assert set(sentences["translation_status"]) == {"no_model"}
    assert stats["no_model_languages"] == ["ru"]


def test_worker_pool_gives_the_same_frames_as_one_process(tmp_path: Path) -> None:
    from pipeline.runner import MIN_DOCS_FOR_POOL, StageRunner

    paragraphs = [p for seed in sorted(SEEDS.glob("*.txt")) for p in seed.read_text(encoding="utf-8").split("\n\n")
                  if len(p.strip()) > 40]
    files = {f"doc{i:03d}.txt": paragraphs[i % len(paragraphs)] + f"\n\n{i}\n" for i in range(MIN_DOCS_FOR_POOL + 2)}
    cleaned = frames.clean_frame(frames.ingest_frame(_inbox(tmp_path, files), 64 * 1024 * 1024))
    alone = frames.segment_frame(cleaned, StageRunner(workers=1))
    pooled = frames.segment_frame(cleaned, StageRunner(workers=2))
    assert pooled.equals(alone)
    assert frames.documents_only(pooled)["sentences"].notna().all()


def test_every_registered_dataset_has_one_builder_and_asset() -> None:
    from pipeline.assets import BUILDERS, DATASET_ASSETS
    from schemas.registry import DATASETS

    assert list(BUILDERS) == list(DATASETS)
    assert [a.key.to_user_string() for a in DATASET_ASSETS] == list(DATASETS)
