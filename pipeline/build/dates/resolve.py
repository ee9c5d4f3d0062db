"""A reference date for every passage, and the values of partial and relative dates.

After the tagger has marked the dates, the document is read in order, keeping three
anchors (docs/dates.md):
- the **document's date**: its `docDate` (a first line that is nothing but a date);
- the **section's date**: a letter's dateline, a diary entry's dated head, holding
  until the next one;
- the **text's date**: the last explicit date of the running text, with the sentence
  it stands in.
A day or month printed without a year takes the year of the text's date if that is in
the same or the previous sentence, else of the section's, else of the document's; an
expression that points at the time of writing ("yesterday", "last Friday", "the 5th
inst.") counts from the section's date, else the document's; one that follows the
story ("the next day", "two days later") from the text's date. The value goes in
@when with @cert, and `evidence="internal"` says it was inferred from the text. With
no reference the date keeps its yearless value, or none.
"""

from __future__ import annotations

import re

from lxml import etree

from pipeline.build.dates.relative import Reference, complete, value
from pipeline.core.ns import tei

REL = "rel"  # the tagger's code for a relative expression, removed here
_SENTENCE_END = re.compile(r"[.!?](?:[\"'”’)\]]*)\s+(?=[A-Z\"'“‘(\[])")
_BLOCKS = {tei(t) for t in ("p", "head", "item", "l", "note", "dateline", "docDate", "cell",
                            "quote", "bibl")}
_SECTIONS = {tei("div")}


def _code_is_deictic(code: str) -> bool:
    """"today", "Friday", "last month", "the 5th inst." point at the time of writing;
    "N days later" and "the next day" (codes with an "@story" suffix) follow the story."""
    return not code.endswith("@story")


