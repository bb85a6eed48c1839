"""Korean person names from kiwipiepy's analysis: a name is a noun sequence, never a predicate.

Korean news names people as "NAME [organisation/place ...] TITLE" ("이윤호 전 러시아대사",
"칼라쉬니코프 하바롭스크주 경제개발 장관"). A name candidate is the first one to three
eojeols of such a run whose kiwi analysis looks like a name: a proper noun (NNP) or an
unanalysable word, never only common nouns (NNG: "지방정부", "공동의장"), never a bound
noun (NNB: "한국쪽"), a verb or an ending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.text.nlp import kiwi
from pipeline.text.overlap import SpanIndex
from pipeline.text.page_patterns import KO_GLUED_POST

Tokens = dict[int, list[tuple[str, str, int]]]  # kiwi tokens by start offset: [(form, tag, end)]

_HANGUL_WORD = re.compile(r"[가-힣]+")
# An eojeol; "한-러", "한·러", "러•한" pairs stay one word ("한-러 극동 포럼").
EOJEOL = re.compile(r"[가-힣A-Za-z0-9·•・\u4e00-\u9fff]+(?:-[가-힣][가-힣A-Za-z0-9·•・]*)*")
_HANJA_NAME = re.compile(r"[\u4e00-\u9fff]{3,4}")  # "文在寅" (not "韓美": two-character pairs are countries)
_MODIFIERS = frozenset({"전", "前", "현", "現", "초대", "신임", "당시"})  # "이희범 전 산자부 장관"
# Sentence adverbs and "visit to X" nouns that open a clause before a name and a role ("한편 홍길동
# 장관은", "나란히 선 …", "방러 홍길동 지사"): Korean-shaped (a surname syllable first) but no names.
_NOT_NAMES = frozenset({"한편", "나란히", "또한", "특히", "이어", "이날", "다만", "아울러", "반면", "함께", "앞서",
                        "한때", "방러", "방한", "방북", "방미", "방중", "방일", "방러시"})
_PREDICATE_TAGS = ("V", "E", "XSV", "XSA", "VCP", "VCN", "MAG", "MAJ", "IC")
_FUNCTIONAL = ("J", "E", "VCP", "XSN")
# "김철수(45)", and a caption's note of where the person stands ("이철수(오른쪽)", "(왼쪽 두번째)")
_AGE = re.compile(r"\((?:\d{1,3}(?:세)?|(?:앞줄|뒷줄|사진)?\s?(?:왼쪽|오른쪽|가운데|중앙)(?:에서)?"
                  r"(?:\s?(?:첫|두|세|네|다섯|\d)\s?번째)?)\)")
_PROPER_MARGIN = 3.0  # log-score distance within which kiwi's proper-noun reading still counts


_CONTRACTED = re.compile("[\u11a8-\u11c2\u3131-\u314e]")  # a final consonant alone: 'ᆫ', 'ᆯ'


@dataclass(frozen=True)
class Eojeol:
    start: int
    end: int  # end of the eojeol
    stem_end: int  # end of its noun part (particles and copula stripped)
    tags: tuple[str, ...]  # kiwi tags over the noun part


def eojeols(text: str, start: int, end: int, tokens: Tokens) -> list[Eojeol]:
    out = []
    for m in EOJEOL.finditer(text, start, end):
        ws, we = m.start(), m.end()
        toks = sorted((p, tag, tend, form) for p in range(ws, we) for form, tag, tend in tokens.get(p, []) if tend <= we)
        # kiwi may read a name's last syllable as another name and a contracted particle
        # ("김영준" as 김영주 + ㄴ): the lone final consonant stays inside the word
        toks = [t for t in toks if not (_CONTRACTED.fullmatch(t[3]) and t[2] == we and any(
            o[0] < t[0] < o[2] for o in toks if o is not t))]
        stem_end = we
        for p, tag, _, _ in reversed(toks):  # strip trailing particles, copula, endings
            if not tag.startswith(_FUNCTIONAL):
                break
            stem_end = min(stem_end, p)
        tags = tuple(tag for p, tag, tend, _ in toks if tend <= stem_end)
        out.append(Eojeol(ws, we, stem_end if stem_end > ws else we, tags))
    return out


# One-syllable Sino-Korean nouns that end events, documents and bodies: 식 ceremony, 회 meeting,
# 장 letter, 법 law, 안 bill, 문/서 text, 전 exhibition, 관 hall, 패 plaque, 권 right, 증 card...
_NOUN_SUFFIXES = frozenset("식회장법안문서전관패권제론표증")
_COMPOUND_MARGIN = 4.5


@lru_cache(maxsize=16384)
def sino_korean_compound(word: str) -> bool:
    """A word kiwi can read as a dictionary noun of two syllables or more + one of the suffixes
    above ("신임/NNG 장", "제정/NNG 식"), or as one common noun ending in one ("취임식"), close
    to its best reading: what Korean-shaped common nouns look like ("신임장 제정식" after "대사"
    is no person). Korean given names rarely end in these syllables."""
    if len(word) < 3 or word[-1] not in _NOUN_SUFFIXES:
        return False
    readings = kiwi().analyze(word, top_n=10)
    best = readings[0][1]
    for toks, score in readings:
        if best - score > _COMPOUND_MARGIN:
            break
        if len(toks) == 1 and toks[0].tag == "NNG":
            return True
        if len(toks) == 2 and toks[0].tag == "NNG" and len(toks[0].form) >= 2 \
                and toks[1].tag in ("NNG", "NNB", "XSN") and toks[1].form == word[-1]:
            return True
    return False


@lru_cache(maxsize=16384)
def could_be_proper(word: str) -> bool:
    """kiwi reads an unknown word (a name it never saw, "변대호") as a common noun with a proper-noun
    reading close behind; a dictionary word ("정부") has no such reading within reach."""
    readings = kiwi().analyze(word, top_n=3)
    best = readings[0][1]
    if len(readings[0][0]) == 1 and readings[0][0][0].oov:
        return True  # out of kiwi's vocabulary: a transliterated foreign name ("크로바체프")
    return any(toks and toks[0].tag == "NNP" and score >= best - _PROPER_MARGIN for toks, score in readings)


def name_like(text: str, e: Eojeol, native_first: frozenset[str]) -> bool:
    """Could this eojeol's noun part be (part of) a person's name?"""
    word = text[e.start:e.stem_end]
    if _HANJA_NAME.fullmatch(word) and word not in _MODIFIERS:
        return True
    if not _HANGUL_WORD.fullmatch(word) or not 2 <= len(word) <= 7 or not e.tags:
        return False
    if any(t.startswith(_PREDICATE_TAGS) and t != "MAG" for t in e.tags):
        return False  # a verb or an ending: a predicate, not a name ("~했다")
    if all(t == "NNG" for t in e.tags) and not could_be_proper(word):
        return False  # a dictionary common noun: "정부", "지방정부", "전문가"
    if len(word) == 2 and e.tags == ("NNG", "NNB"):
        return False  # a noun and a bound noun: "주내" (within the province), "도내", "시내"
    if e.tags == ("NNB",):
        return False  # a bound noun alone ("개최한 이래", "그 이후"): grammar, not a name
    if "NP" in e.tags and "NNP" not in e.tags:
        return False  # a pronoun ("우리 외교장관", our minister; "저희"): no one's name
    native = len(word) <= 4 and word[0] in native_first
    if native and len(word) == 3 and len(e.tags) == 3 and e.tags[0] == "NNP" \
            and all(t in ("NNG", "NNB", "NNP") for t in e.tags):
        return True  # "윤진식" read as 윤/NNP + 진/NNG + 식/NNB: kiwi cut a name it does not know
    if "NNB" in e.tags and (not native or "NNP" in e.tags):
        return False  # "한국쪽": a proper noun + bound noun is a phrase ("the Korean side")
    return native or "NNP" in e.tags or "MAG" in e.tags or "XPN" in e.tags or could_be_proper(word)


_UNIVERSITY_SHORT = "대"  # "서울대", "한국외대": a university's short name ends so


def role_persons(text: str, words: list[Eojeol], is_title: list[bool], blocked: list[tuple[int, int]],
                 not_name: list[bool], native_first: frozenset[str], org_suffix: re.Pattern[str]
                 ) -> list[tuple[int, int]]:
    """(start, end) of names followed by a role phrase ending in a title word.

    `blocked`: catalog/gazetteer spans (a known place or organisation is not a name);
    `not_name`: eojeols that end in an organisation or place suffix.
    """
    index = SpanIndex(blocked)  # overlap tests in O(log n): a long text has many spans
    out = []
    n = len(words)
    i, body_before = 0, False
    while i < n:
        w = words[i]
        # A university's short name before a name ("서경대 안병팔 학부장") is the person's body,
        # not the first word of a two-word name: the name starts after it.
        if text[w.start:w.stem_end].endswith(_UNIVERSITY_SHORT) and w.stem_end == w.end and i + 1 < n \
                and text[w.end:words[i + 1].start] == " " \
                and _candidate(text, words[i + 1], index, not_name[i + 1], is_title[i + 1], native_first):
            i, body_before = i + 1, True
            continue
        # Start a name only where the previous eojeol cannot be part of it.
        boundary = i == 0 or body_before or words[i - 1].stem_end < words[i - 1].end \
            or not text[words[i - 1].end:w.start].isspace() or is_title[i - 1] \
            or not _candidate(text, words[i - 1], index, not_name[i - 1], False, native_first)
        body_before = False
        if not boundary or not _candidate(text, w, index, not_name[i], is_title[i], native_first):
            i += 1
            continue
        j = i  # extend the name over up to three bare name-like eojeols
        while j + 1 < n and j - i < 2 and w.stem_end == w.end and words[j].stem_end == words[j].end \
                and text[words[j].end:words[j + 1].start] == " " \
                and _candidate(text, words[j + 1], index, not_name[j + 1], is_title[j + 1], native_first) \
                and not _native(text, words[j + 1], native_first):
            j += 1
        # An age may follow the name ("김철수(45) 교수"); then the role: bare nouns (organisation,
        # place, modifiers), at most three, up to a title word, in the same clause.
        age = _AGE.match(text, words[j].end)
        first = next((x for x in range(j + 1, n) if words[x].start >= age.end()), n) if age else j + 1
        prev_end = age.end() if age else words[j].end
        k, ok = first, first < n and text[prev_end:words[first].start] == " "
        while ok and k < n and not is_title[k]:
            if k - first >= 3 or words[k].stem_end != words[k].end or k + 1 >= n \
                    or text[words[k].end:words[k + 1].start] != " ":
                ok = False
            k += 1
        role = [text[x.start:x.stem_end] for x in words[first:k]]
        # "한국외대 노어과 정세진 교수": a Korean-shaped name inside the "role" is the person, the
        # unknown word before it a department or a body ("노어과"), not a name.
        own = next((x for x in range(k - 1, first - 1, -1) if _native(text, words[x], native_first)), None) \
            if ok and k < n and is_title[k] and j == i and not _native(text, w, native_first) else None
        if own is not None and not index.overlaps(words[own].start, words[own].stem_end):
            out.append((words[own].start, words[own].stem_end))
            i = k + 1
            continue
        if ok and k < n and is_title[k] and words[j].stem_end == words[j].end \
                and not any(c.isdigit() for r in role for c in r) \
                and not (role and org_suffix.fullmatch(role[0])) \
                and (j > i or _lone_name_ok(text, w, native_first)):  # "블록체인 플랫폼 대표" is no person
            out.append((w.start, words[j].stem_end))
            i = k + 1
            continue
        i += 1
    return out


# Last syllables of a body's short name, never of a given name before a post ("고려대총장", "서울시장").
_BODY_LAST_SYLLABLE = frozenset("대부청원회소관사국처실당단과시도군구")


def glued_post_persons(text: str, words: list[Eojeol], tokens: Tokens, blocked: list[tuple[int, int]],
                       surnames: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of names written glued to their post: "김선명원장은" names 김선명 (kiwi reads it
    as one proper noun, then the post); "고려대총장" (a university) and "한겨레기자" do not."""
    index = SpanIndex(blocked)
    out = []
    for e in words:
        word = text[e.start:e.stem_end]
        # the post (page_patterns.KO_GLUED_POST) fills the word after three syllables
        if KO_GLUED_POST.fullmatch(word, 3) is None or word[0] not in surnames or word[2] in _BODY_LAST_SYLLABLE \
                or not _HANGUL_WORD.fullmatch(word):
            continue
        first = tokens.get(e.start, [])
        if not any(tag == "NNP" and end == e.start + 3 for _, tag, end in first) or index.overlaps(e.start, e.start + 3):
            continue
        out.append((e.start, e.start + 3))
    return out


