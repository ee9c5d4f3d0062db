"""Names matched as words: tokens folded to ignore accents, and a trie of every name and
variant of the authority file, walked longest match first (build/names/tagger.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.build.names.authority import TOKEN, gap_kind
from pipeline.core.fold import fold

_POSSESSIVE = re.compile(r"['’]s$", re.I)


@dataclass
class Token:
    text: str
    start: int
    end: int
    folded: str


def tokens(text: str) -> list[Token]:
    out = []
    for m in TOKEN.finditer(text):
        start, end = m.start(), m.end()
        if _POSSESSIVE.search(m.group()) and end - start > 2:
            end -= 2  # "Hitler's": the name is "Hitler"
        out.append(Token(text[start:end], start, end, fold(text[start:end])))
    return out


@dataclass
class Trie:
    """Name keys as nested dicts; a node's None entry holds the matching entry ids."""

    root: dict = field(default_factory=dict)

    @classmethod
    def build(cls, index: dict[tuple[str, ...], list[str]]) -> "Trie":
        trie = cls()
        for k, ids in index.items():
            node = trie.root
            for part in k:
                node = node.setdefault(part, {})
            node[None] = ids
        return trie

    def longest(self, text: str, toks: list[Token], i: int) -> tuple[int, list[str]] | None:
        """Longest name starting at token i: (index of its last token, entry ids)."""
        node = _child(self.root, toks[i])
        best = None
        j = i
        while node is not None:
            if None in node:
                best = (j, node[None])
            if j + 1 >= len(toks):
                break
            sep = gap_kind(text[toks[j].end:toks[j + 1].start])
            if sep is None or toks[j].end != _word_end(text, toks[j]):
                break
            node = node.get(sep)
            node = _child(node, toks[j + 1]) if node is not None else None
            j += 1
        return best


def _child(node: dict, tok: Token) -> dict | None:
    """The trie node for a word; a word in capitals ("TIRANA") may match "Tirana"."""
    found = node.get(tok.folded)
    if found is None and tok.folded.isupper() and len(tok.folded) > 1:
        found = node.get(tok.folded.capitalize()) or node.get(tok.folded.lower())
    return found


def _word_end(text: str, tok: Token) -> int:
    """A possessive ends a name: nothing may follow "Hitler's" inside the same name."""
    return tok.end if not _POSSESSIVE.match(text[tok.end:tok.end + 2]) else -1
