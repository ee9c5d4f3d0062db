"""Candidates: the readings of a damaged word, ranked by frequency against edit cost."""

from __future__ import annotations

import re

from pipeline.build.ocr import context
from pipeline.build.ocr.lexicon import KNOWN_ZIPF
from pipeline.build.ocr.text import (CHEAP_EDIT, DIGIT_LETTERS, SHORT_PART_ZIPF, SPACE_COST,
                                     STRAY_FLOOR, UNKNOWN_ZIPF, WEIGHT, cached)
from pipeline.core.fold import fold



KEEP = 12  # readings kept per damaged word
RUN_TOGETHER_MARGIN = 2.0  # zipf points the words apart must be more common by


class Candidates:
    """Readings of a printed word (a mixin of OcrChecker: `self.lex` and `self.costs`
    are the checker's)."""

    def _rank(self, core: str) -> list[tuple[str, float, float]]:
        """Readings of a damaged word, best first: (reading, score, cost). Kept on the
        lexicon, so a collection searches each distinct word once."""
        return cached(self.lex.rank_cache, core, self._search, self.lex.fresh["rank"])

    def _search(self, core: str) -> list[tuple[str, float, float]]:
        from rapidfuzz import distance, process

        plain = fold(re.sub(r"[^\w'’ -]", "", core)).lower() or core.lower()
        # Digits read for letters: ask for the letters too ("a)1" -> "al").
        lettered = plain.translate(DIGIT_LETTERS)
        found: dict[str, float] = {}
        for query in {plain, lettered}:
            limit = 3 if len(query) >= 8 else 2
            many = 400 if len(query) <= 4 else 60  # short words have crowds of neighbours
            for cand, _, _ in process.extract(query, self._near(len(query), limit),
                                              scorer=distance.Levenshtein.distance,
                                              score_cutoff=limit, limit=many):
                found[self.lex.printed(cand)] = self.costs.distance(core, cand)
        for joined, cost in self._splits(core):
            found[joined] = cost
        stripped = re.sub(r"[^\w]", "", core)
        if stripped and stripped != core and self.lex.zipf(stripped) >= STRAY_FLOOR:
            found[self.lex.printed(stripped.lower())] = min(
                found.get(stripped.lower(), 9), 0.3 * (len(core) - len(stripped)))
        out = []
        for cand, cost in found.items():
            if cost > 3.0 or cand.lower() == core.lower():
                continue
            freq = min(self.lex.zipf(w.strip(".”\"’»")) for w in cand.split())
            out.append((cand, freq - WEIGHT * cost, cost))
        out.sort(key=lambda x: (-x[1], x[0]))
        # All the checker ever reads: the best few, which the language model weighs
        # again in context (build/ocr/context.py), and every reading one cheap edit
        # away (_real_word). Short lists keep the caches small enough to keep between runs.
        return [r for i, r in enumerate(out) if i < KEEP or r[2] <= CHEAP_EDIT]

    def _near(self, length: int, spread: int) -> list[str]:
        key = (length, spread)
        if key not in self._near_cache:
            self._near_cache[key] = self.lex.near_length(length, spread)
        return self._near_cache[key]

    def _splits(self, core: str) -> list[tuple[str, float]]:
        """"hispost" -> "his post"; "Kruja.was" -> "Kruja. was"; "occupied”Albania";
        "ofjewellery" -> "of jewellery": a word nobody knows that is two or three known
        words run together (a space the scan lost costs SPACE_COST, less than a letter)."""
        out = []
        m = re.fullmatch(r"([^\W\d_]+)([.”\"’»])([^\W\d_]+)", core)
        if m and self.lex.known(m.group(1)) and self.lex.known(m.group(3)):
            out.append((f"{m.group(1)}{m.group(2)} {m.group(3)}", 0.3))
        own = self.lex.zipf(core)
        if (core.isalpha() and len(core) >= 4 and own < KNOWN_ZIPF
                and (core.islower() or core[1:].islower())):
            bigrams = context.model()
            for parts in self._segments(core):
                # English must put each two together, and more often than the word
                # itself occurs: "giving a", "the evening", "of it" (a word of the web
                # lists, "ofit"); not "dia mold", "carl led".
                if bigrams.phrase_zipf(parts, self.lex.zipf) >= own + RUN_TOGETHER_MARGIN:
                    out.append((" ".join(parts), SPACE_COST * (len(parts) - 1)))
        return out

    def _segments(self, word: str, most: int = 3) -> list[tuple[str, ...]]:
        """The ways `word` divides into `most` or fewer words of the lexicon, each a
        word on its own (one or two letters only if very common: "a", "of")."""
        out = []
        for k in range(1, len(word)):
            head, rest = word[:k], word[k:]
            if not self._segment_word(head):
                continue
            if self._segment_word(rest):
                out.append((head, rest))
            if most > 2:
                out += [(head, *tail) for tail in self._segments(rest, most - 1)
                        if len(tail) > 1]
        return out

    def _segment_word(self, piece: str) -> bool:
        z = self.lex.zipf(piece.lower())
        return z >= (SHORT_PART_ZIPF if len(piece) <= 2 else KNOWN_ZIPF) and (
            len(piece) > 1 or piece in "aAI")

    def _confused(self, word: str) -> set[str]:
        """Every word one confusion of ocr-confusions.txt away from `word`."""
        low = word.lower()
        out = set()
        for (a, b) in self.costs.pairs:
            start = low.find(a)
            while start >= 0:
                out.add(low[:start] + b + low[start + len(a):])
                start = low.find(a, start + 1)
        return out
