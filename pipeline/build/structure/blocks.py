"""Blocks and lines: split the text at blank lines and say what each block is."""

from __future__ import annotations

import re

from pipeline.build.dates.calendar import date_line
from pipeline.build.structure.hyphens import join_lines
from pipeline.build.structure.model import BiblList, Break, Facts, Fw, Head, ItemList, Note, Para
from pipeline.core import cues

# `= Title =`, `==Background==`: the level is the number of equals signs.
WIKI_HEAD = re.compile(r"^\s*(={1,6})\s*([^=\s].*?)\s*\1\s*$")
SENTENCE_END = re.compile(r"[.!?…»”\"')\]:;]\s*$")
PARA_START = re.compile(r"^\s*[\"'«“‘(\[*\-–—\d]|^\s*[^\W\d_]", re.UNICODE)
# Lines that open an item of their own: "- Key: value", "* item", "1) condition".
ITEM_START = re.compile(r"^\s*(?:[-*•]\s|\d{1,3}\)\s)")
FINAL_PUNCT = re.compile(r"[.,;:!?]\s*$")
LETTER = re.compile(r"[^\W\d_]")
BREAK = re.compile(r"^\s*(?:\*\s*){3,}$|^\s*(?:•\s*){3,}$")
# "(1) ...", "(2 )...", "(*) ...", "* ...", "** ..." at the start of a block.
NOTE_START = re.compile(r"^\s*(?:\(\s*(\d{1,3}|\*{1,3})\s*\)|(\*{1,3})(?=\s*[^\s*]))\s*")
# Bulleted or numbered list lines: "- item", "* item", "• item", "1. item", "2) item".
BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+\S")
# A note mark left at the end of a line: "cabins.*", "government (1)".
TRAILING_MARK = re.compile(r"\s*(?:\*{1,3}|\(\s*(?:\d{1,3}|\*{1,3})\s*\))\s*$")
LEAD_HEAD_WORDS = 6
FACT = re.compile(r"^\s*-\s+([^:\n]{1,40}?)\s*:\s?(.*)$")
# Fact rows as copied from a web page's info box: "Date<TAB>7–12 April 1939", or, where
# the copy lost the tab, a label glued to its value ("DateApril 7–12, 1939",
# "Territorial changesAlbania annexed"): a label of lower-case words that runs straight
# into a capital or a digit. Only a block made of such rows is read this way; a label
# has four letters or more, so that "MacLeod", "McNeil", "DeWitt" are not labels.
TAB_FACT = re.compile(r"^\s*([^\W\d_][^\t\n]{0,39}?)\t+\s*(\S.*)$")
GLUED_FACT = re.compile(r"^\s*([A-Z][a-z]{3,}(?: [a-z]+){0,3})(?=[A-Z0-9])(\S.*)$")
BIBL = re.compile(r"^\s*-\s+(?P<author>[^\"“”]{2,80}?)\.\s*(?P<title>[\"“][^\"”]+[\"”])")
CITATION_MARK = re.compile(r"\[\d{1,4}\]")
TITLE_MAX_CHARS = 100
TITLE_MAX_WORDS = 12
CAPTION_MAX_CHARS = 90
CAPTION_AVERAGE = 60


def split_blocks(text: str) -> list[list[str]]:
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


def is_title_line(line: str) -> bool:
    """A short line without final punctuation that reads as a title."""
    s = line.strip()
    words = s.split()
    if not s or len(s) > TITLE_MAX_CHARS or len(words) > TITLE_MAX_WORDS:
        return False
    if (not LETTER.search(s) or s[0] in "-*•(–—[" or s.endswith("*") or BREAK.match(s)
            or CITATION_MARK.search(s)):
        return False
    if not FINAL_PUNCT.search(s):
        return True
    # "The Beginning of the National Liberation Movement." : title case despite the stop.
    long_words = [w for w in words if len(w) > 3]
    capital = [w for w in long_words if w[0].isupper()]
    return s.endswith(".") and len(long_words) >= 2 and len(capital) == len(long_words)


def is_boilerplate(line: str) -> bool:
    low = line.lower()
    return any(cue in low for cue in cues.structure("boilerplate-phrases"))


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(TRAILING_MARK.sub("", text)))


def is_section_head(line: str) -> bool:
    """"CHAPTER I", "Part 2", "BOOK THREE": a line that always opens a new section."""
    words = line.strip().lower().split()
    return (1 <= len(words) <= 8 and words[0] in cues.structure("section-heads")
            and len(words) >= 2)


def starts_lower(text: str) -> bool:
    s = text.lstrip(" \"'«“‘(")
    return bool(s) and s[0].islower()


