"""The document model the structure rules build and the TEI writer renders."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Span:
    """A stretch [start, end) of a paragraph's text to wrap in an element.

    A zero-width span (start == end) inserts `node` (a Note or Fw) at that point.
    """

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    node: object | None = None
    priority: int = 0


@dataclass
class Para:
    """A run of text: a paragraph, or a line with a role given by `kind`.

    kinds: p, quote (a quotation paragraph), dateline, salute, closer-salute, signed,
    postscript, publication, caption, docdate.
    """

    text: str
    kind: str = "p"
    spans: list[Span] = field(default_factory=list)
    when: str | None = None  # ISO value for datelines and dated heads


@dataclass
class Head:
    """A heading; a title set over several short lines keeps them as lines."""

    lines: list[str]
    level: int = 1
    wiki: bool = False
    when: str | None = None  # set when the head is a date (diary entries)

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)


@dataclass
class Fw:
    """Forme work: web furniture (boilerplate), a running head (header) or a page
    number (pageNum). `page` is the number of the page it heads: a page break."""

    text: str
    type: str = "boilerplate"
    page: str | None = None
    number: str = ""  # the page number as printed beside a running head ("454")
    number_first: bool = True  # printed before the head ("454  M. Edith Durham...")


@dataclass
class Note:
    """A footnote: its mark's number or symbol and its paragraphs."""

    n: str
    paras: list[str]


@dataclass
class Facts:
    """A key/value fact box; a value may hold a nested list of items."""

    head: str | None
    rows: list[tuple[str, str, list[str]]]


@dataclass
class ItemList:
    """A run of bulleted or numbered lines: one item each."""

    items: list[Para]


@dataclass
class BiblList:
    """A list of sources; each entry keeps its full text, with author/title offsets."""

    entries: list[Para]


@dataclass
class Break:
    """A section break printed as a row of asterisks or similar."""

    text: str


@dataclass
class Section:
    """A div: optional head, content, and for letters an opener, closer and postscript."""

    level: int
    type: str = "section"
    head: Head | None = None
    items: list = field(default_factory=list)
    opener: list[Para] = field(default_factory=list)
    closer: list[Para] = field(default_factory=list)
    postscript: Para | None = None
    trailer: list = field(default_factory=list)  # notes and source lines after the close
    milestone: str | None = None  # the break that opened this section


@dataclass
class Document:
    """The structure of one source, and what it says about itself for the header."""

    title: str
    sections: list[Section]
    front: list = field(default_factory=list)  # furniture and dates before the text
    back: list = field(default_factory=list)  # furniture after the text
    publisher: str | None = None
    pub_date: str | None = None
    pub_date_text: str | None = None
    origins: list[str] = field(default_factory=list)  # "First published in ..." lines
    title_supplied: bool = False
