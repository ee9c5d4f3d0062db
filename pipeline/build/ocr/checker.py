"""OCR damage: find words damaged by character recognition, propose a reading, note it.

A document is treated as OCR output only when its rate of damage signals says so (the
decision goes into its header); born-digital texts get no corrections. In an OCR
document a word is looked at when a signal fires: a digit or stray mark inside it,
accents on an English word, a word no lexicon knows, two halves of a split word, a
joined pair, or a rare word one OCR confusion away from a very common one. Readings
come from a confusion-aware edit distance ranked by word frequency; @cert comes from
the margin between the best reading and the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from pipeline.core import cues
from pipeline.build.annotate import Hit, text_slots
from pipeline.core.fold import fold
from pipeline.build.ocr.lexicon import KNOWN_ZIPF, Lexicon
from pipeline.core.ns import tei, xml

CHUNK = re.compile(r"\S+")
LEAD = "\"'«»“”‘’([{<"
TRAIL = "\"'«»“”‘’)]},.;:!?>"
LETTER = re.compile(r"[^\W\d_]")
STRAY = re.compile(r"[^\w\s'’‐–—-]|\d")  # a mark or digit that has no business in a word
NUMERIC = re.compile(r"^\d+(?:st|nd|rd|th|s|[a-z])?$|^\d[\d,.]*-\w+$|^[IVXLC]+$")
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
JOIN_COST = 1.2
CHEAP_EDIT = 0.5  # a reading this close is one confusion or stray mark away
JOIN_PART_ZIPF = 5.0
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


@dataclass
class Decision:
    """Whether a document is OCR output, and why."""

    is_ocr: bool
    signals: int
    words: int

    @property
    def rate(self) -> float:
        return 1000 * self.signals / max(self.words, 1)


# --- The confusion-aware edit distance ------------------------------------------------

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


# --- The checker ----------------------------------------------------------------------

@dataclass
class Overrides:
    """Archivists' decisions from tei/ocr-overrides.tsv: keep a word, or fix a reading."""

    keep: set[tuple[str, str]] = field(default_factory=set)
    correct: dict[tuple[str, str], str] = field(default_factory=dict)

    def kept(self, doc: str, sic: str) -> bool:
        return (doc, sic) in self.keep or ("*", sic) in self.keep

    def reading(self, doc: str, sic: str) -> str | None:
        return self.correct.get((doc, sic)) or self.correct.get(("*", sic))


