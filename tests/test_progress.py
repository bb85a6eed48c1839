"""Progress lines: every tenth on big loops, every 30 s on slow ones, silence on small fast ones,
and the lines reach the Dagster run log."""

from __future__ import annotations

import dagster as dg

from pipeline.progress import Progress, track


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _run(total: int, seconds_per_item: float) -> list[str]:
    lines: list[str] = []
    clock = Clock()
    progress = Progress("tag", total, log=lines.append, clock=clock)
    for _ in range(total):
        clock.now += seconds_per_item
        progress.advance()
    progress.finish()
    return lines


def test_a_big_loop_logs_every_tenth_and_a_closing_line() -> None:
    lines = _run(10_000, 0.001)
    assert len(lines) == 10  # 10 %, 20 %, ... 90 %, then "done"
    assert lines[0].startswith("tag: 1000/10000 documents (10%), 1000.0 documents/s, ~9s left")
    assert lines[-1].startswith("tag: 10000/10000 documents (100%)") and lines[-1].endswith("done in 10s")


def test_a_small_fast_loop_says_nothing() -> None:
    assert _run(34, 0.05) == []
    assert _run(150, 0.1) == []


def test_a_small_slow_loop_speaks_every_30_seconds() -> None:
    lines = _run(20, 4.0)  # 80 s
    assert len(lines) == 3  # at 32 s, 64 s, then done
    assert lines[0].startswith("tag: 8/20 documents (40%), 0.2 documents/s")
    assert lines[-1].endswith("done in 1m20s")


def test_progress_lines_reach_the_run_log() -> None:
    @dg.asset
    def counted() -> int:
        return sum(1 for _ in track("count", range(500), total=500, unit="items"))

    with dg.instance_for_test() as instance:
        result = dg.materialize([counted], instance=instance)
        assert result.success
        messages = [r.user_message for r in instance.all_logs(result.run_id)]
    progress = [m for m in messages if m.startswith("count: ")]
    assert len(progress) == 10 and progress[0].startswith("count: 50/500 items (10%)")
