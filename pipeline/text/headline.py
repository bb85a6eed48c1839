"""Which line of a crawled page is the article's headline (or none). Pure functions.

Evidence, strongest first: a labelled field ("제목 : …", "Title: …"); the container's title
(HTML <title>/<h1> minus the site name, JSONL `title`) found among the first lines; a line the
page prints twice (the second copy may be wrapped over two lines); otherwise the first line of
the last run of headline-shaped lines above the first body paragraph, i.e. the line that sits
just above the date/byline/dateline block or the lead. Section labels (one or two words above
the headline), menus and metadata lines are never candidates. No body paragraph below a
candidate: no headline. That positional pick is then checked by a score from the page's own
evidence (`choose_scored`): whether its words recur in the lead, its length, menu separators,
being an item of a breadcrumb; a pick that reads as chrome gives way to the next candidate that
reads as a headline, or to no title when the lead is rich and nothing in the head tells it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.text.dateline import find_dateline
from pipeline.text.memo import per_document
from pipeline.text.page_patterns import (
    AFTER_TITLE_LABELS,
    IMAGE_PLACEHOLDER,
    KO_OUTLET_NAME_ENDINGS,
    KO_WIRE_CREDITS,
    OUTLET_LAST_WORDS_EN,
    OUTLET_LAST_WORDS_RU,
    RUBRIC_LABELS,
    SECTION_SUFFIXES,
    TITLE_LABELS,
    WIRE_AGENCIES,
)
from pipeline.text.scripts import dominant_script
from pipeline.text.stopwords import stoplist, stopword_density

_HAS_ALNUM = re.compile(r"\w")
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[•▪●◦*])\s+\S")
_DASH_ITEM = re.compile(r"^[-—–]\s+\S")
_TITLE_LABEL = re.compile(
    r"^(?:(?:" + "|".join(map(re.escape, TITLE_LABELS)) + r")\s*[:：]|제목\s)\s*(?P<title>.+)$", re.I
)  # a Korean board's "제목" needs no colon
_TITLE_LABEL_ALONE = re.compile(r"^(?:" + "|".join(map(re.escape, TITLE_LABELS)) + r")\s*[:：]?$", re.I)
_AFTER_TITLE = re.compile(
    r"\s+(?:(?:" + "|".join(map(re.escape, AFTER_TITLE_LABELS)) + r")\s*[:：]|(?:글쓴이|작성자|등록자)\s)", re.I
)
_SENTENCE_END = (".", "…", ";", ",", ":")
_ELLIPSIS = ("…", "...")
SHORT_ELLIPSIS = 80  # "푸틴, 방한 앞두고…": a short line may trail off and still be a headline
_QUESTION_END = ("?", "!")
SEARCH_LINES = 20
MAX_HEADLINE_CHARS, MAX_HEADLINE_WORDS = 200, 28  # longer unpunctuated lines are running text
LABEL_SEARCH_LINES = 40
SITE_NAME_WORDS = 4  # a board's "제목" field may follow a long sidebar
_CAPTION_END = re.compile(
    r"\((?:Yonhap|AFP|Reuters|AP|EPA|Xinhua|Kyodo|TASS|Newsis|News1|PHOTO NOT FOR SALE)\)$"
    # a picture marked as an archive or file photo ("Метро в Пхеньяне. Архивное фото", "(File photo)", "[자료사진]")
    r"|(?:^|[\s.(\[])(?:Архивное фото|Фото из архива|File photo|Archive photo|자료사진)[)\]]?\.?$"
    r"|(?:^|[\s-])/[\w./ -]{0,40}/(?:dpa|AFP|AP|EPA|Reuters|Yonhap|TASS|Xinhua)$"  # "… -/Kremlin/dpa"
)
# Who stands where in a photo: "Putin (R) meets …", "(2nd L)", "(left)", "(오른쪽)", "(слева)".
_POSITION_MARK = re.compile(
    r"\((?:[LRC]|\d(?:st|nd|rd|th) (?:[LR]|from (?:left|right))|left|right|center|centre|from left"
    r"|왼쪽|오른쪽|가운데|слева|справа|в центре)\)"
)
_CAPTION_START = re.compile(
    r"^(?:This (?:file |handout )?(?:photo|image|picture)|In this (?:file )?photo|"
    r"Фото(?::|\s[-—–])|사진\s?=|▲|\(?(?:왼쪽|오른쪽)(?:부터|에서)\b)"
)  # Korean group photos are described "왼쪽부터 …" (from the left)
_CREDIT_INSIDE = re.compile(
    r"(?:^|[\s/(\[])(?:Фото|Photo|사진(?:\s?제공)?|Источник (?:изображения|фото)|Image source|Image credit)\s?[:=]"
    r"|©\s?\w", re.I
)
# A caption's credit after a slash, as English-language Korean papers print it: "… in Moscow /
# gettyimagesbank", "… plant / Courtesy of Hyundai Motor", "… / AP-Yonhap", "… / Korea Times photo".
_SLASH_CREDIT = re.compile(
    r"\s/\s(?:Courtesy of\s.{2,60}|Korea (?:Times|Herald)\b.{0,40}|(?:[A-Z]{2,}-)?Yonhap|AP|AFP|EPA|Reuters|Xinhua"
    r"|Kyodo|TASS|Sputnik|News1|Newsis|Getty Images|Shutterstock|gettyimages\w*|[a-z][\w.\-]*)$"
)
# The credit glued to an image's alt text once the crawler dropped its brackets: "… 사진연합뉴스".
_GLUED_KO_CREDIT = re.compile(r"\s사진\s?=?\s?(?:연합뉴스|뉴시스|뉴스1|뉴스핌|AP|AFP|EPA|로이터|신화|타스)(?:·연합뉴스)?\]?$")


# A credit in brackets closing a caption's sentence: the sentence ends with its full stop, then the
# photographer's or wire's credit ("… Maria Zakharova. (TASS/Yonhap)", "… in Seoul. [Reuters]"), or
# a credit naming two sources joined by a slash ("(AP Photo/Lee Jin-man)", "(EPA/YONHAP)"). A
# headline neither ends a sentence before a bracket nor credits a picture (nor does it end a
# sentence and then name the photographer: "… в Кремле. Фото РИА Новости").
_CREDIT_AFTER_STOP = re.compile(r"\w{2}[.!]\s?(?:[(\[][^()\[\]]{2,40}[)\]]|(?:Фото|Photo|사진)\s[^.!?]{2,40})$")
_CREDIT_SLASH = re.compile(r"[(\[][A-Z][\w .&'-]{1,30}/\s?[A-Z][\w .&'-]{1,30}[)\]]$")
# ... or the wire's name glued after the caption's full stop, no bracket: "… on Monday. Reuters",
# "… 악수하고 있다. /연합뉴스".
_WIRE_AFTER_STOP = re.compile(
    r"\w{2}[.!]\s?/?\s?(?:" + "|".join(map(re.escape, (*WIRE_AGENCIES, *KO_WIRE_CREDITS))) + r")$"
)
# ... or any source's name after the full stop and a slash, as Korean papers credit a picture to
# the body that gave it ("… 타임 테이블. /한국외대", "… 기념촬영을 하고 있다. /외교부 제공"): a short
# credit of one to three words; a headline ends with no full stop before a slash. ("… 합의했다./부산=연합",
# place=agency, closes a story's text: a byline, not a credit.)
_SLASH_CREDIT_AFTER_STOP = re.compile(r"\w{2}[.!]\s?/\s?[^\s/()\[\]=]{2,}(?:\s[^\s/()\[\]=]+){0,2}$")
# An image's file name glued to its caption by the crawl ("15046733961264.jpg한-러 정상의 '악수'…").
_IMAGE_FILE = re.compile(r"[\w-]\.(?:jpe?g|png|gif|webp|bmp)(?![a-z])", re.I)


@per_document
def is_caption(p: str) -> bool:
    return bool(
        _CAPTION_END.search(p) or _CAPTION_START.match(p) or (len(p) <= 150 and _CREDIT_INSIDE.search(p))
        or (len(p) >= 30 and _SLASH_CREDIT.search(p)) or _GLUED_KO_CREDIT.search(p)
        or (len(p) <= CAPTION_MAX and _POSITION_MARK.search(p) is not None)
        or (len(p) <= CAPTION_MAX and (_CREDIT_AFTER_STOP.search(p) or _CREDIT_SLASH.search(p)
                                       or _WIRE_AFTER_STOP.search(p) or _SLASH_CREDIT_AFTER_STOP.search(p)))
        or _IMAGE_FILE.search(p) is not None
    )


CAPTION_COPY_SHARE = 0.8
CAPTION_MAX = 250  # a longer paragraph with "(R)" in it is running text


def _after_image(paras: list[str], i: int) -> bool:
    """paras[i] sits right under an image's placeholder or file name, or repeats the line that
    does (alt text, then caption): the picture's caption."""
    def under(j: int) -> bool:
        return j > 0 and IMAGE_PLACEHOLDER.match(paras[j - 1].strip()) is not None

    return under(i) or (i > 1 and under(i - 1) and norm(paras[i]) == norm(paras[i - 1]))