def title_persons(text: str, words: list[Eojeol], is_title: list[bool], blocked: list[tuple[int, int]],
                  not_name: list[bool], native_first: frozenset[str]) -> list[tuple[int, int]]:
    """Names right after a bare title word: one to three name-like eojeols, the last of which may
    carry a particle ("대변인 마리나 쿠즈네초바는")."""
    index = SpanIndex(blocked)  # overlap tests in O(log n): a long text has many spans
    out = []
    for i in range(1, len(words)):
        t, w = words[i - 1], words[i]
        if not is_title[i - 1] or t.stem_end != t.end or text[t.end:w.start] != " ":
            continue
        j = i
        # After a title, what follows may be the title's object rather than a name: "대사 신임장
        # 제정식" (the credentials ceremony) is Korean-shaped but reads as nouns + 장/식.
        while j < len(words) and j - i < 3 and _candidate(text, words[j], index, not_name[j], is_title[j],
                                                          native_first) \
                and not sino_korean_compound(text[words[j].start:words[j].stem_end]):
            if words[j].stem_end < words[j].end or j + 1 >= len(words) \
                    or text[words[j].end:words[j + 1].start] != " ":
                j += 1
                break  # a particle or punctuation ends the name
            j += 1
        if j == i:
            continue
        if j - i == 1 and not _lone_name_ok(text, w, native_first):
            continue  # one word that is neither a Korean name nor unknown to kiwi ("대표 메타버스")
        out.append((w.start, words[j - 1].stem_end))
    return out


