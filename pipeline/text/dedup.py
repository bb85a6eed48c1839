"""Near-duplicate documents compared on article content, in time linear in the corpus.

Two crawls of one article differ in their page chrome (menus, appeals, related boxes) and in
where the ~2 KB snapshot stops, so documents are compared on their content blocks only
(boilerplate, title and trailers left out) by word 5-gram shingles. A banded MinHash index
(locality-sensitive hashing) proposes candidate pairs without an all-pairs comparison; each
candidate is then scored exactly by containment, |A ∩ B| / min(|A|, |B|), which stays high
when one crawl is a cut-short copy of the other and low for a reworded press release.

MinHash here is ~30 lines on numpy rather than `datasketch`, whose only extra for this use
would be a scipy dependency (~40 MB) for code we do not call.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from pipeline.text.types import CONTENT_KINDS, Block

SHINGLE_WORDS = 5
# A pair becomes a candidate when one band of 3 hashes agrees: at Jaccard 0.5 (the lowest a
# duplicate may have) that happens with probability 1 - (1 - 0.5**3)**42 > 0.99.
BANDS, ROWS = 42, 3
NUM_PERM = BANDS * ROWS
MIN_SHINGLES = 20  # shorter contents say too little to call two documents the same
DUPLICATE_CONTAINMENT = 0.9  # two crawls of one article share their text exactly; a shared sidebar does not reach it
# Also half of all their shingles shared: a short page whose content is mostly a block another
# page also carries (an undetected appeal, a shared boxed text) is not a copy of that page.
MIN_JACCARD = 0.5
_PRIME = np.uint64(4294967291)  # largest prime below 2**32: (a*x + b) fits in 64 bits
_rng = np.random.default_rng(20240613)  # fixed: the same corpus gives the same signatures
_A = _rng.integers(1, int(_PRIME), NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, int(_PRIME), NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Duplicate:
    doc_id: str
    duplicate_of: str
    similarity: float  # containment of the shorter content in the longer one (0..1)


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[int]:
    """32-bit hashes of the word k-grams of `text` (case and punctuation folded)."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    grams = (" ".join(words[i : i + k]) for i in range(max(1, len(words) - k + 1))) if words else ()
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "big") for g in grams}


def signature(sh: set[int]) -> np.ndarray:
    """MinHash signature: the minimum of each of NUM_PERM universal hash functions over `sh`."""
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    return ((np.outer(x, _A) + _B) % _PRIME).min(axis=0)


