"""Names scored on any corpus in the shared format: the pipeline next to the model alone.

A corpus is a folder with `text/DOC.txt` and `gold.json` (a list of mentions
`{"doc", "type", "surface", "start", "end"}`; see ../shared/corpora/README.md). Each
text is encoded as a seed would be, with the given authority file (none by default:
a new archive starts empty); the names in its TEI are compared with the gold by
document and type. Strict: the same surface. Lenient: one surface inside the other.
The baseline is the same spaCy model run alone over the raw text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from lxml import etree

from pipeline.core.errors import PipelineError
from pipeline.core.ns import tei
from pipeline.core.surface import reading_text

KINDS = ("person", "place", "org")
_TAGS = {tei("persName"): "person", tei("placeName"): "place", tei("orgName"): "org"}


@dataclass
class Tally:
    """Per kind: true positives, predicted and gold counts, strict and lenient."""

    strict: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0, 0] for k in KINDS})
    lenient: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0, 0] for k in KINDS})
    errors: list[str] = field(default_factory=list)

    def add(self, doc: str, gold: list[tuple[str, str]], pred: list[tuple[str, str]]) -> None:
        for kind in KINDS:
            g = [_norm(s) for k, s in gold if k == kind]
            p = [_norm(s) for k, s in pred if k == kind]
            for table, tp in ((self.strict, _strict(g, p)), (self.lenient, _lenient(g, p))):
                row = table[kind]
                row[0] += tp
                row[1] += len(p)
                row[2] += len(g)
            missed, extra = _differences(g, p)
            self.errors += [f"{doc}: missed {kind} {s!r}" for s in missed]
            self.errors += [f"{doc}: extra  {kind} {s!r}" for s in extra]


def prf(row: list[int]) -> tuple[float, float, float]:
    tp, pred, gold = row
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _norm(surface: str) -> str:
    """A surface as read: a word broken at a line end ("Massachu¬\nsetts") whole, as the
    pipeline's reading text has it."""
    return " ".join(surface.replace("¬\n", "").replace("-\n", "").split())


def _strict(gold: list[str], pred: list[str]) -> int:
    left = list(pred)
    tp = 0
    for g in gold:
        if g in left:
            left.remove(g)
            tp += 1
    return tp


def _lenient(gold: list[str], pred: list[str]) -> int:
    """One-to-one matches where one surface holds the other; exact ones first."""
    left = list(pred)
    rest = []
    tp = 0
    for g in gold:
        if g in left:
            left.remove(g)
            tp += 1
        else:
            rest.append(g)
    for g in rest:
        for p in left:
            if g in p or p in g:
                left.remove(p)
                tp += 1
                break
    return tp


def _differences(gold: list[str], pred: list[str]) -> tuple[list[str], list[str]]:
    left = list(pred)
    missed = []
    for g in gold:
        match = next((p for p in left if p == g or g in p or p in g), None)
        if match is None:
            missed.append(g)
        else:
            left.remove(match)
    return missed, left


def read_corpus(folder: Path) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """The texts by document, and their gold names as (kind, surface)."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((folder / "text").glob("*.txt"))}
    if not texts:
        raise PipelineError("no text/*.txt: not a corpus in the shared format", str(folder))
    try:
        mentions = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PipelineError(f"cannot read gold.json: {exc}", str(folder)) from None
    gold: dict[str, list[tuple[str, str]]] = {doc: [] for doc in texts}
    for m in mentions:
        if m.get("type") in KINDS and m.get("doc") in gold:
            gold[m["doc"]].append((m["type"], m["surface"]))
    return texts, gold


def pipeline_names(tei_bytes: bytes) -> list[tuple[str, str]]:
    """(kind, surface) of every name in the TEI text, as printed (sic, not corr)."""
    root = etree.fromstring(tei_bytes)
    out = []
    for el in root.find(tei("text")).iter(*_TAGS):
        out.append((_TAGS[el.tag], reading_text(el)))
    return out


def model_names(model_name: str, texts: list[str]) -> list[list[tuple[str, str]]]:
    """The model alone: its entities of our kinds over each raw text."""
    from pipeline.build.names.model import KINDS as LABELS, load

    nlp = load(model_name)
    return [[(LABELS[e.label_], e.text) for e in doc.ents if e.label_ in LABELS]
            for doc in nlp.pipe(texts, batch_size=32)]


def evaluate_corpus(texts: dict[str, str], gold: dict[str, list[tuple[str, str]]],
                    encode_text: Callable[[str, str], bytes], model_name: str | None,
                    tick: Callable[[str], None] = lambda _: None) -> dict[str, Tally]:
    """Tallies of the pipeline (and of the model alone, if one is named) on a corpus
    read by read_corpus. `encode_text(doc, text)` gives the TEI bytes of one text."""
    out = {"pipeline": Tally()}
    for doc, text in texts.items():
        out["pipeline"].add(doc, gold[doc], pipeline_names(encode_text(doc, text)))
        tick(doc)
    if model_name:
        out["model alone"] = Tally()
        for (doc, _), pred in zip(texts.items(), model_names(model_name, list(texts.values()))):
            out["model alone"].add(doc, gold[doc], pred)
    return out


def format_corpus(folder: Path, tallies: dict[str, Tally]) -> list[str]:
    lines = [f"corpus {folder.name}",
             f"  {'':<12} {'kind':<7} {'strict P':>8} {'R':>6} {'F1':>6} | "
             f"{'lenient P':>9} {'R':>6} {'F1':>6} | {'gold':>5} {'found':>6}"]
    for label, tally in tallies.items():
        for kind in KINDS:
            s, le = prf(tally.strict[kind]), prf(tally.lenient[kind])
            lines.append(f"  {label:<12} {kind:<7} {s[0]:8.3f} {s[1]:6.3f} {s[2]:6.3f} | "
                         f"{le[0]:9.3f} {le[1]:6.3f} {le[2]:6.3f} | "
                         f"{tally.strict[kind][2]:5d} {tally.strict[kind][1]:6d}")
    return lines
