"""Dates scored on any corpus in the shared format: span P/R/F and value accuracy.

The gold mentions of type `date` (for TimeML corpora, `timex_type` DATE only: durations,
times and sets are not calendar dates) are matched with the `<date>` and `<docDate>`
elements of each text's TEI, leniently (one surface inside the other), one to one.
Value accuracy is the share of matched mentions with a gold value whose @when (or
@from, @notBefore) equals it. The baseline, in the same run, is the tagger alone:
only the dates it finds without the reference dates (those printed with a digit, a
month or a season), and the values it gives them without inference (a value marked
`evidence="internal"` counts as its yearless or missing self).
Impossible calendar dates in the texts ("February 30, 1943") are listed as warnings.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from pipeline.build.dates.calendar import MONTHS
from pipeline.core.ns import tei
from pipeline.core.surface import reading_text
from pipeline.tools.corpus_eval import prf

_EXPLICIT = re.compile(r"\d|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True))
                       + r"|spring|summer|autumn|fall|winter)\b", re.I)
_IMPOSSIBLE = re.compile(r"\b(?P<m>" + "|".join(n.capitalize() for n in MONTHS if len(n) > 3)
                         + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{4}))?")


@dataclass
class DateTally:
    """tp, predicted, gold; value right and value scored."""

    spans: list[int] = field(default_factory=lambda: [0, 0, 0])
    values: list[int] = field(default_factory=lambda: [0, 0])
    errors: list[str] = field(default_factory=list)

    def add(self, doc: str, gold: list[tuple[str, str | None]],
            pred: list[tuple[str, str | None]]) -> None:
        left = list(pred)
        self.spans[1] += len(pred)
        self.spans[2] += len(gold)
        for surface, value in gold:
            match = next((p for p in left if p[0] == surface), None) or next(
                (p for p in left if surface in p[0] or p[0] in surface), None)
            if match is None:
                self.errors.append(f"{doc}: missed date {surface!r} ({value})")
                continue
            left.remove(match)
            self.spans[0] += 1
            if value:
                self.values[1] += 1
                self.values[0] += match[1] == value
                if match[1] != value:
                    self.errors.append(f"{doc}: value  {surface!r}: {match[1]} for {value}")
        self.errors += [f"{doc}: extra  date {p[0]!r} ({p[1]})" for p in left]


def read_gold(folder: Path) -> dict[str, list[tuple[str, str | None]]]:
    """(surface, value) of the gold dates, by document; empty if the corpus has none."""
    mentions = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    out: dict[str, list] = {}
    for m in mentions:
        if m.get("type") == "date" and m.get("timex_type", "DATE") == "DATE":
            out.setdefault(m["doc"], []).append((m["surface"], m.get("value")))
    return out


def predicted(tei_bytes: bytes, baseline: bool = False) -> list[tuple[str, str | None]]:
    """(surface, value) of every date of the TEI text; `baseline`: the tagger alone."""
    root = etree.fromstring(tei_bytes)
    out = []
    for el in root.find(tei("text")).iter(tei("date"), tei("docDate")):
        if el.tag == tei("date") and el.getparent().tag == tei("docDate"):
            continue
        surface = " ".join(reading_text(el).split())
        inferred = el.get("evidence") == "internal"
        if baseline and inferred and not _EXPLICIT.search(surface):
            continue  # a relative expression: the tagger alone had no rule for it
        value = el.get("when") or el.get("from") or el.get("notBefore")
        out.append((surface, None if baseline and inferred else value))
    return out


def impossible(doc: str, text: str) -> list[str]:
    """Warnings for calendar dates that do not exist ("February 30, 1943")."""
    out = []
    for m in _IMPOSSIBLE.finditer(text):
        month, day = MONTHS[m["m"].lower()], int(m["d"])
        year = int(m["y"]) if m["y"] else 2000  # 2000: a leap year, so Feb 29 exists
        if day > calendar.monthrange(year, month)[1]:
            out.append(f"{doc}: {m.group()!r} is no calendar date: kept as text, no value")
    return out


def format_dates(folder: Path, tallies: dict[str, DateTally]) -> list[str]:
    lines = [f"dates of {folder.name} (DATE mentions, lenient span)",
             f"  {'':<24} {'P':>6} {'R':>6} {'F1':>6} | {'value':>6} | {'gold':>5} {'found':>6}"]
    for label, t in tallies.items():
        _, pred, gold = t.spans
        p, r, f = prf(t.spans)
        v = t.values[0] / t.values[1] if t.values[1] else float("nan")
        lines.append(f"  {label:<24} {p:6.3f} {r:6.3f} {f:6.3f} | {v:6.3f} | {gold:5d} {pred:6d}")
    return lines