def resolve(text_el: etree._Element, state: "_State | None" = None) -> "_State":
    """Give every partial or relative `<date>` under `text_el` its value, if it has a
    reference; `state`: the anchors of the text before it (a large seed's earlier
    parts), returned for the next."""
    state = state or _State()
    state.sections = state.sections[:1]  # a part opens no division of the one before
    sentence = 0
    for event, el in etree.iterwalk(text_el, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if event == "start":
            if el.tag in _SECTIONS:
                state.open_section()
            if el.tag == tei("date"):
                state.date(el, sentence, _in_head_or_dateline(el))
            elif el.tag == tei("docDate"):
                ref = Reference.parse(el.get("when"))
                if ref and state.document is None:
                    state.document = ref
            elif el.text:
                sentence += len(_SENTENCE_END.findall(el.text))
        else:
            if el.tag in _SECTIONS:
                state.close_section()
            if el.tag in _BLOCKS:
                sentence += 1
            if el.tail:
                sentence += len(_SENTENCE_END.findall(el.tail))
    for el in state.unwrap:
        _unwrap(el)
    state.unwrap = []
    state.text = (state.text[0], -2) if state.text else None  # no sentence of this part
    return state


def _in_head(el: etree._Element) -> bool:
    return any(a.tag == tei("head") for a in el.iterancestors())


def _unwrap(el: etree._Element) -> None:
    """Put `el`'s text back where it stood, without the element."""
    parent, prev = el.getparent(), el.getprevious()
    text = (el.text or "") + (el.tail or "")
    if prev is not None:
        prev.tail = (prev.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(el)


def _anchor(el: etree._Element) -> Reference | None:
    """The reference a date gives what follows: a span ("mid-1992", "1942 to 1945")
    only to the precision its two ends share."""
    if el.get("when"):
        return Reference.parse(el.get("when"))
    first, last = el.get("from") or el.get("notBefore"), el.get("to") or el.get("notAfter")
    if not first or not last:
        return Reference.parse(first or last)
    shared = 0
    while shared < min(len(first), len(last)) and first[shared] == last[shared]:
        shared += 1
    cut = max(k for k in (0, 4, 7, 10) if k <= shared)  # a year, a month or a day
    return Reference.parse(first[:cut]) if cut else None


def _in_head_or_dateline(el: etree._Element) -> bool:
    """Is this date a dateline's or a head's (a letter's or a diary entry's date)?"""
    parent = el.getparent()
    while parent is not None and parent.tag not in _BLOCKS:
        parent = parent.getparent()
    return parent is not None and parent.tag in (tei("dateline"), tei("head"))


class _State:
    def __init__(self):
        self.document: Reference | None = None
        self.sections: list[Reference | None] = [None]
        self.text: tuple[Reference, int] | None = None
        self.unwrap: list[etree._Element] = []  # relative expressions that are no dates

    def open_section(self) -> None:
        self.sections.append(self.sections[-1])

    def close_section(self) -> None:
        if len(self.sections) > 1:
            self.sections.pop()

    def date(self, el: etree._Element, sentence: int, anchor_line: bool) -> None:
        code = el.attrib.pop(REL, None)
        if code is not None and (_in_head(el) or code == "d+0" and _nowadays(el)):
            self.unwrap.append(el)  # "==Today==" names a section; "today we regard it"
            return  # means "now" (taken out after the walk, which a change would upset)
        if code is not None:
            el.set("type", "relative")
            self._relative(el, code, sentence)
        elif any(el.get(a, "").startswith("--") for a in ("when", "notBefore", "notAfter")):
            self._partial(el, sentence)
        ref = _anchor(el)
        if ref is None:
            return
        if anchor_line and ref.day:  # "9 April 1939" over a diary entry, a dateline
            self.sections[-1] = ref
        self.text = (ref, sentence)

    def _partial(self, el, sentence: int) -> None:
        near = self.text if self.text and self.text[1] >= sentence - 1 else None
        if near and self.document and near[0].month is None:
            near = None  # a report's "since 1990" does not date its "in December"
        news = self.document is not None and self.sections[-1] is None
        future = _future(el)
        for ref, cert, forward in ((near[0] if near else None, "medium", True),
                                   (self.sections[-1], "high", False),
                                   (self.document, "medium", False),
                                   (self.text[0] if self.text else None, "low", True)):
            if ref is None:
                continue
            values = _completed(el, ref, news and not forward, future, forward)
            if all(values.values()):
                for attribute, found in values.items():
                    el.set(attribute, found)
                _set(el, values.get("when"), cert)
            return

    def _relative(self, el, code: str, sentence: int) -> None:
        story = self.text[0] if self.text else None
        order = ((self.sections[-1], "high"), (self.document, "medium"), (story, "low")) \
            if _code_is_deictic(code) else \
            ((story, "medium"), (self.sections[-1], "low"), (self.document, "low"))
        if code.endswith(":past") and _future(el):
            code = code.removesuffix(":past") + ":ahead"  # "will meet on Thursday"
        for ref, cert in order:
            if ref is None:
                continue
            found = value(code.removesuffix("@story"), ref)
            if found:
                _set(el, found, "medium" if code.startswith("dow") and cert == "high" else cert)
                return


def _completed(el: etree._Element, ref: Reference, news: bool, future: bool,
               forward: bool) -> dict:
    """The yearless attributes of `el` with their year: the first end of a span decides
    it, and the last takes the same year, or the next if it would come first ("winter":
    December to February)."""
    out = {}
    for attribute in ("when", "notBefore", "notAfter"):
        printed = el.get(attribute)
        if printed is None:
            continue
        if not printed.startswith("--"):
            out[attribute] = printed
        elif not out:
            out[attribute] = complete(printed, ref, news, future, forward)
        else:
            first = next(iter(out.values())) or ""
            found = complete(printed, Reference(int(first[:4]))) if first else None
            if found and found < first:
                found = complete(printed, Reference(int(first[:4]) + 1))
            out[attribute] = found
    return out


_FUTURE = re.compile(r"\b(?:will|shall|won['’]t|going\s+to|(?:is|are)\s+(?:to|due|expected|"
                     r"scheduled)|plans?\s+to|expects?\s+to)\b|['’]ll\b", re.I)
_CLAUSE = re.compile(r"[.;:!?]")
_DAY_VERB = re.compile(r"\b(?:was|were|had|did|said|will|shall|would|\w{3,}ed)\b|['’]ll\b", re.I)
_DAY_PREPOSITION = re.compile(r"\b(?:from|until|till|since|by|on|as\s+of)\s*$", re.I)


def _nowadays(el: etree._Element) -> bool:
    """Is this "today" the present ("today our chief enemy is Germany") rather than a
    day? A day is what a past or future verb happens on ("left today", "will sign
    today"), or what a preposition points at ("as from today")."""
    before = re.split(r",|\b(?:and|but|that|which|who)\b", _clause_before(el))[-1]  # its clause
    after = re.split(r"[,.;:!?]|\band\b|\bbut\b", el.tail or "")[0]
    if _DAY_PREPOSITION.search(before):
        return False
    return not _DAY_VERB.search(before[-60:] + " " + after[:60])


def _future(el: etree._Element) -> bool:
    """Does the clause before this date speak of what will be ("will meet on Friday")?"""
    return bool(_FUTURE.search(_clause_before(el)[-80:]))


def _clause_before(el: etree._Element) -> str:
    """The text of the clause before `el`, inside its block."""
    before = []
    node = el
    while node is not None and node.tag not in _BLOCKS:
        prev = node.getprevious()
        while prev is not None:
            before.append(prev.tail or "")
            before.append("".join(prev.itertext()))
            prev = prev.getprevious()
        parent = node.getparent()
        if parent is None:
            break
        before.append(parent.text or "")
        node = parent
    text = "".join(reversed(before))
    return _CLAUSE.split(text)[-1] if text else ""


def _set(el: etree._Element, value: str | None, cert: str) -> None:
    """The inferred value: a day, month or year in @when, a span ("the third quarter",
    "2000-07-01/2000-09-30") in @notBefore and @notAfter; None: the span's ends were
    set already."""
    if value is None:
        pass
    elif "/" in value:
        el.set("notBefore", value.split("/")[0])
        el.set("notAfter", value.split("/")[1])
        el.attrib.pop("when", None)
    else:
        el.set("when", value)
    el.set("cert", cert)
    el.set("evidence", "internal")
