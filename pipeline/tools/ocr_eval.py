"""OCR against ground truth: a corpus of ocr/*.txt and gt/*.txt, aligned line by line.

Each OCR text is encoded by the pipeline; its words as printed (the damaged readings,
<sic>) are aligned with the ground truth's words (difflib over the whole document),
so that every word is known to be right or damaged. Then:
- **detection**: of the words the checker flagged, how many were damaged (P); of the
  damaged words, how many it flagged (R);
- **words wrong**, before (the OCR as it came) and after (the TEI's reading text:
  corrections in, words broken at line ends joined), and the change;
- **reliability**: for each @cert, how many readings and how many equal the ground
  truth; "none" counts flags left without a reading.
Words are compared without the punctuation at their edges and a possessive's "'s",
split at hyphens; case counts.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from pipeline.core.errors import PipelineError
from pipeline.core.ns import tei
from pipeline.core.surface import hidden_in_reading, text_parts

_EDGE = re.compile(r"^[^\w]+|[^\w]+$")
_BETWEEN = re.compile(r"[\s\-\u2010\u2013\u2014]+")
_POSSESSIVE = re.compile(r"['’]s$")
CERTS = ("high", "medium", "low", "none")


def words(text: str) -> list[str]:
    """The words of `text`, without the punctuation at their edges and a possessive's
    "'s"; a hyphen separates words ("police-station": the checker reads each part)."""
    out = []
    for raw in _BETWEEN.split(text):
        w = _POSSESSIVE.sub("", _EDGE.sub("", raw))
        if w:
            out.append(w)
    return out


def read_ocr_corpus(folder: Path) -> dict[str, tuple[str, str]]:
    """(OCR text, ground truth) by document."""
    ocr_dir, gt_dir = folder / "ocr", folder / "gt"
    if not ocr_dir.is_dir() or not gt_dir.is_dir():
        raise PipelineError("no ocr/ and gt/: not an OCR corpus in the shared format",
                            str(folder))
    out = {}
    for path in sorted(ocr_dir.glob("*.txt")):
        truth = gt_dir / path.name
        if truth.exists():
            out[path.stem] = (path.read_text(encoding="utf-8"),
                              truth.read_text(encoding="utf-8"))
    if not out:
        raise PipelineError("no document has both ocr/ and gt/ text", str(folder))
    return out


@dataclass
class OcrTally:
    flagged: int = 0
    damaged: int = 0
    hits: int = 0  # flagged and damaged
    before: int = 0  # word edits from the OCR to the truth
    after: int = 0  # word edits from the reading text to the truth
    truth_words: int = 0
    readings: dict[str, list[int]] = field(
        default_factory=lambda: {c: [0, 0] for c in CERTS})  # cert -> [count, right]
    errors: list[str] = field(default_factory=list)

    def add(self, doc: str, ocr: str, truth: str, tei_bytes: bytes) -> None:
        from rapidfuzz.distance import Levenshtein

        text = etree.fromstring(tei_bytes).find(tei("text"))
        gold = words(truth)
        self.truth_words += len(gold)
        self.before += Levenshtein.distance(words(ocr), gold)
        self.after += Levenshtein.distance(words(_reading(text)), gold)
        printed, flags = _printed(text)
        aligned = _align([w for w, _ in printed], gold)
        for k, (word, flag) in enumerate(printed):
            damaged = aligned[k] is None or aligned[k] != word
            self.damaged += damaged
            if flag is not None:
                self.flagged += 1
                self.hits += damaged
        for positions, cert, corr in flags:
            truth_words = _distinct([aligned[k] for k in positions if aligned[k] is not None])
            right = corr is not None and _same(corr, truth_words)
            row = self.readings[cert if corr is not None else "none"]
            row[0] += 1
            row[1] += right
            if not right:
                shown = " ".join(printed[k][0] for k in positions)
                self.errors.append(f"{doc}: {shown!r} -> {corr!r} ({cert}), "
                                   f"truth {' '.join(truth_words)!r}")


def _reading(text_el) -> str:
    """The reading text of the source's words: corrections in, damaged readings and
    line-end hyphens out, and the pipeline's own additions (its notes) out."""
    def hidden(el) -> bool:
        return (el.get("resp") == "#pipeline" and el.tag != tei("corr")) or hidden_in_reading(el)

    return "".join(text_parts(text_el, hidden))


