"""ko_tail_ok walks kiwi tokens over a Korean name's tail; an empty token must not stall it."""
from pipeline.text.tagging.gazetteer import ko_tail_ok, ko_token_index


def test_empty_token_at_tail_start_does_not_loop() -> None:
    text = "연해주abc 만났다"  # a tail the particle pattern does not cover, so the token walk runs
    end = len("연해주")
    # an empty token at the tail's start (end == start) before a functional token over the tail
    tokens = {end: [("", "JKB", end), ("abc", "JKB", end + 3)]}
    assert ko_tail_ok(text, end, tokens)


def test_particle_tail_still_accepted_with_real_tokens() -> None:
    text = "블라디보스토크에서 회담이 열렸다."
    end = len("블라디보스토크")
    assert ko_tail_ok(text, end, ko_token_index(text))


def test_real_sentence_with_times_finishes() -> None:
    text = "연해주는 북한과 가깝다. 한국과도 비행기로 1시간 30분에서 3시간 정도면 갈 수 있다."
    index = ko_token_index(text)
    for end in range(1, len(text)):
        ko_tail_ok(text, end, index)