@lru_cache(maxsize=16384)
def out_of_vocabulary(word: str) -> bool:
    """kiwi has never seen the word: how transliterated foreign surnames look ("쥐르코프"), unlike
    loanwords it knows, even as proper nouns ("블록체인", "메타버스")."""
    tokens = kiwi().analyze(word, top_n=1)[0][0]
    return len(tokens) == 1 and tokens[0].oov


def _lone_name_ok(text: str, e: Eojeol, native_first: frozenset[str]) -> bool:
    """A one-eojeol name: Korean-shaped (surname + given name), Hanja, or a word kiwi does not know."""
    word = text[e.start:e.stem_end]
    return (2 <= len(word) <= 4 and word[0] in native_first) or bool(_HANJA_NAME.fullmatch(word)) \
        or out_of_vocabulary(word)


def _native(text: str, e: Eojeol, native_first: frozenset[str]) -> bool:
    word = text[e.start:e.stem_end]
    return 2 <= len(word) <= 4 and word[0] in native_first and "NNP" in e.tags and len(e.tags) == 1


# One-syllable abbreviations of countries run together: "북러" (North Korea-Russia), "북중러",
# "한미일", "남북러" name a relation between countries, never a person.
_COUNTRY_SYLLABLES = re.compile(r"[한북남러미중일조몽]{2,4}")


