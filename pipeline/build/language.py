"""Which languages a text uses besides English, by the letters and words that mark them.

What marks a language is data (pipeline/data/languages.tsv), not code; the rule here
holds for any of them: one marker letter, or MIN_WORDS marker words, is enough.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.core import paths

MIN_WORDS = 3  # marker words that mark a text as using the language
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Language:
    ident: str  # ISO 639 code
    name: str
    letters: frozenset[str]
    words: frozenset[str]


@functools.lru_cache(maxsize=4)
def languages(path: Path = paths.DATA / "languages.tsv") -> tuple[Language, ...]:
    """The languages of the list, in its order."""
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            row = (row + ["", "", "", ""])[:4]
            if not row[0].strip() or row[0] == "ident":
                continue
            out.append(Language(row[0].strip(), row[1].strip(), frozenset(row[2].strip()),
                                frozenset(w.lower() for w in row[3].split())))
    return tuple(out)


def marker_letters(listed: tuple[Language, ...] | None = None) -> frozenset[str]:
    """Every letter that marks a listed language."""
    return frozenset().union(*(lang.letters for lang in (listed or languages())))


class Survey:
    """Counts the marks of each language over a text given in parts (a large seed)."""

    def __init__(self, listed: tuple[Language, ...] | None = None):
        self.listed = languages() if listed is None else listed
        self.letters: set[str] = set()  # idents whose letters were seen
        self.words: dict[str, int] = {}

    def feed(self, text: str) -> None:
        chars = set(text)
        for lang in self.listed:
            if lang.ident not in self.letters and chars & lang.letters:
                self.letters.add(lang.ident)
            if lang.words:
                self.words[lang.ident] = self.words.get(lang.ident, 0) + sum(
                    1 for m in _WORD.finditer(text) if m.group().lower() in lang.words)

    def found(self) -> list[Language]:
        """The languages marked, in the list's order."""
        return [lang for lang in self.listed if lang.ident in self.letters
                or self.words.get(lang.ident, 0) >= MIN_WORDS]


def used_in(text: str, listed: tuple[Language, ...] | None = None) -> list[Language]:
    """The listed languages whose marks occur in `text`.

    Example:

        [lang.name for lang in used_in("The road to Korçë")]  # ["Albanian"]
    """
    survey = Survey(listed)
    survey.feed(text)
    return survey.found()


ENGLISH_SHARE = 0.10  # at least this share of the words are English function words


def english_share(text: str) -> float:
    """The share of the words of `text` that are English function words
    (pipeline/data/english-words.txt)."""
    from pipeline.core import cues

    common = set(cues.load("english-words.txt")["function-words"])
    words = [m.group().lower() for m in _WORD.finditer(text[:200_000])]
    return sum(w in common for w in words) / len(words) if words else 0.0


def is_english(text: str) -> bool:
    """Is `text` English enough for the English name model?

    Example:

        is_english("The courier rode to the town.")  # True
    """
    return english_share(text) >= ENGLISH_SHARE


@functools.lru_cache(maxsize=65536)
def english_zipf(word: str) -> float:
    """How common `word` is in English (wordfreq's Zipf scale: 7 for "the", 0 unknown).

    Example:

        english_zipf("street")  # about 5
    """
    from pipeline.build.wordtable import table_zipf

    z = table_zipf(word.lower())  # wordfreq lower-cases too; its table holds lower case
    if z is not None:
        return z
    import wordfreq

    return wordfreq.zipf_frequency(word, "en")
