"""Structure: recognise headings, sections and paragraphs in a plain-text source."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# `= Title =`, `==Background==`: the level is the number of equals signs.
WIKI_HEAD = re.compile(r"^\s*(={1,6})\s*([^=\s].*?)\s*\1\s*$")
_SENTENCE_END = re.compile(r"[.!?…»”\"')\]:;]\s*$")
_PARA_START = re.compile(r"^\s*[\"'«“‘(\[*\-–—\d]|^\s*[^\W\d_]", re.UNICODE)
# Lines that open an item of their own: "- Key: value", "* item", "1) condition".
_ITEM_START = re.compile(r"^\s*(?:[-*•]\s|\d{1,3}\)\s)")
_FINAL_PUNCT = re.compile(r"[.,;:!?]\s*$")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Settings:
    """Thresholds of the structure rules (see docs/encoding.md)."""

    title_max_chars: int = 100
    title_max_words: int = 12


@dataclass
class Para:
    """A paragraph: the source lines it was made of, joined by a space."""

    lines: list[str]

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)


@dataclass
class Head:
    """A heading; a title set over several short lines keeps them as lines."""

    lines: list[str]
    level: int
    wiki: bool = False

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)


@dataclass
class Section:
    """A div: an optional head, then paragraphs and subsections."""

    level: int
    head: Head | None = None
    items: list = field(default_factory=list)


@dataclass
class Document:
    """The structure of one source: its title and top-level sections."""

    title: str
    sections: list[Section]


def parse(text: str, settings: Settings | None = None) -> Document:
    """Parse normalised source text into a Document; nothing is dropped."""
    settings = settings or Settings()
    blocks = _blocks(text)
    wiki = any(WIKI_HEAD.match(line) for block in blocks for line in block)
    events: list[Head | Para] = []
    for block in blocks:
        events.extend(_block_events(block, wiki, settings))
    events = _merge_title_lines(events)
    sections = _nest(events)
    title = next((e.text for e in events if isinstance(e, Head)), "")
    if not title:
        first = next((e.text for e in events), "Untitled")
        title = first if len(first) <= 80 else first[:77].rsplit(" ", 1)[0] + " …"
    return Document(title=title, sections=sections)


def _blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines, separated by blank (or white-space-only) lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _block_events(block: list[str], wiki: bool, settings: Settings) -> list[Head | Para]:
    events: list[Head | Para] = []
    pending: list[str] = []
    for line in block:
        m = WIKI_HEAD.match(line)
        if m:
            events.extend(_paragraphs(pending))
            pending = []
            events.append(Head([m.group(2)], level=len(m.group(1)), wiki=True))
        else:
            pending.append(line)
    if (not wiki and len(block) == 1 and pending
            and is_title_line(pending[0], settings)):
        return events + [Head(pending, level=1)]
    return events + _paragraphs(pending)


def is_title_line(line: str, settings: Settings) -> bool:
    """A short line without final punctuation that reads as a title."""
    s = line.strip()
    words = s.split()
    if not s or len(s) > settings.title_max_chars or len(words) > settings.title_max_words:
        return False
    if not _LETTER.search(s) or s[0] in "-*•(–—[":
        return False
    if not _FINAL_PUNCT.search(s):
        return True
    # "The Beginning of the National Liberation Movement." : title case despite the stop.
    long_words = [w for w in words if len(w) > 3]
    capital = [w for w in long_words if w[0].isupper()]
    return s.endswith(".") and len(long_words) >= 2 and len(capital) == len(long_words)


def _paragraphs(lines: list[str]) -> list[Para]:
    """Split a block's lines into paragraphs where a sentence ends and a new one starts."""
    paras: list[Para] = []
    for line in lines:
        new = _ITEM_START.match(line) or (
            paras and _SENTENCE_END.search(paras[-1].lines[-1]) and _PARA_START.match(line))
        if paras and not new:
            paras[-1].lines.append(line)
        else:
            paras.append(Para([line]))
    return paras


def _merge_title_lines(events: list[Head | Para]) -> list[Head | Para]:
    """Consecutive one-line title blocks are one head printed over several lines."""
    merged: list[Head | Para] = []
    for event in events:
        prev = merged[-1] if merged else None
        if (isinstance(event, Head) and not event.wiki and isinstance(prev, Head)
                and not prev.wiki):
            prev.lines.extend(event.lines)
        else:
            merged.append(event)
    return merged


def _nest(events: list[Head | Para]) -> list[Section]:
    """Turn the flat run of heads and paragraphs into nested sections by head level."""
    top: list[Section] = []
    stack: list[Section] = []
    for event in events:
        if isinstance(event, Head):
            while stack and stack[-1].level >= event.level:
                stack.pop()
            section = Section(level=event.level, head=event)
            (stack[-1].items if stack else top).append(section)
            stack.append(section)
        else:
            if not stack:
                section = Section(level=1)
                top.append(section)
                stack.append(section)
            stack[-1].items.append(event)
    return top
