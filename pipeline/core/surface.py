"""The text of a TEI element as a reader sees it: corrections, not the damaged readings;
a word broken at a line end whole, without its printed hyphen."""

from __future__ import annotations

from lxml import etree

from pipeline.core.ns import tei

_PC, _SIC, _CHOICE, _CORR = tei("pc"), tei("sic"), tei("choice"), tei("corr")


def text_parts(el: etree._Element, hidden) -> list[str]:
    """The text and tails under `el` in document order, leaving out the content (not
    the tail) of every element for which `hidden(element)` is true."""
    parts: list[str] = []

    def walk(e: etree._Element) -> None:
        if not isinstance(e.tag, str) or hidden(e):
            return
        if e.text:
            parts.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return parts


def reading_text(el: etree._Element) -> str:
    """The reading text of `el`, white space as it stands.

    Example:

        reading_text(persName)  # "Elbasan" for Elba<pc force="weak">-</pc><lb break="no"/>san
    """
    return "".join(text_parts(el, hidden_in_reading))


def reading_words(el: etree._Element) -> str:
    """reading_text with its white space collapsed: a name's or a date's surface."""
    return " ".join(reading_text(el).split())


def hidden_in_reading(e: etree._Element) -> bool:
    """Is `e` left out of the reading text: a damaged reading with its correction, a
    line-end hyphen?"""
    if e.tag == _PC:
        return e.get("force") == "weak"
    if e.tag == _SIC:
        parent = e.getparent()
        return parent is not None and parent.tag == _CHOICE and parent.find(_CORR) is not None
    return False
