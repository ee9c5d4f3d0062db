"""Furniture: web boilerplate at the edges, site names, and what the text says of itself."""

from __future__ import annotations

import collections
import re

from pipeline.build.structure.blocks import ends_sentence, is_title_line
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


# A page number alone, or beside a running head: "454", "- 12 -", "[12]".
_NUMBER_ALONE = re.compile(r"^[\s\-–—\[(]*(\d{1,4})[\s\-–—\])]*$")
_NUMBER_FIRST = re.compile(r"^\s*(\d{1,4})\s{2,}|^\s*(\d{1,4})\s+(?=[^\W\d_])")
_NUMBER_LAST = re.compile(r"(?:\s{2,}|(?<=[.,;:!?])\s+)(\d{1,4})\s*$")
HEAD_MAX_CHARS = 100
# Words a printed page holds at the least, between two page numbers: a number alone
# needs a real page of text (a chronology's years stand a sentence apart); a number
# beside a running head that recurs needs less.
PAGE_WORDS = 100
PAGE_WORDS_WITH_HEADS = 20
SAME_HEAD = 0.85  # OCR misreads a letter or two of the same running head


def page_furniture(events: list) -> list:
    """Running heads and page numbers of a scanned book become forme work with a page
    break: a short line that recurs in the document (its page number aside, OCR slips
    allowed) or a number alone on its line, where at least two such lines occur. A
    line that goes on with a sentence begun before it is never furniture."""
    found: list[tuple[int, str, str, bool]] = []  # index, head text, number, first
    for i, e in enumerate(events):
        text = _line_of(e)
        if text is None or (i and _continues(events[i - 1], text)):
            continue
        m = _NUMBER_ALONE.match(text)
        if m:
            found.append((i, "", m.group(1), True))
            continue
        first, last = _NUMBER_FIRST.search(text), _NUMBER_LAST.search(text)
        if first:
            found.append((i, text[first.end():].strip(), first.group(1) or first.group(2), True))
        elif last:
            found.append((i, text[:last.start()].strip(), last.group(1), False))
        else:
            found.append((i, text.strip(), "", True))
    out = list(events)
    if sum(1 for _, _, n, _ in found if n) < 2:
        return out  # no pagination without two page numbers: most texts stop here
    keys = collections.Counter(_key(h) for _, h, _, _ in found if h)
    recurring = [(i, h, n, f) for i, h, n, f in found if h and _recurs(_key(h), keys)]
    alone = [(i, h, n, f) for i, h, n, f in found if not h]
    # Pages are numbered in order, a page of text apart: a book's pagination, not a
    # list of years.
    numbered = sorted((i, n) for i, _, n, _ in recurring + alone if n)
    heads_numbered = sum(1 for _, h, n, _ in recurring if n)
    least = PAGE_WORDS_WITH_HEADS if heads_numbered >= 2 else PAGE_WORDS
    if not _paged([n for _, n in numbered]) or any(
            _words_between(events, a, b) < least for (a, _), (b, _) in zip(numbered, numbered[1:])):
        return out
    if heads_numbered * 2 >= len(recurring):
        for i, head, number, first in recurring:
            out[i] = Fw(head, "header", page=number or None, number=number,
                        number_first=first)
    for i, _, number, _ in alone:
        out[i] = Fw(number, "pageNum", page=number)
    return out


def _paged(numbers: list[str]) -> bool:
    """Numbers that climb as pages do: by one, or by two where only every other page
    prints its number."""
    values = [int(n) for n in numbers]
    return len(values) >= 2 and all(1 <= b - a <= 2 for a, b in zip(values, values[1:]))


def _words_between(events: list, a: int, b: int) -> int:
    return sum(len(e.text.split()) for e in events[a + 1:b] if isinstance(e, Para))


def _line_of(e) -> str | None:
    if isinstance(e, Para) and e.kind == "p" and not e.spans:
        text = e.text
    elif isinstance(e, Head) and not e.wiki and len(e.lines) == 1:
        text = e.text
    else:
        return None
    return text if len(text) <= HEAD_MAX_CHARS else None


def _continues(before, text: str) -> bool:
    return (isinstance(before, Para) and before.kind == "p" and not ends_sentence(before.text)
            and text[:1].islower())


def _key(head: str) -> str:
    return "".join(c for c in head.lower() if c.isalpha())


def _recurs(key: str, keys: collections.Counter) -> bool:
    """Does the head of this key stand, near enough, on another page too? (`keys`:
    every head's key, with how often it occurs.)"""
    from rapidfuzz import fuzz

    if len(key) < 4:
        return False
    if keys[key] >= 2:
        return True
    return sum(n for other, n in keys.items() if fuzz.ratio(key, other) >= SAME_HEAD * 100) >= 2