def _picture_pair(paras: list[str], cands: list[int], meta: list[bool] | None, i: int, copies: tuple[int, ...]) -> bool:
    """paras[i] printed again on the next line, below the article's date or byline line with a
    headline candidate above that line: a picture's alt text and its caption in the story's
    opening, not the headline ("Headline" / "Posted on …" / "Deck" / "Caption" / "Caption")."""
    if not meta or copies[0] != i + 1:
        return False
    stamp = next((j for j in range(i - 1, -1, -1) if meta[j]), None)
    return stamp is not None and any(c < stamp for c in cands)


def _caption_copy(paras: list[str], i: int) -> bool:
    """paras[i] is a photo's alt text printed next to its caption: a neighbour line is a caption
    that repeats it with a credit added ("… 대사" / "… 대사 [사진=연합뉴스]")."""
    key = norm(paras[i])
    if len(key) < 20:
        return False
    stem = key[: int(len(key) * CAPTION_COPY_SHARE)]
    return any(
        0 <= j < len(paras) and is_caption(paras[j]) and norm(paras[j]).startswith(stem) for j in (i - 1, i + 1)
    )
  # the headline sits near the top of the page


@dataclass(frozen=True)
class Headline:
    text: str
    para: int | None  # paragraph holding it (None: from the container, not found in the text)
    start: int = 0  # span inside the paragraph
    end: int = 0
    copies: tuple[int, ...] = ()  # other paragraphs that repeat it (page chrome)
    continued: int | None = None  # the next paragraph, when the headline was broken over two lines
    source: str = "layout"  # label, container, repeated or layout: how it was found


def norm(s: str) -> str:
    return " ".join(s.split()).casefold()


_COUNTER_ONLY = re.compile(r"^[|•·\s]*\d[\d\s,.]*$")
_RUBRIC_BRACKETS = re.compile(r"^[\[(<【〈《]\s*(.*?)\s*[\])>】〉》]$")


_LETTER_WORD = re.compile(r"[^\W\d_]+")


# A section path: a few one-word rubrics joined by slashes or arrows ("재난/안전/안보",
# "Politics > Diplomacy", "Общество/Политика").
_RUBRIC_PATH = re.compile(r"^[^\W\d_]{1,15}(?:\s?[/>»|]\s?[^\W\d_]{1,15}){1,4}$")
# ... or of rubrics of one or two words: "News/Activities News | Secretariat", "World News | Asia Pacific".
_RUBRIC = r"[^\W\d_]{1,15}(?: [^\W\d_]{1,15})?"
_RUBRIC_PATH_2 = re.compile(rf"^{_RUBRIC}(?:\s?[/>»|]\s?{_RUBRIC}){{2,4}}$")


# Two section names joined by "and": "News and Events", "Новости и события", "Press & Media".
_RUBRIC_NOUNS = (
    r"news|events|media|press|releases|announcements|activities|publications|projects|programs|photos|videos"
    r"|updates|statements|speeches|новости|события|анонсы|публикации|проекты|мероприятия|фото|видео|заявления"
)
_RUBRIC_PAIR = re.compile(rf"^(?:{_RUBRIC_NOUNS})\s(?:and|&|и)\s(?:{_RUBRIC_NOUNS})$", re.I)


# A section path that starts at the site's news or home rubric, with any separator including a
# spaced hyphen: "Новости - Отрасли ТЭК", "News - Asia Pacific", "Главная / Экономика".
_RUBRIC_ROOT = r"news|новости|главная|home|뉴스|홈"
_RUBRIC_ROOT_PATH = re.compile(rf"^(?:{_RUBRIC_ROOT})(?:\s?[/>»|]\s?|\s[-–—]\s){_RUBRIC}(?:(?:\s?[/>»|]\s?|\s[-–—]\s){_RUBRIC}){{0,3}}$", re.I)


