"""Lexicon topic scoring (pipeline/text/data/topics.yaml) over content blocks only.

raw = sum of term weights over every occurrence; score = 1 - exp(-raw / 4) (so 2 hits ~0.39,
4 ~0.63, 8 ~0.86); a topic is emitted when raw >= 2 and raw is at least a fifth of the document's
strongest topic (a passing mention beside the document's theme is not a topic of it: "an exchange
of views" in a nuclear-talks story). Evidence = distinct matched surfaces.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.text.scripts import HANGUL_LETTER
from pipeline.text.tagging.gazetteer import ru_lemma, ru_lemmas
from pipeline.text.types import TopicScore

TOPICS_PATH = Path(__file__).resolve().parents[1] / "data" / "topics.yaml"
_RU_WORD = re.compile(r"[^\W\d_]+")
MIN_RAW = 2.0
MIN_SHARE_OF_TOP = 0.2  # chosen on dev and on 30 unseen pages together; see README "Topics"


@dataclass(frozen=True)
class _Lexicon:
    en: list[tuple[re.Pattern[str], float]]
    en_keys: list[str | None]  # per English term: a literal its every match contains (see fold)
    ru_seqs: list[tuple[tuple[str, ...], bool, float]]  # lemma sequence, prefix?, weight
    ko: list[tuple[str, float]]


def _term(raw: object) -> tuple[str, float]:
    if isinstance(raw, dict):  # YAML reads "term: 2" as a mapping
        ((k, v),) = raw.items()
        return str(k), float(v)
    term = str(raw)
    if ": " in term:
        head, _, weight = term.rpartition(": ")
        return head, float(weight)
    return term, 1.0


@lru_cache(maxsize=1)
def lexicons() -> dict[str, _Lexicon]:
    data = yaml.safe_load(TOPICS_PATH.read_text(encoding="utf-8"))
    out = {}
    for code, spec in data.items():
        en, en_keys, ru, ko = [], [], [], []
        for raw in spec.get("en", []):
            term, w = _term(raw)
            en_keys.append(literal_key(term))
            body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
            tail = r"\w*" if term.endswith("*") else r"(?:s|es)?\b"
            # matched as (?<![\w-]){body}{tail}: the word-start test is in word_matches (faster)
            en.append((re.compile(rf"{body}{tail}", re.IGNORECASE), w))
        for raw in spec.get("ru", []):
            term, w = _term(raw)
            seq = tuple(ru_lemma(x) for x in _RU_WORD.findall(term.rstrip("*")))
            ru.append((seq, term.endswith("*"), w))
        for raw in spec.get("ko", []):
            ko.append(_term(raw))
        out[code] = _Lexicon(en, en_keys, ru, ko)
    return out


# The characters outside A-Z that a case-insensitive pattern matches as an ASCII letter
# (Python's re: "İ", "ı" as i, "ſ" as s, the Kelvin sign as k; tests/text/test_topics_matching.py).
_FOLD_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """`text` as the English terms' case-insensitive patterns see it, for `literal_key`s: every
    character they match as an ASCII letter becomes that letter in lower case."""
    return text.translate(_FOLD_TO_ASCII).lower()


def literal_key(term: str) -> str | None:
    """The term's first word in lower case when it is plain ASCII: every match of the term's
    pattern then contains it in `fold(text)`, so a block without it is not searched for the
    term (most blocks hold few of the lexicon's terms). None: always searched."""
    first = term.rstrip("*").split(" ")[0].lower()
    return first if first and first.isascii() else None


@lru_cache(maxsize=1)
def _en_initials() -> re.Pattern[str] | None:
    """The characters an English term can start with, matched as the terms match them
    (case-insensitively): a block without any (Russian or Korean text) has no English hit
    and is not searched term by term. None when a term starts with something else."""
    firsts = {pattern.pattern[0] for lex in lexicons().values() for pattern, _ in lex.en}
    if not all(c.isalnum() for c in firsts):
        return None
    return re.compile("[" + "".join(sorted(firsts)) + "]", re.IGNORECASE)


_WORD_CHAR = re.compile(r"[\w-]")


def word_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    r"""The matches `(?<![\w-])` + `pattern` would give with finditer, in the same order: a
    lookbehind at the start of a case-insensitive pattern made the regex engine try the
    whole pattern at every character; here the engine looks for the term and each match is
    checked for a word start (one that is not is retried from the next character)."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        i = m.start()
        if i > 0 and _WORD_CHAR.match(text, i - 1):
            pos = i + 1
            continue
        yield m
        pos = m.end() if m.end() > i else i + 1
@lru_cache(maxsize=1)
def _first_lemma_index() -> dict[str, list[tuple[str, int]]]:
    """Every topic's exact lemma sequences by their first lemma: (topic, index into its
    ru_seqs), in topic then sequence order."""
    index: dict[str, list[tuple[str, int]]] = {}
    for code, lex in lexicons().items():
        for j, (seq, prefix, _) in enumerate(lex.ru_seqs):
            if seq and not (prefix and len(seq) == 1):
                index.setdefault(seq[0], []).append((code, j))
    return index


def _exact_hits(lexes: tuple[tuple[str, _Lexicon], ...], tokens: list[tuple[str, frozenset[str]]]
                ) -> dict[tuple[str, int], list[int]]:
    """Positions where each topic's exact sequences match: one pass over the tokens for every
    topic, looking up only the sequences that start with one of the token's lemmas (linear,
    not tokens x sequences)."""
    index = _first_lemma_index()
    seqs = {code: lex.ru_seqs for code, lex in lexes}
    hits: dict[tuple[str, int], list[int]] = {}
    starting: dict[frozenset[str], list[tuple[str, int]]] = {}  # a document repeats its words
    for i, (_, lems) in enumerate(tokens):
        js = starting.get(lems)
        if js is None:
            js = starting[lems] = sorted({cj for lem in lems for cj in index.get(lem, ())})
        for code, j in js:
            seq = seqs[code][j][0]
            n = len(seq)
            if i + n <= len(tokens) and all(seq[k] in tokens[i + k][1] for k in range(1, n)):
                hits.setdefault((code, j), []).append(i)
    return hits


def _prefix_positions(tokens: list[tuple[str, frozenset[str]]]) -> Callable[[str], list[int]]:
    """Positions of the tokens with a lemma starting with a given prefix, found over the
    document's distinct lemma sets rather than token by token."""
    at: dict[frozenset[str], list[int]] = {}
    for i, (_, lems) in enumerate(tokens):
        at.setdefault(lems, []).append(i)

    def positions(prefix: str) -> list[int]:
        return sorted(i for lems, where in at.items() if any(lem.startswith(prefix) for lem in lems) for i in where)

    return positions


