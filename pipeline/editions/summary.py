"""The collection summary printed at the end of `make`."""

from __future__ import annotations

from pathlib import Path

from pipeline.core.ns import tei
from lxml import etree


def _words(path: Path) -> int:
    # Read only as far as the header's word count, a few kilobytes, not the document.
    parser = etree.XMLPullParser(events=("end",), tag=tei("measure"), resolve_entities=False,
                                 no_network=True)
    with open(path, "rb") as fh:
        while chunk := fh.read(4096):
            parser.feed(chunk)
            for _, el in parser.read_events():
                quantity = el.get("quantity", "")
                if el.get("unit") == "words":
                    return int(quantity) if quantity.isdigit() else 0
    return 0


def collection_summary(tei_dir: Path, editions_dir: Path) -> str:
    docs = sorted(p for p in tei_dir.glob("*.xml") if p.name != "authority.xml")
    words = sum(_words(p) for p in docs)
    html = len(list((editions_dir / "html").glob("*.html")))
    text = len(list((editions_dir / "text").glob("*.txt")))
    return (f"summary: {len(docs)} documents, {words:,} words; editions: "
            f"{html} HTML pages, {text} text files")