_KO_VIEW_LABEL = re.compile(r"[가-힣]+(?: [가-힣]+){0,2} ?보기")


def is_section_label(p: str) -> bool:
    """A rubric or widget label: one or two words, bare or bracketed, no digits ("Новости",
    "[사회]", "<Politics>", "Избранное ?"), or a short path of one-word rubrics."""
    m = _RUBRIC_BRACKETS.match(p)
    p = m.group(1) if m else p
    if len(p) <= 40 and _RUBRIC_PATH.match(p):
        return True
    if len(p) <= 60 and _RUBRIC_PATH_2.match(p):
        return True
    if _RUBRIC_PAIR.match(p) or (len(p) <= 60 and _RUBRIC_ROOT_PATH.match(p)):
        return True
    if len(p) <= 20 and _KO_VIEW_LABEL.fullmatch(p):
        return True  # "문화 넓게 보기", "전체기사 보기": a Korean section's or button's "… view"
    return (
        0 < len(p) <= 20
        and not any(ch.isdigit() for ch in p)
        and 0 < len(_LETTER_WORD.findall(p)) <= 2
        and len(p.split()) <= 3
    )


MIN_STOPWORDS = 0.15  # jusText-style: en/ru sentences and headlines run ~0.3-0.8 stop words


def _few_stopwords(p: str, min_words: int = 6) -> bool:
    """A line of codes, tags or links: many words, almost none of them function words."""
    if len(p.split()) < min_words:
        return False
    density = stopword_density(p)
    return density is not None and density < MIN_STOPWORDS


def _is_code_list(p: str) -> bool:
    """Many tiny tokens ("ruru enen kzkk zh-CN ky uz az de fr"): language switches, tags, codes.
    (Headlinese is poor in stop words, so their density cannot tell a headline from a list.)"""
    if any("\uac00" <= ch <= "\ud7a3" for ch in p):
        return False  # Korean words are short by nature
    words = _LETTER_WORD.findall(p)
    return len(words) >= 8 and sum(map(len, words)) / len(words) < 3.5


REPEAT_RUN = 5


def _repeats_itself(p: str) -> bool:
    """A run of five words printed twice on one line: a tag cloud or menu shown twice
    ("Владимир Путин Сергей Лавров Ким … Владимир Путин Сергей Лавров Ким …"), never a headline."""
    words = p.casefold().split()
    runs = [tuple(words[i : i + REPEAT_RUN]) for i in range(len(words) - REPEAT_RUN + 1)]
    return len(runs) != len(set(runs))


STAMP_WORDS, STAMP_MAX = 2, 60


def _is_stamp(p: str) -> bool:
    """A label and a number or stamp, digits outnumbering letters: "최종 : 18/12/14 22:11",
    "권호사항 2023(32)", "Updated 2024.05.01 10:00", never a headline."""
    if len(p) > STAMP_MAX:
        return False
    words = _LETTER_WORD.findall(p)
    return len(words) <= STAMP_WORDS and sum(ch.isdigit() for ch in p) > sum(map(len, words))


# A photo's label or file name: one token of words joined by hyphens or underscores with a number
# glued to its end ("러시아-우수리스크1", "summit_photo2"); a headline has spaces.
_FILE_LABEL = re.compile(r"^[^\W\d_]+(?:[-_][^\W\d_]+)*\d{1,3}$")


def is_headline_shaped(p: str) -> bool:
    return (
        len(p) <= MAX_HEADLINE_CHARS
        and not _is_stamp(p)
        and len(p.split()) <= MAX_HEADLINE_WORDS
        and (not p.endswith(_SENTENCE_END) or (p.endswith(_ELLIPSIS) and len(p) <= SHORT_ELLIPSIS))
        and not (p.endswith(_QUESTION_END) and len(p) > 120)
        and _HAS_ALNUM.search(p) is not None
        and not _LIST_ITEM.match(p)
        and not _DASH_ITEM.match(p)
        and find_dateline(p) is None
        and not is_section_label(p)
        and not is_caption(p)
        and not _is_code_list(p)
        and not _repeats_itself(p)
        and not is_quoted_deck(p)
        and not _FILE_LABEL.match(p)
    )




def is_body_like(p: str) -> bool:
    """A paragraph of running text (the lead or later), or a wire dateline."""
    if find_dateline(p) is not None:
        return True
    words = len(p.split())
    if _few_stopwords(p, 8):
        return False  # a long line of labels, codes or links is not running text
    end = p.rstrip("»\"”’)")
    hangul = sum("\uac00" <= ch <= "\ud7a3" for ch in p) > len(p) / 3  # Korean packs a sentence in fewer characters
    return (
        ((len(p) >= 60 or (hangul and words >= 8)) and end.endswith((".", "…")) and not (
            end.endswith(_ELLIPSIS) and len(p) <= SHORT_ELLIPSIS
        ))
        or (len(p) > 120 and end.endswith(_QUESTION_END))
        or len(p) > MAX_HEADLINE_CHARS
        or words > MAX_HEADLINE_WORDS
    )


def labelled_title(p: str) -> tuple[int, int] | None:
    m = _TITLE_LABEL.match(p)
    if not m:
        return None
    start = m.start("title")
    cut = _AFTER_TITLE.search(p, start)
    end = cut.start() if cut else len(p)
    return (start, end) if p[start:end].strip() else None


_SECTION_SUFFIX = re.compile(r"\s[-–—|]\s(?:" + "|".join(map(re.escape, SECTION_SUFFIXES)) + r")\s*$")
# A byline field glued after the headline on its line ("… 내실화를 향하여 By : 홍길동 (연구위원)"): a label
# with its colon, as a board prints its fields; "by" in a sentence has no colon.
_BYLINE_FIELD = re.compile(r"\s(?:By|BY|Автор|Авторы|글쓴이|작성자|필자|글)\s?[:：]\s?\S")
TRIMMED_MIN_CHARS = 15  # what is left must still read as a headline