def containment(a: set[int], b: set[int]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def find_duplicates(contents: Sequence[tuple[str, str]]) -> list[Duplicate]:
    """(doc_id, content text) in document order -> each later copy with the first one it repeats."""
    return find_duplicate_sets([(doc_id, shingles(text)) for doc_id, text in contents])


def find_duplicate_sets(contents: Sequence[tuple[str, set[int]]]) -> list[Duplicate]:
    """`find_duplicates` on (doc_id, shingles of its content), for callers that keep the shingles."""
    index = DuplicateIndex()
    return [d for doc_id, sh in contents if (d := index.add(doc_id, sh)) is not None]


UNKNOWN = object()  # `DuplicateIndex.add` computes the answer (else it is given)
TIE = 1e-4  # scores are kept to 4 decimals: closer than this, two candidates may tie


@dataclass(frozen=True)
class Rescore:
    """What `DuplicateIndex.add` knows of a document whose earlier candidates are as before but for
    `changed` (positions of documents added or answered anew): its previous answer."""

    previous: Duplicate | None
    changed: tuple[int, ...]


def band_keys(sig: np.ndarray) -> list[tuple[int, bytes]]:
    """The signature's LSH buckets: documents sharing one are each other's candidates."""
    return [(band, sig[band * ROWS : (band + 1) * ROWS].tobytes()) for band in range(BANDS)]


_FOLD = (np.arange(1, ROWS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)) | np.uint64(1)  # odd multipliers


def _fold(sig: np.ndarray) -> np.ndarray:
    """One number per band (its ROWS values mixed, wrapping): equal bands fold equal."""
    with np.errstate(over="ignore"):
        return (sig.reshape(BANDS, ROWS) * _FOLD).sum(axis=1, dtype=np.uint64)


class DuplicateIndex:
    """Documents added in document order; each later copy is found with the first one it repeats.

    A caller that knows the answer for a document (a previous run over the same first documents)
    passes it as `known`: the document then only joins the index, which is what makes a re-run
    after adding files at the end cost the new files' comparisons alone.

    Each document's shingles are kept as dense ids (a vocabulary of the shingles seen), so a
    document is scored against all its candidates at once with one array lookup: many copies
    of one text (an archive holding a wire story from many outlets) each meet every earlier
    copy as a candidate, and set by set that was most of a 10,000-document run's serial time."""

    def __init__(self, scan: bool = False) -> None:
        # `scan`: candidates found by comparing the new document's bands with every earlier
        # signature at once, without the bucket dict. For a re-run after adding a few files
        # to a large corpus whose answers are known: filling the buckets with 10,000 known
        # documents took 0.4 s, the scan takes about 1 ms per new document. Both give the same
        # candidates (tests/text/test_dedup.py).
        self.scan = scan
        self._sigs = np.zeros((0, NUM_PERM), dtype=np.uint64)
        self._folds = np.zeros((0, BANDS), dtype=np.uint64)  # each band of _sigs folded to one number
        self._sig_rows: list[int] = []  # document position of each row of _sigs
        self.ids: list[str] = []
        # each document's shingles, as vocabulary ids once it is compared (a document whose
        # answer is known may never be: a re-run converts only the new files' candidates)
        self.members: list[np.ndarray | None] = []
        self.shingles: list[Collection[int] | Callable[[], Collection[int]] | None] = []
        self.vocab: dict[int, int] = {}
        self.position: dict[str, int] = {}
        self.buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
        self.root: dict[int, int] = {}
        self._mask = np.zeros(1024, dtype=bool)

    def add(self, doc_id: str, sh: Collection[int] | Callable[[], Collection[int]], sig: np.ndarray | None = None,
            known: object = UNKNOWN) -> Duplicate | None:
        """`sh`: the document's distinct shingle hashes (a set, or an array of distinct values),
        or a function that loads them, called only if the document is ever a candidate; then
        `sig` is required, empty when there are fewer than MIN_SHINGLES (`dedup_table`'s form).
        A re-run after a few added files so reads the shingles of the few candidates, not of
        the whole corpus (0.3 s of such a run at 10,000 documents)."""
        i = len(self.ids)
        self.ids.append(doc_id)
        self.members.append(None)
        self.shingles.append(sh)
        self.position[doc_id] = i
        if callable(sh):
            if sig is None:
                raise ValueError("shingles given as a loader need their signature")
            if len(sig) == 0:
                return None
        elif len(sh) < MIN_SHINGLES:
            return None
        sig = signature(sh) if sig is None else sig
        keys = [] if self.scan else band_keys(sig)
        found: Duplicate | None = None
        if isinstance(known, Rescore):
            known = self._rescored(i, known)
        if known is UNKNOWN:
            best = self._best_match(i, self._scan(sig) if self.scan else sorted({j for key in keys for j in self.buckets[key]}))
            if best is not None:
                j, score = best
                self.root[i] = self.root.get(j, j)
                found = Duplicate(doc_id, self.ids[self.root[i]], round(score, 4))
        elif isinstance(known, Duplicate):
            self.root[i] = self.position[known.duplicate_of]
            found = known
        for key in keys:
            self.buckets[key].append(i)
        if self.scan:
            n = len(self._sig_rows)
            if n == len(self._sigs):
                self._sigs = np.concatenate([self._sigs, np.zeros((max(n, 1024), NUM_PERM), dtype=np.uint64)])
                self._folds = np.concatenate([self._folds, np.zeros((max(n, 1024), BANDS), dtype=np.uint64)])
            self._sigs[n] = sig
            self._folds[n] = _fold(sig)
            self._sig_rows.append(i)
        return found

    def _rescored(self, i: int, known: Rescore) -> object:
        """The answer among the previous one (the best of the unchanged candidates) and the best
        changed candidate, comparing document i with the changed ones alone; UNKNOWN (compare with
        every candidate) when the two tie, as the earlier of tied candidates wins."""
        best = self._best_match(i, list(known.changed))
        previous = known.previous
        if best is None:
            return previous
        j, score = best
        if previous is not None and score <= previous.similarity + TIE:
            if score < previous.similarity - TIE:
                return previous
            # a tie, whichever candidate wins: the same answer when both have one root and score
            same = round(score, 4) == previous.similarity and self.root.get(j, j) == self.position[previous.duplicate_of]
            return previous if same else UNKNOWN
        # the unchanged candidates were all below the threshold (no previous answer) or below j
        self.root[i] = self.root.get(j, j)
        return Duplicate(self.ids[i], self.ids[self.root[i]], round(score, 4))

    def _scan(self, sig: np.ndarray) -> list[int]:
        """The earlier documents sharing a band with `sig` (the buckets' candidates), ascending."""
        n = len(self._sig_rows)
        # rows whose folded bands meet one of sig's (a third of the comparisons), then the bands
        # themselves compared on those rows only: a fold may collide, a band match is exact
        rows = np.flatnonzero((self._folds[:n] == _fold(sig)).any(axis=1))
        bands = self._sigs[rows].reshape(len(rows), BANDS, ROWS) == sig.reshape(BANDS, ROWS)
        return [self._sig_rows[r] for r in rows[bands.all(axis=2).any(axis=1)]]

    def _members(self, i: int) -> np.ndarray:
        found = self.members[i]
        if found is None:
            sh = self.shingles[i]
            sh = sh() if callable(sh) else sh
            values = sh.tolist() if isinstance(sh, np.ndarray) else sh
            vocab = self.vocab
            found = self.members[i] = np.fromiter((vocab.setdefault(h, len(vocab)) for h in values),
                                                  dtype=np.int64, count=len(values))
            self.shingles[i] = None
        return found

    def _best_match(self, i: int, candidates: list[int]) -> tuple[int, float] | None:
        """The candidate (in ascending order) sharing the most of document i's content
        (containment, the first on a tie) among those sharing at least MIN_JACCARD of both, when
        that reaches DUPLICATE_CONTAINMENT; scored for every candidate at once (tests/text/test_dedup.py
        holds the same definition on sets)."""
        if not candidates:
            return None
        a = self._members(i)
        parts = [self._members(j) for j in candidates]
        if len(self._mask) < len(self.vocab):
            self._mask = np.zeros(2 * len(self.vocab), dtype=bool)
        mask = self._mask
        lengths = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        mask[a] = True
        shared = np.add.reduceat(mask[np.concatenate(parts)], starts, dtype=np.int64)
        mask[a] = False
        ok = np.flatnonzero(shared / (len(a) + lengths - shared) >= MIN_JACCARD)
        if not len(ok):
            return None
        score = shared[ok] / np.minimum(len(a), lengths[ok])
        k = int(np.argmax(score))  # the first of the highest: the earliest candidate on a tie
        return (candidates[int(ok[k])], float(score[k])) if score[k] >= DUPLICATE_CONTAINMENT else None


def content_text(text: str, blocks: Iterable[Block]) -> str:
    """The article content a fingerprint is taken from: content blocks minus the headline
    (one crawl may lack it); the whole text when no block is content."""
    parts = [text[b.start : b.end] for b in blocks if b.kind in CONTENT_KINDS and b.kind != "title"]
    return "\n".join(parts) if parts else text
