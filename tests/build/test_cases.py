"""Expected-output cases: tests/data/cases/NAME.txt is encoded and its <text> compared
with NAME.xml, written by hand from the encoding manual."""


import pytest
from lxml import etree

from conftest import DATA
from pipeline.build.source import read_source
from pipeline.build.stage import encode
from pipeline.core.ns import tei

CASES = DATA / "cases"


def _canonical(el: etree._Element) -> str:
    # Compare structure and text, not the indentation between block elements.
    copy = etree.fromstring(etree.tostring(el))
    for node in copy.iter():
        if node.text is not None and not node.text.strip() and len(node):
            node.text = None
        if node.tail is not None and not node.tail.strip():
            node.tail = None
    return etree.tostring(copy, encoding="unicode")


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.txt")))
def test_case(case):
    source = read_source(CASES / f"{case}.txt")
    got = etree.fromstring(encode(source, "2026-01-01")).find(tei("text"))
    want = etree.parse(str(CASES / f"{case}.xml")).getroot()
    assert _canonical(got) == _canonical(want)