def trimmed_end(p: str) -> int:
    """Where the headline on line `p` ends: before a byline field glued after it, and before a
    generic section name after a spaced dash or bar; the whole line otherwise."""
    end = len(p)
    field = _BYLINE_FIELD.search(p)
    if field and field.start() >= TRIMMED_MIN_CHARS:
        end = field.start()
    suffix = _SECTION_SUFFIX.search(p, 0, end)
    if suffix and suffix.start() >= TRIMMED_MIN_CHARS:
        end = suffix.start()
    return len(p[:end].rstrip())


def _copies(paras: list[str], i: int, limit: int) -> tuple[int, ...]:
    """Later paragraphs equal to paras[i], alone or as two consecutive lines."""
    key = norm(paras[i])
    out: list[int] = []
    for j in range(i + 1, limit):
        if norm(paras[j]) == key:
            out.append(j)
        elif j + 1 < len(paras) and norm(paras[j] + " " + paras[j + 1]) == key:
            out.extend((j, j + 1))
    return tuple(out)


_SUFFIX_SEP = re.compile(r"^\s*(?:[-–—|:»]|::)\s")


_TITLE_PREFIX = re.compile(r"^[^\W\d_][^:|]{0,28}:\s$")  # "live updates: ", "watch: "


def with_suffix(longer: str, shorter: str) -> bool:
    """`longer` is `shorter` plus a " - Site" / " | Section" suffix, maybe after a short label
    ("Live updates: <headline> | CNN")."""
    a, b = norm(longer), norm(shorter)
    k = a.find(b)
    return len(b) >= 15 and (k == 0 or (k > 0 and _TITLE_PREFIX.match(a[:k]) is not None)) and bool(
        _SUFFIX_SEP.match(a[k + len(b) :])
    )


# Two or more quotations glued into one line and nothing else ('"…""…""…"', "“…” “…”"): a deck of
# pull quotes printed above the story, never its headline (a headline quotes inside its own words).
_QUOTED_DECK = re.compile(r"^(?:\s*[“\"„«][^“”\"„«»\n]{2,}[”\"»]){2,}\s*$")


def is_quoted_deck(p: str) -> bool:
    return bool(_QUOTED_DECK.match(p))


# A line wholly inside quotation marks, with no attribution: a slogan or quote widget.
_QUOTE_LINE = re.compile(r"^[“«\"„][^“”«»\"„]{10,200}[”»\"][.]?$")
QUOTE_RUN = 2


def quote_run(paras: list[str]) -> frozenset[int]:
    """The page's opening run of two or more quote-only lines ("“The development of the Far East
    is our national priority.”" / "“…”"): a header's rotating slogans, not the article's lead."""
    n = 0
    while n < len(paras) and _QUOTE_LINE.match(paras[n]):
        n += 1
    return frozenset(range(n)) if n >= QUOTE_RUN else frozenset()


_ITEM_SEP = re.compile(r"(?:[/>»›|]|\s-)\s*$")


def _ends_with_item(line: str, title: str) -> bool:
    """`line` is a trail whose last item is `title` ("… / Новости / <title>")."""
    a, b = norm(line), norm(title)
    return len(b) >= 15 and len(a) > len(b) and a.endswith(b) and bool(_ITEM_SEP.search(a[: -len(b)]))


WRAPPED_TAIL_CHARS, WRAPPED_TAIL_WORDS = 40, 6


def _wrapped_sentence_head(paras: list[str], i: int, boiler: list[bool]) -> bool:
    """paras[i] opens a short Korean sentence broken over two lines, not a headline: the next
    line ends the sentence ("읽어주기 기능은 크롬기반의" / "브라우저에서만 사용하실 수
    있습니다."). A next line that continues in lower case ("Listen is available only in" /
    "browsers based on Chrome.") is handled for every script by the tail rule in find_headline."""
    if i + 1 >= len(paras) or boiler[i + 1] or paras[i].endswith(_SENTENCE_END + _QUESTION_END):
        return False
    nxt = paras[i + 1]
    if not nxt.endswith(".") or len(nxt) > WRAPPED_TAIL_CHARS * 2 or nxt[-2:-1].isspace():
        return False  # "… by ." is an emptied byline field, not the end of a sentence
    hangul = sum("\uac00" <= ch <= "\ud7a3" for ch in nxt) > len(nxt) / 2
    # Korean has no case: a short line ending in the sentence-final "-다." finishes the clause.
    return hangul and nxt.endswith("다.") and len(nxt) <= WRAPPED_TAIL_CHARS and len(nxt.split()) <= WRAPPED_TAIL_WORDS


# A full stop (or ?/!) after three lower-case letters or a digit, then the next sentence's capital:
# the line holds a sentence's end, so it is running text ("… for five days. This is a"), whatever
# its own ending. Abbreviations are short or capitalised: "в г. Владивостоке", "U.S. Envoy",
# "Mr. Kim", "St. Petersburg", "Gov. Kozhemyako".
_SENTENCE_INSIDE = re.compile(r"(?:[a-zа-яё]{3}|\d)[.!?]\s+[\"“«]?[A-ZА-ЯЁ]")
CUT_MIN_CHARS, CUT_MIN_WORDS = 100, 12


def _cut_by_crawl(p: str) -> bool:
    """A long line that stops inside a word, with no sentence end: the page's first ~2 KB ended
    inside the lead. Only asked when no paragraph of the page reads as running text."""
    return len(p) >= CUT_MIN_CHARS and len(p.split()) >= CUT_MIN_WORDS and p[-1:].isalpha()


# A section's name glued to the headline by the crawl ("ПолитикаГлава МИД КНДР отправилась …",
# "WorldNorth Korea and Russia …"). In Cyrillic a capital inside a word only comes from such glue
# (brand names "МегаФон" keep a short first part); English brand names ("LinkedIn", "PowerPoint")
# are common, so there only a known section name is cut, with the breadcrumb's "Home" and a
# qualifier glued before it when the crawl kept them ("HomeLatest NewsSeoul hosted …").
_GLUED_RUBRIC_RU = re.compile(r"^[А-ЯЁ][а-яё]{4,14}(?=[А-ЯЁ][а-яё])")
_GLUED_RUBRIC_EN = re.compile(
    r"^(?:Home(?=[A-Z]))?(?:(?:Latest|Top|Breaking|Main|All)\s)?"
    r"(?:News|World|Politics|Business|Economy|Asia|Society|Culture|Sports?|Opinion|Diplomacy|Defen[cs]e"
    r"|Nation(?:al)?|International|Tech|Science|Life|Entertainment|Regions?|Local|Briefs?)(?=[A-Z][a-z])"
)
RUBRIC_REST_WORDS = 3


