"""The rules: what a word in its place is (a stray mark, a split or joined word, a
misplaced capital, a real word one confusion from a common one, a name) and the
finding each makes, with @cert from the margin between the best reading and the next."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.build.language import marker_letters
from pipeline.build.ocr import context
from pipeline.build.structure.hyphens import is_compound
from pipeline.build.ocr.lexicon import KNOWN_ZIPF
from pipeline.build.ocr.text import (ABBREVIATION, ARTICLES, CASE_ERROR_ZIPF, CHEAP_EDIT,
                                     CONTRACTION, FRAGMENT_ZIPF, FREQUENT, NAME_SUFFIXES,
                                     NOT_A_WORD, NUMERIC, POSSESSIVE, REAL_WORD_MARGIN,
                                     SPLIT_PIECE_ZIPF, STRAY, STRAY_FLOOR, UNKNOWN_ZIPF, Finding,
                                     case_like, word_core)
from pipeline.core.fold import fold


FOREIGN = marker_letters()  # letters that mark a language of data/languages.tsv


HYPHEN_END = "-\u2010\u00ac"
WORD_MEMO_CLASSES = 4  # findings held per word and place, each for its counts' classes
WORD_MEMO_SIZE = 50_000  # words and places held for the run's later documents


# Margins over the runner-up, calibrated on ocr-bln600-dev (archive eval --corpus):
# below 1.5 a reading was right less than half the time whatever the word; from 2.5
# a reading of a plain word of five letters or more was right 93% of the time.
MEDIUM_MARGIN = 1.5
HIGH_MARGIN = 2.5


def certainty(core: str, margin: float, cost: float, reading: str = "") -> str:
    """@cert of a reading: the margin over the runner-up, and what the reading had to
    assume. Measured against ground truth (archive eval --corpus, an OCR corpus), a
    reading is right far more often when it undoes one OCR confusion or less (cost
    <= 1) in a word of five letters or more with no digit or mark in it: only such a
    reading can be high; one that assumed more, or beats the next by little, is low.
    A word read as words run together is at most medium ("at rug" for "atrug" is as
    likely a damaged word), as three words low."""
    plain = sum(c.isalpha() for c in core) >= 5 and core.isalpha()
    spaces = reading.count(" ") - core.count(" ")
    if cost > 1.0 or spaces > 1 or margin < MEDIUM_MARGIN:
        return "low"
    return "high" if margin >= HIGH_MARGIN and plain and spaces < 1 else "medium"


def hyphen_end(core: str) -> bool:
    """A word that ends in a hyphen ("sub-", "forty-")."""
    return core[-1:] in HYPHEN_END and core[:-1].isalpha()


class Rules:
    """The rules of the checker (a mixin of OcrChecker, which gives `self.lex`,
    `self.counts`, `self.exact`, `self._tally`, `self._memo`, `self._recording` and the
    candidates)."""

    def _word(self, core: str, s: int, initial: bool, case_slot: bool = False
              ) -> Finding | None:
        """The finding for one word, if any. It depends on the word, its place and the
        document's own counts, never on its offset: each is worked out once per
        document and moved to the offset asked for."""
        key = (core, initial, case_slot)
        if key not in self._memo:
            self._memo[key] = self._word_across(key)
        found, read = self._memo[key]
        for open_ in self._recording:  # what the first occurrence read, this one reads too
            open_.update(read)
        return None if found is None else replace(found, start=s, end=s + found.end)

    def _word_across(self, key: tuple) -> tuple[Finding | None, dict]:
        """The finding for a word in its place, and the counts it read: taken from an
        earlier document of the run whose counts were in the same classes (the lexicon
        holds them: ocr/blocks.py says why the classes are all that matters), else
        worked out. A run's documents share most of their words, so most are taken."""
        memo = self.lex.word_memo
        if key not in memo and len(memo) >= WORD_MEMO_SIZE:
            memo.clear()  # a bound on a worker's memory
        held = memo.setdefault(key, [])
        for found, read in held:
            if all(self._tally[tag].klass(word) == value for (tag, word), value in read.items()):
                return found, read
        self._recording.append({})
        try:
            found = self._word_at_zero(*key)
        finally:
            read = self._recording.pop()
        if len(held) < WORD_MEMO_CLASSES:
            held.append((found, read))
        return found, read

    def _word_at_zero(self, core: str, initial: bool, case_slot: bool) -> Finding | None:
        s = 0
        core = POSSESSIVE.sub("", core) if len(core) > 3 else core
        if (sum(c.isalpha() for c in core) < 1 or NUMERIC.match(core)
                or ABBREVIATION.match(core) or NOT_A_WORD.search(core)):
            return None
        if core.isupper() and core.isalpha() and len(core) <= 6 and not self.lex.known(core):
            return None  # an acronym
        letters = re.sub(r"[^\w]", "", core)
        stray = (bool(STRAY.search(core)) or self._glued(core)
                 or (core[0] == "-" and core[1:2].islower()))
        accented = (core != fold(core) and not self.lex.known(core)
                    and not self.lex.is_name(core) and self._english_under_accents(core))
        if not stray and not accented:
            if re.fullmatch(r"[^\W\d_]+(?:[-‐–—][^\W\d_]+)+", core):
                if all(self.lex.known(p) for p in re.split(r"[-‐–—]", core)):
                    return None  # "anti-fascist", "clear-cut": a compound of known words
                found = self._compound(core, initial)
                if found:
                    return found  # else the whole is read as one word ("r-arty")
            if self.lex.known(core) or self.counts.get(core.lower(), 0) >= 2:
                if case_slot and core[:1].isupper():
                    return self._case_error(core, s)
                return self._real_word(core.lower(), s, printed=core)
            if core[0].isupper() and not initial:
                return self._unknown_capital(core, s) if len(core) > 3 else None
            if core.isupper() and len(core) <= 6:
                return None  # an acronym
            if self.lex.zipf(core) >= UNKNOWN_ZIPF:
                return self._run_together(core, s) or self._real_word(core.lower(), s,
                                                                      printed=core)
        elif self.lex.is_name(letters):
            return None
        return self._correct(core, s, "char" if stray else "accent" if accented else "nonword",
                             strict=not (stray or accented))

    def _compound(self, core: str, initial: bool) -> Finding | None:
        """"poliee-constable": the one part of a compound nobody knows, read as any word
        would be."""
        parts = re.split(r"([-‐–—])", core)
        unknown = [k for k in range(0, len(parts), 2) if not self.lex.known(parts[k])]
        if len(unknown) != 1 or len(parts[unknown[0]]) < 3:
            return None
        k = unknown[0]
        found = self._word_at_zero(parts[k], initial and k == 0, False)
        if found is None or found.corr is None or " " in found.corr:
            return None
        parts[k] = found.corr
        return replace(found, start=0, end=len(core), sic=core, corr="".join(parts))

    def _english_under_accents(self, core: str) -> bool:
        """Accents are damage on an English word ("höuse", "wáter"), not on a word of
        another language of data/languages.tsv: the word without them must be English,
        or one cheap edit away, and a word with a letter that marks a listed language
        must be English as it stands without them."""
        plain = fold(core).lower()
        if self.lex.zipf(plain) >= KNOWN_ZIPF:
            return True
        if not FOREIGN.isdisjoint(core):
            return False
        ranked = self._rank(core)
        return bool(ranked) and ranked[0][2] <= 1.5

    def _unpaired_opener(self, text: str, start: int, raw: str, core: str, s: int
                         ) -> Finding | None:
        """"'bullets", "(Communist": a quote or bracket that nothing closes is a stray mark."""
        mark = raw[:1]
        closer = {"'": r"\w['’](?!\w)", "‘": r"\w['’](?!\w)", "(": r"\)"}.get(mark)
        if (closer is None or s != start + 1 or not core.isalpha()
                or re.search(closer, text[s:]) or not self.lex.known(core)):
            return None
        return Finding(start, s + len(core), mark + core, core, "medium", "char")

    def _case_error(self, core: str, s: int) -> Finding | None:
        low = core.lower()
        if self.exact.get(core, 0) >= 2:
            return None  # capitalised on purpose, as in "This License", "You"
        if (core[1:].islower() and self.lex.zipf(low) >= CASE_ERROR_ZIPF
                and not self.lex.is_name(core) and low not in ARTICLES):
            return Finding(s, s + len(core), core, low, "low", "case")  # half were right
        return None

    def _glued(self, core: str) -> bool:
        """"s-hedding", "cea'selessly", "t'he": a mark inside that joins no two words."""
        if CONTRACTION.search(core):
            return False  # "don't", "we'll"
        parts = re.split(r"[-'’]", core)
        if len(parts) < 2:
            return False
        if all(self._word_alone(p) for p in parts if p) or self.lex.known(core):
            return False
        return self.lex.known("".join(parts))

    def _correct(self, core: str, s: int, kind: str, strict: bool) -> Finding | None:
        ranked = self._rank(core)
        if not ranked:
            if kind == "char" and len(re.sub(r"\W", "", core)) >= 2:
                return Finding(s, s + len(core), core, None, "low", kind)
            return None
        (best, score, cost), runner = ranked[0], (ranked[1] if len(ranked) > 1 else None)
        longest = 2.5 if len(core) >= 9 else 2.0
        floor = STRAY_FLOOR if cost <= 0.6 else KNOWN_ZIPF  # a stray mark to drop: rarer words
        if min(self.lex.zipf(w.strip(".”\"’»")) for w in best.split()) < floor:
            return None
        if strict and (cost > longest or self.lex.zipf(core) >= UNKNOWN_ZIPF
                       or (cost > 0.5 and self._derived(core))):
            return None  # a derived word ("inspirers") unless one confusion fixes it
        margin = score - runner[1] if runner else 9.0
        cert = certainty(core, margin, cost, best)
        kind = "join" if " " in best and " " not in core else kind
        return Finding(s, s + len(core), core, case_like(core, best), cert, kind,
                       runner[0] if runner else None, margin)

    def _split(self, text: str, core: str, s: int, nxt: tuple[int, str]) -> Finding | None:
        """"resis tance": two pieces that are no words, one word together."""
        n_start, n_raw = nxt
        n_core, n_off = word_core(n_raw)
        if hyphen_end(core):
            return self._split_at_hyphen(text, core, s, n_start + n_off, n_core)
        if not core.isalpha() or not n_core.isalpha() or text[s + len(core):n_start + n_off] != " ":
            return None
        joined = core + n_core
        if len(n_core) == 1 and n_raw != n_core:
            return None  # "or e)": an enumeration, not half a word
        if min(len(core), len(n_core)) == 1 and max(len(core), len(n_core)) < 3 or not (
                joined[1:].islower() or joined.isupper()):
            return None  # "t i", "Ha e", "ha Y": letters of a damaged word, not its halves
        pieces = [self._piece_zipf(p) for p in (core, n_core)]
        whole = self.lex.zipf(joined.lower())
        if min(pieces) >= SPLIT_PIECE_ZIPF:
            return None  # two words in their own right
        if min(pieces) < FRAGMENT_ZIPF:
            if whole < KNOWN_ZIPF:  # a fragment ("resis", "Foundat") and a word together
                return None
            if min(len(core), len(n_core)) <= 2 and max(pieces) >= 5.0:
                return None  # "do nt", "of t": more likely a damaged short word
        elif whole < 4.0 or whole < max(pieces) + 1.0:
            return None
        return Finding(s, n_start + n_off + len(n_core), f"{core} {n_core}", joined, "high",
                       "split")

    def _split_at_hyphen(self, text: str, core: str, s: int, n_at: int, n_core: str
                         ) -> Finding | None:
        """"pro- perty" inside a line: a word broken at a line end whose break the OCR
        lost. Joined when the whole is a known word and the pieces no compound, by the
        rule of line ends ("sub- sequently", "neighbour- hood"); "forty- four" and
        "pre- and post-war" are left as printed."""
        head = core[:-1]
        if (text[s + len(core):n_at] != " " or not n_core[:1].islower()
                or not n_core.isalpha()):
            return None
        joined = head + n_core
        if self.lex.zipf(joined.lower()) < KNOWN_ZIPF or is_compound(head, n_core, core[-1]):
            return None  # the rule of line-end hyphens (build/structure/hyphens.py)
        return Finding(s, n_at + len(n_core), f"{core} {n_core}", joined, "high", "split")

    def _piece_zipf(self, word: str) -> float:
        """How much a piece of a possible split looks like a word by itself: one or two
        letters count only when they are common words ("at", "in"; not "th", "nt")."""
        z = self.lex.zipf(word) if self._word_alone(word) or len(word) > 1 else 0.0
        return z if len(word) > 2 or z >= 5.0 else 0.0

    def _word_alone(self, word: str) -> bool:
        """Known as a word on its own: single letters other than a, I and O are not."""
        if len(word) == 1:
            return word in "aAIO"
        return self.lex.known(word)

    def _real_word(self, core: str, s: int, printed: str | None = None) -> Finding | None:
        """A rare word one confusion away from a very common one: "meri" for "men"."""
        if (not core.islower() or not core.isalpha() or len(core) < 3
                or not UNKNOWN_ZIPF <= self.lex.zipf(core) < FREQUENT):
            return None
        if self.lex.is_name(core) or core in self.lex.vocabulary:
            return None
        floor = self.lex.zipf(core) + REAL_WORD_MARGIN
        variants = self._confused(core)  # cheap: dictionary look-ups, no search
        if not any(self.lex.reaches(v, floor) for v in variants):
            return None
        ranked = [r for r in self._rank(core)
                  if r[2] <= CHEAP_EDIT and self.lex.zipf(r[0]) >= floor]
        if not ranked:
            return None
        best, score, _ = ranked[0]
        shown = printed or core
        return Finding(s, s + len(shown), shown, case_like(shown, best), "medium", "realword")

    def _run_together(self, core: str, s: int) -> Finding | None:
        """A rare word that is two or three common words whose space the scan lost
        ("ofit" -> "of it"): the candidates offer the split only when English writes
        the words together far more often than the word (candidates._splits)."""
        if context.model().in_dictionary(core):
            return None  # "bespeaks", "inaccessibility": rare, but words
        ranked = self._rank(core)
        # Two words, one of them of the commonest ("of it", "down a"): two content
        # words ("airforce") or three ("uptodate") are as often the author's own form.
        splits = [r for r in ranked if r[0].count(" ") == 1 and max(
            self.lex.zipf(w.lower()) for w in r[0].split()) >= context.FUNCTION_ZIPF]
        if not splits:
            return None
        best, score, cost = splits[0]
        others = [r for r in ranked if r is not splits[0]]
        margin = score - others[0][1] if others else 9.0
        return Finding(s, s + len(core), core, case_like(core, best),
                       certainty(core, margin, cost, best), "join",
                       others[0][0] if others else None, margin)

    def _unknown_capital(self, core: str, s: int) -> Finding | None:
        """A capitalised word no lexicon knows is most likely a name: correct it only
        to a common word one confusion away ("Gelieral") or to a name of the authority."""
        if self._derived(core, NAME_SUFFIXES):
            return None  # "Yugoslavs", "Albanians", "Kosovar": made from a name
        ranked = self._rank(core)
        for best, score, cost in ranked[:1]:
            common = cost <= CHEAP_EDIT and self.lex.zipf(best) >= FREQUENT
            name = self.lex.is_name(best.lower()) and cost <= 2.0 and len(core) >= 4
            if common or name:
                runner = ranked[1] if len(ranked) > 1 else None
                margin = score - runner[1] if runner else 9.0
                cert = certainty(core, margin, cost, best)
                kind = "name" if self.lex.is_name(best.lower()) else "nonword"
                return Finding(s, s + len(core), core, case_like(core, best), cert, kind,
                               runner[0] if runner else None, margin)
        return None
