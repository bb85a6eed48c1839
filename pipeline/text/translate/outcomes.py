"""The pure rules that turn (language, sentence) items into translation outcomes: which
status each sentence gets, memory first, each unique sentence translated once, in batches,
and a failing batch retried sentence by sentence. No model and no file is touched here: the
caller passes the packages it found and a loader."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from pipeline.text.scripts import has_letters  # nothing to translate in digits and punctuation
from pipeline.text.translate.packages import PackageInfo
from pipeline.text.vocab import FAILED, NO_MODEL, SOURCE_ENGLISH, TRANSLATED

BatchFn = Callable[[list[str]], list[str]]


def batches(items: Sequence[str], size: int) -> Iterable[list[str]]:
    size = max(1, size)
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def translate_isolated(
    translate: BatchFn,
    texts: Sequence[str],
    batch_size: int,
    on_batch: Callable[[list[tuple[str, str]]], None] | None = None,
) -> dict[str, str | BaseException]:
    """Translate unique `texts` in batches of `batch_size` (shortest first, to limit padding).

    A batch that raises is retried one text at a time, so only the text that fails maps to its
    exception; every other text maps to its translation (an empty translation counts as a
    failure). `on_batch` receives each batch's successful (source, target) pairs as soon as
    they exist, to persist them."""
    unique = sorted(dict.fromkeys(texts), key=lambda t: (len(t), t))
    out: dict[str, str | BaseException] = {}
    for batch in batches(unique, batch_size):
        done: list[tuple[str, str]] = []
        try:
            results = translate(batch)
            if len(results) != len(batch):
                raise RuntimeError(
                    f"translator returned {len(results)} results for {len(batch)} inputs"
                )
            done = list(zip(batch, results, strict=True))
        except Exception:
            for text in batch:
                try:
                    (result,) = translate([text])
                    done.append((text, result))
                except Exception as exc:
                    out[text] = exc
        kept = []
        for src, tgt in done:
            if tgt.strip():
                out[src] = tgt
                kept.append((src, tgt))
            else:  # never cached: a later model or run may do better
                out[src] = ValueError("the model produced an empty translation")
        if kept and on_batch is not None:
            on_batch(kept)
    return out


# --- sentence outcomes ------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    """English for one sentence. `status` is one of source_english, translated, no_model,
    failed; `model_id` names the package that produced `text_en`; `error` explains failed."""

    text_en: str | None
    status: str
    model_id: str | None = None
    error: str | None = None


class Memory(Protocol):
    """What `translate_items` needs from a translation memory (see translation_memory)."""

    def get_many(self, model_id: str, sources: Iterable[str]) -> dict[str, str]: ...

    def put_many(self, model_id: str, pairs: Sequence[tuple[str, str]]) -> int: ...


def translate_items(
    items: Sequence[tuple[str, str]],
    packages: dict[str, PackageInfo],
    load: Callable[[PackageInfo], BatchFn],
    memory: Memory | None,
    batch_size: int,
    target: str = "en",
) -> list[Outcome]:
    """Outcomes for (language, sentence) items, in order.

    - target-language sentences are their own English (source_english);
    - languages without a package (`packages` maps source language -> package) are no_model,
      whatever the text: with no model installed nothing is `translated`, not even `2017-09-11`;
    - sentences without a letter (numbers, punctuation, blanks) in a language that has a package
      are copied verbatim as `translated` without calling it (no model id): there is nothing to
      translate and MT would invent words;
    - the rest: translation memory first, then the misses, each unique sentence once, in batches;
      a failing batch is retried sentence by sentence so only the failing sentence is `failed`.
      A package that cannot be loaded fails its sentences with the load error.
    """
    outcomes: list[Outcome | None] = [None] * len(items)
    todo: dict[str, list[int]] = {}  # model_id -> item indexes
    by_model: dict[str, PackageInfo] = {}
    for i, (lang, text) in enumerate(items):
        if lang == target:
            outcomes[i] = Outcome(text, SOURCE_ENGLISH)
        elif lang not in packages:
            outcomes[i] = Outcome(None, NO_MODEL)
        elif not has_letters(text):
            outcomes[i] = Outcome(text, TRANSLATED)
        else:
            pkg = packages[lang]
            by_model[pkg.model_id] = pkg
            todo.setdefault(pkg.model_id, []).append(i)
    for model_id, indexes in todo.items():
        sources = list(dict.fromkeys(items[i][1] for i in indexes))
        known: dict[str, str | BaseException] = (
            dict(memory.get_many(model_id, sources)) if memory is not None else {}
        )
        missing = [s for s in sources if s not in known]
        if missing:
            try:
                fn = load(by_model[model_id])
            except Exception as exc:
                known.update({s: exc for s in missing})
            else:
                store = (
                    (lambda pairs, m=model_id: memory.put_many(m, pairs))
                    if memory is not None
                    else None
                )
                known.update(translate_isolated(fn, missing, batch_size, store))
        for i in indexes:
            result = known[items[i][1]]
            if isinstance(result, BaseException):
                outcomes[i] = Outcome(None, FAILED, model_id, repr(result))
            else:
                outcomes[i] = Outcome(result, TRANSLATED, model_id)
    return [o for o in outcomes if o is not None]
