"""Line-end hyphenation: a word broken at the end of a printed line is one word again.

A line that ends in a hyphen glued to a word ("insur-", "Massachu¬") and a next line
that goes on with a word are joined without a space. What the hyphen was is decided
by the English lexicon (wordfreq), for any text:

- a **break** inside one word ("insur-" + "gents"): the reading text has "insurgents";
  the TEI keeps the printed hyphen as `<pc force="weak">-</pc>` and the line end as
  `<lb break="no"/>`, so the diplomatic view shows both;
- a **compound** that happens to fall at a line end ("Caroline-" + "street",
  "anti-" + "fascist", "Tirana-" + "Elbasan"): the hyphen stays text, followed by
  `<lb break="no"/>`. A compound is what goes on with a capital, or joins two known
  words into a form the lexicon does not know (not "every-" + "thing").

"¬" and the soft hyphen only ever mark a break. The joins are zero-width spans of
the paragraph (tag `lb`), so every later rule that moves text moves them too; the
TEI writer places the elements once names, dates and OCR readings are marked, so all
of those see whole words (pipeline/build/breaks.py).
"""

from __future__ import annotations

import contextvars
import re
from dataclasses import dataclass

from pipeline.build.language import english_zipf
from pipeline.build.structure.model import Span

HYPHENS = "-\u2010\u00ac\u00ad"  # hyphen-minus, hyphen, "¬" of OCR, soft hyphen
BREAK_ONLY = "\u00ac\u00ad"
KNOWN_ZIPF = 3.0  # a part this frequent is a word of its own
JOINED_ZIPF = 2.0  # a joined form rarer than this is no English word
# Off only for the build's second try at a document whose words the joins would not
# keep (build/words.py, as_printed_if_lost): never expected, but no document is refused.
JOINING: contextvars.ContextVar[bool] = contextvars.ContextVar("joining", default=True)
_END = re.compile(rf"(\S)([{HYPHENS}])$")
_LETTERS_END = re.compile(r"([^\W\d_]+)$")
_LETTERS_START = re.compile(r"^([^\W\d_]+)")


def is_compound(left: str, right: str, hyphen: str = "-") -> bool:
    """Is `left`-`right` a real compound, broken at a line end, rather than one word?

    Example:

        is_compound("Caroline", "street")  # True; is_compound("insur", "gents"): False
    """
    if hyphen in BREAK_ONLY:
        return False
    if not right[:1].islower():
        return True  # "Tirana-Elbasan", "1941-1945"
    if not left[-1:].isalpha():
        return True
    a, b = left.lower(), right.lower()
    return (english_zipf(a) >= KNOWN_ZIPF and english_zipf(b) >= KNOWN_ZIPF
            and english_zipf(a + b) < JOINED_ZIPF)


def join_lines(lines: list[str]) -> tuple[str, list[Span]]:
    """The lines of a paragraph as one text, with the spans of its line-end joins."""
    text = ""
    spans: list[Span] = []
    for line in lines:
        text, span = join_pair(text, line.strip())
        if span is not None:
            spans.append(span)
    return text, spans


def join_pair(first: str, second: str) -> tuple[str, Span | None]:
    """`first` and `second` joined: by a space, or across a line-end hyphen with the
    span that records it (its position is where the second part starts)."""
    if not first:
        return second, None
    if not second:
        return first, None
    m = _END.search(first) if JOINING.get() else None
    if m is None or second[0].isspace() or not second[0].isalnum():
        return first + " " + second, None
    hyphen = m.group(2)
    left = _LETTERS_END.search(first[:-1])
    right = _LETTERS_START.match(second)
    compound = is_compound(left.group(1) if left else first[-2], right.group(1) if right
                           else second[:1], hyphen)
    if compound:  # the hyphen is the text's own: it stays, the line end does not break
        return first + second, Span(len(first), len(first), "lb", {"break": "no"})
    cut = len(first) - 1
    return (first[:cut] + second,
            Span(cut, cut, "lb", {"break": "no"}, node=Hyphen(hyphen)))


def printed(text: str, spans: list[Span], start: int = 0, end: int | None = None) -> str:
    """text[start:end] with the hyphens of its joins put back ("insur-gents"): for a
    paragraph's text that leaves the paragraph (a note's overflow), so no letter and no
    word boundary is lost."""
    end = len(text) if end is None else end
    out = text[start:end]
    for span in sorted(spans, key=lambda s: -s.start):
        if (span.tag == "lb" and isinstance(span.node, Hyphen)
                and start <= span.start <= end and span.start == span.end):
            at = span.start - start
            out = out[:at] + span.node.char + out[at:]
    return out


@dataclass(frozen=True)
class Hyphen:
    """The printed hyphen of a word broken at a line end, kept as <pc force="weak">."""

    char: str
