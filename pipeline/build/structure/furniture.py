"""Furniture: web boilerplate at the edges, site names, and what the text says of itself."""

from __future__ import annotations

import re

from pipeline.build.structure.blocks import is_title_line
from pipeline.build.structure.model import Fw, Head, Para
from pipeline.core import cues

# "(London 1947)": a place and year of publication in brackets.
PLACE_YEAR = re.compile(r"\(\s*([A-Z][\w .'-]{1,40}?),?\s+(1[5-9]\d\d|20\d\d)\s*\)")
EDGE_LINES = 3
REPEAT_MIN_WORDS = 5


def mark_edges(events: list) -> list:
    """A site name as the first line, and menu lines at the foot of a page, are furniture.

    Only the foot is extended: at the top, the first title after the menus is the
    page's own title.
    """
    events = list(events)
    if _site_name(events):
        events[0] = Fw(events[0].text)
    i = len(events) - 1
    while i >= max(0, len(events) - EDGE_LINES - 1):
        if _menu_like(events[i]) and _touches_fw(events, i):
            events[i] = Fw(events[i].text)
        elif not isinstance(events[i], Fw):
            break
        i -= 1
    return events


def repeated_heads(events: list) -> list:
    """A title line that repeats words printed just before it is a caption or pull quote.

    ("Albania suffered badly during the war" under a picture, after a paragraph
    that begins with the same words), not the heading of a new section.
    """
    out = list(events)
    seen = ""
    for i, e in enumerate(events):
        if isinstance(e, Para):
            seen += " " + e.text
        elif (isinstance(e, Head) and not e.wiki and len(e.lines) == 1
              and len(e.text.split()) >= REPEAT_MIN_WORDS and e.text[:1].isupper()
              and e.text in seen):
            out[i] = Para(e.text, kind="caption")
    return out


def _menu_like(event) -> bool:
    return isinstance(event, Head) and not event.wiki and len(event.lines) == 1


def _touches_fw(events: list, i: int) -> bool:
    return any(0 <= j < len(events) and isinstance(events[j], Fw) for j in (i - 1, i + 1))


def _site_name(events: list) -> bool:
    """A short first line naming a web site ("Historica Wiki"), not the text."""
    if not events or not isinstance(events[0], Head) or events[0].wiki:
        return False
    text = events[0].text.lower()
    if len(events[0].lines) > 1 or not is_title_line(text):
        return False
    words = cues.structure("site-name-words")
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) for w in words)


def publisher(events: list) -> str | None:
    """The web site's name, from the first furniture line."""
    for e in events:
        if isinstance(e, Fw) and e.type == "boilerplate":
            text = e.text
            for cue in cues.structure("boilerplate-phrases"):
                text = re.sub(re.escape(cue), " ", text, flags=re.I)
            parts = [p.strip(" -–|:") for p in text.split("|")]
            parts = [p for p in parts if re.search(r"\w{2}", p)]
            return " ".join(parts[-1].split()) if parts else None
    return None


def origins(events: list) -> list[str]:
    """Lines that say where the text was first published, and bracketed place-year lines."""
    found = []
    starts = cues.structure("publication-lines")
    for e in events:
        if not isinstance(e, (Para, Head)):
            continue
        lines = [e.text] if isinstance(e, Para) else [line.strip() for line in e.lines]
        if any(any(line.lower().startswith(s) for s in starts)
               or PLACE_YEAR.fullmatch(line.rstrip(". ")) for line in lines):
            found.append(e.text)  # a head gives the whole title with its imprint
    return found
