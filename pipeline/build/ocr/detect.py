"""Detection: is a document OCR output at all (its rate of damage signals), and is
an unseen word a regular derivation of a known one rather than damage."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.build.ocr.lexicon import KNOWN_ZIPF
from pipeline.build.ocr.text import (ABBREVIATION, CHUNK, LETTER, MIN_SIGNALS, MIN_STEM_ZIPF,
                                     NOT_A_WORD, NUMERIC, POSSESSIVE, PREFIXES, RATE_THRESHOLD,
                                     STRAY, SUFFIXES, cached, word_core)
from pipeline.build.structure.hyphens import is_compound
from pipeline.core.fold import fold



@dataclass
class Decision:
    """Whether a document is OCR output, and why."""

    is_ocr: bool
    signals: int
    words: int
    historical: bool = False  # early modern spelling: plain words are not damage

    @property
    def rate(self) -> float:
        return 1000 * self.signals / max(self.words, 1)


HISTORICAL_MARKERS = 2  # distinct words of data/historical-spellings.txt


def historical_spelling(counts: dict[str, int], texts: list[str]) -> bool:
    """Is the text printed in early modern spelling ("vpon", "onely", "daies", "ſ")?"""
    from pipeline.core import cues

    markers = cues.load("historical-spellings.txt").get("early-modern", ())
    if any("ſ" in text for text in texts):
        return True
    return sum(1 for m in markers if counts.get(m)) >= HISTORICAL_MARKERS


class Detection:
    """The checker's first pass over a document, and the signals it counts (a mixin of
    OcrChecker: `self.lex`, `self.counts` and `self.exact` are the checker's)."""

    # A first pass over the whole document: its own vocabulary and its damage rate.
    def decide(self, texts: list[str]) -> Decision:
        words = 0
        for text in texts:
            for m in CHUNK.finditer(text):
                core = word_core(m.group())[0]
                if LETTER.search(core):
                    words += 1
                    self.counts.add(core.lower())
                    self.exact.add(core)
        self.historical = historical_spelling(self.counts, texts)
        signals = 0
        for text in texts:
            cores = [word_core(m.group())[0] for m in CHUNK.finditer(text)]
            for k, core in enumerate(cores):
                if self.historical and core.isalpha():
                    continue
                signals += self._signal(core) or (
                    k + 1 < len(cores) and self._lost_break(core, cores[k + 1]))
        return Decision(signals >= MIN_SIGNALS and 1000 * signals / max(words, 1)
                        >= RATE_THRESHOLD, signals, words, self.historical)

    def _signal(self, core: str) -> bool:
        return cached(self.lex.signal_cache, core, self._signal_uncached,
                       self.lex.fresh["signal"])

    def _lost_break(self, core: str, nxt: str) -> bool:
        """"neigh- bourhood" inside a line: a word broken at a line end that was
        printed, then run into one line (the checker joins it: rules._split_at_hyphen)."""
        head = core[:-1]
        return (core[-1:] == "-" and head.isalpha() and nxt.isalpha() and nxt.islower()
                and not self.lex.known(head) and not is_compound(head, nxt)
                and self.lex.zipf((head + nxt).lower()) >= KNOWN_ZIPF)

    def _signal_uncached(self, core: str) -> bool:
        """A cheap sign of damage, for the decision whether a document is OCR at all:
        a digit or mark inside a word, accents on an English word, or a lower-case word
        nobody has seen whose letters alone make a known word or that one edit fixes."""
        core = POSSESSIVE.sub("", core)
        if re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)+", core):  # "poliee-constable"
            return any(self._signal(part) for part in core.split("-"))
        letters = re.sub(r"[^\w]", "", core)
        if (sum(c.isalpha() for c in core) < 2 or NUMERIC.match(core) or ABBREVIATION.match(core)
                or NOT_A_WORD.search(core) or self.lex.known(core) or self.lex.is_name(letters)):
            return False
        if STRAY.search(core):
            return LETTER.search(core) is not None and len(letters) >= 3
        if core != fold(core):
            return self.lex.zipf(fold(core).lower()) >= KNOWN_ZIPF
        if core.islower() and core.isalpha() and self.lex.zipf(core) == 0:
            ranked = self._rank(core)
            return not self._derived(core) and bool(ranked) and ranked[0][2] <= 1.0
        return False

    def _derived(self, word: str, extra: tuple = ()) -> bool:
        """Is this unseen word a regular derivation of a known one?"""
        low = word.lower()
        stems = [low[: -len(a)] + b for a, b in SUFFIXES + list(extra) if low.endswith(a)]
        stems += [s[: -len(a)] + b for s in list(stems) for a, b in SUFFIXES if s.endswith(a)]
        if any(len(s) >= 4 and self.lex.zipf(s) >= MIN_STEM_ZIPF for s in stems):
            return True
        # After a prefix the rest must be a word in its own right, and a common one.
        rest = [low[len(p):].lstrip("-") for p in PREFIXES if low.startswith(p)]
        return any(len(r) >= 4 and self.lex.zipf(r) >= KNOWN_ZIPF for r in rest)
