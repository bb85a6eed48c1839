"""English names from spaCy's statistical NER (en_core_web_sm), trimmed to what a name looks like.

The model finds names the patterns never will (no title, no known given name), but its spans
carry determiners, possessives and the odd verb ("Conclude Quota"); each span is trimmed by
its part-of-speech tags and kept only when it still looks like a name.
"""

from __future__ import annotations

import re

from pipeline.text.nlp import spacy_en
from pipeline.text.overlap import SpanIndex
from pipeline.text.page_patterns import NAMED_BODY_WORDS, NATIONALITY_ADJECTIVES, PLACE_HEAD_WORDS
from pipeline.text.tagging.ner import (
    EN_BODY_HEAD,
    GENERIC_WORDS,
    GIVEN_NAMES,
    TITLE_HEAD,
    Cand,
    en_person_shaped,
    is_title,
    split_coordinated,
)

_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC"}
_MEETING_LAST = re.compile(r"\b(?:Summit|Talks|Summit Meeting)$")
# A body's officer and the officer's full name after a span: "<body> Chairman Kim Soo-un".
_OFFICER_AFTER = re.compile(r"\s(?:Chairman|Chairwoman|President|CEO|Director|Founder)\s[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+")
# Penn tags that may sit inside a multi-word name ("Ministry of Foreign Affairs and Trade",
# "Democratic People's Republic", "Asia-Pacific") but never start or end one.
_INNER = frozenset({"IN", "CC", "DT", "HYPH", "POS", ",", "TO"})
_EDGE_JUNK = _INNER | frozenset({"''", "``", ".", ":", "SYM", "-LRB-", "-RRB-", "NFP", "PRP$", "WDT"})
_PROPER = frozenset({"NNP", "NNPS"})
_WINDOW = 100_000  # characters per model call
BATCH_SIZE = 64  # texts per spaCy minibatch (nlp.pipe)
_HYPHEN_TAIL = re.compile(r"-[a-z]+\b")
_TITLE_AFTER = re.compile(r" (?:Minister|Ministry|Ambassador|Envoy|Secretary|Commissioner|Spokesman|Spokeswoman)\b")
_NOUNS = _PROPER | {"NN", "NNS"}
# Last words of a day, season or celebration's name: an event, not a body.
_EVENT_ENDS = frozenset({"Day", "Days", "Week", "Festival", "Anniversary", "Olympics", "Games"})
# A title's "for"/"of" complement names a portfolio ("Ambassador for International Economy and
# Trade"), unless it has an organisation's head word ("Minister of the Ministry of …").
_PORTFOLIO_BEFORE = re.compile(r"\b(?:Minister|Ambassador|Secretary|Envoy|Commissioner|Representative|Adviser|"
                               r"Advisor) (?:for|of) (?:the )?$"
                               r"|\b(?:Vice[- ])?(?:President|Rector|Director|Dean|Chancellor|Provost|Head) for (?:the )?$")
# An academic degree is no body: "Candidate of Sciences", "Doctor of Philosophy", "Master of Arts".
_DEGREE = re.compile(r"(?:Candidate|Doctor|Master|Bachelor)s? of ")
_ORG_HEAD = re.compile(r"\b(?:Ministry|University|Institute|Academy|Agency|Corporation|Company|Bank|Foundation|"
                       r"Association|Society|Forum|Council|Organi[sz]ation|Commission|Cent(?:er|re)|Committee|"
                       r"Office|Department|Service|Assembly|Party|Fund|Union|Court|Tribunal)\b")
# Diseases and viruses the model reads as organisations ("the COVID-19 pandemic").
_DISEASE = re.compile(r"(?:COVID|SARS|MERS|H\dN\d|Ebola|Zika)(?:-\d+|-CoV-\d)?")
_SEPARATOR = re.compile(r"\s[-–—|/]\s")  # a spaced dash or bar separates phrases; "Korea-Russia" is one word  # the tagger reads some surnames as plurals ("Davies/NNS")


# Abbreviations of common nouns, written in capitals like a body's acronym: never a name.
_COMMON_ACRONYMS = frozenset({"MOU", "MoU", "MOUs", "MoUs", "CEO", "CEOs", "GDP", "SME", "SMEs", "FTA", "FTAs", "LNG",
                              "LPG", "IT", "AI", "VIP", "VIPs", "PhD", "TV", "FAQ", "PDF", "URL", "KST", "GMT", "UTC",
                              "USD", "KRW", "RUB", "B2B", "R&D"})


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _inner_capitals(word: str) -> int:
    """Capitals after a word's first letter: 'NArFU' has three, 'McDonald' one."""
    return sum(c.isupper() for c in word[1:])


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _joined(tokens: list, i: int) -> bool:  # noqa: ANN001 - spaCy tokens
    """Token i continues a hyphenated word ("Joon-kook", "Korea-Russia")."""
    return i > 0 and not tokens[i - 1].whitespace_ and (tokens[i - 1].tag_ == "HYPH" or tokens[i - 1].text == "-")