_CYRILLIC_LETTER = re.compile(r"[А-Яа-яЁё]")


def score_topics(text: str, spans: list[tuple[int, int]]) -> list[TopicScore]:
    chunks = [text[s:e] for s, e in spans]
    ru_tokens = [(m.group(), ru_lemmas(m.group())) for c in chunks for m in _RU_WORD.finditer(c)
                 if _CYRILLIC_LETTER.search(m.group())]
    lexes = tuple(lexicons().items())
    exact = _exact_hits(lexes, ru_tokens)
    prefixed = _prefix_positions(ru_tokens)
    initials = _en_initials()
    en_chunks = [c for c in chunks if initials is None or initials.search(c)]
    folded = [fold(c) for c in en_chunks]
    hangul_chunks = [c for c in chunks if HANGUL_LETTER.search(c)]  # no Korean term is found elsewhere
    raws: dict[str, tuple[float, set[str]]] = {}
    for code, lex in lexes:
        raw, evidence = 0.0, set()
        for (pattern, w), key in zip(lex.en, lex.en_keys, strict=True):
            for c, f in zip(en_chunks, folded, strict=True):
                if key is not None and key not in f:
                    continue
                for m in word_matches(pattern, c):
                    raw += w
                    evidence.add(" ".join(m.group().split()))
        for j, (seq, prefix, w) in enumerate(lex.ru_seqs):
            n = len(seq)
            positions = prefixed(seq[0]) if prefix and n == 1 else exact.get((code, j), [])
            for i in positions:  # same hits, same order of additions as scanning every window
                raw += w
                evidence.add(" ".join(t for t, _ in ru_tokens[i : i + n]))
        for term, w in lex.ko:
            for c in hangul_chunks if HANGUL_LETTER.search(term) else chunks:
                k = c.count(term)
                if k:
                    raw += w * k
                    evidence.add(term)
        raws[code] = (raw, evidence)
    top = max((raw for raw, _ in raws.values()), default=0.0)
    result = [TopicScore(code, round(1 - math.exp(-raw / 4), 4), tuple(sorted(evidence)))
              for code, (raw, evidence) in raws.items()
              if raw >= MIN_RAW and raw >= MIN_SHARE_OF_TOP * top]
    return sorted(result, key=lambda t: (-t.score, t.topic))
