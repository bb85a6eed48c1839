"""The benchmark's synthetic inbox: added files sort where they are asked to (a new file's name
may sort anywhere in inbox order, and duplicate detection's work depends on where)."""

from __future__ import annotations

from pathlib import Path

from pipeline.bench import build_inbox
from pipeline.text.inbox import list_inbox


def test_added_files_sort_at_the_end_the_front_and_the_middle(tmp_path: Path) -> None:
    first = [p.relative_to(tmp_path).as_posix() for p in build_inbox(tmp_path, 6)]
    assert list_inbox(tmp_path) == sorted(first)
    for k, at in enumerate(("end", "front", "middle")):
        (added,) = build_inbox(tmp_path, 1, start=6 + k, at=at, size=6)
        order = list_inbox(tmp_path)
        where = order.index(added.relative_to(tmp_path).as_posix())
        known = [order.index(f) for f in first]
        if at == "end":
            assert where > max(known)
        elif at == "front":
            assert where < min(known)
        else:
            assert known[3] < where < known[4]  # right after the document in the middle
