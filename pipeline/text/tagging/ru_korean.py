"""Korean names written in Russian ("Мун Чжэ Ин", "Ли Мён Бак", "Пак Сончхан").

Russian writes a Korean name as a surname and one or two syllables (Kontsevich transcription),
each a capitalised word, and declines only the last word when it ends in a consonant:
"с Мун Чжэ Ином", "Ли Мён Бака", "У Юн Кыном". pymorphy3 knows none of this: it reads "Юн" as
a plural of "Юна", "Ином" as "иной", and a city inside the name ("Баку" in "Ли Мён Баку") is
taken for a place. Here a name is recognised by its shape (a Korean surname, then short
syllable words) and put in the nominative by stripping the last word's case ending.
"""

from __future__ import annotations

import re

# Korean surnames as Russian writes them (Kontsevich and common older spellings).
SURNAMES = frozenset(
    "Ким Ли Пак Чхве Чве Цой Чон Чжон Кан Чо Чжо Юн Чан Чжан Лим Им Хан Со Сон Син Шин Квон Хван "  # noqa: SIM905
    "Ан Хон Ю Ко Мун Ян Пэ Пэк Бэк Хо Нам Сим Но Ха Квак Ча Чу Чжу Ку Мин Рю На Чин Чи Ом Чхэ "
    "Вон Ву Чхон Пан Кон Хён Хам Пён Ём Пё Тхак Кил Мэн Сок Ё О У Бан Пхё Ын Тхэ Тэ Ро Рим Нох Тен Тян "
    # North Korean spellings: 리 is "Ри" there ("Ри Сон Гвон"), 승 "Сын", 금 "Кым"
    "Ри Сын Кым "
    # other common spellings: 최 "Чой", 위 "Ви"
    "Чой Ви".split()
)
# Surnames that are also Russian words capitalised at a sentence's start ("Сын Ким Ир Сена …"):
# a name only inside a sentence.
_SENTENCE_START_WORDS = frozenset({"Сын"})
# Surnames that are also Russian prepositions or conjunctions at a sentence's start ("О Корее",
# "На Корейском полуострове"): taken only in the three-word form ("У Юн Кын").
_AMBIGUOUS = frozenset("О У Со На Но Ко".split())  # noqa: SIM905
_VOWELS = re.compile(r"[аеёиоуыэюя]+", re.I)
# A case ending after a consonant a Korean syllable can end in (н, м, к, п, т, р, ль): "Ин|а",
# "Кын|ом", "Бак|у", "Ир|ом" (ㄹ written р, as in "Ким Ир Сен"), "Ёл|я" (from "Ёль"). A syllable
# ending in a vowel ("Чжэ", "Хва") is not declined.
_CASE_ENDING = re.compile(r"(?<=[нмкптр])(?:ом|ой|ою|а|у|е|ы)$|(?<=л)(?:ем|я|ю|е)$")
_WORD = re.compile(r"[А-ЯЁ][а-яё]*")


def _syllables(word: str) -> int:
    return len(_VOWELS.findall(word))


def _declined(word: str, syllables: int) -> str | None:
    """`word` without its case ending if it is a name of `syllables` syllables declined."""
    m = _CASE_ENDING.search(word)
    if m and _syllables(word[: m.start()]) == syllables:
        return word[: m.start()] + ("ь" if word[m.start() - 1] == "л" else "")
    return None


def nominative(words: list[str]) -> list[str] | None:
    """The name's nominative words if `words` is shaped like a Korean name, else None.

    Three words: surname + two one-syllable words ("Мун Чжэ Ина"); two words: surname + a one-
    or two-syllable given name ("Чо Хёна", "Пак Сончхана"). Only the last word is declined.
    """
    if not 2 <= len(words) <= 3 or words[0] not in SURNAMES or not all(_WORD.fullmatch(w) for w in words):
        return None
    if len(words) == 2 and words[0] in _AMBIGUOUS:
        return None
    *head, last = words
    if any(_syllables(w) != 1 for w in head[1:]):
        return None
    # A declined one-syllable word first ("Чо Хёна" is "Чо Хён"), then a two-syllable given name.
    for n in (1,) if len(words) == 3 else (1, 2):
        stem = _declined(last, n)
        if stem is not None:
            return [*head, stem]
    return words if _syllables(last) == 1 or (len(words) == 2 and _syllables(last) == 2) else None


_AFTER_WORD = re.compile(r"[^\W\d_][,:;]?\s+$")


def _after_word(text: str, pos: int) -> bool:
    """Whether a word (and maybe a comma, colon or semicolon) and spaces come right before
    `pos`: read from the start of the spaces, not the whole text before (linear in the text)."""
    k = pos
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return _AFTER_WORD.search(text, max(0, k - 2), pos) is not None


def find_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, nominative) of Korean-shaped names in Russian text (the three-word reading
    first: "Мун Чжэ Ин Путину" is "Мун Чжэ Ин")."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)
             if (m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"))
             and (m.end() == len(text) or not (text[m.end()].isalnum() or text[m.end()] == "-"))]
    out = []
    i = 0
    while i < len(words):
        if words[i][2] not in SURNAMES or (words[i][2] in _SENTENCE_START_WORDS and not _after_word(text, words[i][0])):
            i += 1
            continue
        run = [words[i]]
        while len(run) < 3 and i + len(run) < len(words) and text[run[-1][1]:words[i + len(run)][0]] == " ":
            run.append(words[i + len(run)])
        for n in (3, 2):
            nom = nominative([w for _, _, w in run[:n]]) if len(run) >= n else None
            if nom is not None:
                out.append((run[0][0], run[n - 1][1], " ".join(nom)))
                i += n
                break
        else:
            i += 1
    return out