def _candidate(text: str, e: Eojeol, blocked: SpanIndex, not_name: bool, title: bool,
               native_first: frozenset[str]) -> bool:
    if title or not_name or text[e.start:e.stem_end] in _MODIFIERS or text[e.start:e.end] in _NOT_NAMES:
        return False
    if _COUNTRY_SYLLABLES.fullmatch(text[e.start:e.stem_end]):
        return False
    if blocked.overlaps(e.start, e.stem_end):
        return False
    return name_like(text, e, native_first)


# Russian (and other East Slavic) given names as Korean news transliterates them, with the usual
# variants: "블라디미르 티토프", "안드레이 데니소프". Before a surname kiwi has never seen, such a
# given name starts a person's name (and "블라디미르" is then no city).
RU_GIVEN_NAMES = frozenset(
    "블라디미르 알렉산드르 알렉산더 알렉산드로 세르게이 세르게이이 안드레이 드미트리 드미트리이 디미트리 미하일 니콜라이 "  # noqa: SIM905
    "이고르 이반 빅토르 유리 올레그 올렉 아나톨리 발레리 발레리이 보리스 알렉세이 예브게니 예프게니 예브게니이 "
    "콘스탄틴 막심 파벨 표트르 게오르기 게오르기이 겐나디 바실리 뱌체슬라프 비탈리 레오니트 레오니드 "
    "스타니슬라프 로만 키릴 글렙 글레프 아르카디 그리고리 데니스 안톤 티무르 루슬란 일리야 야코프 표도르 니키타 "
    "아르툠 아르템 미하일로 발렌틴 마리야 마리아 안나 올가 옐레나 엘레나 이리나 나탈리야 나탈리아 "
    "타티야나 타티아나 타티아나 스베틀라나 예카테리나 류드밀라 발렌티나 갈리나 베로니카 크세니야 다리야 "
    "폴리나 안나 알라 지나이다 나데즈다 마리나 알렉산드라 발레리야 발레리아 율리야 아나스타시야 소피야".split()
)
_PATRONYMIC = re.compile(r"[가-힣]{2,6}(?:비치|브나|예비치|오비치|예브나|오브나)")


