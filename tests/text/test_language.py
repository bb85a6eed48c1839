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


_MIXED = st.text(alphabet=st.sampled_from(list("The Korea-Russia talks, 2024: ok! é’—“”ÀßŁ  \n\t한국러시아회담 Россияі中国語ひらがな_²½Ⅻ0189")),
                 max_size=60)


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_the_alphabet_shortcut_gives_linguas_answer(text: str) -> None:
    # Texts of a-z letters only (or Hangul only) are answered without lingua's models: the
    # answer must be the one lingua gives, for the default set and for a set with German.
    from pipeline.text.language import _by_alphabet, _detector

    for codes in (tuple(sorted(DEFAULT_LANGUAGES)), ("de", "en", "ko", "ru")):
        known = _by_alphabet(codes)(text)
        if known is None:
            continue
        values = _detector(codes).compute_language_confidence_values(text)
        lingua = (values[0].language.iso_code_639_1.name.lower(), round(float(values[0].value), 4))
        assert known == lingua, (codes, text)


def test_german_keeps_latin_text_with_lingua() -> None:
    from pipeline.text.language import _by_alphabet

    assert _by_alphabet(("en", "ru"))("The talks ended.") == ("en", 1.0)
    assert _by_alphabet(("de", "en"))("The talks ended.") is None  # two Latin languages: the models judge
    assert _by_alphabet(("en", "ko"))("회담이 끝났다.") == ("ko", 1.0)
    assert _by_alphabet(("en", "ko"))("Café") is None and _by_alphabet(("en", "ko"))("2024") is None
