"""A documented noise model that damages clean text the way OCR does, with the truth.

Used for the synthetic OCR test set (tests/gold/ocr-synthetic/) and the benchmark
corpus. Each word of three or more letters is damaged with probability `rate`, by one
of these operations (weights in brackets):

- confusion (40): one pair of pipeline/data/ocr-confusions.txt, clean side to damaged
  side ("m" -> "rn", "e" -> "o");
- stray mark (15): one of . , ' ! % • ` inserted inside the word;
- digit (10): a letter replaced by a look-alike digit (l -> 1, o -> 0, s -> 5, e -> 6);
- accent (10): an acute accent or diaeresis on a vowel;
- split (10): a space inside the word;
- join (10): the space to the next word dropped;
- lost letter (5): one inner letter deleted.

The same text, rate and seed give the same damage.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from pipeline.core import cues

WORD = re.compile(r"[A-Za-z]{3,}")
OPERATIONS = [("confusion", 40), ("stray", 15), ("digit", 10), ("accent", 10),
              ("split", 10), ("join", 10), ("lost", 5)]
DIGITS = {"l": "1", "o": "0", "s": "5", "e": "6", "i": "1", "b": "6"}
ACCENTS = ["\u0301", "\u0308"]  # acute, diaeresis


@dataclass
class Damage:
    sic: str  # as damaged
    corr: str  # the clean text
    kind: str


def _pairs() -> list[tuple[str, str]]:
    pairs = []
    for line in cues.load("ocr-confusions.txt").get("confusions", ()):
        a, _, b = (x.strip() for x in line.partition("="))
        if a.isalpha() and b.isalpha():
            pairs += [(a, b), (b, a)]
    return pairs


def damage(text: str, rate: float = 0.03, seed: int = 1) -> tuple[str, list[Damage]]:
    rng = random.Random(seed)
    pairs = _pairs()
    names, weights = zip(*OPERATIONS)
    out: list[str] = []
    truth: list[Damage] = []
    pos = 0
    matches = list(WORD.finditer(text))
    skip_next = False
    for k, m in enumerate(matches):
        if skip_next:
            skip_next = False
            continue
        word = m.group()
        if rng.random() >= rate:
            continue
        kind = rng.choices(names, weights)[0]
        damaged = _apply(kind, word, rng, pairs)
        end = m.end()
        if kind == "join" and k + 1 < len(matches) and text[m.end():matches[k + 1].start()] == " ":
            nxt = matches[k + 1]
            damaged, word, end = word + nxt.group(), word + " " + nxt.group(), nxt.end()
            skip_next = True
        if damaged is None or damaged == word:
            continue
        out.append(text[pos:m.start()])
        out.append(damaged)
        truth.append(Damage(damaged, word, kind))
        pos = end
    out.append(text[pos:])
    return "".join(out), truth


def _apply(kind: str, word: str, rng: random.Random, pairs) -> str | None:
    inner = range(1, len(word) - 1)
    if kind == "confusion":
        usable = [(a, b) for a, b in pairs if a in word]
        if not usable:
            return None
        a, b = rng.choice(usable)
        at = [i for i in range(len(word)) if word.startswith(a, i)]
        i = rng.choice(at)
        return word[:i] + b + word[i + len(a):]
    if kind == "stray":
        i = rng.choice(inner)
        return word[:i] + rng.choice(".,'!%•`") + word[i:]
    if kind == "digit":
        at = [i for i, c in enumerate(word) if c in DIGITS]
        if not at:
            return None
        i = rng.choice(at)
        return word[:i] + DIGITS[word[i]] + word[i + 1:]
    if kind == "accent":
        at = [i for i, c in enumerate(word) if c in "aeiou"]
        if not at:
            return None
        i = rng.choice(at)
        return word[:i] + unicodedata.normalize("NFC", word[i] + rng.choice(ACCENTS)) + word[i + 1:]
    if kind == "split":
        i = rng.choice(inner)
        return word[:i] + " " + word[i:]
    if kind == "lost":
        i = rng.choice(inner)
        return word[:i] + word[i + 1:]
    return word  # join: handled by the caller