def _trim(tokens: list) -> list:  # noqa: ANN001 - spaCy tokens
    """Drop determiners, possessives, punctuation and lower-case words from the edges."""
    while tokens and (tokens[0].tag_ in _EDGE_JUNK or not _capitalised(tokens[0].text)):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ in _EDGE_JUNK
                      or not (_capitalised(tokens[-1].text) or _joined(tokens, len(tokens) - 1))):
        tokens = tokens[:-1]
    return tokens


def name_shaped(tokens: list, label: str) -> bool:  # noqa: ANN001 - spaCy tokens
    """A span that a reader would list as a name: no verb, capitalised content words; a single
    word must be a proper noun or an acronym; a person is proper nouns (and initials) only."""
    if not tokens:
        return False
    if _SEPARATOR.search("".join(t.text_with_ws for t in tokens)):
        return False  # "Politics - Russian": a headline's or a menu's parts, not one name
    if label in ("PERSON", "ORG") and is_title("".join(t.text_with_ws for t in tokens).strip()):
        return False  # "Consul General": a title, not a name
    if label == "ORG" and len(tokens) > 1 and (tokens[-1].text in GIVEN_NAMES or tokens[-1].text in _EVENT_ENDS):
        return False  # "Presidential Aide Yury" (a title and a first name), "Diplomatic Service Day" (a holiday)
    if any(t.tag_.startswith("VB") or t.tag_ in ("MD", "PRP", "WP") for t in tokens):
        return False
    content = [t for i, t in enumerate(tokens) if t.tag_ not in _INNER and t.text != "-" and not _joined(tokens, i)]
    if any(not _capitalised(t.text) for t in content):
        return False
    if len(content) == 1:
        word = content[0]
        if word.text in _COMMON_ACRONYMS:
            return False  # "an MOU was signed": a memorandum, not a body
        if not (_is_acronym(word.text) or word.tag_ in _PROPER):
            return False  # a capitalised common noun ("Education", "Forum")
    if label == "PERSON" and tokens[-1].text in NATIONALITY_ADJECTIVES:
        return False  # "S. Korean", "North Korean": a nationality, not a name
    if label == "PERSON":  # (capitalised) nouns, initials and hyphenated given names only: no adjective
        return all(t.tag_ in _NOUNS or t.tag_ == "HYPH" or t.text == "-" or _joined(tokens, i)
                   for i, t in enumerate(tokens)) \
            and not any(c.isdigit() for t in tokens for c in t.text)
    return True


# A body named "… of [the] <place>" ("Consulate General of the Republic of Korea", "Ministry of Trade,
# Industry and Energy of the Republic of Korea"), or a unit "… of [the] <body>" ("School of Regional and
# International Studies of Far Eastern Federal University"): the words before the catalog name.
_OF_BEFORE = re.compile(r" (?:of|for|at) (?:the )?$")


def _body_of(text: str, ws: int, first: int) -> bool:
    """text[ws:first] is a body's head and its "of" before a catalog name that starts at `first`."""
    return bool(_OF_BEFORE.search(text, ws, first)) and bool(EN_BODY_HEAD.search(text, ws, first))


# The words after a known company's name that make another company's ("LOTTE Group", "Hyundai Glovis",
# "Samsung Heavy Industries", "Hyundai Engineering & Construction"): capitalised words, two of them
# may be joined by a spaced "&", no title ("Samsung Vice Chairman"), no "of".
_COMPANY_TAIL = re.compile(r"(?: [A-Z][A-Za-z&-]*(?: & [A-Z][A-Za-z-]*)?)+")


def _company_of(text: str, inside: list[tuple[int, int, str]], we: int) -> bool:
    """The model's organisation is one catalog organisation and capitalised words after it (not a
    person's name, not a title)."""
    if len(inside) != 1 or inside[0][2] != "ORG":
        return False
    tail = text[inside[0][1]:we]
    words = tail.split()  # (a person's name is never joined by "&")
    return bool(_COMPANY_TAIL.fullmatch(tail)) and not TITLE_HEAD.search(tail) \
        and ("&" in words or not en_person_shaped(words)) and not any(w in GIVEN_NAMES for w in words)