def _glued_rubric(p: str) -> int:
    """Length of a section name glued to the start of headline `p` (0: none)."""
    m = _GLUED_RUBRIC_RU.match(p) or _GLUED_RUBRIC_EN.match(p)
    return m.end() if m and len(p[m.end() :].split()) >= RUBRIC_REST_WORDS else 0


# Two menu items glued by the crawl: a sentence-case rubric, then a title-case one opening with
# "The" ("Club events The Eastern Perspective"). Mid-line, a capital "The" after a lower-case
# content word is no headline's casing (title case capitalises that word too; "in The Hague"
# has a function word before it).
_GLUED_MENU = re.compile(r"^[A-Z][a-z]+(?:\s[a-z]{3,})+\sThe\s[A-Z]")
_MENU_FUNCTION_WORDS = frozenset({"and", "for", "from", "with", "into", "says", "said", "the", "than", "like", "via"})


def _glued_menu(p: str) -> bool:
    m = _GLUED_MENU.match(p)
    return m is not None and p[: m.end()].split()[-3] not in _MENU_FUNCTION_WORDS


# "Информация: Власть и политика", "Category: World News": a section label word, a colon and the
# section's name (one to three words, or two names joined by "and"), nothing else.
_RUBRIC_LABEL_LINE = re.compile(
    r"^(?:" + "|".join(map(re.escape, RUBRIC_LABELS)) + rf")\s?[:：]\s?{_RUBRIC}(?:\s(?:и|and|&)\s{_RUBRIC}|\s[^\W\d_]{{1,15}})?$",
    re.I,
)
RUBRIC_LABEL_MAX = 50


def _rubric_label_line(p: str) -> bool:
    return len(p) <= RUBRIC_LABEL_MAX and _RUBRIC_LABEL_LINE.match(p) is not None


LIST_RUN = 5


def _link_list(paras: list[str], cands: list[int]) -> frozenset[int]:
    """Lines of a related-stories list above the headline: a run of five or more consecutive
    candidates in which one line is printed twice (the same story in two widgets). All but the
    run's last line, which sits on the furniture or lead below and is the article's headline.
    Not when the run's first line is the one printed again: that is the article's own title and
    its copy (a record's title field, then the page heading), which `_copies` reads; nor when the
    line is printed again right under itself (the page's title, heading and share text stacked)."""
    out: set[int] = set()
    run: list[int] = []
    for i in [*cands, -2]:
        if run and i == run[-1] + 1:
            run.append(i)
            continue
        keys = [norm(paras[j]) for j in run]
        items = [k for n, k in enumerate(keys[:-1]) if n == 0 or k != keys[n - 1]]  # stacked copies as one
        if len(run) >= LIST_RUN and len(set(items)) < len(items) and keys[0] not in keys[1:]:
            out.update(run[:-1])
        run = [i]
    return frozenset(out)


DECK_MIN_WORDS = 4
DECK_SENTENCE_WORDS = 12


def _headline_above_stamp(paras: list[str], boiler: list[bool], meta: list[bool] | None, cands: list[int],
                          first: int) -> int:
    """"Headline" / date line / "A longer deck …": a candidate sitting right on the date or byline
    line above the chosen one, with only furniture between, is the headline and the chosen line
    its deck (standfirst), when the deck is the longer of the two. A short line (a site's name)
    above the date stays furniture."""
    if not meta:
        return first
    j = first - 1
    while j >= 0 and boiler[j] and not meta[j]:
        j -= 1  # widgets between the date line and the deck
    if j < 1 or not meta[j]:
        return first
    while j >= 1 and meta[j - 1]:
        j -= 1  # a byline and a date line together
    head = j - 1
    words, deck = len(paras[head].split()), len(paras[first].split())
    if head in cands and DECK_MIN_WORDS <= words < deck and deck >= DECK_SENTENCE_WORDS:
        return head  # (a deck is sentence-long; a headline below a site's tagline and the date is not)
    return first


# Outline marks of a report's sub-headings ("☐ 러시아, 최근 …", "□ …", "▶ …", "• …").
_OUTLINE_BULLET = re.compile(r"^[☐□■◆◇○●▶▷►•◦▪※❍]\s*(?=\S)")


def _headline_over_outline_bullet(paras: list[str], boiler: list[bool], cands: list[int], first: int) -> int:
    """"[Series] Headline" / date line / "☐ Sub-heading" / "◦ …" / the lead: a line opening with an
    outline mark is the body's first sub-heading when a plain headline-shaped line sits above it
    with only furniture (the date or byline line) between."""
    if not _OUTLINE_BULLET.match(paras[first]):
        return first
    above = [i for i in cands if i < first and not _OUTLINE_BULLET.match(paras[i])]
    if above and all(boiler[j] for j in range(above[-1] + 1, first)):
        return above[-1]
    return first


def _lone_bullet_headline(paras: list[str], boiler: list[bool], body: int) -> Headline | None:
    """"실시간 뉴스" / "• Headline" / "[Outlet=Reporter] The lead …": with no other candidate, a single
    bulleted line right on the lead (no bulleted line next to it: not a list or a ticker) is the
    headline printed as a bullet under the site's chrome; the mark is not part of it."""
    i = body - 1
    if i < 0 or boiler[i]:
        return None
    m = _OUTLINE_BULLET.match(paras[i]) or _LIST_ITEM.match(paras[i])
    if not m or re.match(r"^\d", paras[i]):
        return None
    if any(0 <= j < len(paras) and (_OUTLINE_BULLET.match(paras[j]) or _LIST_ITEM.match(paras[j])) for j in (i - 1, i + 1)):
        return None
    start = len(paras[i]) - len(paras[i][1:].lstrip())
    text = paras[i][start:]
    if not is_headline_shaped(text) or _OUTLINE_BULLET.match(text):
        return None
    return Headline(text, i, start, len(paras[i]))


SHORT_FURNITURE = 40