class OcrChecker:
    def __init__(self, lexicon: Lexicon, overrides: Overrides | None = None, doc: str = "*"):
        self.lex = lexicon
        self.costs = Costs.load()
        self.overrides = overrides or Overrides()
        self.doc = doc
        self.counts: dict[str, int] = {}
        self.exact: dict[str, int] = {}
        self._near_cache: dict[tuple[int, int], list[str]] = {}
        self._memo: dict[tuple, Finding | None] = {}  # per document: its counts matter
        self.findings: list[Finding] = []

    # A first pass over the whole document: its own vocabulary and its damage rate.
    def decide(self, texts: list[str]) -> Decision:
        words = 0
        for text in texts:
            for m in CHUNK.finditer(text):
                core = _core(m.group())[0]
                if LETTER.search(core):
                    words += 1
                    self.counts[core.lower()] = self.counts.get(core.lower(), 0) + 1
                    self.exact[core] = self.exact.get(core, 0) + 1
        signals = sum(1 for text in texts for m in CHUNK.finditer(text)
                      if self._signal(_core(m.group())[0]))
        return Decision(signals >= MIN_SIGNALS and 1000 * signals / max(words, 1)
                        >= RATE_THRESHOLD, signals, words)

    def _signal(self, core: str) -> bool:
        return _cached(self.lex.signal_cache, core, self._signal_uncached,
                       self.lex.fresh["signal"])

    def _signal_uncached(self, core: str) -> bool:
        """A cheap sign of damage, for the decision whether a document is OCR at all:
        a digit or mark inside a word, accents on an English word, or a lower-case word
        nobody has seen whose letters alone make a known word or that one edit fixes."""
        core = POSSESSIVE.sub("", core)
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

    def find(self, text: str) -> list[Hit]:
        hits = []
        for f in self._scan(text):
            f.context = _context(text, f)
            self.findings.append(f)
            hits.append(Hit(f.start, f.end, "choice" if f.corr else "sic",
                            {xml("id"): f"ocr-{len(self.findings)}"},
                            build=_builder(f)))
        return hits

    def _scan(self, text: str):
        chunks = [(m.start(), m.group()) for m in CHUNK.finditer(text)]
        i = 0
        while i < len(chunks):
            start, raw = chunks[i]
            core, offset = _core(raw)
            if core.startswith("`") and re.search(r"\w'(?!\w)", text[start:]):
                core, offset = core[1:], offset + 1  # `quoted' in the old typewriter style
            s = start + offset
            reading = self.overrides.reading(self.doc, core)
            if reading:  # an archivist's decision comes before every rule
                yield Finding(s, s + len(core), core, reading, "high", "override")
                i += 1
                continue
            initial = i == 0 or chunks[i - 1][1][-1:] in ".!?:»”\""
            found = None
            if i + 1 < len(chunks):
                found = self._split(text, core, s, chunks[i + 1])
                if found:
                    i += 1
            found = (found or self._unpaired_opener(text, start, raw, core, s)
                     or self._word(core, s, initial, _case_slot(chunks, i)))
            if found and not self.overrides.kept(self.doc, found.sic):
                yield found
            i += 1

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

    def _word(self, core: str, s: int, initial: bool, case_slot: bool = False
              ) -> Finding | None:
        """The finding for one word, if any. It depends on the word, its place and the
        document's own counts, never on its offset: each is worked out once per
        document and moved to the offset asked for."""
        key = (core, initial, case_slot)
        if key not in self._memo:
            self._memo[key] = self._word_at_zero(core, initial, case_slot)
        found = self._memo[key]
        return None if found is None else replace(found, start=s, end=s + found.end)

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
            if re.fullmatch(r"[^\W\d_]+(?:[-‐–—][^\W\d_]+)+", core) and all(
                    self.lex.known(p) for p in re.split(r"[-‐–—]", core)):
                return None  # "anti-fascist", "clear-cut": a compound of known words
            if self.lex.known(core) or self.counts.get(core.lower(), 0) >= 2:
                if case_slot and core[:1].isupper():
                    return self._case_error(core, s)
                return self._real_word(core.lower(), s, printed=core)
            if core[0].isupper() and not initial:
                return self._unknown_capital(core, s) if len(core) > 3 else None
            if core.isupper() and len(core) <= 6:
                return None  # an acronym
            if self.lex.zipf(core) >= UNKNOWN_ZIPF:
                return self._real_word(core.lower(), s, printed=core)
        elif self.lex.is_name(letters):
            return None
        return self._correct(core, s, "char" if stray else "accent" if accented else "nonword",
                             strict=not (stray or accented))

    def _english_under_accents(self, core: str) -> bool:
        """Accents are damage on an English word ("höuse", "wáter"), not on an
        Albanian one: the word without them must be English, or one cheap edit away,
        and a word with ë or ç must be English as it stands without them."""
        plain = fold(core).lower()
        if self.lex.zipf(plain) >= KNOWN_ZIPF:
            return True
        if re.search("[ëçËÇ]", core):
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
            return Finding(s, s + len(core), core, low, "medium", "case")
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
        cert = "high" if margin >= 1.5 else "medium" if margin >= 0.7 else "low"
        kind = "join" if " " in best and " " not in core else kind
        return Finding(s, s + len(core), core, _case_like(core, best), cert, kind,
                       runner[0] if runner else None, margin)

    def _rank(self, core: str) -> list[tuple[str, float, float]]:
        """Readings of a damaged word, best first: (reading, score, cost). Kept on the
        lexicon, so a collection searches each distinct word once."""
        return _cached(self.lex.rank_cache, core, self._search, self.lex.fresh["rank"])

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
        # All the checker ever reads: the best two, and every reading one cheap edit
        # away (_real_word). Short lists keep the caches small enough to keep between runs.
        return [r for i, r in enumerate(out) if i < 2 or r[2] <= CHEAP_EDIT]

    def _near(self, length: int, spread: int) -> list[str]:
        key = (length, spread)
        if key not in self._near_cache:
            self._near_cache[key] = self.lex.near_length(length, spread)
        return self._near_cache[key]

    def _splits(self, core: str) -> list[tuple[str, float]]:
        """"hispost" -> "his post"; "Kruja.was" -> "Kruja. was"; "occupied”Albania"."""
        out = []
        m = re.fullmatch(r"([^\W\d_]+)([.”\"’»])([^\W\d_]+)", core)
        if m and self.lex.known(m.group(1)) and self.lex.known(m.group(3)):
            out.append((f"{m.group(1)}{m.group(2)} {m.group(3)}", 0.3))
        if (core.isalpha() and core.islower() and len(core) >= 5
                and self.lex.zipf(core) < UNKNOWN_ZIPF):
            for k in range(2, len(core) - 1):
                a, b = core[:k], core[k:]
                if min(self.lex.zipf(a), self.lex.zipf(b)) >= JOIN_PART_ZIPF:
                    out.append((f"{a} {b}", JOIN_COST))
        return out

    def _split(self, text: str, core: str, s: int, nxt: tuple[int, str]) -> Finding | None:
        """"resis tance": two pieces that are no words, one word together."""
        n_start, n_raw = nxt
        n_core, n_off = _core(n_raw)
        if not core.isalpha() or not n_core.isalpha() or text[s + len(core):n_start + n_off] != " ":
            return None
        joined = core + n_core
        if len(n_core) == 1 and n_raw != n_core:
            return None  # "or e)": an enumeration, not half a word
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
        return Finding(s, s + len(shown), shown, _case_like(shown, best), "medium", "realword")

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

    def _unknown_capital(self, core: str, s: int) -> Finding | None:
        """A capitalised word no lexicon knows is most likely a name: correct it only
        to a common word one confusion away ("Gelieral") or to a name of the authority."""
        if self._derived(core, NAME_SUFFIXES):
            return None  # "Yugoslavs", "Albanians", "Kosovar": made from a name
        ranked = self._rank(core)
        for best, score, cost in ranked[:1]:
            common = (cost <= 1.0 and self.lex.zipf(best) >= 4.5) or (
                cost <= 0.5 and self.lex.zipf(best) >= FREQUENT)
            name = self.lex.is_name(best.lower()) and cost <= 2.0 and len(core) >= 4
            if common or name:
                runner = ranked[1] if len(ranked) > 1 else None
                margin = score - runner[1] if runner else 9.0
                cert = "high" if margin >= 1.5 else "medium" if margin >= 0.7 else "low"
                kind = "name" if self.lex.is_name(best.lower()) else "nonword"
                return Finding(s, s + len(core), core, _case_like(core, best), cert, kind,
                               runner[0] if runner else None, margin)
        return None