_POSSESSIVE = re.compile(r"['’]s ")


def _unit_after_possessive(text: str, inside: list[tuple[int, int, str]], we: int) -> bool:
    """"Far Eastern Federal University's School of Oriental Studies": one catalog organisation, its
    possessive, then a body's head word: the unit is a body of its own (the catalog name stays a mention)."""
    return len(inside) == 1 and inside[0][2] == "ORG" and bool(_POSSESSIVE.match(text, inside[0][1])) \
        and bool(EN_BODY_HEAD.search(text, inside[0][1] + 3, we))


def _pieces(text: str, start: int, tokens: list, label: str) -> list[list]:  # noqa: ANN001 - spaCy tokens
    """The model's span, cut where two bodies' names are joined by "and" (ner.split_coordinated)."""
    if label == "PERSON" or len(tokens) < 4:
        return [tokens]
    parts = split_coordinated(text, start + tokens[0].idx, start + tokens[-1].idx + len(tokens[-1].text))
    if len(parts) == 1:
        return [tokens]
    return [_trim([t for t in tokens if a <= start + t.idx < b]) for a, b in parts]


def _words(tokens: list) -> list[str]:  # noqa: ANN001 - spaCy tokens
    return "".join(t.text_with_ws for t in tokens).split()


def _covered(t, spans: list[tuple[int, int]], offset: int) -> bool:  # noqa: ANN001 - spaCy token
    s, e = offset + t.idx, offset + t.idx + len(t.text)
    return any(bs < e and s < be for bs, be in spans)


def parse_many(texts: list[str]) -> list[object]:
    """spaCy docs of several texts (each at most _WINDOW characters), parsed as one stream:
    the model's cost is per minibatch more than per text. No text, no model loaded. Texts of
    like length go through together (shortest first: 17 % less CPU on the dev corpus's English
    paragraphs, same tags and entities), and come back in the order given."""
    if not texts:
        return []
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    docs = list(spacy_en().pipe((texts[i] for i in order), batch_size=BATCH_SIZE))
    out: list[object] = [None] * len(texts)
    for k, i in enumerate(order):
        out[i] = docs[k]
    return out


