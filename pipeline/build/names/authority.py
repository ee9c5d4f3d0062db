"""The authority file: persons, places and organisations, and every spelling of them."""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.errors import PipelineError
from pipeline.core.fold import fold
from pipeline.core.ns import NS, xml
from pipeline.core.xmlsafe import parse_file

KINDS = {"person": "persName", "place": "placeName", "org": "orgName"}
LISTS = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}
# A name's words; an apostrophe inside a word (Mit'hat, O'Brien) belongs to it.
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def key(text: str) -> tuple[str, ...] | None:
    """Folded tokens of a name with the separators between them; None if it has none."""
    parts: list[str] = []
    pos = 0
    for m in TOKEN.finditer(text):
        gap = text[pos:m.start()]
        if parts:
            sep = gap_kind(gap)
            if sep is None:
                return None
            parts.append(sep)
        elif gap.strip():
            return None
        parts.append(fold(m.group()))
        pos = m.end()
    if not parts or text[pos:].strip(" ."):
        return None
    return tuple(parts)


def gap_kind(gap: str) -> str | None:
    """' ' for white space, a hyphen or a dash between words, '. ' after an initial
    (Blagoje K. Pavlović); None for anything else, which ends a name."""
    # A hyphen and a space separate the same words: "Nacional-Çlirimtare" is also
    # printed "Nacional Çlirimtare".
    if (gap and not gap.strip()) or gap in ("-", "‐", "–"):
        return " "
    if gap.startswith(".") and gap[1:] and not gap[1:].strip():
        return ". "
    return None


@dataclass
class Entry:
    id: str
    kind: str  # person, place, org
    main: str
    names: list[str] = field(default_factory=list)


@dataclass
class Authority:
    """The entries and an index from name keys to the entries that carry them."""

    path: Path
    entries: dict[str, Entry]
    index: dict[tuple[str, ...], list[str]]
    sha256: str

    def href(self, entry_id: str, from_dir: Path) -> str:
        # from_dir as given: a Path made at every name cost a tenth of a second a document
        return f"{_relative(self.path, from_dir, os.getcwd())}#{entry_id}"


@functools.lru_cache(maxsize=64)
def _relative(path: Path, from_dir: Path | str, _cwd: str) -> str:
    """Once per directory, not once per name (a relative `from_dir` depends on the
    working directory, hence its place in the key)."""
    return Path(os.path.relpath(path, from_dir)).as_posix()


def load(path: Path) -> Authority:
    path = Path(path)
    stat = path.stat()
    return _load(path.resolve(), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)
def _load(path: Path, _mtime: int, _size: int) -> Authority:
    import hashlib

    raw = path.read_bytes()
    root = parse_file(path).getroot()
    entries: dict[str, Entry] = {}
    index: dict[tuple[str, ...], list[str]] = {}
    for kind, name_tag in KINDS.items():
        for el in root.iterfind(f".//tei:{LISTS[kind]}/tei:{kind}", NS):
            entry_id = el.get(xml("id"))
            names = [" ".join("".join(n.itertext()).split())
                     for n in el.iterfind(f"tei:{name_tag}", NS)]
            if not entry_id or not names:
                raise PipelineError(f"a {kind} without xml:id or name", str(path),
                                    el.sourceline)
            entry = Entry(entry_id, kind, names[0], names)
            entries[entry_id] = entry
            for name in names:
                k = key(name)
                if k and entry_id not in index.setdefault(k, []):
                    index[k].append(entry_id)
    _add_alternations(entries, index)
    return Authority(path, entries, index, hashlib.sha256(raw).hexdigest())


def _add_alternations(entries: dict[str, Entry], index: dict) -> None:
    """Other forms of each name by the ending rules of name-variants.txt (Pezë/Peza)."""
    from pipeline.core.cues import load as load_list

    rules = []
    for rule in load_list("name-variants.txt").get("endings", ()):
        a, _, b = (part.strip() for part in rule.partition("="))
        if a and b:
            rules += [(a, b), (b, a)]
    made: dict[tuple[str, ...], set[str]] = {}
    for entry in entries.values():
        for name in entry.names:
            words = name.split()
            for old, new in rules:
                if words and words[-1].lower().endswith(old):
                    form = " ".join(words[:-1] + [words[-1][: -len(old)] + new])
                    k = key(form)
                    if k and k not in index:
                        made.setdefault(k, set()).add(entry.id)
    for k, ids in made.items():
        index[k] = sorted(ids)

