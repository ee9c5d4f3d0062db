"""Structure: recognise sections, notes, letters, lists and furniture in a plain-text source.

`parse` runs the rules in order; each module owns one kind of structure. Whatever
no rule recognises stays a paragraph, so nothing is ever dropped.
"""

from __future__ import annotations

import re

from pipeline.build.structure import furniture, letters, notes
from pipeline.build.structure.blocks import WIKI_HEAD, classify, is_section_head, split_blocks
from pipeline.build.structure.inline import mark_citations
from pipeline.build.structure.model import (BiblList, Break, Document, Fw, Head, ItemList,
                                            Para, Section)

__all__ = ["parse", "Document", "Section", "Head", "Para"]

_BRACKETED = re.compile(r"^\(.{1,60}\)\.?$")


def parse(text: str) -> Document:
    """Parse normalised source text into a Document; nothing is dropped."""
    blocks = split_blocks(text)
    wiki = any(WIKI_HEAD.match(line) for block in blocks for line in block)
    events = classify(blocks, wiki)
    events = furniture.mark_edges(events)
    events = furniture.repeated_heads(events)
    events = furniture.page_furniture(events)
    events = notes.resolve(events)
    events = letters.group(events)
    front, events, back = _edges(events)
    events = _merge_heads(events)
    for para in _paras(events):
        mark_citations(para)
    doc = Document(title="", sections=_nest(events), front=front, back=back)
    _describe(doc, front + events + back)
    return doc


def _merge_heads(events: list) -> list:
    """Title lines printed one after another, with their date and bracketed lines, are one head."""
    out: list = []
    for e in events:
        prev = out[-1] if out else None
        if (isinstance(e, Head) and not e.wiki and isinstance(prev, Para)
                and prev.kind == "dateline"):
            out.pop()
            e.lines.insert(0, prev.text)
            prev = out[-1] if out else None
        if isinstance(prev, Head) and not prev.wiki and (
                (isinstance(e, Head) and not e.wiki and not is_section_head(e.lines[0]))
                or (isinstance(e, Para) and e.kind == "dateline")
                or (isinstance(e, Para) and e.kind == "p" and _BRACKETED.match(e.text))):
            prev.lines.extend(e.lines if isinstance(e, Head) else [e.text])
        else:
            out.append(e)
    return out


def _edges(events: list) -> tuple[list, list, list]:
    """Furniture and a publication date before the text; furniture after it."""
    i = 0
    while i < len(events) and (isinstance(events[i], Fw) or (
            isinstance(events[i], Para) and events[i].kind == "dateline" and i == _first_dateline(events))):
        if isinstance(events[i], Para):
            events[i].kind = "docdate"
        i += 1
    j = len(events)
    while j > i and isinstance(events[j - 1], Fw):
        j -= 1
    return events[:i], events[i:j], events[j:]


def _first_dateline(events: list) -> int:
    return next((k for k, e in enumerate(events) if not isinstance(e, Fw)), -1)


def _paras(events: list):
    for e in events:
        if isinstance(e, Para):
            yield e
        elif isinstance(e, Section):
            yield from _paras(e.opener + e.items + e.closer + e.trailer)
            if e.postscript:
                yield e.postscript
        elif isinstance(e, (BiblList, ItemList)):
            yield from (e.entries if isinstance(e, BiblList) else e.items)


def _nest(events: list) -> list[Section]:
    """Turn the flat run of heads and content into nested divs."""
    top: list[Section] = []
    stack: list[Section] = []

    def open_section(section: Section) -> None:
        (stack[-1].items if stack else top).append(section)
        stack.append(section)

    for e in events:
        if isinstance(e, Head):
            if (stack and stack[-1].milestone and stack[-1].head is None
                    and not stack[-1].items and e.level == 1):
                stack[-1].head = e  # the break and the heading open the same section
                continue
            while stack and stack[-1].level >= e.level:
                stack.pop()
            open_section(Section(level=e.level, head=e))
        elif isinstance(e, Section) and e.type == "letter":
            # Under a heading with nothing else yet, the letter belongs to that section.
            if stack and stack[-1].head is not None and not stack[-1].items:
                e.level = stack[-1].level + 1
                stack[-1].items.append(e)
            else:
                top.append(e)
            stack.clear()
        elif isinstance(e, Section):  # a diary entry, one level below its section
            while stack and stack[-1].type == "entry":
                stack.pop()
            if not stack:
                open_section(Section(level=1))
            e.level = stack[-1].level + 1
            stack[-1].items.append(e)
        elif isinstance(e, Break):
            stack.clear()
            open_section(Section(level=1, milestone=e.text))
        else:
            while stack and stack[-1].type == "entry":
                stack.pop()
            if not stack:
                open_section(Section(level=1))
            elif stack[-1].items and isinstance(stack[-1].items[-1], Section):
                # A paragraph cannot follow a div: go on in an untitled div of that level.
                open_section(Section(level=stack[-1].level + 1))
            stack[-1].items.append(e)
    return top


def _describe(doc: Document, events: list) -> None:
    """Header facts the text gives about itself: title, site, date, first publication."""
    doc.publisher = furniture.publisher(events)
    heads = [e for e in events if isinstance(e, Head)]
    if heads:
        doc.title = heads[0].text
    else:
        first = next((p.text for p in _paras(events) if p.kind == "p"), "") or "Untitled"
        doc.title = first if len(first) <= 80 else first[:77].rsplit(" ", 1)[0] + " …"
        doc.title_supplied = True
    for e in events:
        if isinstance(e, Para) and e.kind == "docdate":
            doc.pub_date, doc.pub_date_text = e.when, e.text
    doc.origins = furniture.origins(list(_all_events(events)))


def _all_events(events: list):
    for e in events:
        if isinstance(e, Section):
            yield from _all_events(([e.head] if e.head else []) + e.items + e.trailer)
        else:
            yield e
