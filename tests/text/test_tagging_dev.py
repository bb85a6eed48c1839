"""Entity recall and agreement precision per language on the dev corpus (gold in manifest.csv).

The documents go through the real stages (ingest, clean, segment, language, tag, mentions
dataset) and are scored the way the project's scorer (shared/eval/score.py) scores them:
typed recall (a gold person must be found as PERSON; every `|` variant counts; surfaces and
English names; Russian case endings stripped) and agreement precision (share of distinct
PERSON/ORG/GPE/LOC/FAC surfaces per document that match a gold name of that document).
Run with -s to see the table, TAGGING_DEV_VERBOSE=1 for the misses. Floors sit just below the
measured figures. Skipped when the dev corpus is not on this machine.
"""

from __future__ import annotations

import os
import re
import unicodedata

import pytest

from tests.helpers import DEV_CORPUS, dev_manifest

# Measured (main, session 5): recall en 0.953 ru 0.919 ko 0.916; precision en 0.955 ru 0.910 ko 0.995.
# Russian misses left are mostly the scorer's stemming: gold names are nominative, surfaces are as
# written ("Сергеем Лавровым"), and the scorer's ending stripper cannot reconcile the two.
RECALL_FLOOR = {"en": 0.95, "ru": 0.91, "ko": 0.91}
PRECISION_FLOOR = {"en": 0.95, "ru": 0.90, "ko": 0.99}
KINDS = {"PERSON": "persons", "ORG": "orgs", "GPE": "places", "LOC": "places", "FAC": "places"}

pytestmark = pytest.mark.skipif(not (DEV_CORPUS / "manifest.csv").exists(),
                                reason=f"dev corpus not found at {DEV_CORPUS} (set PIPELINE_DEV_CORPUS)")

# --- the scorer's matching rules ---------------------------------------------------------

_RU_ENDINGS = sorted("ыми ими ого его ому ему ами ями иях ах ях ой ей ий ый ая яя ое ее ую юю ом ем ов ев ам "  # noqa: SIM905
                     "ям ия ии ию ие а я о е у ю ы и ь й".split(), key=len, reverse=True)


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", str(s)).casefold().replace("ё", "е")
    s = re.sub(r"[\"'«»“”‘’()\[\]·・,.:;!?]", " ", s)
    return " ".join(s.split())


def _stem(tok: str) -> str:
    for e in _RU_ENDINGS:
        if tok.endswith(e) and len(tok) - len(e) >= 3:
            return tok[: -len(e)]
    return tok


def _tokens(s: str) -> tuple[str, ...]:
    return tuple(_stem(t) if re.search(r"[а-я]", t) and len(t) > 4 else t for t in _norm(s).replace("-", " ").split())


def _matches(gold: str, predicted: set[tuple[str, ...]]) -> bool:
    g = _tokens(gold)
    if not g:
        return False
    return any(p == g or any(p[i : i + len(g)] == g for i in range(len(p) - len(g) + 1))
               for p in predicted if len(p) >= len(g))


def _items(cell: str) -> list[list[str]]:
    return [[a.strip() for a in e.split("|") if a.strip()] for e in (cell or "").split(";") if e.strip()]


# --- the run ---------------------------------------------------------------------------


def _mentions_by_file() -> tuple[dict[str, str], dict[str, list[tuple[str, str, str]]]]:
    from pipeline import frames
    from pipeline.text.language import DEFAULT_LANGUAGES

    tagged = frames.run_stages(DEV_CORPUS / "docs", DEFAULT_LANGUAGES)
    docs = frames.build_documents(tagged)
    mentions = frames.build_mentions(tagged)
    file_of = {d: f.replace("\\", "/").rsplit("/", 1)[-1] for d, f in zip(docs["doc_id"], docs["source_file"], strict=True)}
    by_file: dict[str, list[tuple[str, str, str]]] = {}
    for did, surface, name_en, etype in zip(mentions["doc_id"], mentions["surface"], mentions["name_en"],
                                            mentions["entity_type"], strict=True):
        by_file.setdefault(file_of[did], []).append((surface, name_en, etype))
    return file_of, by_file


def evaluate() -> dict[str, dict[str, float]]:
    file_of, by_file = _mentions_by_file()
    present = set(file_of.values())
    stats: dict[str, dict[str, list[int]]] = {}
    notes: list[str] = []
    for row in dev_manifest():
        if not (row["expect"] == "ok" or row["expect"].startswith("duplicate_of:")) or row["file"] not in present:
            continue
        found = by_file.get(row["file"], [])
        typed: dict[str, set[tuple[str, ...]]] = {}
        for surface, name_en, etype in found:
            for v in (surface, name_en):
                typed.setdefault(KINDS.get(etype, "other"), set()).add(_tokens(v))
        st = stats.setdefault(row["expected_language"], {k: [0, 0] for k in ("persons", "orgs", "places", "precision")})
        golds = []
        for kind in ("persons", "orgs", "places"):
            for item in _items(row[f"expected_{kind}"]):
                golds += item
                hit = any(_matches(a, typed.get(kind, set())) for a in item)
                st[kind][0] += hit
                st[kind][1] += 1
                if not hit:
                    notes.append(f"  MISS {row['file']} {kind}: {item[0]}")
        if not golds:
            continue
        gold_set = {_tokens(g) for g in golds}
        for surface in sorted({s for s, _, t in found if t in KINDS}):
            ok = _matches(surface, gold_set) or any(_matches(g, {_tokens(surface)}) for g in golds)
            st["precision"][0] += ok
            st["precision"][1] += 1
            if not ok:
                notes.append(f"  EXTRA {row['file']}: {surface!r}")
    table = {}
    print("\nlang  persons  orgs     places   recall  precision")
    for lang, st in sorted(stats.items()):
        found_n = sum(st[k][0] for k in ("persons", "orgs", "places"))
        gold_n = sum(st[k][1] for k in ("persons", "orgs", "places"))
        table[lang] = {"recall": found_n / max(1, gold_n), "precision": st["precision"][0] / max(1, st["precision"][1])}
        cells = "  ".join(f"{st[k][0]:3}/{st[k][1]:<3}" for k in ("persons", "orgs", "places"))
        print(f"{lang:4}  {cells}  {table[lang]['recall']:.3f}   {table[lang]['precision']:.3f}")
    if os.environ.get("TAGGING_DEV_VERBOSE"):
        print("\n".join(notes))
    return table


def test_dev_recall_and_precision_per_language() -> None:
    table = evaluate()
    assert set(table) == {"en", "ru", "ko"}
    for lang, t in table.items():
        assert t["recall"] >= RECALL_FLOOR[lang], (lang, t)
        assert t["precision"] >= PRECISION_FLOOR[lang], (lang, t)
