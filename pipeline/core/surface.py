"""The text of a TEI element as a reader sees it: corrections, not the damaged readings;
a word broken at a line end whole, without its printed hyphen."""

from __future__ import annotations

from lxml import etree

from pipeline.core.ns import tei

_PC, _SIC, _CHOICE, _CORR = tei("pc"), tei("sic"), tei("choice"), tei("corr")


def reading_text(el: etree._Element) -> str:
    """The reading text of `el`, white space as it stands.

    Example:

        reading_text(persName)  # "Elbasan" for Elba<pc force="weak">-</pc><lb break="no"/>san
    """
    parts: list[str] = []

    def walk(e: etree._Element) -> None:
        if not isinstance(e.tag, str) or _hidden(e):
            return
        if e.text:
            parts.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return "".join(parts)


def reading_words(el: etree._Element) -> str:
    """reading_text with its white space collapsed: a name's or a date's surface."""
    return " ".join(reading_text(el).split())


def _hidden(e: etree._Element) -> bool:
    if e.tag == _PC:
        return e.get("force") == "weak"
    if e.tag == _SIC:
        parent = e.getparent()
        return parent is not None and parent.tag == _CHOICE and parent.find(_CORR) is not None
    return False