def english_spans(text: str, start: int, end: int, hits: list[tuple[int, int, str]], doc: object | None = None
                  ) -> tuple[list[Cand], set[tuple[int, int]], set[int]]:
    """PERSON/ORG/GPE/LOC/FAC spans of text[start:end] (offsets into text).

    `hits` are the catalog's (start, end, type) in text. A catalog name at a span's edge wins
    ("North Korea Glyn Davies" -> "Glyn Davies"); a catalog place inside an organisation's name
    ("Korea National Diplomatic Academy") gives way to the name: those hits come back in the
    second value for the caller to drop. The third value holds the offsets of the tokens the
    tagger reads as proper nouns (the patterns' check). `doc`: text[start:end] already parsed.
    """
    if end - start > _WINDOW:  # spaCy refuses texts over nlp.max_length; memory grows with length
        cut = text.rfind("\n", start + _WINDOW // 2, start + _WINDOW)
        cut = cut if cut > start else max(text.rfind(" ", start + _WINDOW // 2, start + _WINDOW), start + _WINDOW)
        a, b = english_spans(text, start, cut, hits), english_spans(text, cut, end, hits)
        return a[0] + b[0], a[1] | b[1], a[2] | b[2]
    if doc is None:
        doc = spacy_en()(text[start:end])
    proper = {start + t.idx for t in doc if t.tag_ in _NOUNS and _capitalised(t.text)}
    hit_index = SpanIndex((hs, he) for hs, he, _ in hits)
    out: list[Cand] = []
    absorbed: set[tuple[int, int]] = set()
    pieces = ((_TYPES[ent.label_], whole) for ent in doc.ents if ent.label_ in _TYPES
              for whole in _pieces(text, start, _trim(list(ent)), _TYPES[ent.label_]))
    for label, whole in pieces:
        while label == "PERSON" and len(whole) > 1 and whole[0].text.rstrip(".") in GENERIC_WORDS:
            whole = whole[1:]  # "Rector V. Torkunov": the title is not the name
        if not whole:
            continue
        ws, we = start + whole[0].idx, start + whole[-1].idx + len(whole[-1].text)
        if label in ("ORG", "FAC") and _MEETING_LAST.search(text, ws, we):
            continue  # "the Singapore Summit": a meeting, no body (corpus convention); its place stays a place
        if label == "PERSON" and _OFFICER_AFTER.match(text, we):
            label = "ORG"  # "RH Focus Chairman Kim Soo-un": the body its officer is named after
        inside = [hits[k] for k in hit_index.overlapping(ws, we)]  # (hs < we and ws < he, in order)
        tokens = whole
        normal = None
        persons = [(hs, he) for hs, he, ht in inside if ht == "PERSON"]
        if label == "PERSON" and len(persons) == 1 == len(inside) and persons[0][1] == we and persons[0][0] > ws:
            # "Anatoly V. Torkunov" around the catalog's "Torkunov": the full name, linked through it.
            absorbed.add(persons[0])
            normal = re.sub(r"^(?:[A-Z]\.\s?)+", "", text[persons[0][0]:persons[0][1]])  # the catalog's form
            inside = []
        if inside:
            places = [(hs, he) for hs, he, ht in inside if ht in ("GPE", "LOC") and ws <= hs and he < we]
            rest = [t for t in whole if start + t.idx >= max((he for _, he in places), default=ws)]
            modifier = label in ("ORG", "FAC") and len(places) == len(inside) and rest \
                and not en_person_shaped(_words(rest))
            first = min(hs for hs, _, _ in inside)
            if modifier:
                absorbed.update(places)
            elif label == "ORG" and first > ws and all(ht in ("GPE", "LOC") for _, _, ht in inside) \
                    and _body_of(text, ws, first):
                pass  # "Consulate General of the Republic of Korea": the whole name; the place stays a place
            elif label == "ORG" and first > ws and all(ht == "ORG" for _, _, ht in inside) and _body_of(text, ws, first):
                tokens = _trim([t for t in whole if start + t.idx + len(t.text) <= first])  # the unit before "of <body>"
            elif label == "ORG" and first == ws and _company_of(text, inside, we):
                pass  # "LOTTE Group", "Hyundai Glovis": a company of a known group, named after it
            elif label == "ORG" and first == ws and _unit_after_possessive(text, inside, we):
                tokens = _trim([t for t in whole if start + t.idx >= inside[0][1] + 3])  # "FEFU's [School of …]"
            else:
                spans = [(hs, he) for hs, he, _ in inside]
                while tokens and _covered(tokens[0], spans, start):
                    tokens = tokens[1:]
                while tokens and _covered(tokens[-1], spans, start):
                    tokens = tokens[:-1]
                tokens = _trim(tokens)
                if len(tokens) < len(whole) and not en_person_shaped(_words(tokens)):
                    continue  # what is left beside a catalog name is trusted only as a full person name
                if tokens and len(tokens) < len(whole) and label != "PERSON":
                    label = "PERSON"  # "North Korea Glyn Davies": the model merged place and person
                if any(_covered(t, spans, start) for t in tokens):
                    continue
        if label == "PERSON" and len(tokens) == 1 and _inner_capitals(tokens[0].text) >= 2:
            label = "ORG"  # "NArFU", "KAIST": an acronym of an institution, never a person's name
        if label == "PERSON" and len(tokens) > 1 and tokens[-1].text in PLACE_HEAD_WORDS:
            label = "FAC"  # "Kim Il Sung Square", "Yeongil Bay Port": a place, named after someone or mistyped
        elif label == "PERSON" and len(tokens) > 1 and (_ORG_HEAD.fullmatch(tokens[-1].text)
                                                        or tokens[-1].text in NAMED_BODY_WORDS):
            label = "ORG"  # "Kim Il Sung University": a body named after someone
        if not name_shaped(tokens, label):
            continue
        s, e = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if label == "PERSON":  # "Ahn Duk" + "-geun": the model cut a hyphenated given name
            m = _HYPHEN_TAIL.match(text, start + e)
            e = m.end() - start if m else e
        elif _TITLE_AFTER.match(text, start + e) and len(tokens) == 1 and not _is_acronym(tokens[0].text):
            continue  # "Trade" in "Trade Minister": part of a title
        elif label == "ORG" and _PORTFOLIO_BEFORE.search(text, max(0, start + s - 40), start + s) \
                and not _ORG_HEAD.search("".join(t.text_with_ws for t in tokens)):
            continue  # "Ambassador for International Economy and Trade": a portfolio, not a body
        if len(tokens) == 1 and tokens[0].text in GENERIC_WORDS:
            continue  # "This Committee" -> "Committee": a common noun in title case
        if _DISEASE.fullmatch(text[start + s:start + e]):
            continue  # "COVID-19": a disease, not a body
        if label == "ORG" and _DEGREE.match(text, start + s):
            continue  # "Candidate of Sciences (PhD)": a degree
        out.append(Cand(start + s, start + e, label, "ner", 0.75, normal))
    return out, absorbed, proper
