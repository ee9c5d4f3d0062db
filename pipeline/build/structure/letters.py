"""Letters and diary entries: group the blocks that make one up into a div."""

from __future__ import annotations

import re

from pipeline.build.structure.blocks import LETTER
from pipeline.build.structure.model import Break, Fw, Head, Para, Section
from pipeline.core import cues

SALUTE_MAX = 60
SIGNED_MAX = 80
QUOTE_START = re.compile(r"^\s*[\"“«‘']")


def _text(e) -> str | None:
    if isinstance(e, Para):
        return e.text
    if isinstance(e, Head) and not e.wiki:
        return e.text
    return None


def _as(e, kind: str) -> Para:
    """`e` as a line of the given kind, its spans (line-end joins) kept."""
    return Para(_text(e), kind=kind, spans=list(getattr(e, "spans", [])))


def _starts_with(text: str | None, section: str) -> bool:
    if not text:
        return False
    low = text.lower().lstrip()
    return any(re.match(rf"{re.escape(c)}(?!\w)", low) for c in cues.structure(section))


def is_salute(e) -> bool:
    t = _text(e)
    return (t is not None and len(t) <= SALUTE_MAX and t.rstrip()[-1:] in ",:!"
            and _starts_with(t, "letter-salutations"))


def is_closing(e) -> bool:
    t = _text(e)
    if t is None or len(t) > SALUTE_MAX or t.rstrip().endswith((".", "?", ";")):
        return False
    low = t.lower()
    return any(re.search(rf"(?<!\w){re.escape(c)}(?!\w)", low)
               for c in cues.structure("letter-closings"))


def is_postscript(e) -> bool:
    return _starts_with(_text(e), "postscript-marks")


def is_publication(e) -> bool:
    return _starts_with(_text(e), "publication-lines")


def _stop(e) -> bool:
    return isinstance(e, Break) or (isinstance(e, Head) and e.wiki)


def group(events: list) -> list:
    events = _letters(events)
    return _entries(events)


def _letters(events: list) -> list:
    out: list = []
    i = 0
    while i < len(events):
        e = events[i]
        if is_salute(e):
            letter, end = _letter(events, i)
            if letter is not None:
                if out and isinstance(out[-1], Para) and out[-1].kind == "dateline":
                    letter.opener.insert(0, out.pop())
                out.append(letter)
                i = end
                continue
        out.append(e)
        i += 1
    return out


def _letter(events: list, start: int) -> tuple[Section | None, int]:
    """A letter from its salute to its closer, signature, postscript and source line."""
    close = next((k for k in range(start + 1, len(events))
                  if is_closing(events[k]) or _stop(events[k])), None)
    if close is None or not is_closing(events[close]):
        return None, start
    letter = Section(level=1, type="letter")
    letter.opener.append(_as(events[start], "salute"))
    letter.items = [_as_body(e) for e in events[start + 1:close]]
    letter.closer.append(_as(events[close], "closer-salute"))
    k = close + 1
    while (k < len(events) and len(letter.closer) < 4 and _text(events[k])
           and len(_text(events[k])) <= SIGNED_MAX and LETTER.search(_text(events[k]))
           and not is_postscript(events[k]) and not is_publication(events[k])):
        letter.closer.append(_as(events[k], "signed"))
        k += 1
    if k < len(events) and is_postscript(events[k]) and isinstance(events[k], Para):
        letter.postscript = Para(events[k].text, kind="postscript", spans=events[k].spans)
        k += 1
    if k < len(events) and is_publication(events[k]):
        letter.trailer.append(_as(events[k], "publication"))
        k += 1
    return letter, k


def _as_body(e):
    """Inside a letter a title-like line is just a line of the letter."""
    if isinstance(e, Head) and not e.wiki:
        return Para(e.text)
    return e


def _quotation(e) -> bool:
    """A paragraph, or a short line, that opens with a quotation mark."""
    if isinstance(e, Head) and (e.wiki or len(e.lines) > 1):
        return False
    t = _text(e)
    return t is not None and bool(QUOTE_START.match(t)) and getattr(e, "kind", "p") == "p"


def _entries(events: list) -> list:
    """A date line followed by a quotation is a diary entry: a div with a dated head."""
    out: list = []
    i = 0
    while i < len(events):
        e = events[i]
        nxt = events[i + 1] if i + 1 < len(events) else None
        if isinstance(e, Para) and e.kind == "dateline" and _quotation(nxt):
            entry = Section(level=0, type="entry", head=Head([e.text], when=e.when))
            k = i + 1
            while k < len(events) and (_quotation(events[k]) or isinstance(events[k], Fw) or (
                    isinstance(events[k], Para) and events[k].kind == "p")):
                item = events[k]
                if _quotation(item):
                    item = Para(_text(item), kind="quote", spans=getattr(item, "spans", []))
                entry.items.append(item)
                k += 1
            out.append(entry)
            i = k
            continue
        out.append(e)
        i += 1
    return out
