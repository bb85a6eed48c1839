"""Offline machine translation (pure, no Dagster), in three parts:

- `packages`: finding, validating and unpacking Argos / OPUS-MT packages;
- `engine`: the CTranslate2 + SentencePiece translator, one per package per process;
- `outcomes`: the pure status rules (source_english, translated, no_model, failed) and the
  batching with memory and per-sentence isolation.
"""

from pipeline.text.translate.engine import (
    Translator,
    clear_translator_cache,
    get_translator,
    split_tokens,
)
from pipeline.text.translate.outcomes import (
    BatchFn,
    Memory,
    Outcome,
    batches,
    translate_isolated,
    translate_items,
)
from pipeline.text.translate.packages import (
    MAX_UNPACKED_BYTES,
    PACKAGE_SUFFIX,
    UNPACKED_DIR,
    PackageError,
    PackageInfo,
    discover_packages,
    file_sha256,
    load_package,
    package_root,
    read_package_folder,
    safe_members,
    sentencepiece_path,
    unpack_archive,
    version_key,
)
from pipeline.text.vocab import FAILED, NO_MODEL, SOURCE_ENGLISH, TRANSLATED

__all__ = [
    "FAILED", "MAX_UNPACKED_BYTES", "NO_MODEL", "PACKAGE_SUFFIX", "SOURCE_ENGLISH", "TRANSLATED",
    "UNPACKED_DIR", "BatchFn", "Memory", "Outcome", "PackageError", "PackageInfo", "Translator",
    "batches", "clear_translator_cache", "discover_packages", "file_sha256", "get_translator",
    "load_package", "package_root", "read_package_folder", "safe_members", "sentencepiece_path",
    "split_tokens", "translate_isolated", "translate_items", "unpack_archive", "version_key",
]