def classify(blocks: list[list[str]], wiki: bool) -> list:
    """Turn blocks into a flat run of events: heads, paragraphs, notes, facts, furniture."""
    events: list = []
    for block in blocks:
        pending: list[str] = []
        for line in block:
            m = WIKI_HEAD.match(line)
            if m:
                events.extend(_lines(pending, wiki, events))
                pending = []
                events.append(Head([m.group(2)], level=len(m.group(1)), wiki=True))
            elif is_boilerplate(line):
                events.extend(_lines(pending, wiki, events))
                pending = []
                events.append(Fw(line.strip()))
            else:
                pending.append(line)
        events.extend(_lines(pending, wiki, events))
    return events


def _lines(lines: list[str], wiki: bool, events: list) -> list:
    """What a run of lines from one block is (`events`: what came before it)."""
    if not lines:
        return []
    if len(lines) == 1 and BREAK.match(lines[0]):
        return [Break(lines[0].strip())]
    m = NOTE_START.match(lines[0])
    if m:
        n = (m.group(1) or m.group(2)).strip()
        body = " ".join([lines[0][m.end():].strip()] + [l.strip() for l in lines[1:]])
        return [NoteBlock(n, body, " ".join(l.strip() for l in lines))]
    facts = _facts(lines)
    if facts:
        return [facts]
    if len(lines) >= 2 and all(BULLET.match(l) for l in lines):
        entries = [Para(l.strip()) for l in lines]
        bibl = sum(1 for l in lines if BIBL.match(l)) * 2 >= len(lines)
        if bibl or _under_bibliography_head(events):
            return [BiblList(entries)]
        return [ItemList(entries)]
    when = date_line(lines[0])
    if when and (len(lines) == 1 or not date_line(lines[1])):
        rest = _lines(lines[1:], wiki, events) if len(lines) > 1 else []
        return [Para(lines[0].strip(), kind="dateline", when=when)] + rest
    if (len(lines) >= 2 and not wiki and is_title_line(lines[0])
            and len(lines[0].split()) <= LEAD_HEAD_WORDS and not starts_lower(lines[0])
            and (all(BULLET.match(l) for l in lines[1:])
                 or any(len(l) > CAPTION_MAX_CHARS for l in lines[1:]))):
        head = Head([lines[0].strip()])  # "History" over the paragraph it heads
        return [head] + _lines(lines[1:], wiki, events + [head])
    if not wiki and len(lines) <= 3 and all(is_title_line(l) for l in lines) and (
            not starts_lower(lines[0]) or (events and isinstance(events[-1], Head))):
        return [Head([l.strip() for l in lines])]
    if _captions(lines):
        return [Para(l.strip(), kind="caption") for l in lines]
    return paragraphs(lines)


class NoteBlock(Note):
    """A footnote as printed where the page put it, before it is anchored."""

    def __init__(self, n: str, body: str, raw: str):
        super().__init__(n=n, paras=[body])
        self.raw = raw


def _under_bibliography_head(events: list) -> bool:
    heads = [e for e in events if isinstance(e, Head)]
    if not heads or events[-1] is not heads[-1]:
        return False
    text = heads[-1].text.strip().lower()
    return any(text == cue for cue in cues.structure("bibliography-heads"))


def _facts(lines: list[str]) -> Facts | None:
    for row in (FACT, TAB_FACT, GLUED_FACT):
        facts = _fact_rows(lines, row)
        if facts:
            return facts
    return None


def _fact_rows(lines: list[str], row: re.Pattern) -> Facts | None:
    """A fact box whose rows all have one form (`row`), under an optional head line."""
    head = None
    if not row.match(lines[0]) and len(lines) > 2:
        head, lines = lines[0].strip(), lines[1:]
    rows = []
    for line in lines:
        m = row.match(line)
        if not m:
            return None
        label, value = m.group(1).strip(), m.group(2).strip()
        parts = [p.strip() for p in re.split(r",?\s*\*\s*(?=\S)", value)]
        rows.append((label, parts[0], [p for p in parts[1:] if p]))
    return Facts(head, rows) if len(rows) >= 2 else None


def _captions(lines: list[str]) -> bool:
    """Short stand-alone lines, one per picture, rather than a wrapped paragraph."""
    if len(lines) < 2 or any(len(l.strip()) > CAPTION_MAX_CHARS for l in lines):
        return False
    if any(starts_lower(l) or ITEM_START.match(l) or not LETTER.search(l) for l in lines):
        return False
    # Wrapped prose has long lines; caption rows are short and some end without a stop.
    average = sum(len(l.strip()) for l in lines) / len(lines)
    return average < CAPTION_AVERAGE and any(not ends_sentence(l) for l in lines)


def paragraphs(lines: list[str]) -> list[Para]:
    """Split a block's lines into paragraphs where a sentence ends and a new one starts."""
    paras: list[list[str]] = []
    for line in lines:
        new = ITEM_START.match(line) or (
            paras and ends_sentence(paras[-1][-1]) and PARA_START.match(line))
        if paras and not new:
            paras[-1].append(line)
        else:
            paras.append([line])
    out = []
    for p in paras:
        text, joins = join_lines(p)
        out.append(Para(text, spans=joins))
    return out