def _headline_over_furniture(paras: list[str], boiler: list[bool], cands: list[int], first: int) -> int:
    """"Headline" / view counters / a photo's caption and its credit / "Short deck" / the lead: the
    candidate above the counters and the caption is the headline and the shorter line right on
    the lead its deck (standfirst)."""
    above = [i for i in cands if i < first]
    if not above or above[-1] == first - 1:
        return first
    head = above[-1]
    between = [paras[j] for j in range(head + 1, first)]

    def furniture(j: int, p: str) -> bool:
        return (boiler[j] or _COUNTER_ONLY.match(p) is not None or is_caption(p) or is_section_label(p)
                or (p.endswith(".") and len(p) <= SHORT_FURNITURE))

    if not all(furniture(j, p) for j, p in zip(range(head + 1, first), between, strict=True)):
        return first
    if not any(_COUNTER_ONLY.match(p) or is_caption(p) for p in between):
        return first  # only a caption or a counter says the two lines frame a photo box
    words = len(paras[head].split())
    return head if words >= DECK_MIN_WORDS and len(paras[first].split()) < words else first


WIDGET_ITEM_CHARS = 40


def _search_top(paras: list[str]) -> int:
    """End of the window where the headline may sit: the first SEARCH_LINES lines, not counting
    a widget's short items and stamps (a weather box's "• 맑음서울 14.0℃" lines, a page clock
    "2024.11.17 (일)"), which push the headline down without being page text."""
    counted = 0
    for i, p in enumerate(paras):
        if not ((_LIST_ITEM.match(p) and len(p) <= WIDGET_ITEM_CHARS) or _is_stamp(p)):
            counted += 1
        if counted >= SEARCH_LINES:
            return i + 1
    return len(paras)


SENTENCE_HEADLINE_CHARS, SENTENCE_HEADLINE_WORDS = 100, 16


def _sentence_headline_on_dateline(paras: list[str], boiler: list[bool], body: int) -> bool:
    """paras[body] opens with a wire dateline and the line right above it is one short sentence
    (no sentence inside it, no caption, no list item, no section label, no colon-led label)."""
    if body < 1 or boiler[body - 1] or find_dateline(paras[body]) is None:
        return False
    p = paras[body - 1]
    return (len(p) <= SENTENCE_HEADLINE_CHARS and len(p.split()) <= SENTENCE_HEADLINE_WORDS
            and p.endswith(".") and not p.endswith(_ELLIPSIS) and _HAS_ALNUM.search(p) is not None
            and not re.search(r"[.!?]\s", p[:-1]) and ":" not in p
            and not _LIST_ITEM.match(p) and not _DASH_ITEM.match(p) and not is_caption(p)
            and not is_section_label(p) and not _is_stamp(p) and find_dateline(p) is None)


# --- the scored choice -----------------------------------------------------------------------
# The positional reading above (the first line of the last run of candidates over the lead) is
# one piece of evidence; the words of the story are the other. A headline names what the lead
# tells, so its content words recur in the first paragraphs, while a rubric, a site's name, a
# share widget, a breadcrumb or another story's link mostly do not. Each candidate gets a score
# from features the page gives (lead support, length, menu separators, being an item of another
# head line, function words): the positional pick stands when it reads as a headline; else the
# next candidate that does; no title when none does and the lead is rich enough to say so.
# Linear in the size of the page head and lead.

LEAD_PARAS, LEAD_CHARS = 3, 2000  # the lead: the first body paragraphs, where the story is told
KEY_CHARS = 4  # a Latin/Cyrillic word is matched on its first letters, so inflection does not hide it ("Корею", "Корея")
MIN_WORD = 3  # shorter Latin/Cyrillic words are function words or initials
HANGUL_KEY = 2  # Korean words are matched on two-syllable windows


def _hangul(w: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in w)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return stoplist("English") | stoplist("Russian")


def content_keys(line: str) -> list[tuple[str, ...]]:
    """The line's content words, each as the keys any of which finds it in the lead: the stem of
    a Latin/Cyrillic word that is not a stop word; every two-syllable window of a Korean word
    (its stem may be written inside a longer compound of the lead, particles follow it)."""
    stop = _stop_words()
    keys: list[tuple[str, ...]] = []
    for w in _LETTER_WORD.findall(line.casefold()):
        if _hangul(w):
            if len(w) >= HANGUL_KEY:
                keys.append(tuple(w[i : i + HANGUL_KEY] for i in range(len(w) - HANGUL_KEY + 1)))
        elif len(w) >= MIN_WORD and w not in stop:
            keys.append((w[:KEY_CHARS],))
    return keys


def lead_keys(text: str) -> frozenset[str]:
    """What a line's keys are looked up in: word stems, and every two-syllable window of Korean words."""
    out: set[str] = set()
    for w in _LETTER_WORD.findall(text.casefold()):
        if _hangul(w):
            out.update(w[i : i + HANGUL_KEY] for i in range(len(w) - HANGUL_KEY + 1))
        else:
            out.add(w[:KEY_CHARS])
    return frozenset(out)


def lead_text(paras: list[str], boiler: list[bool], body: int) -> str:
    """The first body paragraphs from `body` on, furniture left out."""
    out: list[str] = []
    for p, b in zip(paras[body:], boiler[body:], strict=True):
        if not b:
            out.append(p)
        if len(out) >= LEAD_PARAS:
            break
    return " ".join(out)[:LEAD_CHARS]


@dataclass(frozen=True)
class Support:
    words: int  # content words of the line
    matched: int  # ... found in the lead
    share: float  # matched / words (0 without content words)


def support(line: str, lead: frozenset[str]) -> Support:
    keys = content_keys(line)
    m = sum(any(k in lead for k in alts) for alts in keys)
    return Support(len(keys), m, m / len(keys) if keys else 0.0)


# Items glued by menu separators with no space ("Home>월간중앙>정치", "Новости|Политика|Общество"):
# a menu, breadcrumb or section path. (Not "·" or ".": headlines write "한·러", "N.Korea".)
_GLUED_SEP = re.compile(r"(?<=[^\W\d_])[>/|»›](?=[^\W\d_])")
GLUED_ITEMS = 2
ITEM_MAX_CHARS = 15  # an item of another line shorter than a title: a section's name (see _ends_with_item)
MENU_WORDS = 5

W_SHARE, W_MATCHED2, W_SHORT, W_ITEMS, W_ITEM_OF, W_NO_FUNCTION = 2.0, 0.5, 1.0, 1.5, 1.5, 1.0
SHORT_WORDS = 2


