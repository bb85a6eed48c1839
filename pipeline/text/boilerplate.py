"""Is a line page furniture (boilerplate) rather than article text? Pure functions.

Plain crawled text has no link density, so the rules look at what a line is made of: labels
from `page_patterns` (menus, widgets, counters, metadata labels, notices), its shape (items
glued into one word, several separators, no letters) and, for runs of capitalised words,
jusText's stop-word lists (a menu has no function words; a sentence or headline has some).
Position-based rules (above the headline, after a related-news header) live in `layout.py`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.text.headline import is_section_label
from pipeline.text.memo import per_document
from pipeline.text.page_patterns import (
    APPEAL,
    APPEAL_SHORT,
    ATTACHMENT,
    BOARD_FIELD,
    BOARD_FIELD_MAX,
    BRACKETED_NOTE,
    BYLINE,
    CHROME_LINES,
    CODE_TOKEN,
    CONTACT_NUMBER,
    CONTACT_WORD,
    COOKIE,
    COPYRIGHT,
    COUNTER,
    DATED_LINK,
    DOMAIN_LINE,
    GO_TO_LINK,
    IMAGE_PLACEHOLDER,
    LABELLED_URL,
    LANGUAGE_SWITCH,
    MEMBERSHIP,
    META_LABELS,
    OFFICIAL_SITE,
    PHOTO_CREDIT,
    POINTER_LINK,
    PRINT_HEADER,
    RELATED_HEADER,
    RELATIVE_TIME,
    SITE_SIGNATURE,
    SKIP_LINK,
    SOCIAL_NETWORKS,
    TEMPERATURE,
    TICKER_STAMP,
    TICKER_STAMPS,
    WEATHER_WORD,
    WIDGET_WORDS,
)
from pipeline.text.stopwords import stopword_density

# "|" and "•" separate menu items however spaced; "·", "/", ">" only with spaces ("韓·中·日" is prose).
_MENU_SPLIT = re.compile(r"\s*[|•]\s*|\s+[·›>»/]\s+")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_GLUED = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]")  # "ГлавноеСобытия", "АудиоEnglish"
_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*")
_COPY_NOTICE = re.compile(r"\b(?:shortlink|link cop(?:ied|eid)|copied to clipboard)\b|скопирован|복사되었습니다", re.I)
_SENTENCE_END = (".", "!", "?", "…", "»", '"', "”")
MAX_CHROME_LINE = 300


def _is_menu(line: str) -> bool:
    """Several short items between separators: "Home | World | Politics"; a breadcrumb may end
    with the page's own (longer) title: "Главная / Новости / Губернатор встретился с ..."."""
    items = [i for i in _MENU_SPLIT.split(line) if i]
    return (
        len(items) >= 3
        and len(line) <= 200
        and len(_MENU_SPLIT.findall(line)) >= 2
        and all(len(i.split()) <= 3 for i in items[:-1])
        and (len(items[-1].split()) <= 3 or all(len(i.split()) <= 2 for i in items[:-1]))
    )


_BREADCRUMB = re.compile(r"\s[>»›]\s")


def _is_breadcrumb(line: str) -> bool:
    """"Россия. Корея > Экономика > ria.ru, 14 марта 2024": a trail of two or more '>' steps."""
    return len(line) <= 200 and len(_BREADCRUMB.findall(line)) >= 2


def _is_glued_menu(line: str) -> bool:
    """Menu items the crawler ran together without spaces ("ГлавноеСобытияПартия")."""
    return len(line) <= 200 and len(_GLUED.findall(line)) >= 3 and not line.endswith(_SENTENCE_END)


def _is_widget_bar(line: str) -> bool:
    tokens = line.casefold().replace("|", " ").split()
    return 0 < len(tokens) <= 8 and all(_widget_token(t.strip("·•:")) or t.isdigit() for t in tokens)


WIDGET_WORD_MAX = max(map(len, WIDGET_WORDS))


@lru_cache(maxsize=4096)
def _widget_token(token: str) -> bool:
    """A toolbar word, or toolbar words written together ("폰트키우기" = 폰트 + 키우기,
    "메일보내기"): Korean sites write each button as one word. Pieces of two characters or
    more, so that a word ending in a one-syllable particle is not taken apart."""
    if token in WIDGET_WORDS:
        return True
    ends = {0}
    for i in range(2, len(token) + 1):
        if any(j in ends and token[j:i] in WIDGET_WORDS for j in range(max(0, i - WIDGET_WORD_MAX), i - 1)):
            ends.add(i)
    return len(token) in ends and len(token) > 0


def _is_capitalised_run(line: str) -> bool:
    """A run of capitalised words with no stop word: a menu ("MOFA Countries Information Press")."""
    if len(line) > 100 or line.endswith(_SENTENCE_END) or any(ch in line for ch in ",:;«»\"“”'‘’"):
        return False
    tokens = _TOKEN.findall(line)
    if len(tokens) < 6 or not all(t[0].isupper() for t in tokens):
        return False
    return stopword_density(line) == 0.0


_HASHTAG = re.compile(r"(?:^|\s)#\s?[^\W\d_]")
HASHTAGS_MIN = 3


def _is_tag_list(line: str) -> bool:
    """"в мире, южная корея, россия, ли чжэ мен, сеул": five or more short items, no sentence;
    or a line of three or more hashtags ("키워드 #김정은 # 러시아 # 북러 관계")."""
    if line.endswith(_SENTENCE_END) or len(line) > 300:
        return False
    if len(_HASHTAG.findall(line)) >= HASHTAGS_MIN:
        return True
    items = [i.strip() for i in line.split(",")]
    return len(items) >= 5 and all(0 < len(i.split()) <= 3 for i in items)


