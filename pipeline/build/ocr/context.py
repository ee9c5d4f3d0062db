"""Readings chosen in context: a noisy channel, the OCR confusion cost times a word-bigram
language model.

A damaged word's candidates (build/ocr/candidates.py) are scored again with the words
around it: of two readings, one a single edit away and one two edits away, the cheaper
wins alone; but when the dearer one goes with the next word as common English does
and the cheaper one does not, in context the dearer one wins. The same scores find a
real word that the words around it rule out (build/ocr/checker.py). The model is
symspellpy's English unigram and bigram counts (derived from Google Books n-grams),
loaded once per process and kept in the cache directory in a compact form.

Score of a reading w between the words a and b (log10, in Zipf units like the
lexicon's): log P(w | a) + log [P(b | w) / P(b)] − 3 × cost, each conditional
interpolated with the word's own frequency (LAMBDA), so that a pair the counts never
saw is no penalty, only no evidence.
"""

from __future__ import annotations

import functools
import marshal
import math
import os
from pathlib import Path

from pipeline.core.fsutil import atomic_write
from pipeline.core.paths import cache_dir

LAMBDA = 0.5
COST_WEIGHT = 3.0  # as in the lexicon's scores (docs/ocr.md)
RERANK = 12  # candidates looked at again in context
FUNCTION_ZIPF = 6.0  # "the", "a", "and", "of", "her": the commonest words
UNSEEN_PAIR = -3.0  # log10 chance of a pair the counts lack, next to such a word
UNIGRAMS = "frequency_dictionary_en_82_765.txt"
BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"


SWITCH = "ARCHIVE_OCR_CONTEXT"  # "off": no language model, for the benchmark beside it


def enabled() -> bool:
    """Is the language model on? Always, unless ARCHIVE_OCR_CONTEXT=off (make bench
    measures the checker without it; the build's fingerprint says which ran)."""
    return os.environ.get(SWITCH, "on").lower() != "off"


@functools.lru_cache(maxsize=1)
def model() -> "Bigrams":
    return Bigrams.load() if enabled() else Bigrams({}, {})


class Bigrams:
    """Word and word-pair counts, lower case."""

    def __init__(self, words: dict[str, int], pairs: dict[str, int]):
        self.words = words
        self.pairs = pairs

    @classmethod
    def load(cls) -> "Bigrams":
        cache = cache_dir() / f"bigrams-symspellpy-{symspellpy_version()}.marshal"
        try:
            words, pairs = marshal.loads(cache.read_bytes())
            return cls(words, pairs)
        except (OSError, ValueError, EOFError, TypeError):
            pass
        folder = _data_dir()
        words = _read(folder / UNIGRAMS, 1)
        pairs = _read(folder / BIGRAMS, 2)
        try:
            atomic_write(cache, marshal.dumps((words, pairs)))
        except OSError:
            pass  # a read-only cache costs the parsing again next time
        return cls(words, pairs)

    def score(self, word: str, before: str | None, after: str | None, zipf) -> float:
        """How well `word` fits between `before` and `after` (either may be None);
        `zipf(w)` is the lexicon's frequency of a word."""
        w = word.lower()
        own = 10 ** (zipf(w) - 9)
        if before:
            b = before.lower()
            seen = self.words.get(b, 0)
            cond = self.pairs.get(f"{b} {w}", 0) / seen if seen else 0.0
            left = math.log10(LAMBDA * cond + (1 - LAMBDA) * own + 1e-12) + 9
        else:
            left = zipf(w)
        right = 0.0
        if after:
            a = after.lower()
            p_after = 10 ** (zipf(a) - 9)
            seen = self.words.get(w, 0)
            cond = self.pairs.get(f"{w} {a}", 0) / seen if seen else 0.0
            right = math.log10((LAMBDA * cond + (1 - LAMBDA) * p_after + 1e-12)
                               / (p_after + 1e-12))
        return left + right


    def sequence(self, words: list[str], before: str | None, after: str | None, zipf
                 ) -> float:
        """How well the words, in turn, fit between `before` and `after`, on the scale
        of score(): each word after the first adds its log-probability after the one
        before it ("giving a" against "giving"), so two words pay for being two."""
        total = 0.0
        words = [w.strip(".,;:”\"’»") or w for w in words]  # "Kruja. was": its words
        for k, w in enumerate(words):
            last = k == len(words) - 1
            prev = before if k == 0 else words[k - 1]
            total += self.score(w, prev, after if last else None, zipf) - (9 if k else 0)
        return total

    def phrase_zipf(self, words: list[str], zipf) -> float:
        """The Zipf frequency of the words as a phrase: the first word's, times the
        chance of each next word after the one before. The counts hold only the
        commonest pairs: a pair they lack is taken as rare (UNSEEN_PAIR) when one of
        its words is among the commonest of English ("her pocket"), else as never
        written (-inf: "dia mold")."""
        low = [w.lower() for w in words]
        total = zipf(low[0])
        for a, b in zip(low, low[1:]):
            pair, seen = self.pairs.get(f"{a} {b}", 0), self.words.get(a, 0)
            if pair and seen:
                total += math.log10(min(pair / seen, 1.0))
            elif max(zipf(a), zipf(b)) >= FUNCTION_ZIPF:
                total += UNSEEN_PAIR
            else:
                return -math.inf
        return total

    def in_dictionary(self, word: str) -> bool:
        """Is `word` a word of the unigram list (Google Books words that are in a
        dictionary)? A rare word of the web's lists that is not ("tbe", "ofit") is
        more likely damage than a rare word that is ("bespeaks", "whither")."""
        return word.lower() in self.words


