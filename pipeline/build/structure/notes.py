"""Footnotes: move each note to its reference mark and mend paragraphs a page split.

A footnote printed at the foot of a page often lands in the middle of a sentence:
the paragraph before it ends open, and the sentence goes on after the note (and
after any running head printed there). The rules join the halves back into one
paragraph and put each note where its mark (`(1)`, `*`, `word4`) stands.
"""

from __future__ import annotations

import re

from pipeline.build.structure.blocks import NoteBlock, ends_sentence, starts_lower
from pipeline.build.structure.hyphens import join_pair, printed as as_printed
from pipeline.build.structure.model import Fw, Head, Note, Para, Span

WINDOW = 6  # how many blocks after a note may still continue the interrupted sentence
# A note printed inside a paragraph: "... organs of the (4) The call of the General Staff".
INLINE_NOTE = re.compile(r"(?<=[^\W\d_]) \(\s*(\d{1,3})\s*\)\s+(?=[A-Z])")
_TRAILING = r"(?=[\s.,;:!?)\]»”\"'’]|$)"


def resolve(events: list) -> list:
    events = _unhead_broken_sentences(events)
    events = _split_inline_notes(events)
    events = _join(events)
    return _anchor(events)


def _unhead_broken_sentences(events: list) -> list:
    """A short line whose sentence goes on in the next block is prose, not a title."""
    out = list(events)
    for i, e in enumerate(events[:-1]):
        if (isinstance(e, Head) and not e.wiki and len(e.lines) == 1
                and _is_text(events[i + 1]) and starts_lower(events[i + 1].text)
                and not _open_before(events, i)):
            out[i] = Para(e.text)
    return out


def _open_before(events: list, i: int) -> bool:
    """Is the nearest paragraph before i, past notes and heads, an unfinished sentence?"""
    for e in reversed(events[:i]):
        if isinstance(e, NoteBlock) or (isinstance(e, Head) and not e.wiki):
            continue
        return _is_text(e) and not ends_sentence(e.text)
    return False


def _is_text(e) -> bool:
    return isinstance(e, Para) and e.kind == "p"


def _mark_patterns(n: str) -> list[re.Pattern]:
    if n.isdigit():
        return [re.compile(rf"\s?\(\s*{n}\s*\)"), re.compile(rf"(?<=[^\W\d_]){n}{_TRAILING}")]
    stars = re.escape(n)
    return [re.compile(rf"\s?\(\s*{stars}\s*\)"), re.compile(rf"\s?(?<![*(]){stars}(?![*)])")]


def _split_inline_notes(events: list) -> list:
    """Cut a paragraph where a note's own text begins inside it, if its mark is elsewhere."""
    printed = {e.n for e in events if isinstance(e, NoteBlock)}
    out: list = []
    for e in events:
        m = INLINE_NOTE.search(e.text) if _is_text(e) else None
        if m and m.group(1) not in printed and _has_other_mark(events, m.group(1), e, m.start()):
            out.append(Para(e.text[: m.start()],
                            spans=[s for s in e.spans if s.end <= m.start()]))
            rest = as_printed(e.text, e.spans, m.start())
            out.append(NoteBlock(m.group(1), as_printed(e.text, e.spans, m.end()), rest.strip()))
            printed.add(m.group(1))
        else:
            out.append(e)
    return out


def _has_other_mark(events: list, n: str, para: Para, at: int) -> bool:
    glued = _mark_patterns(n)[1]
    for e in events:
        if _is_text(e):
            text = e.text[:at] if e is para else e.text
            if glued.search(text):
                return True
    return False


def _join(events: list) -> list:
    """Join paragraphs that a page break, a running head or a footnote block split."""
    events = list(events)
    i = 0
    while i < len(events):
        e = events[i]
        if not _is_text(e) or ends_sentence(e.text):
            i += 1
            continue
        j = i + 1
        while j < len(events) and _interlude(events[j]):
            j += 1
        if j >= len(events) or not _is_text(events[j]):
            i += 1
            continue
        between = events[i + 1:j]
        notes = [x for x in between if isinstance(x, NoteBlock)]
        target = j
        if notes:
            target = _resumption(events, j)
            for k in range(j, target):  # paragraphs between are the last note's overflow
                if _is_text(events[k]):
                    notes[-1].paras.append(as_printed(events[k].text, events[k].spans))
                elif isinstance(events[k], NoteBlock):
                    notes.append(events[k])
        elif not starts_lower(events[j].text) and not any(
                isinstance(x, Fw) and x.page for x in between):
            i += 1  # a capital after a mere head may begin a new paragraph; after a
            continue  # page break that cut a sentence, the sentence goes on
        furniture = [x if isinstance(x, Fw) else Fw(x.text, "header")
                     for x in between if isinstance(x, (Head, Fw))]
        events[i] = _glue(e, furniture, events[target])
        events[i + 1:target + 1] = notes
    return events


def _interlude(e) -> bool:
    return (isinstance(e, NoteBlock) or (isinstance(e, Head) and not e.wiki)
            or (isinstance(e, Fw) and e.type in ("header", "pageNum")))


def _resumption(events: list, j: int) -> int:
    """Where the interrupted sentence goes on: the next block starting in lower case,
    unless another open sentence comes first; otherwise the first block after the notes."""
    for k in range(j, min(len(events), j + WINDOW)):
        e = events[k]
        if isinstance(e, NoteBlock):
            continue
        if not _is_text(e):
            break
        if starts_lower(e.text):
            return k
        if not ends_sentence(e.text):
            break
    return j


def _glue(first: Para, furniture: list[Fw], second: Para) -> Para:
    text, join = join_pair(first.text, second.text)  # "pro-" | "perty": one word again
    cut = join.start if join else len(first.text)
    spans = list(first.spans) + ([join] if join else [])
    for fw in furniture:  # a running head, a page number: where the page turned
        spans.append(Span(cut, cut, "pb" if fw.page else "fw", node=fw))
    shift = len(text) - len(second.text)
    spans += [Span(s.start + shift, s.end + shift, s.tag, s.attrs, s.node, s.priority)
              for s in second.spans]
    return Para(text, spans=spans)


def _anchor(events: list) -> list:
    """Put every note at its mark, nearest paragraph before it first, then after."""
    out = list(events)
    for idx, e in enumerate(events):
        if not isinstance(e, NoteBlock):
            continue
        order = list(range(idx - 1, -1, -1)) + list(range(idx + 1, len(events)))
        placed = False
        for k in order:
            para = out[k]
            if _is_text(para) and _place(para, e):
                placed = True
                break
        # A note whose mark cannot be found was probably not a note: keep it as text,
        # with any paragraphs taken as its overflow.
        out[idx] = [] if placed else [Para(e.raw)] + [Para(t) for t in e.paras[1:]]
    flat: list = []
    for e in out:
        flat.extend(e if isinstance(e, list) else [e])
    return flat


def _place(para: Para, note: NoteBlock) -> bool:
    taken = {s.start for s in para.spans if s.tag == "note"}
    for pattern in _mark_patterns(note.n):
        for m in pattern.finditer(para.text):
            if m.start() in taken or _inside_span(para, m.start(), m.end()):
                continue
            a, b = m.start(), m.end()
            para.text = para.text[:a] + para.text[b:]
            for s in para.spans:
                if s.start >= b:
                    s.start -= b - a
                    s.end -= b - a
            para.spans.append(Span(a, a, "note", node=Note(note.n, note.paras)))
            return True
    return False


def _inside_span(para: Para, a: int, b: int) -> bool:
    return any(s.start < b and a < s.end for s in para.spans if s.start != s.end)
