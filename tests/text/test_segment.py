"""Sentence segmentation: exact offsets, full coverage, the right splitter per script."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.segment import segment_document, split_sentences
from pipeline.text.types import Block

RU = "Форум прошёл во Владивостоке. Участники обсудили логистику! Что дальше? Решат в мае."
EN = "Lee Tae-ho met Alexander Krutikov in Seoul. They discussed the Arctic route. Talks go on."
KO = "한러 지방협력포럼이 울산에서 열렸다. 양측은 협력을 약속했다. 다음 포럼은 블라디보스토크에서 열린다."


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_russian_sentences_split_by_razdel() -> None:
    assert _texts(RU, split_sentences(RU, 0, len(RU))) == [
        "Форум прошёл во Владивостоке.", "Участники обсудили логистику!", "Что дальше?", "Решат в мае.",
    ]


def test_english_sentences_keep_hyphenated_names() -> None:
    got = _texts(EN, split_sentences(EN, 0, len(EN)))
    assert len(got) == 3 and got[0] == "Lee Tae-ho met Alexander Krutikov in Seoul."


def test_korean_sentences_split_by_kiwi() -> None:
    got = _texts(KO, split_sentences(KO, 0, len(KO)))
    assert got == ["한러 지방협력포럼이 울산에서 열렸다.", "양측은 협력을 약속했다.", "다음 포럼은 블라디보스토크에서 열린다."]


def test_list_number_stays_with_its_item() -> None:
    text = "1. Обмен депутатами. 2. Работа по ШОС."
    got = _texts(text, split_sentences(text, 0, len(text)))
    assert all(any(ch.isalpha() for ch in s) for s in got)
    assert "".join(got).replace(" ", "") == text.replace(" ", "")


def test_document_offsets_are_absolute_and_ordered() -> None:
    text = f"{EN}\n\n{RU}\n\n{KO}"
    blocks, pos = [], 0
    for part in (EN, RU, KO):
        blocks.append(Block("body", pos, pos + len(part)))
        pos += len(part) + 2
    segments, sentences, _ = segment_document(text, blocks)
    assert [seq for seq, _ in segments] == [0, 1, 2]
    assert [s.seq for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        block = blocks[s.segment_seq]
        assert block.start <= s.start < s.end <= block.end
        assert text[s.start:s.end] == text[s.start:s.end].strip()
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))


_alphabet = st.sampled_from(list("абвгдеёжзийклмн АБВ abcdef XYZ 가나다라마 .!?…—-«»\"'()0123456789\n\t"))


@settings(max_examples=200, deadline=None)
@given(st.text(_alphabet, min_size=1, max_size=300))
def test_segmentation_covers_text_without_overlap(text: str) -> None:
    stripped = text.strip()
    if not stripped:
        return
    start = text.index(stripped[0])
    block = Block("body", start, start + len(stripped))
    _, sentences, _ = segment_document(text, [block])
    covered = [False] * len(text)
    last_end = block.start
    for s in sentences:
        assert block.start <= s.start < s.end <= block.end
        assert s.start >= last_end  # no overlaps, in order
        last_end = s.end
        for i in range(s.start, s.end):
            covered[i] = True
    assert all(covered[i] or text[i].isspace() for i in range(block.start, block.end))


def _covers_by_character(chunk: str, spans: list[tuple[int, int]]) -> bool:
    """The coverage rule one character at a time (what `_covers` computes by slices)."""
    covered = [False] * len(chunk)
    last_end = 0
    for s, e in spans:
        if s < last_end:
            return False
        last_end = e
        for i in range(s, e):
            covered[i] = True
    return all(covered[i] or chunk[i].isspace() for i in range(len(chunk)))


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_coverage_check_equals_its_per_character_definition(data: st.DataObject) -> None:
    from pipeline.text.segment import _covers

    chunk = data.draw(st.text(alphabet=st.sampled_from("ab \n\t."), max_size=30))
    bounds = st.integers(min_value=0, max_value=len(chunk))
    spans = data.draw(st.lists(st.tuples(bounds, bounds), max_size=5))
    assert _covers(chunk, spans) == _covers_by_character(chunk, spans)