def is_weather(line: str) -> bool:
    """A weather or clock box: a temperature or weather word on a short line, or both together."""
    temp, word = TEMPERATURE.search(line), WEATHER_WORD.search(line)
    return bool((temp and word) or (len(line) <= 40 and (temp or word)))


# A Markdown image tag as crawled, "![alt text](/path/photo.jpg?…)": an image, whatever its alt
# text says, never a headline. A tag broken over lines opens with "![" and no closing "](…)", and
# its last line is the alt text's end and the address ("… Приморье.](/files/a.jpg)").
MD_IMAGE = re.compile(r"^!\[[^\]]*(?:\]\([^)\s]*\)\s*)?$")
MD_IMAGE_TAIL = re.compile(r"^[^\[\]]*\]\((?=[^)\s]*[/.])[^)\s]+\)\s*$")


CONTACT_MAX, CONTACT_DIGITS, CONTACT_WORD_AT = 100, 7, 15


def _is_contact_line(line: str) -> bool:
    """A short line giving an office's phone, messenger or e-mail ("Телефон редакции (4212) 42-64-26"):
    a contact word and a number of seven digits or more (or an address), no sentence's end."""
    word = CONTACT_WORD.search(line)
    if len(line) > CONTACT_MAX or line.rstrip().endswith((".", "!", "?")) or not word or word.start() > CONTACT_WORD_AT:
        return False  # (the contact word opens the line: "Телефон редакции …", "제보 전화 …")
    return any("@" in n or (sum(ch.isdigit() for ch in n) >= CONTACT_DIGITS and any(ch in n for ch in "+(-"))
               for n in (m.group(0) for m in CONTACT_NUMBER.finditer(line)))  # a phone is written with + ( or -


@per_document
def boilerplate_reason(line: str) -> str | None:
    """Why a whole paragraph is page furniture (a short label), or None for article text."""
    folded = line.casefold().rstrip(": ")
    if folded in CHROME_LINES:
        return "chrome_label"
    if not _HAS_LETTER.search(line):
        return "no_letters" if len(line) <= 40 else None  # separators, counters, node ids
    if len(TICKER_STAMP.findall(line)) >= TICKER_STAMPS:
        return "ticker"  # (a ticker line runs long: checked before the length limit)
    if MD_IMAGE.match(line) or MD_IMAGE_TAIL.match(line):
        return "image"  # (its address runs long: checked before the length limit)
    if len(line) > MAX_CHROME_LINE:
        return None
    checks = (
        ("skip_link", lambda s: len(s) <= 80 and SKIP_LINK.match(s)),
        ("link", lambda s: len(s) <= 80 and GO_TO_LINK.search(s)),
        ("widget", _is_widget_bar),
        ("dangling_separator", lambda s: len(s) <= 60 and s.endswith((" |", " /", " ·"))),
        ("language_switch", lambda s: len(s) <= 40 and LANGUAGE_SWITCH.search(s)),
        ("menu", _is_menu),
        ("menu", _is_glued_menu),
        ("menu", _is_breadcrumb),
        ("related_header", lambda s: RELATED_HEADER.match(s)),
        ("related_link", lambda s: len(s) <= 200 and RELATIVE_TIME.match(s)),
        ("copyright", lambda s: COPYRIGHT.search(s)),
        ("cookie_notice", lambda s: COOKIE.search(s)),
        ("appeal", lambda s: len(s) <= 200 and APPEAL.search(s)),
        ("appeal", lambda s: len(s) <= 60 and APPEAL_SHORT.search(s)),
        ("counter", lambda s: len(s) <= 120 and COUNTER.search(s)),
        ("metadata_label", lambda s: len(s) <= 120 and META_LABELS.match(s)),
        ("account", lambda s: len(s) <= 60 and MEMBERSHIP.match(s)),
        ("metadata_label", lambda s: len(s) <= BOARD_FIELD_MAX and not s.endswith(".") and BOARD_FIELD.match(s)),
        ("byline", lambda s: len(s) <= 80 and BYLINE.match(s)),
        ("photo_credit", lambda s: len(s) <= 120 and PHOTO_CREDIT.match(s)),
        ("image", lambda s: IMAGE_PLACEHOLDER.match(s)),
        ("related_link", lambda s: len(s) <= 100 and POINTER_LINK.match(s)),
        ("link", lambda s: len(s) <= 150 and LABELLED_URL.match(s)),
        ("bracketed_note", lambda s: BRACKETED_NOTE.match(s) and not is_section_label(s)),
        ("print_header", lambda s: PRINT_HEADER.match(s)),
        ("domain", lambda s: DOMAIN_LINE.match(s)),
        ("code", lambda s: CODE_TOKEN.match(s)),
        ("social_links", lambda s: len(s) <= 200 and len(SOCIAL_NETWORKS.findall(s)) >= 2),
        ("tags", _is_tag_list),
        ("site_signature", lambda s: len(s) <= 60 and SITE_SIGNATURE.search(s)),
        ("related_link", lambda s: len(s) <= 120 and DATED_LINK.search(s)),
        ("attachment", lambda s: len(s) <= 120 and ATTACHMENT.search(s)),
        ("weather", is_weather),
        ("official_site", lambda s: len(s) <= 120 and OFFICIAL_SITE.search(s)),
        ("copy_notice", lambda s: len(s) <= 80 and _COPY_NOTICE.search(s)),
        ("contact", _is_contact_line),
        ("menu", _is_capitalised_run),
    )
    for reason, check in checks:
        if check(line):
            return reason
    return None


def is_chrome(line: str) -> bool:
    """A whole paragraph that is page furniture rather than document content."""
    return boilerplate_reason(line) is not None
