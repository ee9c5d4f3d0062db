"""A synthetic collection for benchmarks: seed paragraphs recombined and perturbed.

Each document takes paragraphs of the seeds in a shuffled order until it reaches about
`words` words, swaps some names for other spellings of the same authority entry, and
one document in `ocr_every` is damaged by the OCR noise model of pipeline/tools/noise.py (at
`ocr_rate` per word). A paragraph of prose (two sentences or more, or PROSE_WORDS
words) is made afresh from as many sentences (three at least) drawn from all the seeds'
prose: whole seed paragraphs, used again
and again, let the name model's span cache answer most of a first build (62,766 of
156,792 paragraphs of the N=1,000 corpus were distinct), which no real collection
does. Headings, lines of letters and other short paragraphs stay as they are. The
same arguments give the same collection.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from pipeline.build.words import count_words
from pipeline.core.fsutil import atomic_write
from pipeline.tools import noise

WORDS_PER_DOC = 10_000
OCR_EVERY = 4
OCR_RATE = 0.02
SWAP_RATE = 0.3
PROSE_WORDS = 20  # a paragraph this long is prose; shorter ones are headings, lines
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(]?[A-Z])")


def generate(seeds: list[Path], out_dir: Path, n: int, authority: Path | None = None,
             words: int = WORDS_PER_DOC, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    paragraphs = [p for s in seeds for p in s.read_text(encoding="utf-8").split("\n\n")
                  if p.strip()]
    variants = _variants(authority)
    prose = [s for p in paragraphs for s in _sentences(p)]
    written = []
    for i in range(n):
        chosen, total = [], 0
        while total < words:
            para = rng.choice(paragraphs)
            count = len(_sentences(para))
            if count:  # three at least: the seeds have some 470 sentences of prose, and
                # pairs of them would repeat in a large collection
                para = " ".join(rng.choice(prose) for _ in range(max(3, count)))
            chosen.append(_swap(para, variants, rng))
            total += count_words(para)
        text = "\n\n".join(chosen) + "\n"
        if i % OCR_EVERY == OCR_EVERY - 1:
            text, _ = noise.damage(text, OCR_RATE, seed=seed * 100_003 + i)
        path = out_dir / f"doc{i:05d}.txt"
        atomic_write(path, text.encode("utf-8"))
        written.append(path)
    return written


def _sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph of prose, each on one line; [] for a short one."""
    parts = [" ".join(part.split()) for part in SENTENCE.split(paragraph.strip())]
    prose = len(parts) >= 2 or len(paragraph.split()) >= PROSE_WORDS
    return parts if prose else []


def _variants(authority: Path | None) -> dict[str, list[str]]:
    if not authority or not authority.exists():
        return {}
    from pipeline.build.names.authority import load

    out: dict[str, list[str]] = {}
    for entry in load(authority).entries.values():
        if len(entry.names) > 1:
            for name in entry.names:
                out[name] = [v for v in entry.names if v != name]
    return out


def _swap(para: str, variants: dict[str, list[str]], rng: random.Random) -> str:
    if not variants:
        return para
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, variants), key=len,
                                                 reverse=True)) + r")\b")
    return pattern.sub(lambda m: rng.choice(variants[m.group(1)])
                       if rng.random() < SWAP_RATE else m.group(1), para)
