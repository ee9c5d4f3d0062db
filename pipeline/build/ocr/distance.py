"""The confusion-aware edit distance: how far a printed word is from a reading,
with OCR confusions (rn/m, li/h) and stray marks cheap."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.build.ocr.text import LETTER
from pipeline.core import cues
from pipeline.core.fold import fold



@dataclass
class Costs:
    pairs: dict[tuple[str, str], float] = field(default_factory=dict)
    longest: int = 1
    by_source: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    sub_cache: dict[tuple[str, str], float] = field(default_factory=dict)
    src_cache: dict[str, tuple[list, list]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "Costs":
        costs = cls()
        for line in cues.load("ocr-confusions.txt").get("confusions", ()):
            a, _, b = (x.strip() for x in line.partition("="))
            if a and b:
                cost = 0.4 if len(a) == len(b) == 1 else 0.5
                costs.pairs[(a, b)] = costs.pairs[(b, a)] = cost
                costs.longest = max(costs.longest, len(a), len(b))
        for (a, b), cost in costs.pairs.items():
            costs.by_source.setdefault(a, []).append((b, cost))
        return costs

    def distance(self, src: str, tgt: str) -> float:
        """Weighted edit distance, case-insensitive: confusions and stray marks are cheap."""
        s, t = src.lower(), tgt.lower()
        n, m = len(s), len(t)
        inf = float("inf")
        d = [[inf] * (m + 1) for _ in range(n + 1)]
        d[0][0] = 0.0
        # Per printed position: the cost of dropping it, and the multi-character
        # confusions that start there ("rn" for "m"), worked out once, not per cell.
        prepared = self.src_cache.get(s)
        if prepared is None:  # a search compares one printed word with many candidates
            if len(self.src_cache) > 10_000:
                self.src_cache.clear()
            prepared = self.src_cache[s] = (
                [0.3 if not LETTER.match(c) and not c.isdigit() else 1.0 for c in s],
                [self._multi_at(s, i) for i in range(n)])
        drop, multi = prepared
        sub = self._substitution
        for i in range(n + 1):
            row = d[i]
            for j in range(m + 1):
                here = row[j]
                if here == inf:
                    continue
                if i < n:  # drop a printed character: a stray mark costs little, a
                    # digit is usually a misread letter, not noise
                    below = d[i + 1]
                    if here + drop[i] < below[j]:
                        below[j] = here + drop[i]
                    if j < m:
                        cost = sub(s[i], t[j])
                        if here + cost < below[j + 1]:
                            below[j + 1] = here + cost
                    if i + 1 < n and j + 1 < m and s[i] == t[j + 1] and s[i + 1] == t[j]:
                        if here + 0.6 < d[i + 2][j + 2]:  # swapped letters
                            d[i + 2][j + 2] = here + 0.6
                    for la, target, cost in multi[i]:
                        lb = len(target)
                        if j + lb <= m and t.startswith(target, j) and here + cost < d[i + la][j + lb]:
                            d[i + la][j + lb] = here + cost
                if j < m and here + 1.0 < row[j + 1]:  # a character the print lost
                    row[j + 1] = here + 1.0
        return d[n][m]

    def _multi_at(self, s: str, i: int) -> list[tuple[int, str, float]]:
        """Confusions of more than one character whose printed side starts at s[i]."""
        out = []
        for la in range(1, self.longest + 1):
            if i + la <= len(s):
                for target, cost in self.by_source.get(s[i:i + la], ()):
                    if la > 1 or len(target) > 1:
                        out.append((la, target, cost))
        return out

    def _substitution(self, a: str, b: str) -> float:
        key = (a, b)
        cost = self.sub_cache.get(key)
        if cost is None:
            if a == b:
                cost = 0.0
            elif fold(a) == fold(b):
                cost = 0.2  # an accent too many or too few
            elif key in self.pairs:
                cost = self.pairs[key]
            elif not LETTER.match(a) and not a.isdigit():
                cost = 0.5  # a mark printed for a letter
            else:
                cost = 1.0
            self.sub_cache[key] = cost
        return cost
