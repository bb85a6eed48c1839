"""The CTranslate2 engine: one package loaded with `ctranslate2` + `sentencepiece` (the
`argostranslate` library itself would pull torch, stanza and spaCy), cached per process."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from pipeline.text.translate.packages import PackageError, PackageInfo, sentencepiece_path

# --- translation -----------------------------------------------------------------------


class Translator:
    """One package loaded with CTranslate2 + SentencePiece."""

    def __init__(
        self,
        package: PackageInfo,
        *,
        device: str = "cpu",
        compute_type: str = "int8",
        inter_threads: int = 1,
        intra_threads: int = 0,
    ) -> None:
        import ctranslate2
        import sentencepiece as spm

        self.package = package
        sp_path = sentencepiece_path(package.path)
        if sp_path is None:
            raise PackageError(f"{package.path}: no sentencepiece.model")
        self.sp = spm.SentencePieceProcessor(model_file=str(sp_path))
        self.model = ctranslate2.Translator(
            str(package.path / "model"),
            device=device,
            compute_type=compute_type,
            inter_threads=inter_threads,
            intra_threads=intra_threads,
        )
        # Argos: a multilingual model's target prefix is one vocabulary token such as "__en__".
        self.prefix_tokens = [package.target_prefix] if package.target_prefix else []

    def tokenize(self, text: str) -> list[str]:
        return self.sp.encode(text, out_type=str)

    def translate_batch(
        self,
        texts: Sequence[str],
        *,
        beam_size: int = 2,
        max_batch_size: int = 32,
        max_decoding_length: int = 256,
        max_input_length: int = 1024,
    ) -> list[str]:
        """English for each text. Inputs longer than `max_input_length` pieces are split at
        word starts and translated piecewise rather than silently truncated."""
        chunks: list[list[str]] = []
        owner: list[int] = []
        for i, text in enumerate(texts):
            for chunk in split_tokens(self.tokenize(text), max_input_length):
                chunks.append(chunk)
                owner.append(i)
        if not chunks:
            return ["" for _ in texts]
        prefix = [list(self.prefix_tokens) for _ in chunks] if self.prefix_tokens else None
        results = self.model.translate_batch(  # thread-safe; CTranslate2 parallelises inside
            chunks,
            target_prefix=prefix,
            max_batch_size=max_batch_size,
            beam_size=beam_size,
            max_decoding_length=max_decoding_length,
            max_input_length=0,
            replace_unknowns=True,
            length_penalty=0.2,  # as Argos Translate decodes
        )
        parts: list[list[str]] = [[] for _ in texts]
        for i, result in zip(owner, results, strict=True):
            tokens = list(result.hypotheses[0])
            if self.prefix_tokens and tokens[: len(self.prefix_tokens)] == self.prefix_tokens:
                tokens = tokens[len(self.prefix_tokens) :]
            text = self.sp.decode_pieces(tokens).strip()
            if self.package.target_prefix and text.startswith(self.package.target_prefix):
                text = text[len(self.package.target_prefix) :].strip()
            parts[i].append(text)
        return [" ".join(p for p in ps if p) for ps in parts]


def split_tokens(tokens: list[str], limit: int) -> list[list[str]]:
    """Split a piece sequence into runs of at most `limit`, preferring word starts ("▁")."""
    if limit <= 0 or len(tokens) <= limit:
        return [tokens] if tokens else []
    out: list[list[str]] = []
    start = 0
    while start < len(tokens):
        end = min(start + limit, len(tokens))
        if end < len(tokens):
            cut = max(
                (j for j in range(start + 1, end + 1) if tokens[j].startswith("▁")), default=end
            )
            end = cut
        out.append(tokens[start:end])
        start = end
    return out


_translators: dict[tuple[Any, ...], Translator] = {}
_translators_lock = threading.Lock()


def get_translator(
    package: PackageInfo, *, device: str, compute_type: str, inter_threads: int, intra_threads: int
) -> Translator:
    """A process-wide cached Translator for this package and these loading options."""
    key = (str(package.path), package.model_id, device, compute_type, inter_threads, intra_threads)
    with _translators_lock:
        found = _translators.get(key)
        if found is None:
            found = Translator(
                package,
                device=device,
                compute_type=compute_type,
                inter_threads=inter_threads,
                intra_threads=intra_threads,
            )
            _translators[key] = found
        return found


def clear_translator_cache() -> None:
    with _translators_lock:
        _translators.clear()
