"""A tiny, random-weight Argos-style translation package, built without torch or network.

`build_tiny_argos_package` is plain Python (no pytest) so the benchmark can reuse it. The
model is a 1+1 layer CTranslate2 Transformer with random weights over a small SentencePiece
vocabulary trained on the lines below: its output is nonsense, but made of real tokens, and it
exercises the exact loading, tokenisation, batching and decoding path of a real package.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import ctranslate2
import numpy as np
import sentencepiece as spm

# Our own sentences, a few dozen lines of mixed Russian / Korean / English.
TRAINING_LINES: tuple[str, ...] = (
    "Делегация из Сеула прибыла во Владивосток на экономический форум.",
    "Стороны обсудили сотрудничество в области судостроения и логистики.",
    "Губернатор Приморья встретился с генеральным консулом Республики Корея.",
    "Новый паромный маршрут свяжет порт Зарубино с городом Сокчхо.",
    "Участники форума подписали меморандум о развитии туризма.",
    "Осенью в университете откроется центр изучения корейского языка.",
    "Торговый оборот между странами вырос за первое полугодие.",
    "Компании договорились о поставках рыбы и морепродуктов.",
    "В гавани стоят суда, ожидающие погрузки угля и зерна.",
    "Студенты из Пусана приехали на летнюю школу в Хабаровске.",
    "Министр отметил важность прямых авиарейсов между городами.",
    "Выставка корейской живописи продлится до конца месяца.",
    "블라디보스토크에서 열린 동방경제포럼에 한국 대표단이 참석했다.",
    "양국은 조선과 물류 분야에서 협력을 확대하기로 합의했다.",
    "부산과 블라디보스토크를 잇는 새로운 항로가 개설될 예정이다.",
    "연해주 주지사는 한국 기업의 투자에 관심을 보였다.",
    "포럼 참가자들은 관광 발전에 관한 양해각서에 서명했다.",
    "올해 상반기 양국 간 교역액이 크게 증가했다.",
    "대학교에 한국어 교육 센터가 가을에 문을 연다.",
    "수산물 공급에 관한 계약이 체결되었다.",
    "항구에는 석탄과 곡물을 싣기 위해 기다리는 배들이 있다.",
    "장관은 두 도시 간 직항 노선의 중요성을 강조했다.",
    "한국 회화 전시회는 이달 말까지 계속된다.",
    "시민들은 문화 교류 행사에 큰 관심을 보였다.",
    "A delegation from Seoul arrived in Vladivostok for the economic forum.",
    "The two sides discussed cooperation in shipbuilding and logistics.",
    "The governor of Primorye met the Consul General of the Republic of Korea.",
    "A new ferry route will link the port of Zarubino with Sokcho.",
    "Forum participants signed a memorandum on tourism development.",
    "Trade between the two countries grew in the first half of the year.",
    "The companies agreed on supplies of fish and seafood.",
    "Ships in the harbour are waiting to load coal and grain.",
    "Students from Busan came to a summer school in Khabarovsk.",
    "The minister stressed the importance of direct flights between the cities.",
    "An exhibition of Korean painting runs until the end of the month.",
    "Residents showed great interest in the cultural exchange events.",
    "Numbers such as 2024, 15 and 3.5 percent appear in reports.",
)

LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "ko": "Korean"}


def _train_sentencepiece(
    model_prefix: Path, vocab_size: int, seed: int
) -> spm.SentencePieceProcessor:
    """Train a small SentencePiece model from TRAINING_LINES, in memory, deterministically."""
    sp_bytes = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(TRAINING_LINES),
        model_writer=sp_bytes,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        num_threads=1,
        minloglevel=2,
    )
    model_prefix.with_suffix(".model").write_bytes(sp_bytes.getvalue())
    return spm.SentencePieceProcessor(model_proto=sp_bytes.getvalue())


def _random_transformer(
    vocabulary: list[str], seed: int, d_model: int, ffn: int
) -> ctranslate2.specs.TransformerSpec:
    """A 1+1 layer Transformer spec with every weight filled by small random float32 values."""
    spec = ctranslate2.specs.TransformerSpec.from_config((1, 1), 2)
    rng = np.random.default_rng(seed)
    vocab = len(vocabulary)

    def shape_for(scope: str, name: str) -> tuple[int, ...] | None:
        if name in ("gamma", "beta"):
            return (d_model,)
        if name != "weight":
            return None
        if (
            scope.endswith("embeddings")
            or scope.endswith("embeddings_0")
            or scope.endswith("projection")
        ):
            return (vocab, d_model)
        if "/ffn/linear_0" in scope:
            return (ffn, d_model)
        if "/ffn/linear_1" in scope:
            return (d_model, ffn)
        if "self_attention/linear_0" in scope:  # fused query/key/value
            return (3 * d_model, d_model)
        if "/attention/linear_1" in scope and "self_attention" not in scope:  # fused key/value
            return (2 * d_model, d_model)
        if "attention/linear_" in scope:
            return (d_model, d_model)
        raise AssertionError(f"unexpected weight {scope}/{name}")

    def visit(layer: object, scope: str) -> None:
        for name, value in sorted(vars(layer).items()):
            if name.startswith("_"):
                continue
            if isinstance(value, list):
                for i, child in enumerate(value):
                    visit(child, f"{scope}/{name}_{i}")
            elif isinstance(value, ctranslate2.specs.model_spec.LayerSpec):
                visit(value, f"{scope}/{name}")
            elif value is None:
                shape = shape_for(scope, name)
                if shape is not None:
                    fill = np.ones(shape) if name == "gamma" else rng.normal(0.0, 0.2, size=shape)
                    setattr(layer, name, fill.astype(np.float32))

    visit(spec.encoder, "encoder")
    visit(spec.decoder, "decoder")
    spec.register_source_vocabulary(list(vocabulary))
    spec.register_target_vocabulary(list(vocabulary))
    spec.validate()
    return spec


def build_tiny_argos_package(
    dest_dir: Path,
    from_code: str,
    to_code: str = "en",
    seed: int = 0,
    *,
    package_version: str = "1.0",
    vocab_size: int = 240,
    d_model: int = 32,
    ffn: int = 64,
) -> Path:
    """Build `<dest_dir>/translate-<from>_<to>.argosmodel` and return its path.

    The zip holds one top-level folder with `model/` (CTranslate2), `sentencepiece.model` and
    `metadata.json`, the layout of an Argos Translate package.
    """
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    name = f"translate-{from_code}_{to_code}-{package_version.replace('.', '_')}"
    build = dest_dir / f".build-{name}-{seed}"
    shutil.rmtree(build, ignore_errors=True)
    folder = build / name
    folder.mkdir(parents=True)
    sp = _train_sentencepiece(folder / "sentencepiece", vocab_size, seed)
    vocabulary = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    spec = _random_transformer(
        vocabulary, seed + 7 * len(from_code) + sum(map(ord, from_code)), d_model, ffn
    )
    (folder / "model").mkdir()
    spec.save(str(folder / "model"))
    metadata = {
        "package_version": package_version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": LANGUAGE_NAMES.get(to_code, to_code),
        "links": [],
    }
    (folder / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    archive = dest_dir / f"{name}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, path.relative_to(build).as_posix())
    shutil.rmtree(build)
    return archive
