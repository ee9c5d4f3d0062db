"""The OCR apparatus: the choice/sic/corr of a finding, the header's account of the
decision, and the notes in back/div[@type='ocr-notes']."""

from __future__ import annotations

import re

from lxml import etree

from pipeline.build.ocr.detect import Decision
from pipeline.build.ocr.text import MIN_SIGNALS, RATE_THRESHOLD, Finding
from pipeline.core.ns import tei



def context_of(text: str, f: Finding) -> tuple[str, str]:
    after = re.match(r"\s*\S+", text[f.end:])
    if after:
        tail = after.group()
        return f.sic + tail, (f.corr or f.sic) + tail
    before = re.search(r"\S+\s*$", text[:f.start])
    head = before.group() if before else ""
    return head + f.sic, head + (f.corr or f.sic)


def builder(f: Finding):
    def build(el: etree._Element, covered: str) -> None:
        if f.corr is None:
            el.text = covered
            return
        sic = etree.SubElement(el, tei("sic"))
        sic.text = covered
        corr = etree.SubElement(el, tei("corr"), resp="#pipeline", cert=f.cert)
        corr.text = f.corr
    return build


def describe(decision: Decision, findings: list[Finding] | None, scope: str = "") -> str:
    """The header's account of the OCR decision; `findings` None when the count is not
    known yet (a large seed writes its header before its parts are checked)."""
    rate = (f"{decision.rate:.1f} damage signals per 1,000 words{scope} (threshold "
            f"{RATE_THRESHOLD:g}, at least {MIN_SIGNALS})")
    period = (" The text is in early modern spelling (pipeline/data/historical-spellings.txt):"
              " words of plain letters are taken as the period's spelling and never "
              "corrected." if decision.historical else "")
    if not decision.is_ocr:
        return f"Not treated as OCR output: {rate}. No corrections were made.{period}"
    if findings is None:
        return (f"Treated as OCR output: {rate}. Damaged words are marked in choice/sic/corr "
                "(corr resp=\"#pipeline\" with @cert), each with a note in "
                "back/div[@type='ocr-notes']." + period)
    certs = [f.cert for f in findings if f.corr]
    return (f"Treated as OCR output: {rate}. {len(findings)} damaged words are marked: "
            f"{len(certs)} with a reading in choice/sic/corr (corr resp=\"#pipeline\", "
            f"@cert high {certs.count('high')}, medium {certs.count('medium')}, low "
            f"{certs.count('low')}), {len(findings) - len(certs)} kept as sic with no "
            "credible reading. Every one has a note in back/div[@type='ocr-notes']. Names of "
            "the authority file and words of the project's vocabulary are never corrected; "
            "an archivist's decisions in ocr-overrides.tsv come first." + period)


def notes(findings: list[Finding]) -> etree._Element | None:
    """<div type="ocr-notes"> with one note per correction, for <back>."""
    if not findings:
        return None
    div = etree.Element(tei("div"), type="ocr-notes")
    for n, f in enumerate(findings, start=1):
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
