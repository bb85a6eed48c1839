"""The warm worker of `make run` (pipeline.prewarm): it loads what the few changed documents
need while Dagster starts, the stages' small jobs run in it, and the outputs are the same."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from pipeline import prewarm, runner
from pipeline.shards import StatIndex, Store
from tests.helpers import SEEDS, run_pipeline


def test_script_language() -> None:
    assert prewarm.script_language("Moscow and Seoul signed a memorandum on Tuesday.") == "en"
    assert prewarm.script_language("Москва и Сеул подписали меморандум во вторник утром.") == "ru"
    assert prewarm.script_language("모스크바와 서울이 화요일 양해각서에 서명했다고 밝혔다.") == "ko"
    # a few foreign letters in an English text do not make it Korean or Russian
    assert prewarm.script_language("The delegation visited Busan (부산) and Vladivostok (Владивосток).") == "en"


def test_changed_files_are_the_new_and_the_rewritten(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("a.txt", "b.txt"):
        (inbox / name).write_text(f"Text of {name}.\n", encoding="utf-8")
    store = Store(str(tmp_path / "store"))
    assert prewarm.changed_files(inbox, store.root, True) == ["a.txt", "b.txt"], "no index yet: everything"
    index = StatIndex()
    for name in ("a.txt", "b.txt"):
        st = os.stat(inbox / name)
        index.sha256(name, st, lambda: "digest")
    index.save(store, 0)
    assert prewarm.changed_files(inbox, store.root, True) == []
    (inbox / "c.txt").write_text("A new file.\n", encoding="utf-8")
    (inbox / "a.txt").write_text("Text of a.txt, rewritten.\n", encoding="utf-8")
    assert prewarm.changed_files(inbox, store.root, True) == ["a.txt", "c.txt"]
    assert prewarm.changed_files(inbox, store.root, False) == ["a.txt", "b.txt", "c.txt"], "shards not reused"


def _kiwi_loaded(_: object) -> tuple[int, bool]:
    from pipeline.text.nlp import kiwi

    return os.getpid(), kiwi.cache_info().currsize == 1


@pytest.mark.slow
def test_warm_worker_loads_what_a_new_korean_file_needs(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "new.txt").write_text(prewarm.SAMPLES["ko"].replace("수산", "에너지"), encoding="utf-8")
    runner.start_warm(prewarm.warm_up, str(inbox), str(tmp_path / "store"), True)
    try:
        found = runner.warm_result()
        assert found["changed"] == 1 and found["languages"] == ["ko"]
        (pid, loaded), = runner.pool_map(_kiwi_loaded, [None], 1, chunksize=1, warm=True)
        assert pid != os.getpid() and loaded, "the small job ran in the warm worker, kiwipiepy already there"
        assert list(runner.pool_map(_kiwi_loaded, [None], 1, chunksize=1))[0][0] == os.getpid(), "not asked: here"
    finally:
        runner.stop_warm(wait=True)


@pytest.mark.slow
def test_warm_worker_skips_a_large_change(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(3):
        (inbox / f"{i}.txt").write_text(prewarm.SAMPLES["en"], encoding="utf-8")
    found = prewarm.warm_up(str(inbox), str(tmp_path / "store"), True, max_changed=3)
    assert found["changed"] == 3 and found["languages"] == [], "the pool will load them: nothing loaded here"


@pytest.mark.slow
def test_one_added_file_in_the_warm_worker_publishes_what_a_cold_run_does(tmp_path: Path) -> None:
    inbox, storage = tmp_path / "inbox", tmp_path / "storage"
    inbox.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    shutil.copy2(seeds[0], inbox / seeds[0].name)
    assert run_pipeline(inbox, tmp_path / "out-first", storage).success
    shutil.copy2(seeds[1], inbox / seeds[1].name)
    runner.start_warm(prewarm.warm_up, str(inbox), str(storage / "shards"), True)
    try:
        added = run_pipeline(inbox, tmp_path / "out-added", storage)
        found = runner.warm_result()
    finally:
        runner.stop_warm(wait=True)
    assert added.success and found["changed"] == 1 and found["languages"]
    cold = run_pipeline(inbox, tmp_path / "out-cold", tmp_path / "cold-storage", cache_dir="")
    assert cold.success

    def manifest(out: Path) -> dict:
        return json.loads((out / "manifest.json").read_text(encoding="utf-8"))["datasets"]

    assert manifest(tmp_path / "out-added") == manifest(tmp_path / "out-cold")
