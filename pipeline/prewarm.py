"""The models a few new documents need, loaded in a worker while `make run` starts Dagster.

A re-run after one added file spends most of its time starting up: about 2 s in the run
process (Dagster's imports, the code location, the run record), then the new document's
models where it is computed (kiwipiepy about 1.5 s, spaCy's English pipeline about 1.2 s,
the catalog's automata and the tagger's patterns a few tenths). On two cores both can happen
at once. Before Dagster is imported, `start` gives one worker process a task: find the inbox
files that changed since the last run (the inbox index of `pipeline.shards`, stat only,
nothing hashed), extract a few of them to see which scripts they are written in, and run a
short text of each such language through every stage of the text core, which loads exactly
what those documents will need. The stages then hand their few documents to that worker
(`pipeline.runner.pool_map(..., warm=True)`), where everything is loaded.

Nothing is guessed into the outputs: the warm-up's results are thrown away and the stages
compute the real documents as they would anywhere. With nothing changed, nothing is loaded;
with many changes the task stops after the scan and the stages use the whole pool.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

# Short texts written for the warm-up (one per language the taggers treat apart): a headline,
# a dateline, a date and the kinds of names the tagger looks for, so that every lazy part of
# the stages (models, automata, compiled patterns) is loaded by the time real documents come.
SAMPLES = {
    "en": "Seoul and Moscow agree on new fisheries quota\n\n"
          "SEOUL, March 5, 2024 (Yonhap) -- Foreign Minister Park Jin met Russian Ambassador Andrey Kulik "
          "at the Ministry of Foreign Affairs on Tuesday to discuss trade through the port of Vladivostok.\n\n"
          "The Korea Maritime Institute said the agreement covers pollock catches in the Sea of Okhotsk.\n",
    "ru": "Приморье и Республика Корея расширят сотрудничество\n\n"
          "ВЛАДИВОСТОК, 5 марта 2024 года. Губернатор Приморского края Олег Кожемяко встретился "
          "с генеральным консулом Республики Корея во Владивостоке.\n\n"
          "Стороны обсудили работу Дальневосточного федерального университета и компании «Корейские авиалинии».\n",
    "ko": "한·러 수산 협력 확대 합의\n\n"
          "(서울=연합뉴스) 2024년 3월 5일 박진 외교부 장관은 안드레이 쿨릭 주한 러시아 대사를 만나 "
          "블라디보스토크 항을 통한 교역 문제를 논의했다.\n\n"
          "한국해양수산개발원은 이번 합의가 오호츠크해 명태 어획을 포함한다고 밝혔다.\n",
}
SAMPLE_FILES = 8  # changed files extracted to see their scripts
# Seconds the warm-up may spend extracting one of them (a hostile PDF): the stages' own work
# waits behind the warm-up in that worker, so a file slower than this is left to them.
SAMPLE_BUDGET_S = 5.0
MIN_LETTERS = 20  # Hangul or Cyrillic letters that make a text Korean or Russian here


def start(workers: int) -> None:
    """The warm worker and its task, when there is a core to spare for it."""
    if workers < 2:
        return
    from pipeline.cache import default_cache_dir
    from pipeline.locations import default_seeds_dir, default_store_dir
    from pipeline.runner import start_warm

    start_warm(warm_up, default_seeds_dir(), default_store_dir(), bool(default_cache_dir()))


def changed_files(inbox: Path, store_dir: str, reuse: bool) -> list[str]:
    """Inbox files that are new or whose stat differs from the last scan's (all, with no index)."""
    from pipeline.shards import StatIndex, Store, stat_signature
    from pipeline.text.inbox import list_inbox

    entries = StatIndex.load(Store(store_dir, reuse=reuse)).entries
    changed = []
    for rel in list_inbox(inbox):
        try:
            st = os.stat(inbox / rel)
        except OSError:
            continue
        old = entries.get(rel)
        if old is None or old[:-1] != stat_signature(st):
            changed.append(rel)
    return changed


def script_language(text: str) -> str:
    """ko, ru or en, by the letters a text has (the taggers' three paths)."""
    from pipeline.text.scripts import script_counts

    counts = script_counts(text)
    hangul, cyrillic = counts["hangul"], counts["cyrillic"]
    if max(hangul, cyrillic) < MIN_LETTERS:
        return "en"
    return "ko" if hangul >= cyrillic else "ru"


def warm_up(seeds_dir: str, store_dir: str, reuse: bool, max_changed: int | None = None) -> dict[str, Any]:
    """In the warm worker: what the changed files need, loaded by running SAMPLES through the stages."""
    from pipeline.frames import ingest_tables
    from pipeline.runner import MIN_DOCS_FOR_POOL, StageRunner

    began = time.perf_counter()
    inbox = Path(seeds_dir).expanduser().resolve()
    changed = changed_files(inbox, store_dir, reuse)
    if not changed or len(changed) >= (max_changed or MIN_DOCS_FOR_POOL):
        return {"changed": len(changed), "languages": [], "seconds": round(time.perf_counter() - began, 2)}
    bounded = StageRunner(budget_s=SAMPLE_BUDGET_S)  # no cache: nothing of the warm-up is kept
    # 64 MiB: the default max_input_bytes (pipeline.resources imports Dagster, which this worker does not need)
    inputs = ingest_tables(inbox, 64 * 1024 * 1024, bounded, files=changed[:SAMPLE_FILES])["inputs"]
    languages = sorted({script_language(t) for t in inputs["raw_text"].dropna()})
    run_samples(languages)
    return {"changed": len(changed), "languages": languages, "seconds": round(time.perf_counter() - began, 2)}


def run_samples(languages: list[str]) -> None:
    """SAMPLES of `languages` through ingest, clean, segment, language and tag (results dropped)."""
    from pipeline import frames
    from pipeline.text.language import DEFAULT_LANGUAGES

    if not languages:
        return
    with tempfile.TemporaryDirectory(prefix="pipeline-warm-") as tmp:
        for lang in languages:
            (Path(tmp) / f"{lang}.txt").write_text(SAMPLES[lang], encoding="utf-8")
        t = frames.ingest_tables(Path(tmp), 1 << 20, None)
        t |= frames.clean_tables(t, None, None)
        t |= frames.segment_tables(t, None)
        t |= frames.language_tables(t, list(DEFAULT_LANGUAGES), None)
        t |= frames.translate_tables(t, None)[0]
        frames.tag_tables(t, None)
