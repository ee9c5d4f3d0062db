"""Rules that overrule the name model where English itself says a span is no name.

The model is trained on news; in other texts it mistakes two kinds of word for names,
and both can be told by rules that hold for any English text:

- **A group of people named by a plural** ("the Montenegrins", "the Ballists"): the
  model calls them persons or organisations. One word ending in a suffix of adherents
  or peoples (`[group-suffixes]` in
  pipeline/data/name-cues.txt: -ists, -ites, -ians), or a person's plural after "the"
  (no one person is "the Serbs"), is a group, not a person and not a named
  organisation ("the Yankees", a team, stays an organisation). The span becomes a vote for "no name", so the document's other
  mentions of the word (build/names/tagger.py, learn) are not tagged either. A name of
  several words ("Yugoslav Partisans") is left to the model.
- **Titles** follow the encoding manual, as the evidence rules do: a royal title is
  part of the name ("King Zog"), any other title is not ("General Mehmet Shehu" tags
  "Mehmet Shehu"), and words before a title are no part of it ("Later King Farouk").
  A person's span starts where the manual says, and takes in a royal title just
  before it, and a given name the model left out ("Mehmet" of "Mehmet Shehu": a word
  in title case that is no frequent English word).
- **A heading of one common word** ("Background"): capitalised because it is a heading,
  not because it is a name. A span that is the whole of its text node, one word whose
  lower-case form is a frequent English word (wordfreq), is dropped, unless the
  gazetteer knows it as a country or a large place ("China").
"""

from __future__ import annotations

import functools
import re

from pipeline.build.dates.calendar import calendar_word
from pipeline.build.language import english_zipf
from pipeline.build.names.model import Span
from pipeline.core import cues

COMMON_ZIPF = 3.5  # a word this frequent in lower case is an ordinary English word
_WORD = re.compile(r"^[^\W\d_]+$")
_THE = re.compile(r"(?:^|\s)the\s+$")  # lower-case: "The" may begin a name or a sentence
_WORDS = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"([^\W\d_]+) $")


@functools.lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    return cues.load("name-cues.txt").get("group-suffixes", ())


@functools.lru_cache(maxsize=1)
def _titles() -> tuple[frozenset, tuple[tuple[str, ...], ...]]:
    """The royal titles, and every title as a tuple of words, longest first."""
    lists = cues.load("name-cues.txt")
    royal = frozenset(lists.get("royal-titles", ()))
    every = {tuple(t.split()) for t in royal | set(lists.get("person-titles", ()))}
    return royal, tuple(sorted(every, key=len, reverse=True))


def screen(texts: list[str], predicted: dict[int, list[Span]], places=None
           ) -> dict[int, list[Span]]:
    """The model's spans by text node, with groups turned into "no name" votes and
    one-word headings dropped. `places` is the gazetteer layer, or None."""
    out: dict[int, list[Span]] = {}
    for n, spans in predicted.items():
        text = texts[n]
        kept = []
        for span in spans:
            if span.kind == "person":
                span = titled(text, span)
                span = widened(text, span, kept[-1].end if kept else 0)
            surface = text[span.start:span.end]
            if span.kind in ("person", "org") and group(surface, text[:span.start], span.kind):
                span = Span(span.start, span.end, "other")
            elif heading(surface, text, places) or calendar_word(surface):
                continue  # "August" and "Monday" are dates, whatever the model says
            kept.append(span)
        out[n] = kept
    return out


def group(surface: str, before: str, kind: str = "person") -> bool:
    """Is `surface` (one word, after the text `before`) a plural naming a group? After
    "the", only where the model saw a person: "the Yankees" is a named team."""
    if not _WORD.match(surface) or surface.isupper():
        return False
    lower = surface.lower()
    if any(lower.endswith(s) and len(lower) > len(s) + 2 for s in _suffixes()):
        return True
    return (kind == "person" and lower.endswith("s") and not lower.endswith("ss")
            and _THE.search(before) is not None)


def titled(text: str, span: Span) -> Span:
    """A person's span with its title as the encoding manual has it: a royal title in
    (also one just before the span), another title and the words before it out."""
    royal, titles = _titles()
    words = list(_WORDS.finditer(text, span.start, span.end))
    lower = [w.group().lower() for w in words]
    for i in range(len(words) - 1):  # a title must leave a name after it
        for title in titles:
            n = len(title)
            if i + n < len(words) and tuple(lower[i:i + n]) == title:
                cut = words[i].start() if title[0] in royal else words[i + n].start()
                return Span(cut, span.end, span.kind)
    offset = max(0, span.start - 20)
    before = _LAST_WORD.search(text, offset, span.start)
    if before and before.group(1).lower() in royal:
        return Span(before.start(1), span.end, span.kind)
    return span


_BEFORE = re.compile(r"(?<![^\s(\[\"“‘])([^\W\d_][^\W\d_'’-]*) $")


def widened(text: str, span: Span, floor: int = 0) -> Span:
    """A person's span with the capitalised given name the model left out before it
    ("under Mehmet Shehu": the model saw "Shehu"): one word, in title case, not a
    title and not a frequent English word (so not "Yesterday" either), after `floor`
    (the end of the span before)."""
    m = _BEFORE.search(text, max(floor, span.start - 40), span.start)
    if not m or not m.group(1)[:1].isupper() or m.group(1).isupper():
        return span
    word = m.group(1)
    royal, titles = _titles()
    if ((word.lower(),) in titles
            or word.lower() in royal or english_zipf(word.lower()) >= COMMON_ZIPF):
        return span
    return Span(m.start(1), span.end, span.kind)


def heading(surface: str, text: str, places=None) -> bool:
    """Is `surface` a common word standing alone as the whole of its text node?"""
    if not _WORD.match(surface) or text.strip(" \t\n.:;,–—-=*#") != surface:
        return False
    if places is not None and places.notable(surface):
        return False
    return english_zipf(surface.lower()) >= COMMON_ZIPF
