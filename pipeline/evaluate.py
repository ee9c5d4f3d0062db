"""Accuracy: precision, recall and F1 of the markup against gold annotations.

Gold lives in tests/gold/: names/NAME.tsv (surface, type, ref, context), one row per
mention. A mention counts as found when the TEI tags the same surface with the same
type (span) and, for the stricter figure, the same authority id (span+id). Mentions
are compared as multisets per document, so the order of notes moved to their
marks does not matter.
"""

from __future__ import annotations

import collections
import csv
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from pipeline.ns import tei
from pipeline.xmlsafe import parse_file

TYPES = {"persName": "person", "placeName": "place", "orgName": "org"}


@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class NameReport:
    """Scores per document and type, for spans and for spans with ids."""

    span: dict[tuple[str, str], Score] = field(default_factory=dict)
    ident: dict[tuple[str, str], Score] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)

    def total(self, which: str, kind: str | None = None, docs: set[str] | None = None) -> Score:
        table = self.span if which == "span" else self.ident
        out = Score()
        for (doc, k), score in table.items():
            if (kind is None or k == kind) and (docs is None or doc in docs):
                out.add(score)
        return out


def read_gold_names(path: Path) -> list[tuple[str, str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(" ".join(r["surface"].split()), r["type"], r["ref"] or "") for r in rows]


def predicted_names(tei_file: Path) -> list[tuple[str, str, str]]:
    root = parse_file(tei_file).getroot()
    text = root.find(tei("text"))
    out = []
    for el in text.iter(*(tei(t) for t in TYPES)):
        surface = " ".join("".join(el.itertext()).split())
        ref = el.get("ref", "")
        out.append((surface, TYPES[etree.QName(el).localname], ref.split("#", 1)[-1] if ref
                    else ""))
    return out


def evaluate_names(gold_dir: Path, tei_dir: Path) -> NameReport:
    report = NameReport()
    for gold_file in sorted((gold_dir / "names").glob("*.tsv")):
        doc = gold_file.stem
        tei_file = tei_dir / f"{doc}.xml"
        gold = read_gold_names(gold_file)
        pred = predicted_names(tei_file) if tei_file.exists() else []
        for kind in ("person", "place", "org"):
            g = [x for x in gold if x[1] == kind]
            p = [x for x in pred if x[1] == kind]
            report.span[(doc, kind)] = _score([x[:2] for x in g], [x[:2] for x in p])
            report.ident[(doc, kind)] = _score(g, p)
        missed = collections.Counter(gold) - collections.Counter(pred)
        extra = collections.Counter(pred) - collections.Counter(gold)
        report.errors[doc] = ([f"missed {s!r} {k} {r}" for (s, k, r) in sorted(missed)]
                              + [f"extra  {s!r} {k} {r}" for (s, k, r) in sorted(extra)])
    return report


def _score(gold: list, pred: list) -> Score:
    g, p = collections.Counter(gold), collections.Counter(pred)
    return Score(tp=sum((g & p).values()), pred=len(pred), gold=len(gold))


def format_names(report: NameReport, held_out: set[str]) -> list[str]:
    lines = ["names              span P    R     F1   | span+id P    R     F1   | gold  tagged"]
    docs = sorted({d for d, _ in report.span})
    groups = [("tuned", set(docs) - held_out), ("held out", held_out & set(docs)),
              ("all", set(docs))]
    for label, group in groups:
        if not group:
            continue
        lines.append(f"  {label} ({', '.join(sorted(d[:3] for d in group))})")
        for kind in ("person", "place", "org", None):
            s, i = report.total("span", kind, group), report.total("id", kind, group)
            lines.append(f"    {kind or 'all':<14} {s.precision:5.3f} {s.recall:5.3f} "
                         f"{s.f1:5.3f} |         {i.precision:5.3f} {i.recall:5.3f} "
                         f"{i.f1:5.3f} | {s.gold:5d} {s.pred:6d}")
    return lines
