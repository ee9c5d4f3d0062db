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

from pipeline.core.errors import PipelineError
from pipeline.core.ns import tei
from pipeline.core.xmlsafe import parse_file
from pipeline.editions.digest import DATE_ATTRS
from pipeline.core.surface import reading_words

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


def _rows(path: Path) -> list[dict[str, str]]:
    """The rows of a gold TSV file (header line first, no quoting)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_gold_names(path: Path) -> list[tuple[str, str, str]]:
    return [(" ".join(r["surface"].split()), r["type"], r["ref"] or "") for r in _rows(path)]


def predicted_names(tei_file: Path) -> list[tuple[str, str, str]]:
    root = parse_file(tei_file).getroot()
    text = root.find(tei("text"))
    out = []
    for el in text.iter(*(tei(t) for t in TYPES)):
        surface = reading_words(el)
        ref = el.get("ref", "")
        out.append((surface, TYPES[etree.QName(el).localname], ref.split("#", 1)[-1] if ref
                    else ""))
    return out


def _pairs(gold_dir: Path, tei_dir: Path, task: str, read_gold, predict):
    """(document, gold rows, predicted rows) for every gold file of a task."""
    for gold_file in sorted((gold_dir / task).glob("*.tsv")):
        tei_file = tei_dir / f"{gold_file.stem}.xml"
        yield (gold_file.stem, read_gold(gold_file),
               predict(tei_file) if tei_file.exists() else [])


def evaluate_names(gold_dir: Path, tei_dir: Path) -> NameReport:
    report = NameReport()
    for doc, gold, pred in _pairs(gold_dir, tei_dir, "names", read_gold_names,
                                  predicted_names):
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


# --- Dates ------------------------------------------------------------------------


@dataclass
class DateReport:
    span: dict[str, Score] = field(default_factory=dict)
    value_ok: dict[str, int] = field(default_factory=dict)  # found spans with the right value
    errors: dict[str, list[str]] = field(default_factory=dict)

    def total(self, docs: set[str]) -> tuple[Score, int]:
        out = Score()
        ok = 0
        for doc, score in self.span.items():
            if doc in docs:
                out.add(score)
                ok += self.value_ok[doc]
        return out, ok


def read_gold_dates(path: Path) -> list[tuple[str, str]]:
    return [(" ".join(r["surface"].split()), _canonical(r["value"])) for r in _rows(path)]


def _canonical(value: str) -> str:
    parts = dict(p.split("=", 1) for p in value.split(";") if "=" in p)
    return ";".join(f"{k}={parts[k]}" for k in DATE_ATTRS if k in parts)


def predicted_dates(tei_file: Path) -> list[tuple[str, str]]:
    text = parse_file(tei_file).getroot().find(tei("text"))
    out = []
    for el in text.iter(tei("date"), tei("docDate")):
        value = ";".join(f"{k}={el.get(k)}" for k in DATE_ATTRS if el.get(k))
        if value:
            out.append((reading_words(el), value))
    return out


def evaluate_dates(gold_dir: Path, tei_dir: Path) -> DateReport:
    report = DateReport()
    for doc, gold, pred in _pairs(gold_dir, tei_dir, "dates", read_gold_dates,
                                  predicted_dates):
        report.span[doc] = _score([g[0] for g in gold], [p[0] for p in pred])
        report.value_ok[doc] = _score(gold, pred).tp
        g, p = collections.Counter(gold), collections.Counter(pred)
        report.errors[doc] = ([f"missed {s!r} {v}" for s, v in sorted(g - p)]
                              + [f"extra  {s!r} {v}" for s, v in sorted(p - g)])
    return report


def format_dates(report: DateReport, held_out: set[str]) -> list[str]:
    lines = ["dates              span P    R     F1   | value accuracy | gold  tagged"]
    docs = set(report.span)
    for label, group in _groups(docs, held_out):
        score, ok = report.total(group)
        accuracy = ok / score.tp if score.tp else 1.0
        lines.append(f"  {label:<16} {score.precision:5.3f} {score.recall:5.3f} {score.f1:5.3f} |"
                     f"          {accuracy:5.3f} | {score.gold:5d} {score.pred:6d}")
    return lines


def _groups(docs: set[str], held_out: set[str]) -> list[tuple[str, set[str]]]:
    short = lambda group: ", ".join(sorted(d[:3] for d in group))  # noqa: E731
    out = []
    for label, group in (("tuned", docs - held_out), ("held out", docs & held_out),
                         ("all", docs)):
        if group:
            out.append((f"{label} ({short(group)})", group))
    return out


# --- OCR corrections ----------------------------------------------------------------

@dataclass
class OcrReport:
    detection: Score = field(default_factory=Score)
    corrected: int = 0  # detected errors whose reading is exactly the gold one
    false_flags: dict[str, int] = field(default_factory=dict)  # born-digital documents
    errors: dict[str, list[str]] = field(default_factory=dict)


def read_gold_ocr(path: Path) -> list[tuple[str, str]]:
    return [(_bare(r["sic"]), _bare(r["corr"])) for r in _rows(path)]


def _bare(text: str) -> str:
    """A word without the punctuation around it: "regulak." and "regulak" are one sic."""
    return " ".join(text.split()).strip(".,;:!?()[]«»“”\"'‘’")


def predicted_ocr(tei_file: Path) -> list[tuple[str, str]]:
    return _ocr_pairs(parse_file(tei_file).getroot())


def _ocr_pairs(root: etree._Element) -> list[tuple[str, str]]:
    text = root.find(tei("text"))
    out = []
    for sic in text.iter(tei("sic")):
        corr = sic.getparent().find(tei("corr")) if sic.getparent().tag == tei("choice") \
            else None
        out.append((_bare("".join(sic.itertext())),
                    _bare("".join(corr.itertext())) if corr is not None else ""))
    return out


def evaluate_ocr(gold_dir: Path, tei_dir: Path) -> OcrReport:
    """Detection and correction on documents with gold; flags on every other document."""
    report = OcrReport()
    gold_docs = set()
    for doc, gold, pred in _pairs(gold_dir, tei_dir, "ocr", read_gold_ocr, predicted_ocr):
        gold_docs.add(doc)
        found = collections.Counter(g[0] for g in gold) & collections.Counter(p[0] for p in pred)
        report.detection.add(Score(tp=sum(found.values()), pred=len(pred), gold=len(gold)))
        report.corrected += _score(gold, pred).tp
        g, p = collections.Counter(gold), collections.Counter(pred)
        report.errors[doc] = ([f"missed {s!r} -> {c!r}" for s, c in sorted(g - p)]
                              + [f"extra  {s!r} -> {c!r}" for s, c in sorted(p - g)])
    for tei_file in sorted(tei_dir.glob("*.xml")):
        if tei_file.stem not in gold_docs and tei_file.name != "authority.xml":
            report.false_flags[tei_file.stem] = len(predicted_ocr(tei_file))
    return report


SYNTHETIC_RATE = 0.03
SYNTHETIC_SEED = 1


def evaluate_synthetic(gold_dir: Path, authority_path: Path | None) -> OcrReport | None:
    """Damage the clean text with the noise model, build its TEI, score the checker."""
    from pipeline.tools import noise
    from pipeline.build.names.authority import load
    from pipeline.build.stage import encode
    from pipeline.build.source import decode_source

    clean = gold_dir / "ocr-synthetic" / "clean.txt"
    if not clean.exists():
        return None
    damaged, truth = noise.damage(clean.read_text(encoding="utf-8"), SYNTHETIC_RATE,
                                  SYNTHETIC_SEED)
    source = decode_source(damaged.encode("utf-8"), Path("synthetic.txt"))
    authority = load(authority_path) if authority_path and authority_path.exists() else None
    root = etree.fromstring(encode(source, "2000-01-01", authority))
    pred = _ocr_pairs(root)
    gold = [(_bare(d.sic), _bare(d.corr)) for d in truth]
    report = OcrReport()
    found = collections.Counter(g[0] for g in gold) & collections.Counter(p[0] for p in pred)
    report.detection = Score(tp=sum(found.values()), pred=len(pred), gold=len(gold))
    report.corrected = _score(gold, pred).tp
    g, p = collections.Counter(gold), collections.Counter(pred)
    report.errors["synthetic"] = ([f"missed {s!r} -> {c!r}" for s, c in sorted(g - p)]
                                  + [f"extra  {s!r} -> {c!r}" for s, c in sorted(p - g)])
    return report


def format_ocr(report: OcrReport, synthetic: OcrReport | None = None) -> list[str]:
    lines = ["ocr                detect P    R     F1   | correction accuracy | gold  flagged"]
    for label, r in (("real damage", report), ("synthetic", synthetic)):
        if r is None:
            continue
        d = r.detection
        # Nothing detected, nothing to be right or wrong about: no figure, not 1.0.
        accuracy = f"{r.corrected / d.tp:5.3f}" if d.tp else "  n/a"
        lines.append(f"  {label:<16} {d.precision:5.3f} {d.recall:5.3f} {d.f1:5.3f} |"
                     f"               {accuracy} | {d.gold:5d} {d.pred:7d}")
    flags = ", ".join(f"{doc[:3]} {n}" for doc, n in report.false_flags.items())
    lines.append(f"  flags on documents without OCR gold: {flags or 'none'}")
    return lines


def read_held_out(gold_dir: Path, task: str) -> set[str]:
    path = gold_dir / task / "held-out.txt"
    return set(path.read_text(encoding="utf-8").split()) if path.exists() else set()


def format_names(report: NameReport, held_out: set[str]) -> list[str]:
    lines = ["names              span P    R     F1   | span+id P    R     F1   | gold  tagged"]
    for label, group in _groups({d for d, _ in report.span}, held_out):
        lines.append(f"  {label}")
        for kind in ("person", "place", "org", None):
            s, i = report.total("span", kind, group), report.total("id", kind, group)
            lines.append(f"    {kind or 'all':<14} {s.precision:5.3f} {s.recall:5.3f} "
                         f"{s.f1:5.3f} |         {i.precision:5.3f} {i.recall:5.3f} "
                         f"{i.f1:5.3f} | {s.gold:5d} {s.pred:6d}")
    return lines


@dataclass
class Evaluation:
    """Every score of one `archive eval` run."""

    names: NameReport
    dates: DateReport
    ocr: OcrReport
    synthetic: OcrReport | None
    gold_dir: Path
    warnings: list[str] = field(default_factory=list)  # impossible dates in the texts

    def lines(self) -> list[str]:
        return (format_names(self.names, read_held_out(self.gold_dir, "names"))
                + format_dates(self.dates, read_held_out(self.gold_dir, "dates"))
                + format_ocr(self.ocr, self.synthetic)
                + [f"warning: {w}" for w in self.warnings])

    def error_lines(self) -> list[str]:
        """Every missed and extra mention, each report once."""
        reports = [self.names, self.dates, self.ocr] + ([self.synthetic] if self.synthetic
                                                         else [])
        return [f"  {doc[:3]}: {item}" for report in reports
                for doc, items in report.errors.items() for item in items]


def impossible_dates(tei_dir: Path) -> list[str]:
    """Calendar dates that do not exist ("February 30, 1943") in the built texts: kept as
    text with no value by the tagger, and said here (pipeline/tools/date_eval.py)."""
    from pipeline.tools.date_eval import impossible

    out = []
    for path in sorted(tei_dir.glob("*.xml")):
        text = parse_file(path).getroot().find(tei("text"))
        if text is not None:
            out += impossible(path.stem, " ".join(reading_words(text).split()))
    return out


def evaluate_all(gold_dir: Path, tei_dir: Path) -> Evaluation:
    """Names, dates and OCR of the TEI in `tei_dir` against the gold in `gold_dir`.

    Example:

        evaluate_all(Path("tests/gold"), Path("tei")).lines()
    """
    try:
        return Evaluation(evaluate_names(gold_dir, tei_dir), evaluate_dates(gold_dir, tei_dir),
                          evaluate_ocr(gold_dir, tei_dir),
                          evaluate_synthetic(gold_dir, tei_dir / "authority.xml"), gold_dir,
                          impossible_dates(tei_dir))
    except (PipelineError, OSError, KeyError, ValueError) as exc:
        raise PipelineError(f"cannot evaluate: {exc}") from None