def _item_of_other(paras: list[str], i: int, head: range) -> bool:
    """paras[i] is short and printed again as a later item of another line of the head, after a
    menu separator ("Home>월간중앙>정치", "News | World | Asia"): a section's name, not a headline.
    (A page title that opens with a short headline, "Headline - Site", does not make it an item.)"""
    key = " ".join(paras[i].split()).casefold()
    if len(key) >= ITEM_MAX_CHARS:
        return False
    item = re.compile(r"[>/|»›]\s*" + re.escape(key) + r"(?:\s*[>/|»›]|$)")
    return any(j != i and item.search(" ".join(paras[j].split()).casefold()) for j in head)


LEAD_MIN_KEYS = 40  # a lead this rich in words: a line sharing none of them is about something else
W_UNSUPPORTED = 1.0
W_MASTHEAD = 3.0  # never the story's headline, however many of the lead's words it names ("Korea")
MASTHEAD_WORDS = 4
_NAME_WORD_EN = re.compile(r"(?:The|[A-Z][\w'’.&-]*|of|and|&)")
_KO_MASTHEAD = re.compile(rf"[가-힣A-Za-z]{{1,8}}(?:{KO_OUTLET_NAME_ENDINGS})")


def masthead(line: str) -> bool:
    """A newspaper's or a news site's name alone on its line, as printed above the headline ("The
    Korea Times", "Vladivostok News", "Российская газета", "Вести Приморья", "동아일보"): a short
    name, no digit, no sentence, ending with an outlet's word (Vesti opens its names)."""
    words = line.split()
    if not 1 <= len(words) <= MASTHEAD_WORDS or any(c.isdigit() for c in line) or line.rstrip()[-1:] in ".!?:":
        return False
    if all(_NAME_WORD_EN.fullmatch(w) for w in words) and words[-1] in OUTLET_LAST_WORDS_EN and len(words) >= 2:
        return True
    if words[0][:1].isupper() and (words[-1].lower() in OUTLET_LAST_WORDS_RU
                                   or (words[0] == "Вести" and len(words) == 2 and words[1][:1].isupper())):
        return all(w[:1].isupper() or w.lower() in OUTLET_LAST_WORDS_RU for w in words) \
            or (len(words) == 2 and words[-1].lower() in OUTLET_LAST_WORDS_RU)  # "Российская газета"
    return len(words) == 1 and _KO_MASTHEAD.fullmatch(words[0]) is not None


def score(paras: list[str], i: int, lead: frozenset[str], head: range) -> float:
    """How much paras[i] reads as the story's headline; below 0 it reads as page chrome."""
    p = paras[i]
    s = support(p, lead)
    words = len(p.split())
    out = W_SHARE * s.share + (W_MATCHED2 if s.matched >= 2 else 0.0)
    if not s.words or (s.matched == 0 and len(lead) >= LEAD_MIN_KEYS):
        out -= W_UNSUPPORTED  # it names nothing ("сегодня в 23:20"), or nothing the lead tells
    if words <= SHORT_WORDS:
        out -= W_SHORT  # a site's name, an author, a rubric
    if len(_GLUED_SEP.findall(p)) >= GLUED_ITEMS:
        out -= W_ITEMS
    if _item_of_other(paras, i, head):
        out -= W_ITEM_OF
    if masthead(p):
        out -= W_MASTHEAD
    density = stopword_density(p)
    if words >= MENU_WORDS and density is not None and density == 0:
        out -= W_NO_FUNCTION  # capitalised words with no function word: a menu
    return out


ABOVE_MIN_MATCHED = 2


def _headline_above_furniture(paras: list[str], lead: frozenset[str], head: range, cands: list[int], pick: int) -> int:
    """"Headline" / byline or date / "Sub-title" / the lead: the nearest candidate above the pick,
    with only lines that are no candidates between (an author, a date, a share bar), is the
    headline when it reads as one and tells more of the lead than the pick (a site's tagline
    above the date tells little): the headline comes first, sub-titles and decks after it."""
    above = [i for i in cands if i < pick]
    if not above or above[-1] == pick - 1:
        return pick  # none, or in the pick's own run (the positional rules read runs)
    while len(above) > 1 and _author_line(paras[above[-1]]) and score(paras, above[-1], lead, head) < 0:
        above.pop()  # "Headline" / "홍길동 Hong Gil-dong" / date / deck: the author's name is furniture
    h = above[-1]
    if score(paras, h, lead, head) < 0:
        return pick
    told, pick_told = support(paras[h], lead).matched, support(paras[pick], lead).matched
    return h if told > pick_told and told >= ABOVE_MIN_MATCHED else pick


AUTHOR_WORDS = 4


def _author_line(p: str) -> bool:
    """A short line of names only (no digits, no punctuation but hyphens and dots): an author."""
    return len(p.split()) <= AUTHOR_WORDS and re.fullmatch(r"[^\W\d_][\w.\-]*(?:\s[^\W\d_][\w.\-]*)*", p) is not None


def choose_scored(paras: list[str], boiler: list[bool], body: int, cands: list[int], pick: int) -> int | None:
    """The headline among `cands` (lines of the page head above `body`), `pick` being the
    positional choice: the pick when it reads as a headline; else the first candidate after it
    that does (decks and sub-titles follow the headline), else the last one before it; None when
    no candidate does and the lead is rich enough to say so."""
    lead = lead_keys(lead_text(paras, boiler, body))
    head = range(0, min(body, max(cands, default=pick) + 1))  # the head lines, above the lead
    if score(paras, pick, lead, head) >= 0:
        return _headline_above_furniture(paras, lead, head, cands, pick)
    after = [i for i in cands if i > pick]
    before = [i for i in reversed(cands) if i < pick]
    for i in [*after, *before]:
        if score(paras, i, lead, head) >= 0:
            return i
    return None if len(lead) >= LEAD_MIN_KEYS else pick


