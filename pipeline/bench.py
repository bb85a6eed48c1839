"""`make bench`: throughput per stage, peak memory, translation speed and cache hit rate.

Benchmarks live here rather than in timed tests. The corpus is the seeds plus the dev
corpus when it is beside the project, copied `--copies` times (each copy made unique so
nothing is deduplicated away). Translation is measured on the tiny random-weight model
the tests build (real CTranslate2 + sentencepiece code, toy weights), or on the installed
packages with `--installed-models`.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline import PROJECT_ROOT


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def build_inbox(dest: Path, copies: int) -> Path:
    sources = [p for p in sorted((PROJECT_ROOT / "seeds").iterdir()) if p.is_file()]
    dev = Path(os.environ.get("PIPELINE_DEV_CORPUS") or PROJECT_ROOT.parent / "shared" / "corpus" / "dev")
    if (dev / "docs").is_dir():
        sources += [p for p in sorted((dev / "docs").iterdir()) if p.is_file()]
    for n in range(copies):
        for src in sources:
            target = dest / f"copy{n:03d}" / src.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
            if n and src.suffix in (".txt", ".md"):
                with target.open("ab") as fh:  # unique bytes, same language and layout
                    fh.write(f"\n\n{n}\n".encode("ascii"))
    return dest


def _timed(label: str, fn: Callable[[], Any], results: list[dict[str, Any]], units: int, unit: str) -> Any:
    start = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - start
    results.append({
        "stage": label, "seconds": round(seconds, 3), unit: units,
        f"{unit}_per_s": round(units / seconds, 1) if seconds else None, "peak_rss_mb": round(_peak_rss_mb(), 1),
    })
    return out


def run_stages(inbox: Path, outputs: Path, translate: Callable | None) -> list[dict[str, Any]]:
    from pipeline import frames
    from pipeline.publish import publish_all
    from pipeline.text.language import DEFAULT_LANGUAGES

    results: list[dict[str, Any]] = []
    raw = _timed("ingest", lambda: frames.ingest_frame(inbox, 64 * 1024 * 1024), results, 0, "docs")
    n = int((raw["status"] == "ok").sum())
    results[-1]["docs"], results[-1]["docs_per_s"] = n, round(n / results[-1]["seconds"], 1)
    cleaned = _timed("clean", lambda: frames.clean_frame(raw), results, n, "docs")
    seg = _timed("segment", lambda: frames.segment_frame(cleaned), results, n, "docs")
    lang = _timed("language", lambda: frames.language_frame(seg, DEFAULT_LANGUAGES), results, n, "docs")
    trans, _ = _timed("translate", lambda: frames.translate_frame(lang, translate), results, n, "docs")
    tagged = _timed("tag", lambda: frames.tag_frame(trans), results, n, "docs")

    def build() -> dict[str, Any]:
        from pipeline.text.tagging import load_catalog

        out = {
            "documents": frames.build_documents(tagged), "segments": frames.build_segments(tagged),
            "sentences": frames.build_sentences(tagged), "related_headlines": frames.build_related_headlines(tagged),
            "mentions": frames.build_mentions(tagged), "topics": frames.build_topics(tagged),
            "rejections": frames.build_rejections(tagged),
        }
        out["entities"] = frames.build_entities(out["mentions"], load_catalog().entries)
        return out

    datasets = _timed("build datasets", build, results, n, "docs")
    _timed("publish", lambda: publish_all(datasets, outputs), results, n, "docs")
    return results


def bench_translation(models_dir: Path | None, work: Path, sentences: list[tuple[str, str]]) -> dict[str, Any]:
    """Cold pass (everything translated) then warm pass (everything from memory)."""
    from pipeline.mt_resource import TranslationResource

    if models_dir is None:
        sys.path.insert(0, str(PROJECT_ROOT))
        from tests.mt_fixtures import build_tiny_argos_package  # the tests' own tiny model

        models_dir = work / "models"
        models_dir.mkdir()
        for lang in ("ru", "ko"):
            shutil.copy2(build_tiny_argos_package(work / f"pkg-{lang}", lang), models_dir)
    memory = work / "memory.sqlite"
    todo = [(lang, text) for lang, text in sentences if lang in ("ru", "ko")]
    out: dict[str, Any] = {"sentences": len(todo), "unique": len(set(todo))}
    for label in ("cold", "warm"):
        res = TranslationResource(models_dir=str(models_dir), memory_path=str(memory))
        start = time.perf_counter()
        outcomes = res.translate(todo)
        seconds = time.perf_counter() - start
        mem = res.describe().get("memory", {})
        lookups = (mem.get("hits", 0) + mem.get("misses", 0)) or 1
        out[label] = {
            "seconds": round(seconds, 3), "sentences_per_s": round(len(todo) / seconds, 1) if seconds else None,
            "translated": sum(o.status == "translated" for o in outcomes),
            "cache_hit_rate": round(mem.get("hits", 0) / lookups, 3), "memory": mem,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__)
    parser.add_argument("--copies", type=int, default=5, help="copies of the corpus in the inbox")
    parser.add_argument("--installed-models", action="store_true", help="use mt_models/ instead of the tiny model")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        inbox = build_inbox(work / "inbox", args.copies)
        from pipeline.text.tagging import warm_up

        warm_up()  # model loading is measured apart from per-document work
        stages = run_stages(inbox, work / "outputs", translate=None)
        import pandas as pd

        sent = pd.read_parquet(work / "outputs" / "sentences")
        pairs = list(zip(sent["language"], sent["text"], strict=True))
        models = Path(os.environ.get("PIPELINE_MT_MODELS") or PROJECT_ROOT / "mt_models") if args.installed_models else None
        mt = bench_translation(models, work, pairs)
    report = {"copies": args.copies, "cpu_count": os.cpu_count(), "stages": stages, "translation": mt}
    print(f"corpus: {args.copies} copies; cpus: {os.cpu_count()}")
    print(f"{'stage':<16}{'seconds':>9}{'docs/s':>9}{'peak MB':>9}")
    for r in stages:
        print(f"{r['stage']:<16}{r['seconds']:>9}{r.get('docs_per_s') or 0:>9}{r['peak_rss_mb']:>9}")
    for label in ("cold", "warm"):
        m = mt[label]
        print(f"translation {label}: {mt['sentences']} sentences ({mt['unique']} unique), "
              f"{m['sentences_per_s']} sentences/s, cache hit rate {m['cache_hit_rate']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