def russian_given_name_persons(text: str, words: list[Eojeol], is_title: list[bool],
                               not_name: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of "given name [initial | patronymic] surname" where the given name is a
    Russian one and the surname a word kiwi does not know ("니키타 유 아니시모프",
    "안드레이 보리소비치 쿨릭")."""
    out = []
    for i, w in enumerate(words):
        if text[w.start:w.end] not in RU_GIVEN_NAMES or w.stem_end != w.end:
            continue
        j = i + 1
        patronymic = j < len(words) and text[w.end:words[j].start] == " " \
            and bool(_PATRONYMIC.fullmatch(text[words[j].start:words[j].stem_end]))
        if j + 1 < len(words) and text[w.end:words[j].start] == " " and words[j].stem_end == words[j].end and (
                words[j].end - words[j].start == 1 or patronymic):
            j += 1  # an initial or a patronymic between the names
        spaced = j < len(words) and text[words[j - 1].end:words[j].start] == " " and words[j - 1].stem_end == words[j - 1].end
        surname_end = _surname_end(text, words, j, is_title, not_name, _female(text[w.start:w.end])) if spaced else None
        if surname_end is None and spaced and j == i + 1 and _role_follows(text, words, j, is_title, not_name):
            surname_end = words[j].end  # "블라디미르 우린 볼쇼이극장 대표": a surname kiwi reads as a word
        if surname_end is not None:
            out.append((w.start, surname_end))
        elif patronymic:
            out.append((w.start, words[i + 1].stem_end))  # "블라디미르 니콜라예비치 부회장": given name and patronymic
    return out


def _role_follows(text: str, words: list[Eojeol], j: int, is_title: list[bool], not_name: list[bool]) -> bool:
    """words[j] is a bare Hangul word of two to four syllables, then a role: at most two bare words
    and a post ("우린 볼쇼이극장 대표")."""
    w = words[j]
    word = text[w.start:w.end]  # whole: kiwi may read a surname's last syllable as a particle ("우린": 우리 + ㄴ)
    if is_title[j] or not_name[j] or not (2 <= len(word) <= 4 and _HANGUL_WORD.fullmatch(word)):
        return False
    if w.tags and all(t == "NNG" for t in w.tags):
        return False  # a common noun: "블라디미르 주의 주지사" is the region's governor
    for k in range(j + 1, min(j + 4, len(words))):
        if text[words[k - 1].end:words[k].start] != " ":
            return False
        if is_title[k]:
            return True
        if words[k].stem_end != words[k].end:
            return False
    return False


def _female(given: str) -> bool:
    return given[-1] in "아나야라가카"  # "올가", "안나", "마리야", "알라", "베로니카"


def _surname_end(text: str, words: list[Eojeol], j: int, is_title: list[bool], not_name: list[bool],
                 female: bool) -> int | None:
    """Where the surname at words[j] ends: a word kiwi does not know. A woman's surname may end in
    나 ("카슈리나"), which kiwi reads as the particle "or": after a woman's given name it is the name's."""
    if is_title[j] or not_name[j]:
        return None
    w = words[j]
    surname = text[w.start:w.stem_end]
    if female and text[w.stem_end:w.end] == "나" and w.end < len(text) and text[w.end] == " " \
            and 2 <= len(surname) <= 6 and _HANGUL_WORD.fullmatch(surname) and could_be_proper(surname):
        return w.end
    if 2 <= len(surname) <= 7 and _HANGUL_WORD.fullmatch(surname) and out_of_vocabulary(surname):
        return w.stem_end
    return None


_BRACKET_NOTE = re.compile(r"\([^()]{1,10}\)")  # "(사진)", "(62)" between a name and its post


def koryo_persons(text: str, words: list[Eojeol], is_title: list[bool], surnames: frozenset[str]
                  ) -> list[tuple[int, int]]:
    """Koryo-saram (ethnic Korean in Russia) names written the Korean way round: a one-syllable
    Korean surname, then the Russian given name, and a patronymic ("김 니꼴라이 빼뜨로비치") or a
    post after it ("박 발레리야(사진) 부회장"). The patronymic vouches for any spelling of the
    given name; without one the given name must be a known Russian one."""
    out = []
    for i in range(len(words) - 1):
        w, g = words[i], words[i + 1]
        if text[w.start:w.end] not in surnames or w.stem_end != w.end or text[w.end:g.start] != " " \
                or not _HANGUL_WORD.fullmatch(text[g.start:g.stem_end]):
            continue
        if i + 2 < len(words) and g.stem_end == g.end and text[g.end:words[i + 2].start] == " " \
                and 2 <= g.end - g.start <= 5 \
                and _PATRONYMIC.fullmatch(text[words[i + 2].start:words[i + 2].stem_end]):
            out.append((w.start, words[i + 2].stem_end))
            continue
        if text[g.start:g.stem_end] not in RU_GIVEN_NAMES:
            continue
        after = g.stem_end
        note = _BRACKET_NOTE.match(text, after)
        after = note.end() if note else after
        nxt = next((k for k in range(i + 2, len(words)) if words[k].start >= after), None)
        if nxt is not None and is_title[nxt] and text[after:words[nxt].start] == " " \
                and (g.stem_end == g.end or note is not None):
            out.append((w.start, g.stem_end))
    return out


def honorific_persons(text: str, words: list[Eojeol], blocked: list[tuple[int, int]], not_name: list[bool],
                      native_first: frozenset[str]) -> list[tuple[int, int]]:
    """A Korean name of three syllables before the honorific 씨, written apart ("홍길동 씨는") or
    glued ("최영희씨는"): the honorific is said of people only; the name must be Korean-shaped."""
    index = SpanIndex(blocked)
    out = []
    for i in range(len(words)):
        w = words[i]
        glued = text[w.start:w.stem_end]
        if len(glued) == 4 and glued.endswith("씨") and glued[0] in native_first and _HANGUL_WORD.fullmatch(glued) \
                and not index.overlaps(w.start, w.start + 3) and not not_name[i]:
            out.append((w.start, w.start + 3))  # written glued: "최영희씨는" (kiwi splits such names its own way)
            continue
        if i + 1 >= len(words):
            continue
        h = words[i + 1]
        if text[h.start:h.stem_end] != "씨" or text[w.end:h.start] != " " or w.stem_end != w.end:
            continue
        word = text[w.start:w.stem_end]
        if len(word) == 3 and word[0] in native_first and _HANGUL_WORD.fullmatch(word) \
                and _candidate(text, w, index, not_name[i], False, native_first):
            out.append((w.start, w.stem_end))
    return out


_HANJA_GLOSS = re.compile(r"\(([\u4e00-\u9fff]{2,4})\)")
# Last characters of bodies' and places' Hanja names ("高麗大", "外交部", "平壤市"), not of given names.
_HANJA_NOT_NAME_END = frozenset("大學院廳部社會國省市道郡區島港館團黨協軍")
# The Hanja of Korean surnames (the common ones, about 99 % of people): a person's glossed name
# starts with one. Korean text glosses ordinary Sino-Korean words the same way ("인치(人治)",
# "주도(州都)"), and those start with any character.
_HANJA_SURNAMES = frozenset(
    "金李朴崔鄭姜趙尹張林韓吳徐申權黃安宋柳洪全高文梁孫裵裴白許劉南沈盧丁河郭成車朱禹具閔羅陳池嚴蔡元千"
    "方孔康玄咸卞廉楊邊呂秋魯都蘇愼辛石宣薛馬吉周延房魏表明奇潘王琴玉陸印孟諸卓秦慶魚殷片龍芮奉景任田兪庾"
    "曺曹蔣章江晉智袁阮夏余陶皇鮮楚太葛睦桂邢錢程"
)


def hanja_glossed_persons(text: str, words: list[Eojeol], blocked: list[tuple[int, int]],
                          native_first: frozenset[str]) -> list[tuple[int, int]]:
    """A Korean-shaped name glossed in Hanja of as many characters ("김철수(金哲洙) 교수"): the gloss
    is how Korean papers spell out a person's name; a body or a place in Hanja is rarely glossed so."""
    index = SpanIndex(blocked)
    out = []
    for w in words:
        word = text[w.start:w.end]
        m = _HANJA_GLOSS.match(text, w.end)
        if m and len(m.group(1)) == len(word) and 2 <= len(word) <= 4 and word[0] in native_first \
                and m.group(1)[0] in _HANJA_SURNAMES and m.group(1)[-1] not in _HANJA_NOT_NAME_END \
                and _HANGUL_WORD.fullmatch(word) and not index.overlaps(w.start, w.end):
            out.append((w.start, w.end))
    return out
