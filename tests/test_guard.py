"""One document's failure in a stage is that document's rejection, never a failed or stalled run.

The failing work is injected here on purpose (a function that raises, one that never returns):
what is tested is the guard around every document and how the pipeline turns its verdict into a
rejection, not the text core, whose real bugs are fixed where they are found.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from pipeline.guard import Guarded, failed
from pipeline.runner import pool_map, shutdown_pool
from tests.helpers import failed_checks, read, run_pipeline

MARK = "Zyxwv"  # a word no real sentence holds: the document the injected fault picks


def upper_or_fail(text: str) -> str:
    if MARK in text:
        raise ValueError(f"cannot handle {MARK}")
    return text.upper()


def upper_or_loop(text: str) -> str:
    while MARK in text:
        with contextlib.suppress(Exception):  # swallows ordinary exceptions, as a fallback in the core would
            text = text + ""
    return text.upper()


def uppers(texts: list[str]) -> list[str]:
    return [upper_or_loop(t) for t in texts]


def test_an_exception_fails_only_its_document() -> None:
    guarded = Guarded(upper_or_fail, "clean")
    assert guarded("seoul") == "SEOUL"
    reason, detail = failed(guarded(f"moscow {MARK}")) or ("", "")
    assert reason == "processing_error"
    assert "ValueError" in detail and MARK in detail and detail.startswith("clean:")


def test_a_document_that_never_finishes_is_stopped_at_the_budget() -> None:
    guarded = Guarded(upper_or_loop, "tag", budget_s=0.5)
    reason, detail = failed(guarded(f"busan {MARK}")) or ("", "")
    assert reason == "timeout"
    assert "0.5 s" in detail and "max_document_seconds" in detail
    assert guarded("busan") == "BUSAN"  # the timer is gone afterwards


def test_in_a_batch_only_the_document_at_fault_fails() -> None:
    guarded = Guarded(uppers, "tag", budget_s=0.5, batched=True)
    out = guarded(["seoul", f"moscow {MARK}", "busan"])
    assert out[0] == "SEOUL" and out[2] == "BUSAN"
    assert (failed(out[1]) or ("",))[0] == "timeout"


def test_worker_processes_stop_a_document_at_the_budget() -> None:
    texts = [f"text {i}" for i in range(6)] + [f"text {MARK}"]
    try:
        out = list(pool_map(Guarded(upper_or_loop, "tag", budget_s=1.0), texts, workers=2, chunksize=1))
    finally:
        shutdown_pool()
    assert out[:6] == [t.upper() for t in texts[:6]]
    assert (failed(out[6]) or ("",))[0] == "timeout"


def _inbox(root: Path) -> Path:
    inbox = root / "inbox"
    inbox.mkdir(parents=True)
    (inbox / "a.txt").write_text("Seoul and Moscow held talks on trade.\n\nBoth sides agreed to meet again.\n",
                                 encoding="utf-8")
    story = "".join(
        f"Delegates from Busan and Vladivostok met for the {n} time to discuss ferries, ports and trade.\n\n"
        for n in ("first", "second", "third", "fourth", "fifth", "sixth"))
    (inbox / "b.txt").write_text(f"{story}The {MARK} delegation attended it.\n", encoding="utf-8")
    (inbox / "b_copy.txt").write_text(story, encoding="utf-8")  # near copy: b's text without the mark
    (inbox / "c.txt").write_text("Российские и корейские регионы договорились расширить сотрудничество.\n",
                                 encoding="utf-8")
    return inbox


@pytest.mark.parametrize(("stage", "reason"), [("segment", "processing_error"), ("tag", "timeout")])
def test_a_document_failing_in_a_later_stage_is_rejected_and_the_rest_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str, reason: str
) -> None:
    import pipeline.frames as frames
    import pipeline.text.tagging as tagging

    if stage == "segment":
        real_segment = frames.segment_document

        def segment(text: str, blocks: list) -> object:
            upper_or_fail(text)
            return real_segment(text, blocks)

        monkeypatch.setattr(frames, "segment_document", segment)
    else:
        real_topics = tagging.score_topics

        def topics(text: str, spans: list) -> object:
            upper_or_loop(text)
            return real_topics(text, spans)

        monkeypatch.setattr(tagging, "score_topics", topics)
    result = run_pipeline(_inbox(tmp_path), tmp_path / "out", tmp_path / "storage", workers=1,
                          max_document_seconds=2.0)
    assert result.success and not failed_checks(result)  # conservation among the checks
    docs, rej = read(tmp_path / "out", "documents"), read(tmp_path / "out", "rejections")
    assert sorted(docs["source_file"]) == ["a.txt", "b_copy.txt", "c.txt"]
    # b was the first copy of b_copy; rejected, it is no one's first copy
    assert docs["duplicate_of"].dropna().isin(docs["doc_id"]).all()
    row = rej.set_index("source_file").loc["b.txt"]
    assert (row["stage"], row["reason"]) == (stage, reason)
    assert MARK in row["detail"] or "max_document_seconds" in row["detail"]
    for name in ("segments", "sentences", "mentions", "topics", "related_headlines"):  # no orphan rows
        assert set(read(tmp_path / "out", name)["doc_id"]) <= set(docs["doc_id"]), name


def test_an_extractor_that_never_finishes_rejects_its_file_at_ingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                     ) -> None:
    """The budget covers ingest too (a PDF parser looping on a hostile file)."""
    import pipeline.frames as frames
    from pipeline.runner import StageRunner

    real = frames.extract_file

    def extract(data: bytes, *args: object) -> object:
        upper_or_loop(data.decode("utf-8", "replace"))
        return real(data, *args)

    monkeypatch.setattr(frames, "extract_file", extract)
    inputs = frames.ingest_tables(_inbox(tmp_path), 1 << 20, StageRunner(budget_s=0.5))["inputs"]
    by_file = inputs.set_index("source_file")
    assert (by_file.loc["b.txt", "status"], by_file.loc["b.txt", "reason"]) == ("rejected", "timeout")
    assert by_file.loc["b.txt", "stage"] == "ingest"
    assert (by_file.drop(index="b.txt")["status"] == "ok").all()


def test_a_timed_out_document_is_tried_again_by_the_next_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A timeout may be a busy machine: neither the document's result nor its shard is kept."""
    import pipeline.text.tagging as tagging

    inbox, real_topics = _inbox(tmp_path), tagging.score_topics

    def topics(text: str, spans: list) -> object:
        upper_or_loop(text)
        return real_topics(text, spans)

    with monkeypatch.context() as patch:
        patch.setattr(tagging, "score_topics", topics)
        first = run_pipeline(inbox, tmp_path / "out", tmp_path / "storage", workers=1, max_document_seconds=2.0)
    assert first.success
    assert "b.txt" in set(read(tmp_path / "out", "rejections")["source_file"])
    second = run_pipeline(inbox, tmp_path / "out", tmp_path / "storage", workers=1, max_document_seconds=2.0)
    assert second.success and not failed_checks(second)
    assert "b.txt" in set(read(tmp_path / "out", "documents")["source_file"])
    assert read(tmp_path / "out", "rejections").empty
