"""Language detection restricted to a configured set, with `und` for letterless text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.language import DEFAULT_LANGUAGES, detect, detect_many


def test_detects_the_three_corpus_languages() -> None:
    got = detect_many([
        "The two countries agreed to expand cooperation in the Arctic.",
        "Стороны договорились расширить сотрудничество в Арктике.",
        "양국은 북극 협력을 확대하기로 합의했다.",
    ])
    assert [code for code, _ in got] == ["en", "ru", "ko"]
    assert all(0.5 < conf <= 1.0 for _, conf in got)


def test_ukrainian_is_not_forced_into_russian() -> None:
    assert detect("Сторони домовилися розширити співпрацю в Арктиці та на Далекому Сході.")[0] == "uk"


def test_no_letters_is_undetermined() -> None:
    assert detect("2019/09/06 14:22 -- 2+2 = 4 (100%)") == ("und", 0.0)


def test_restricted_set_only_answers_from_the_set() -> None:
    code, _ = detect("Die beiden Länder vereinbarten eine engere Zusammenarbeit.", ["en", "ru"])
    assert code in {"en", "ru"}


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gets_a_configured_code_or_und(text: str) -> None:
    code, conf = detect(text)
    assert code in set(DEFAULT_LANGUAGES) | {"und"}
    assert 0.0 <= conf <= 1.0


def test_repeated_texts_get_the_answer_each_would_get_alone() -> None:
    # A one-sentence segment is asked about twice (as a segment and as a sentence): the batch
    # answers each position, repeats included, exactly as single calls do.
    texts = ["Стороны договорились расширить сотрудничество.", "—", "The talks ended.",
             "Стороны договорились расширить сотрудничество.", "The talks ended.", "—"]
    assert detect_many(texts) == [detect(t) for t in texts]
    assert detect_many(texts)[0] == detect_many(texts)[3]
