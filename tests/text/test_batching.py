"""Models called on batches give exactly what they give one text at a time."""

from __future__ import annotations

import pytest

from pipeline.text.nlp import kiwi_sentences, kiwi_tokenize, pieces
from pipeline.text.tagging import ner

RU = [
    "Министр иностранных дел России Сергей Лавров встретился в Москве с послом Республики Корея.",
    "",
    "Владивосток принял Восточный экономический форум; Ким Чен Ын прибыл на поезде.",
    "   ",
    "Газпром и KOGAS обсудили поставки газа через Северную Корею.",
]


def test_natasha_batched_equals_one_by_one() -> None:
    batched = ner.natasha_spans_many(RU)
    assert batched == [ner.natasha_spans_many([t])[0] for t in RU]
    assert any(batched[0]) and batched[1] == [] and batched[3] == []


def test_long_text_is_cut_at_whitespace_and_covers_everything() -> None:
    text = "가나다 라마바사 " * 5000 + "끝"
    spans = pieces(text, limit=1000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(e - s <= 1000 for s, e in spans)
    assert all(text[e - 1].isspace() for _, e in spans[:-1])


def test_kiwi_in_pieces_keeps_offsets() -> None:
    text = "한국과 러시아는 협력을 논의했다. " * 3000
    tokens = kiwi_tokenize(text)
    starts = [start for _, _, start, _ in tokens]
    assert starts == sorted(starts) and tokens[-1][3] <= len(text)
    assert all(not text[start].isspace() and end > start for _, _, start, end in tokens)
    assert sum(1 for form, _, start, end in tokens if form == "협력" and text[start:end] == "협력") == 3000
    sents = kiwi_sentences(text)
    assert sents[0][0] == 0 and all(s < e for s, e in sents)
    assert sum(text[s:e].count("협력") for s, e in sents) == 3000


def test_tag_documents_on_a_batch_equals_one_at_a_time() -> None:
    import datetime as dt

    from pipeline.text.tagging import DocumentInput, tag_document, tag_documents
    from pipeline.text.types import Block, SentenceSpan

    texts = [
        ("ru", RU[0] + "\n\n" + RU[2]),
        ("en", "Foreign Minister Sergey Lavrov met South Korean Ambassador Lee Do-hoon in Moscow on 12 March 2021. "
               "The Korea-Russia fisheries committee met in Vladivostok."),
        ("ko", "문재인 대통령은 블라디보스토크에서 푸틴 대통령과 회담했다. 한러 교역이 늘었다."),
        ("en", "Gazprom and KOGAS discussed gas supplies. Глава МИД России Сергей Лавров прибыл в Сеул."),
        ("ru", RU[0] + "\n\n" + RU[2]),  # the same text twice in one batch
        ("en", ""),
    ]
    docs = []
    for language, text in texts:
        cut = text.find("\n\n") if "\n\n" in text else len(text)
        blocks = [Block("body", 0, cut)] + ([Block("body", cut + 2, len(text))] if cut < len(text) else [])
        sentences = [SentenceSpan(i, i, b.start, b.end) for i, b in enumerate(blocks)]
        docs.append(DocumentInput(text, language, blocks, sentences, dt.date(2021, 3, 12)))
    batched = tag_documents(docs)
    alone = [tag_document(*d[:5]) for d in docs]
    assert batched == alone
    assert all(mentions for mentions, _ in batched[:5]) and batched[5] == ([], [])
    assert batched[0] == batched[4]


def test_a_batch_without_english_loads_no_english_model() -> None:
    import subprocess
    import sys

    code = (
        "from pipeline.text.tagging import tag_document\n"
        "from pipeline.text.nlp import spacy_en\n"
        "from pipeline.text.types import Block\n"
        "text = 'Глава МИД России Сергей Лавров прибыл в Сеул.'\n"
        "tag_document(text, 'ru', [Block('body', 0, len(text))], [], None)\n"
        "print(spacy_en.cache_info().currsize)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[-1] == "0"


KO_NEWS = ("윤석열 대통령은 12일 서울에서 러시아 대사를 만났다. 양국은 극동 개발 협력을 논의했다\n"
           "외교부는 \"대화를 계속하겠다\"고 밝혔다! 블라디보스토크 항로가 다시 열렸다")


def test_one_kiwi_analysis_gives_the_sentences_and_the_tokens() -> None:
    from pipeline.text.nlp import kiwi, kiwi_analysis

    for text in (KO_NEWS, KO_NEWS * 400):  # one piece, then many pieces
        sentences, tokens = kiwi_analysis(text)
        assert tokens == kiwi_tokenize(text)
        expected = [(s + a.start, s + a.end) for s, e in pieces(text) for a in kiwi().split_into_sents(text[s:e])]
        assert sentences == expected
        assert len(sentences) >= 3 * (1 if text == KO_NEWS else 400)


def test_tagging_with_the_segment_stages_tokens_equals_tagging_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from pipeline.text.segment import segment_document
    from pipeline.text.tagging import DocumentInput, tag_documents
    from pipeline.text.types import Block

    text = f"러시아 외무부 발표\n\n{KO_NEWS}\n\n많이 본 뉴스 | 로그인 | 회원가입"
    blocks = [Block("title", 0, 9), Block("body", 11, 11 + len(KO_NEWS)), Block("boilerplate", 13 + len(KO_NEWS), len(text))]
    seg = segment_document(text, blocks)
    assert set(seg.korean_tokens) == {0, 1}  # Hangul content blocks only: not the page furniture
    tokens = {(blocks[i].start, blocks[i].end): t for i, t in seg.korean_tokens.items()}
    alone = DocumentInput(text, "ko", blocks, seg.sentences, dt.date(2024, 3, 12))
    given = alone._replace(korean_tokens=tokens)
    expected = tag_documents([alone])
    assert any(m.entity_type == "PERSON" for m in expected[0][0])

    def analysed_again(text: str) -> None:
        raise AssertionError(f"tagging analysed a block the segment stage had analysed: {text[:20]}")

    from pipeline.text.tagging import gazetteer

    monkeypatch.setattr(gazetteer, "kiwi_tokenize", analysed_again)
    assert tag_documents([given]) == expected