ARTICLES = {"the", "a", "an"}  # a capital article mid-sentence usually starts a title
FUNCTION_WORDS = {"the", "a", "an", "of", "in", "on", "to", "for", "by", "with", "from",
                  "and", "or", "at", "as", "his", "her", "its", "their", "our", "this", "that"}


def _cached(cache: dict, key, compute, fresh: dict | None = None):
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


def _case_slot(chunks: list[tuple[int, str]], i: int) -> bool:
    """A capital here would be a misprint: after a lower-case word (or a comma) that is not
    an article or preposition, and before a lower-case word: "elements Went to"."""
    if i == 0 or i + 1 >= len(chunks):
        return False
    prev, nxt = chunks[i - 1][1], chunks[i + 1][1]
    prev_word = _core(prev)[0]
    return (prev_word.islower() and prev[-1:] not in ".!?:;" and nxt[:1].islower()
            and prev_word not in FUNCTION_WORDS)


def _core(raw: str) -> tuple[str, int]:
    """The word inside a chunk, without quotes and sentence punctuation around it."""
    start, end = 0, len(raw)
    while start < end and raw[start] in LEAD:
        start += 1
    while end > start and raw[end - 1] in TRAIL:
        end -= 1
    return raw[start:end], start


def _case_like(model: str, word: str) -> str:
    letters = [c for c in model if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if model[:1].isupper() and not word[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _context(text: str, f: Finding) -> tuple[str, str]:
    after = re.match(r"\s*\S+", text[f.end:])
    if after:
        tail = after.group()
        return f.sic + tail, (f.corr or f.sic) + tail
    before = re.search(r"\S+\s*$", text[:f.start])
    head = before.group() if before else ""
    return head + f.sic, head + (f.corr or f.sic)


def _builder(f: Finding):
    def build(el: etree._Element, covered: str) -> None:
        if f.corr is None:
            el.text = covered
            return
        sic = etree.SubElement(el, tei("sic"))
        sic.text = covered
        corr = etree.SubElement(el, tei("corr"), resp="#pipeline", cert=f.cert)
        corr.text = f.corr
    return build


def read_overrides(path) -> Overrides:
    """tei/ocr-overrides.tsv: document (or *), word as printed, keep|correct, reading."""
    import csv

    overrides = Overrides()
    if not path or not path.exists():
        return overrides
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#") or row[0] == "document":
                continue
            doc, sic, action = (row + ["", "", ""])[:3]
            if action == "keep":
                overrides.keep.add((doc, sic))
            elif action == "correct" and len(row) > 3 and row[3].strip():
                overrides.correct[(doc, sic)] = row[3].strip()
    return overrides


# Furniture and apparatus are not checked; nor are elements TEI allows only "limited"
# phrases in (captions, labels, titles, dates of a document), where no choice may stand.
SKIP = {"fw", "ref", "listBibl", "figDesc", "label", "title", "docDate", "date"}


def skip(el) -> bool:
    local = el.tag.rsplit("}", 1)[-1]
    return local in SKIP or (local == "note" and el.get("type") == "editorial")


def check(text_el: etree._Element, checker: OcrChecker) -> Decision:
    """Decide whether the document is OCR output; if so, mark every finding."""
    from pipeline.build.annotate import annotate

    texts = [(p.text if c is None else c.tail) or "" for p, c in text_slots(text_el, skip)]
    decision = checker.decide(texts)
    if decision.is_ocr:
        annotate(text_el, checker.find, skip)
    return decision


def describe(decision: Decision, findings: list[Finding] | None, scope: str = "") -> str:
    """The header's account of the OCR decision; `findings` None when the count is not
    known yet (a large seed writes its header before its parts are checked)."""
    rate = (f"{decision.rate:.1f} damage signals per 1,000 words{scope} (threshold "
            f"{RATE_THRESHOLD:g}, at least {MIN_SIGNALS})")
    if not decision.is_ocr:
        return f"Not treated as OCR output: {rate}. No corrections were made."
    if findings is None:
        return (f"Treated as OCR output: {rate}. Damaged words are marked in choice/sic/corr "
                "(corr resp=\"#pipeline\" with @cert), each with a note in "
                "back/div[@type='ocr-notes'].")
    certs = [f.cert for f in findings if f.corr]
    return (f"Treated as OCR output: {rate}. {len(findings)} damaged words are marked: "
            f"{len(certs)} with a reading in choice/sic/corr (corr resp=\"#pipeline\", "
            f"@cert high {certs.count('high')}, medium {certs.count('medium')}, low "
            f"{certs.count('low')}), {len(findings) - len(certs)} kept as sic with no "
            "credible reading. Every one has a note in back/div[@type='ocr-notes']. Names of "
            "the authority file and words of the project's vocabulary are never corrected; "
            "an archivist's decisions in ocr-overrides.tsv come first.")


def notes(checker: OcrChecker) -> etree._Element | None:
    """<div type="ocr-notes"> with one note per correction, for <back>."""
    if not checker.findings:
        return None
    div = etree.Element(tei("div"), type="ocr-notes")
    for n, f in enumerate(checker.findings, start=1):
        note = etree.SubElement(div, tei("note"), type="ocr", target=f"#ocr-{n}",
                                resp="#pipeline")
        printed, reading = f.context
        if f.corr is None:
            note.text = (f"“{printed}”: damaged by OCR; no credible reading found, the printed "
                         "form is kept.")
        else:
            why = {"override": "reading set by an archivist in ocr-overrides.tsv",
                   "split": "a word split in two", "join": "two words run together"
                   }.get(f.kind, f"runner-up “{f.runner_up}”" if f.runner_up else
                         "no other candidate")
            note.text = (f"“{printed}” read as “{reading}” (certainty {f.cert}; {why}).")
    return div
