"""Speed of publishing other projects' TEI: a journal of about 900 KB, assembled from
../shared/corpora/tei-foreign (every body repeated, notes and all, under the first
letter's header), exported as HTML and as plain text.

Usage: python tests/bench/foreign.py [--kb 900] [--keep DIR]
Prints the size, the words, and per format the wall time, words/s and the peak memory
of the export process.
"""

from __future__ import annotations

import argparse
import copy
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpora" / "tei-foreign"
TEI = "{http://www.tei-c.org/ns/1.0}"


def journal(kb: int) -> bytes:
    """One TEI file of at least `kb` KB: the first letter, its body grown with copies of
    every letter's body divisions (ids made unique, so that the file stays valid)."""
    letters = sorted(CORPUS.glob("Edgeworth_*.xml"))
    root = etree.parse(str(letters[0])).getroot()
    body = root.find(f"{TEI}text/{TEI}body")
    # The TEI Stylesheets' notes test adds notes of every kind; a P4 file has no TEI body.
    parts = [b for p in sorted(CORPUS.glob("*.xml"))
             if (b := etree.parse(str(p)).getroot().find(f"{TEI}text/{TEI}body")) is not None]
    copy_no = 0
    while len(etree.tostring(root)) < kb * 1024:
        copy_no += 1
        for part in parts:
            div = etree.SubElement(body, f"{TEI}div", type="entry")
            for child in part:
                div.append(copy.deepcopy(child))
            for el in div.iter():
                if isinstance(el.tag, str) and el.tag[len(TEI):-1] == "div":  # div1, div2 ...
                    el.tag = f"{TEI}div"  # numbered divisions may not nest in a div
                for attr in ("{http://www.w3.org/XML/1998/namespace}id",):
                    if el.get(attr):
                        el.set(attr, f"{el.get(attr)}-c{copy_no}")
                for attr in ("target", "corresp"):
                    if (el.get(attr) or "").startswith("#"):
                        el.set(attr, " ".join(f"{t}-c{copy_no}" for t in el.get(attr).split()))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _export(fmt: str, tei: Path, out: Path) -> tuple[float, float]:
    args = [str(ROOT / ".venv" / "bin" / "archive"), "export", "--silent", "--format", fmt,
            "--date", "2026-01-01", "--out", str(out), str(tei)]
    if fmt == "text":
        args[-1:-1] = ["--view", "reading", "--view", "diplomatic"]
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"export {fmt} failed:\n{done.stderr}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=900)
    parser.add_argument("--keep", type=Path, help="write the journal and editions here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="foreign-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    tei = work / "journal.xml"
    tei.write_bytes(journal(args.kb))
    words = len(" ".join(etree.parse(str(tei)).getroot().find(f"{TEI}text").itertext()).split())
    print(f"journal: {tei.stat().st_size / 1024:,.0f} KB, {words:,} words")
    for fmt in ("html", "text"):
        seconds, peak = _export(fmt, tei, work / fmt)
        print(f"  export {fmt:5} {seconds:6.2f} s {words / seconds:>10,.0f} words/s"
              f"  peak RSS so far {peak:,.0f} MB")


if __name__ == "__main__":
    main()
