"""Line-end hyphenation: words broken by the printer are joined, compounds keep their
hyphen, and the breaks are put back in the finished markup at the right places."""

from __future__ import annotations

from hypothesis import given, strategies as st
from lxml import etree

from pipeline.build import breaks
from pipeline.build.structure.hyphens import Hyphen, is_compound, join_lines, join_pair
from pipeline.build.structure.inline import JOINS, NODE
from pipeline.core.surface import reading_text

TEI = "http://www.tei-c.org/ns/1.0"


def test_the_lexicon_tells_a_broken_word_from_a_compound():
    assert not is_compound("insur", "gents")
    assert not is_compound("pro", "perty")
    assert not is_compound("every", "thing")  # "everything" is a word
    assert not is_compound("Chat", "lahoochy")  # nothing known: a break, as mostly
    assert is_compound("well", "known")  # two words, and "wellknown" is none
    assert is_compound("Tirana", "Elbasan")  # a capital goes on
    assert is_compound("1941", "1945")
    assert not is_compound("well", "known", "¬")  # "¬" only marks breaks


def test_joined_lines_record_where_they_were_joined():
    text, spans = join_lines(["The insur-", "gents and the well-", "known road -", "ended."])
    assert text == "The insurgents and the well-known road - ended."
    assert [(s.start, s.node) for s in spans] == [(9, Hyphen("-")), (28, None)]
    assert join_pair("a dash -", "next") == ("a dash - next", None)  # spaced: a dash
    assert join_pair("ends-", "(aside)") == ("ends- (aside)", None)


def _p(xml: str) -> etree._Element:
    return etree.fromstring(f'<p xmlns="{TEI}">{xml}</p>')


def test_breaks_go_back_in_place_past_corrections_notes_and_names():
    p = _p('<choice><sic>Tbe</sic><corr>The</corr></choice> <note>a note</note>insur'
           'gents met <persName>Massachusetts</persName> men')
    p[1].set(NODE, "")  # a footnote inserted at a point: not the paragraph's text
    p.set(JOINS, "9: 27:¬")  # "The insur|gents met Massachu|setts men"
    assert breaks.place(p) == 2
    out = etree.tostring(p, encoding="unicode").replace(f' xmlns="{TEI}"', "")
    assert out == ('<p><choice><sic>Tbe</sic><corr>The</corr></choice> <note>a note</note>'
                   'insur<lb break="no"/>gents met <persName>Massachu<pc force="weak">¬</pc>'
                   '<lb break="no"/>setts</persName> men</p>')
    assert JOINS not in p.attrib and NODE not in p[1].attrib
    assert reading_text(p[-1]) == "Massachusetts"


@given(st.lists(st.sampled_from(["pro-", "perty", "Tirana-", "Elbasan", "the", "insur¬",
                                 "gents", "-", "well-", "known", "x"]), min_size=1, max_size=8))
def test_joining_keeps_every_letter_in_order(lines):
    text, spans = join_lines(lines)
    printed = "".join(lines).replace(" ", "")
    assert "".join(c for c in text if c.isalnum()) == "".join(c for c in printed if c.isalnum())
    p = _p(text)
    p.set(JOINS, " ".join(f"{s.start}:{s.node.char if s.node else ''}" for s in spans))
    breaks.place(p)
    hyphens = sum(1 for s in spans if s.node)
    assert len(p.findall(f"{{{TEI}}}lb")) == len(spans)
    assert len("".join(p.itertext())) == len(text) + hyphens


def test_a_document_the_joins_would_lose_a_word_of_is_encoded_as_printed(monkeypatch):
    from pathlib import Path

    from pipeline.build import stage
    from pipeline.build.source import decode_source

    monkeypatch.setattr(breaks, "place", lambda root: 0)  # the hyphens never come back
    src = decode_source("Title\n\nThe insur-\ngents came.\n".encode(), Path("seeds/x.txt"))
    text = stage.encode(src, "2026-01-01").decode()
    assert "The insur- gents came." in text  # the line ends as printed, nothing lost
    assert "<lb" not in text.split("<text")[1]