def find_headline(
    paras: list[str], boiler: list[bool], hint: str | None = None, meta: list[bool] | None = None
) -> Headline | None:
    """The headline of a page whose paragraphs are `paras` (`boiler[i]`: paragraph i is furniture;
    `meta[i]`: paragraph i is a date or byline line)."""
    top = _search_top(paras)
    for i in range(min(len(paras), LABEL_SEARCH_LINES)):
        span = labelled_title(paras[i])
        if span:
            return Headline(paras[i][span[0] : span[1]].strip(), i, *span, source="label")
        if _TITLE_LABEL_ALONE.match(paras[i]) and i + 1 < len(paras) and is_headline_shaped(paras[i + 1]):
            return Headline(paras[i + 1], i + 1, 0, len(paras[i + 1]), source="label")  # "제목" / "<title>"
    if hint and is_quoted_deck(hint.strip()):
        hint = None  # the container's title is the deck of quotes, not a headline
    if hint and hint.strip():
        key = norm(hint)
        for i in range(top):
            if norm(paras[i]) == key:
                return Headline(paras[i], i, 0, len(paras[i]), _copies(paras, i, top), source="container")
        return Headline(" ".join(hint.split()), None, source="container")

    # Page chrome in another language (a login box in Russian on an English page, Korean skip
    # links on an English site) is neither the article's first paragraph nor its headline.
    script = dominant_script("\n".join(p for p, b in zip(paras, boiler, strict=True) if not b))

    def in_script(i: int) -> bool:
        return script is None or dominant_script(paras[i]) in (script, None)

    slogans = quote_run(paras)
    body = next((i for i in range(len(paras)) if not boiler[i] and is_body_like(paras[i]) and in_script(i)
                 and i not in slogans), None)
    if body is None:
        body = next((i for i in range(len(paras)) if not boiler[i] and is_body_like(paras[i])), None)
    if body is None and paras and not boiler[-1] and _cut_by_crawl(paras[-1]):
        body = len(paras) - 1  # the crawl stopped inside the lead: "… обучающихся корейскому язы"
    if body is None:
        return None
    cands = [i for i in range(min(body, top)) if not boiler[i] and i not in slogans and is_headline_shaped(paras[i])
             and not _wrapped_sentence_head(paras, i, boiler) and not _caption_copy(paras, i)]
    if any(not _after_image(paras, i) for i in cands):
        cands = [i for i in cands if not _after_image(paras, i)]  # a picture's caption, unless nothing else reads as a headline
    for k in range(1, body + 1):
        # A sentence broken over lines by the source ends on a line that continues in lower case
        # ("… высадку деревьев на" / "территории памятника … Владивостоке."): the unpunctuated
        # lines right above that tail are the sentence's start, not a headline.
        # A line opening with a comma or semicolon continues a sentence as surely as a lower-case
        # one ("… President Moon Jae-in" / ", Russian Deputy Foreign Minister … said Tuesday.").
        tail = paras[k].rstrip("»\"”’)")
        opens_inside = tail[:1].islower() or (tail[:1] in ",;" and tail[1:2] == " ")
        if boiler[k] or not opens_inside or not tail.endswith(".") or tail[-2:-1].isspace():
            continue  # (" by ." is an emptied byline field, not a sentence's end)
        start = k
        while start > 0 and not boiler[start - 1] and is_headline_shaped(paras[start - 1]):
            start -= 1
            if _SENTENCE_INSIDE.search(paras[start]):
                break  # "… for five days. This is a" / "reciprocal visit …": the sentence starts here
        cands = [i for i in cands if not start <= i < k]
    if any(in_script(i) for i in cands):
        cands = [i for i in cands if in_script(i)]
    if not cands and _sentence_headline_on_dateline(paras, boiler, body):
        # "루덴코와 북한 대사는 … 논의했다." / "모스크바, 10월 7일. …": a headline written as one
        # sentence, full stop included, sitting right on the story's dateline
        return Headline(paras[body - 1], body - 1, 0, len(paras[body - 1]))
    listed = _link_list(paras, cands)
    for i in cands:
        if i in listed:
            continue
        copies = _copies(paras, i, min(len(paras), body + 3))
        if copies and not _picture_pair(paras, cands, meta, i, copies):
            return Headline(paras[i], i, 0, len(paras[i]), copies, source="repeated")
    for i in cands:  # a breadcrumb ending with the headline: "Главная / Новости / Headline"
        if any(_ends_with_item(paras[j], paras[i]) for j in range(min(body, top)) if j != i):
            return Headline(paras[i], i, 0, len(paras[i]), source="repeated")
    for i in cands:  # "Headline - Site, 29.12.2025" (the page title) above "Headline"
        for j in cands:
            if j > i and with_suffix(paras[i], paras[j]):
                return Headline(paras[j], j, 0, len(paras[j]), (i,), source="repeated")
    if not cands:
        return _lone_bullet_headline(paras, boiler, body)
    first = cands[-1]
    while (first - 1 in cands and first - 1 not in listed) or (first - 2 in cands and _COUNTER_ONLY.match(paras[first - 1])
                                 and not (meta and meta[first - 1])):  # "04.03.2021" is a date, not a counter
        first -= 1 if first - 1 in cands else 2  # a view counter ("| 681") between headline and deck
    # The run's first line, since decks and subtitles follow the headline; but a short line
    # (a blog or site name) above a longer one that sits right on the date/byline is not it.
    run = range(first, cands[-1] + 1)
    above_meta = [i for i in run if meta and i + 1 < len(paras) and meta[i + 1]]
    if above_meta and above_meta[0] != first:
        short = len(paras[first].split())
        if short <= SITE_NAME_WORDS and short < len(paras[above_meta[0]].split()):
            first = above_meta[0]
    if (_glued_menu(paras[first]) or _rubric_label_line(paras[first])) and first + 1 in cands:
        first += 1  # "Club events The Eastern Perspective" / "Headline": the menu above the headline
    first = _headline_over_furniture(paras, boiler, cands, first)
    first = _headline_above_stamp(paras, boiler, meta, cands, first)
    first = _headline_over_outline_bullet(paras, boiler, cands, first)
    chosen = choose_scored(paras, boiler, body, [i for i in cands if i not in listed], first)
    if chosen is None:
        return None  # no line of the head tells the story the lead tells: no title rather than a wrong one
    first = chosen
    nxt = first + 1
    rubric = _glued_rubric(paras[first])
    if rubric:  # "ПолитикаГлава МИД …": the section's name glued to the headline
        return Headline(paras[first][rubric:], first, rubric, len(paras[first]))
    if nxt in cands and paras[nxt][:1].islower() and not paras[first].endswith(_QUESTION_END):
        # "Приморье и Корея проведут" / "первый форум": one headline broken over two lines
        return Headline(f"{paras[first]} {paras[nxt]}", first, 0, len(paras[first]), continued=nxt)
    end = trimmed_end(paras[first])
    return Headline(paras[first][:end], first, 0, end)
