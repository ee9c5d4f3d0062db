"""Collection pages assembled from cached fragments, so memory and rebuild time stay small.

A page is a shell (a small XSLT input: titles, totals) whose output holds markers
`<!--part:NAME-->`; each marker is replaced by the outputs of its fragments (a letter of a
register, a run of chronology rows), each transformed from its own small input. A
fragment's output is kept under `.digests/.parts/` by the fingerprint of its input, the
stylesheets and the parameters: a fragment nobody changed is never transformed again,
and Saxon never holds more than one fragment.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Iterable

from lxml import etree

from pipeline.fsutil import atomic_write

Apply = Callable[[Path, str, str], str]  # (stylesheet, xml text, where) -> html
Write = Callable[[Path, bytes], None]
PARTS = ".digests/.parts"


class Pages:
    """Writes pages of one edition directory; `finish()` drops fragments no page used."""

    def __init__(self, out_dir: Path, xslt_dir: Path, apply: Apply, write: Write, params: str):
        self.out_dir, self.xslt_dir, self.apply, self.write = out_dir, xslt_dir, apply, write
        self.code = hashlib.sha256((params + "".join(
            p.read_text(encoding="utf-8") for p in sorted(xslt_dir.parent.rglob("*.xsl"))
        )).encode("utf-8")).hexdigest()
        self.parts = out_dir / PARTS
        self.parts.mkdir(parents=True, exist_ok=True)
        self.used: set[str] = set()

    def page(self, name: str, stylesheet: str, shell: etree._Element,
             parts: dict[str, Iterable[etree._Element]] | None = None) -> None:
        """Page `name`: the shell's output with each part's fragments in place."""
        html = self.fragment(stylesheet, shell)
        for part, inputs in (parts or {}).items():
            marker = f"<!--part:{part}-->".encode()
            body = b"".join(self.fragment(stylesheet, doc) for doc in inputs)
            head, found, tail = html.partition(marker)
            if found:
                html = b"".join((head, body, tail))
            elif body:  # the shell left out a part that has content: a stylesheet bug
                raise RuntimeError(f"{stylesheet}: no {marker.decode()} in its page")
        self.write(self.out_dir / name, html)

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
