"""What the OCR rules share: a printed word's core and case, the thresholds of
the checker, and what it finds."""

from __future__ import annotations

import re
from dataclasses import dataclass


CHUNK = re.compile(r"\S+")
OPENING = "\"'«“‘`"
LEAD = "\"'«»“”‘’([{<"
TRAIL = "\"'«»“”‘’)]},.;:!?>"
LETTER = re.compile(r"[^\W\d_]")
STRAY = re.compile(r"[^\w\s'’‐–—-]|\d")  # a mark or digit that has no business in a word
NUMERIC = re.compile(r"^\d+(?:st|nd|rd|th|[a-z]{1,2})?$|^\d[\d,.]*-\w+$|^[IVXLC]+$")
NOT_A_WORD = re.compile(r"://|^www\.|@|/")  # addresses, paths, "and/or"
RATE_THRESHOLD = 1.5  # damage signals per 1,000 words that make a document OCR output
MIN_SIGNALS = 5
MIN_STEM_ZIPF = 1.8
STRAY_FLOOR = 2.0
CASE_ERROR_ZIPF = 5.5
SPLIT_PIECE_ZIPF = 3.5  # a piece this common may stand alone: no split
FRAGMENT_ZIPF = 1.5  # a piece rarer than this is a fragment of a word
REAL_WORD_MARGIN = 2.4  # zipf points a confusion's reading must beat a real word by
FREQUENT = 4.0
WEIGHT = 3.0  # how many zipf points one unit of edit cost is worth
UNKNOWN_ZIPF = 1.0  # below this wordfreq has (almost) never seen the word
SPACE_COST = 0.5  # a space the scan lost, between words run together: cheaper than a letter
CHEAP_EDIT = 0.5  # a reading this close is one confusion or stray mark away
SHORT_PART_ZIPF = 5.0  # a word of one or two letters in a run-together word: only "a", "of"
ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")
POSSESSIVE = re.compile(r"['’]s$")
CONTRACTION = re.compile(r"(?:n['’]t|['’](?:s|re|ve|ll|d|m))$", re.I)
DIGIT_LETTERS = str.maketrans({"1": "l", "0": "o", "5": "s", "6": "e", "8": "b", "3": "e"})
# Endings and beginnings of derived words: "inspirers" is "inspirer" + s, a word, not
# damage. Used only for words wordfreq has never seen.
SUFFIXES = [("encies", "ence"), ("ities", "ity"), ("ations", "ation"), ("ically", "ic"),
            ("ical", "ic"), ("ness", ""), ("ments", "ment"), ("ists", "ist"), ("isms", "ism"),
            ("ers", "er"), ("ers", ""), ("ers", "e"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ied", "y"),
            ("ed", ""), ("ed", "e"), ("es", ""), ("ly", ""), ("al", ""), ("s", ""), ("er", ""),
            ("or", ""), ("ist", ""), ("ism", ""), ("ize", ""), ("ise", ""), ("ive", "")]
# Demonyms and plurals made from names: Albanians, Kosovar, Yugoslavs, Chinese.
NAME_SUFFIXES = (("ns", ""), ("n", ""), ("ar", "a"), ("r", ""), ("ese", ""), ("i", ""),
                 ("ian", "ia"), ("ians", "ia"), ("ite", ""), ("ites", ""))
PREFIXES = ["anti", "non", "counter", "pseudo", "semi", "sub", "inter", "over", "under",
            "out", "re", "un", "pre", "post", "pro", "self"]
ARTICLES = {"the", "a", "an"}  # a capital article mid-sentence usually starts a title
FUNCTION_WORDS = {"the", "a", "an", "of", "in", "on", "to", "for", "by", "with", "from",
                  "and", "or", "at", "as", "his", "her", "its", "their", "our", "this", "that"}


@dataclass
class Finding:
    start: int
    end: int
    sic: str
    corr: str | None
    cert: str
    kind: str
    runner_up: str | None = None
    margin: float = 0.0
    context: tuple[str, str] = ("", "")


def cached(cache: dict, key, compute, fresh: dict | None = None):
    """cache[key], computed once (and noted in `fresh`, to be kept between runs); a cache
    that grows past 200,000 words starts afresh, so a long run over a huge collection
    keeps its memory bounded."""
    if key not in cache:
        if len(cache) > 200_000:
            cache.clear()
        cache[key] = compute(key)
        if fresh is not None:
            fresh[key] = cache[key]
    return cache[key]


def in_case_slot(chunks: list[tuple[int, str]], i: int) -> bool:
    """A capital here would be a misprint: after a lower-case word (or a comma) that is not
    an article or preposition, and before a lower-case word: "elements Went to"."""
    if i == 0 or i + 1 >= len(chunks):
        return False
    prev, nxt = chunks[i - 1][1], chunks[i + 1][1]
    if chunks[i][1][:1] in OPENING:
        return False  # a quotation begins: its capital is right
    prev_word = word_core(prev)[0]
    return (prev_word.islower() and prev[-1:] not in ".!?:;" and nxt[:1].islower()
            and prev_word not in FUNCTION_WORDS)


def word_core(raw: str) -> tuple[str, int]:
    """The word inside a chunk, without quotes and sentence punctuation around it."""
    start, end = 0, len(raw)
    while start < end and (raw[start] in LEAD or raw.startswith("``", start)):
        start += 2 if raw.startswith("``", start) else 1  # ``TeX's opening quotes''
    while end > start and raw.endswith("''", start, end):
        end -= 2
    while end > start and raw[end - 1] in TRAIL:
        end -= 1
    return raw[start:end], start


def case_like(model: str, word: str) -> str:
    """`word` in the case of the printed `model`."""
    if len(model) > 2 and model[1].isupper() and model[2:].islower() and (
            word.lower() == model[1:].lower()):
        return model[1:]  # "lNorth" -> "North": a stray letter before a capital
    letters = [c for c in model if c.isalpha()]
    if len(letters) > 1 and sum(c.isupper() for c in letters) * 3 >= len(letters) * 2:
        return word.upper()  # "EDWARn", "rORGERY": a word in capitals, one misread
    if letters[:1] and letters[0].isupper() and not word[:1].isupper():
        return word[:1].upper() + word[1:]  # "5The" -> "The": the first letter decides
    return word