def _distinct(found: list[str]) -> list[str]:
    """The truth's words a flag stands for, once each ("platform" for "t i")."""
    out: list[str] = []
    for item in found:
        for w in item.split():
            if not out or out[-1] != w:
                out.append(w)
    return out


def _same(corr: str, truth_words: list[str]) -> bool:
    mine = words(corr)
    return bool(truth_words) and (mine == truth_words or "".join(mine) == "".join(truth_words))


def _printed(text_el) -> tuple[list[tuple[str, int | None]], list]:
    """The words as printed, each with the index of its flag (or None), and the flags
    as (word positions, cert, corr text or None)."""
    out: list[tuple[str, int | None]] = []
    flags: list = []

    def emit(s: str, flag: int | None) -> None:
        for w in words(s):
            out.append((w, flag))
            if flag is not None:
                flags[flag][0].append(len(out) - 1)

    def walk(el, flag: int | None) -> None:
        if el.get("resp") == "#pipeline" or el.tag == tei("corr"):
            return
        if el.tag == tei("choice"):
            corr = el.find(tei("corr"))
            flags.append(([], corr.get("cert", "low") if corr is not None else "none",
                          "".join(corr.itertext()) if corr is not None else None))
            flag = len(flags) - 1
        if el.text:
            emit(el.text, flag)
        for child in el:
            if isinstance(child.tag, str):
                walk(child, flag)
            if child.tail:
                emit(child.tail, flag if el.tag != tei("choice") else None)

    walk(text_el, None)
    return out, flags


def _align(printed: list[str], gold: list[str]) -> list[str | None]:
    """For each printed word, the ground truth's word it stands for (one-to-one
    replacements and equal runs), or None where no single word answers."""
    out: list[str | None] = [None] * len(printed)
    matcher = difflib.SequenceMatcher(None, printed, gold, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and a1 - a0 == b1 - b0):
            for k in range(a1 - a0):
                out[a0 + k] = gold[b0 + k]
        elif op == "replace":  # split or run-together words: align by the letters
            for k, found in enumerate(_by_letters(printed[a0:a1], gold[b0:b1])):
                out[a0 + k] = found
    return out


def _by_letters(printed: list[str], gold: list[str]) -> list[str | None]:
    """Each printed word's ground truth in a block of unequal length: the gold words
    its letters line up with ("ofjewellery" -> "of jewellery")."""
    p, g = " ".join(printed), " ".join(gold)
    blocks = difflib.SequenceMatcher(None, p, g, autojunk=False).get_matching_blocks()

    def at(i: int) -> int:  # where p[i] lands in g
        best = 0
        for a, b, size in blocks:
            if a <= i < a + size:
                return b + i - a
            if a + size <= i:
                best = b + size
        return min(best, max(len(g) - 1, 0))

    spans, pos = [], 0
    for w in gold:
        spans.append((pos, pos + len(w)))
        pos += len(w) + 1
    out, pos = [], 0
    for w in printed:
        lo, hi = at(pos), at(pos + len(w) - 1)
        hit = [gold[k] for k, (s, e) in enumerate(spans) if s <= hi and lo < e]
        out.append(" ".join(hit) if hit else None)
        pos += len(w) + 1
    return out


def format_ocr_corpus(folder: Path, t: OcrTally) -> list[str]:
    p = t.hits / t.flagged if t.flagged else 1.0
    r = t.hits / t.damaged if t.damaged else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    before = t.before / t.truth_words if t.truth_words else 0.0
    after = t.after / t.truth_words if t.truth_words else 0.0
    change = (after - before) / before if before else 0.0
    lines = [f"corpus {folder.name} (OCR against its ground truth, {t.truth_words:,} words)",
             f"  detection      P {p:.3f}  R {r:.3f}  F1 {f:.3f} | flagged {t.flagged}, "
             f"damaged {t.damaged}",
             f"  words wrong    OCR as it came {before:.1%}, the pipeline's reading text "
             f"{after:.1%} ({change:+.0%})",
             "  certainty   readings   right   share"]
    for cert in CERTS:
        n, right = t.readings[cert]
        share = f"{right / n:.3f}" if n else "    -"
        lines.append(f"    {cert:<8} {n:>9} {right:>7}   {share}")
    return lines
