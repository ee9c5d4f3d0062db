"""Collection pages assembled from cached parts, so memory and rebuild time stay small.

A page is a shell (a small XSLT input: titles, totals) whose output holds markers
`<!--part:NAME-->`; each marker is replaced by the bytes of its part: the outputs of
small cached transformations (a register initial's entries) and the documents' own
pieces (pipeline/pieces.py). A transformation's output is kept under
`.digests/.parts/` by the fingerprint of its input, the stylesheets and the parameters:
an input nobody changed is never transformed again.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lxml import etree

from pipeline.fsutil import atomic_write

Apply = Callable[[Path, str, str], str]  # (stylesheet, xml text, where) -> html
Write = Callable[[Path, Iterable[bytes]], None]  # a page as a stream of chunks
_PART = re.compile(rb"<!--part:(\w+)-->")
PARTS = ".digests/.parts"


class Pages:
    """Writes pages of one edition directory; `finish()` drops fragments no page used."""

    def __init__(self, out_dir: Path, xslt_dir: Path, apply: Apply, write: Write, params: str):
        self.out_dir, self.xslt_dir, self.apply, self.write = out_dir, xslt_dir, apply, write
        self.code = code_fingerprint(xslt_dir, params)
        self.parts = out_dir / PARTS
        self.parts.mkdir(parents=True, exist_ok=True)
        self.used: set[str] = set()

    def page(self, name: str, stylesheet: str, shell: etree._Element,
             parts: dict[str, Iterable[bytes]] | None = None) -> None:
        """Page `name`: the shell's output with each part's bytes in place, written as a
        stream (a register page can be larger than everything else in memory)."""
        self.write(self.out_dir / name, self._assemble(stylesheet, shell, parts or {}))

    def _assemble(self, stylesheet: str, shell: etree._Element,
                  parts: dict[str, Iterable[bytes]]) -> Iterator[bytes]:
        html = self.fragment(stylesheet, shell)
        pieces = _PART.split(html)
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                yield piece
            else:
                yield from parts.pop(piece.decode(), ())
        for part, rest in parts.items():
            if any(rest):  # the shell left out a part that has content: a stylesheet bug
                raise RuntimeError(f"{stylesheet}: no <!--part:{part}--> in its page")

    def fragment(self, stylesheet: str, doc: etree._Element) -> bytes:
        source = etree.tostring(doc, encoding="unicode")
        key = hashlib.sha256((self.code + stylesheet + source).encode("utf-8")).hexdigest()
        self.used.add(key)
        cached = self.parts / key
        if cached.exists():
            return cached.read_bytes()
        out = self.apply(self.xslt_dir / stylesheet, source, stylesheet).encode("utf-8")
        atomic_write(cached, out)
        return out

    def finish(self) -> None:
        for path in self.parts.iterdir():
            if path.name not in self.used and not path.name.startswith("."):
                path.unlink(missing_ok=True)


@functools.lru_cache(maxsize=4)
def code_fingerprint(xslt_dir: Path, params: str) -> str:
    """A hash of every stylesheet of the editions and of the parameters they run with."""
    return hashlib.sha256((params + "".join(
        p.read_text(encoding="utf-8") for p in sorted(xslt_dir.parent.rglob("*.xsl"))
    )).encode("utf-8")).hexdigest()
