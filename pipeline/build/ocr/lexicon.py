"""The lexicon the OCR checker trusts: English word frequencies (wordfreq), the names of
the authority file, and the sources' own vocabulary (pipeline/data/vocabulary.txt)."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from pipeline.build.names.authority import TOKEN, Authority
from pipeline.build.wordtable import plain, table_zipf, wordfreq_version
from pipeline.core import cues
from pipeline.core.paths import cache_dir
from pipeline.core.fold import fold
from pipeline.core.fsutil import atomic_write

ENGLISH = "en"
MIN_CANDIDATE_ZIPF = 2.5  # rarer English words are never offered as corrections
KNOWN_ZIPF = 3.0  # a word this frequent is taken as correct
NAME_ZIPF = 4.0  # what a name of the authority or a vocabulary word counts as
# What the lexicon works out and keeps between runs; "block": the findings of a text
# with the document counts they read (ocr/blocks.py).
TABLES = ("rank", "signal", "zipf", "block", "dates")  # dates: build/dates/kept.py


@functools.lru_cache(maxsize=1)
def _english_list() -> tuple[tuple[str, ...], dict[str, float]]:
    """The English words worth offering as corrections, most frequent first, with their
    Zipf frequencies. Working them out takes a second, so they are kept in a cache file
    (per wordfreq version and threshold) and read back in a few milliseconds."""
    cache = _cache_file()
    try:
        words, values = json.loads(cache.read_text(encoding="utf-8"))
        return tuple(words), dict(zip(words, values))
    except (OSError, ValueError, TypeError):
        pass
    import wordfreq

    words, zipf = [], {}
    for word in wordfreq.top_n_list(ENGLISH, 300_000):
        if not word.isalpha():
            continue
        z = wordfreq.zipf_frequency(word, ENGLISH)
        if z < MIN_CANDIDATE_ZIPF:
            break  # the list is sorted by frequency
        words.append(word)
        zipf[word] = z
    try:
        atomic_write(cache, json.dumps([words, [zipf[w] for w in words]]).encode("utf-8"))
    except OSError:
        pass  # a read-only cache directory only costs the second again next time
    return tuple(words), zipf


def _cache_file() -> Path:
    return cache_dir() / f"english-wordfreq-{wordfreq_version()}-zipf-{MIN_CANDIDATE_ZIPF}.json"


@functools.lru_cache(maxsize=1 << 16)
def english_zipf(word: str) -> float:
    """Zipf frequency of a lower-case English word (0 if wordfreq does not know it)."""
    if not word.replace("'", "").replace("’", "").isalpha():
        return 0.0  # wordfreq would split "r-arty" and score its pieces
    z = table_zipf(word)
    if z is not None:
        return z
    import wordfreq  # only for what its tokenizer must split: "l'amour", "'tis"

    return wordfreq.zipf_frequency(word, ENGLISH)


class Kept(dict):
    """A cache that also asks `source` (what earlier runs kept, pipeline/build/ocr/cache.py)
    for a word it does not hold, and holds the answer: a run reads only its own words."""

    source = None  # a callable: word -> value, or None when nothing was kept

    def __init__(self):
        super().__init__()
        self.asked: set = set()  # words the source did not have: asked once

    def __contains__(self, word) -> bool:
        if dict.__contains__(self, word):
            return True
        if self.source is None or word in self.asked:
            return False
        value = self.source(word)
        if value is None:
            if len(self.asked) > 200_000:
                self.asked.clear()
            self.asked.add(word)
            return False
        dict.__setitem__(self, word, value)
        return True

    def get(self, word, default=None):
        return self[word] if word in self else default


class Lexicon:
    """Which words are known, how frequent they are, and the list to search for fixes."""

    def __init__(self, authority: Authority | None = None):
        self.vocabulary = {w for section in cues.load("vocabulary.txt").values() for w in section}
        # The period's own spellings ("shew", "connexion"): words, in any document.
        self.vocabulary |= set(cues.load("historical-spellings.txt").get("period", ()))
        self.names: set[str] = set()
        self.name_forms: dict[str, str] = {}  # folded lower-case -> printed form
        if authority:
            for entry in authority.entries.values():
                for name in entry.names:
                    for m in TOKEN.finditer(name):
                        word = m.group()
                        if word[:1].isupper():  # "of", "the" inside names are not names
                            self.names.add(word.lower())
                            self.name_forms.setdefault(fold(word).lower(), word)
        english, self._zipf = _english_list()
        extra = sorted((self.vocabulary | set(self.name_forms)) - set(self._zipf))
        self.search_list = list(english) + extra
        self.rank_cache = Kept()  # word -> readings, shared by documents
        self.signal_cache = Kept()  # word -> a sign of damage?
        self.zipf_cache = Kept()  # word not in the list -> wordfreq's zipf
        self.variant_cache: dict[str, list] = {}  # word -> common words one confusion away
        # (word, initial, case slot) -> [(finding, counts read)]: the rules' answers,
        # shared by the documents of a run (ocr/rules.py, _word_across); memory only
        self.word_memo: dict[tuple, list] = {}
        # text key -> [counts read, findings] (ocr/blocks.py), of one document at a time
        self.block_cache = Kept()
        self.block_cache.doc = None
        # text key -> the date rules' hits in it (build/dates/kept.py): kept in the same
        # file, since they too depend on the code and the word lists only
        self.date_cache = Kept()
        self.caches = {"rank": self.rank_cache, "signal": self.signal_cache,
                       "zipf": self.zipf_cache, "block": self.block_cache,
                       "dates": self.date_cache}
        # What the caches' answers depend on of the authority file (its names' words),
        # for their file's key: an edit to anything else keeps them.
        self.names_key = hashlib.sha256(json.dumps(
            [sorted(self.names), sorted(self.name_forms.items())],
            ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
        # What this process worked out since it last handed it on (pipeline/build/ocr/cache.py).
        self.fresh: dict[str, dict] = {table: {} for table in TABLES}
        self.by_length: dict[int, list[str]] = {}
        for word in self.search_list:
            self.by_length.setdefault(len(word), []).append(word)

    def near_length(self, length: int, spread: int) -> list[str]:
        """Words whose length is within `spread` of `length`: all an edit search needs."""
        return [w for n in range(max(1, length - spread), length + spread + 1)
                for w in self.by_length.get(n, ())]

    def zipf(self, word: str, floor: float = 0.0) -> float:
        """The word's Zipf frequency. With a `floor` above the list's threshold, a word
        that only wordfreq's whole table could rate counts as 0: it is rarer than every
        word of the list, so below the floor whatever its value (see `reaches`)."""
        low = word.lower()
        if low in self.vocabulary or low in self.names:
            return max(NAME_ZIPF, self._rare(low, floor))
        if low in self._zipf:
            return self._zipf[low]
        if low == fold(low) and low in self.name_forms:
            return NAME_ZIPF  # a name printed without its diacritics: Korce
        return self._rare(low, floor)

    def reaches(self, word: str, floor: float) -> bool:
        """zipf(word) >= floor, without loading wordfreq's whole table when the floor
        is above the list's threshold."""
        return self.zipf(word, floor) >= floor

    def _rare(self, low: str, floor: float = 0.0) -> float:
        """english_zipf of a word, from the kept values when an earlier run looked it up:
        then wordfreq's whole table is never loaded."""
        z = self._zipf.get(low)
        if z is not None:
            return z
        if floor > MIN_CANDIDATE_ZIPF and plain(low):
            # Not in the list: rarer than MIN_CANDIDATE_ZIPF, so below `floor` whatever
            # its value. Decided before the kept values are asked: most such words are
            # a confusion's misspellings, one SQLite look-up each (a one-change build
            # asked 20,000 of them).
            return 0.0
        z = self.zipf_cache.get(low)
        if z is None:
            z = self.zipf_cache[low] = self.fresh["zipf"][low] = english_zipf(low)
        return z

    def known(self, word: str) -> bool:
        low = word.lower()
        return (low in self.vocabulary or low in self.names or self.zipf(low) >= KNOWN_ZIPF)

    def is_name(self, word: str) -> bool:
        return word.lower() in self.names

    def printed(self, candidate: str) -> str:
        """A candidate as the lexicon spells it: an English word as it is, a name with
        its capital and diacritics."""
        if candidate in self._zipf or candidate in self.vocabulary:
            return candidate
        return self.name_forms.get(candidate, candidate)