def _read(path: Path, n: int) -> dict[str, int]:
    out: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == n + 1 and parts[-1].isdigit():
                out[" ".join(parts[:n]).lower()] = int(parts[-1])
    return out


def _data_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("symspellpy")
    if spec is None or spec.origin is None:
        from pipeline.core.errors import PipelineError

        raise PipelineError("symspellpy is not installed: pip install symspellpy==6.10.1 "
                            "(make installs it)")
    return Path(spec.origin).parent


def symspellpy_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("symspellpy")
    except metadata.PackageNotFoundError:
        return "missing"


CONTEXT_MARGIN = 3.0  # log10: the other word must fit the context a thousand times better
VARIANT_ZIPF = 3.0  # a real word is read as another only if that one is this common


def rerank(ranked, before: str | None, after: str | None, zipf):
    """The best of `ranked` (reading, score, cost) between `before` and `after`:
    (reading, cost, runner-up, margin), or None when fewer than two readings compete."""
    if not (before or after) or len(ranked) < 2 or not enabled():
        return None
    bigrams = model()
    scored = sorted(((bigrams.sequence(r.split(), before, after, zipf) - COST_WEIGHT * cost,
                      r, cost) for r, _, cost in ranked[:RERANK]),
                    key=lambda x: -x[0])
    if len(scored) < 2:
        return None
    (score, best, cost), runner = scored[0], scored[1]
    return best, cost, runner[1], score - runner[0]


def real_word(word: str, variants, before: str | None, after: str | None, zipf
              ) -> tuple[str, float] | None:
    """A real word the context says is a misreading ("he bad gone"): of `variants`
    (reading, cost), each one confusion away and common enough, the one that fits the
    words around it CONTEXT_MARGIN better, net of its cost; (reading, margin)."""
    # No variant, no reading: decided before the context is scored (most words have
    # none, and scoring them was a tenth of the checker's time).
    if not (variants and before and after) or not enabled():
        return None
    bigrams = model()
    own = bigrams.score(word, before, after, zipf)
    best = None
    for v, cost in variants:
        margin = bigrams.score(v, before, after, zipf) - COST_WEIGHT * cost - own
        if margin >= CONTEXT_MARGIN and (best is None or margin > best[1]):
            best = (v, margin)
    return best
