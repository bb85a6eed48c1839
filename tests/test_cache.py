"""The per-stage cache and runner on their own: keys, versions, torn entries, counters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.cache import StageCache, payload_key
from pipeline.runner import StageRunner, run_stage

CALLS: list[str] = []


def _shout(p: dict[str, Any]) -> dict[str, Any]:
    CALLS.append(p["text"])
    return {"out": p["text"].upper()}


def _runner(root: Path, version: str = "v1") -> StageRunner:
    return StageRunner(cache=StageCache(str(root)), workers=1, versions={"x": version})


def test_key_depends_on_stage_version_and_every_input() -> None:
    base = payload_key("clean", "v1", {"a": "text", "b": 1})
    assert base == payload_key("clean", "v1", {"b": 1, "a": "text"})  # order of keys does not matter
    assert len({base, payload_key("tag", "v1", {"a": "text", "b": 1}), payload_key("clean", "v2", {"a": "text", "b": 1}),
                payload_key("clean", "v1", {"a": "text", "b": 2}), payload_key("clean", "v1", {"a": "text ", "b": 1})}) == 5


def test_hits_misses_and_identical_inputs_computed_once(tmp_path: Path) -> None:
    CALLS.clear()
    runner = _runner(tmp_path)
    out = run_stage("x", _shout, [{"text": "a"}, {"text": "b"}, {"text": "a"}], runner)
    assert out == [{"out": "A"}, {"out": "B"}, {"out": "A"}] and CALLS == ["a", "b"]
    assert runner.summary() == {"x": {"hits": 0, "misses": 3, "computed": 2}}
    again = _runner(tmp_path)
    assert run_stage("x", _shout, [{"text": "a"}, {"text": "c"}], again) == [{"out": "A"}, {"out": "C"}]
    assert CALLS == ["a", "b", "c"]
    assert again.summary() == {"x": {"hits": 1, "misses": 1, "computed": 1}}


def test_new_version_recomputes_and_torn_entry_is_a_miss(tmp_path: Path) -> None:
    CALLS.clear()
    run_stage("x", _shout, [{"text": "a"}], _runner(tmp_path))
    run_stage("x", _shout, [{"text": "a"}], _runner(tmp_path, "v2"))
    assert CALLS == ["a", "a"]
    for entry in tmp_path.rglob("*.json"):
        entry.write_text('{"out": "tor', encoding="utf-8")  # a crash mid-write elsewhere
    assert run_stage("x", _shout, [{"text": "a"}], _runner(tmp_path)) == [{"out": "A"}]
    assert CALLS == ["a", "a", "a"]


def test_unwritable_cache_only_costs_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    runner = StageRunner(cache=StageCache(str(blocker / "cache")), workers=1)
    assert run_stage("x", _shout, [{"text": "z"}], runner) == [{"out": "Z"}]


def test_a_long_stage_reports_progress_on_what_it_computes(tmp_path: Path, caplog) -> None:
    import logging

    with caplog.at_level(logging.INFO, logger="dagster.builtin.progress"):
        run_stage("x", _shout, [{"text": str(i)} for i in range(250)], _runner(tmp_path))
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("x: ")]
    assert lines and lines[0].startswith("x: 25/250 documents")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="dagster.builtin.progress"):
        run_stage("x", _shout, [{"text": str(i)} for i in range(250)], _runner(tmp_path))
    assert not [r for r in caplog.records if r.getMessage().startswith("x: ")], "all cache hits: nothing to report"


def test_the_cache_works_the_same_on_a_local_folder_and_on_object_storage(tmp_path: Path) -> None:
    """A local root takes plain file calls, any other URL goes through UPath (fsspec's memory
    filesystem stands in for a bucket here)."""
    entries = {payload_key("clean", "v1", {"n": i}): {"text": f"Москва {i}", "blocks": [[0, 6]]} for i in range(5)}
    for root in (str(tmp_path / "cache"), f"file://{tmp_path}/cache2", "memory://cache-test"):
        cache = StageCache(root)
        cache.put_many("clean", entries)
        assert cache.get_many("clean", [*entries, "0" * 64]) == entries  # the unknown key is a miss
        assert StageCache(root).get_many("segment", list(entries)) == {}  # per stage
    assert len(list((tmp_path / "cache" / "clean").rglob("*.json"))) == 5
