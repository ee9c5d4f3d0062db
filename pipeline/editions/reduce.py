"""The reduce step's memory between runs: which document gave which bytes to which page.

The collection pages are built from the documents' pieces files (pipeline/editions/pieces.py),
each filed by the page (group) it goes to. A ledger (`.digests/.reduce/ledger.json`)
keeps, for every document, the state of its pieces file, where each group's bytes
start in it and a digest of them; a state file per group keeps the keys, counts and
sizes of every document's items. A changed document is read again and only the groups
whose digest changed are updated: the other thousand documents cost a `stat` each.

While the state files are being changed the ledger is gone: a run that stops half-way
leaves no ledger, and the next run builds the state again from every pieces file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from pipeline.core.errors import PipelineError
from pipeline.core.fsutil import atomic_write
from pipeline.editions.groups import kind_of
from pipeline.editions.pages import content_key
from pipeline.editions.pieces import FORMAT, Header, read_header

STATE = ".digests/.reduce"
LEDGER = "ledger.json"


class StateLost(Exception):
    """A group's state file is gone or damaged although the ledger counts on it."""


@dataclass
class Source:
    """One document's files: its pieces and the digest they are made from."""

    name: str
    pieces: Path
    digest: Path


@dataclass
class Reduce:
    """The ledger and the group states of one edition directory."""

    out_dir: Path
    code: str  # the stylesheets and parameters: another code starts from nothing
    docs: dict[str, dict] = field(default_factory=dict)
    totals: dict[str, dict] = field(default_factory=dict)  # group -> key -> [count, docs]
    pages: dict[str, str] = field(default_factory=dict)  # page -> key of what it shows
    keys: dict[str, str] = field(default_factory=dict)  # group -> its documents and digests
    _states: dict[str, dict] = field(default_factory=dict)

    @property
    def dir(self) -> Path:
        return self.out_dir / STATE

    @classmethod
    def load(cls, out_dir: Path, code: str, trust: bool = True) -> "Reduce":
        """The state of `out_dir` as the last run left it; with `trust` false, or when
        there is none or it was made by other code, an empty one."""
        red = cls(out_dir, code)
        try:
            if not trust:
                raise ValueError("start from nothing")
            data = json.loads((red.dir / LEDGER).read_bytes())
            if data["format"] == FORMAT and data["code"] == code:
                red.docs, red.totals, red.pages, red.keys = (
                    data["docs"], data["totals"], data["pages"], data["keys"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
        if not red.docs:  # nothing to trust: every group is made again
            red.totals, red.pages, red.keys = {}, {}, {}
            if red.dir.exists():
                for path in red.dir.iterdir():
                    path.unlink(missing_ok=True)
        return red

    def sync(self, sources: list[Source], expected: Callable[[str], str],
             remake: Callable[[Source], None]) -> None:
        """Bring the ledger and the states of the groups whose content changed up to date
        with the documents' pieces files; make again the pieces that are stale (older
        than their digest, made with another fingerprint than `expected` gives for their
        authority file, or damaged)."""
        old, new, changed = self.docs, {}, {}
        for src in sources:
            entry = old.get(src.name)
            if entry and _current(src, entry["stat"]) and \
                    entry["fingerprint"] == expected(entry["authority"]):
                new[src.name] = entry
                continue
            header = _fresh(src, expected)
            if header is None:
                remake(src)
                header = read_header(src.pieces)
                if header is None:
                    raise PipelineError("a pieces file cannot be read back", str(src.pieces))
            new[src.name] = _entry(header, src.pieces.stat())
            changed[src.name] = header
        dirty: set[str] = set()
        for name in old.keys() - new.keys():
            dirty.update(old[name]["groups"])
        for name, header in changed.items():
            before = old.get(name, {}).get("groups", {})
            after = new[name]["groups"]
            dirty.update(g for g in before.keys() | after.keys()
                         if before.get(g, [0, ""])[1] != after.get(g, [0, ""])[1])
        if dirty or old.keys() != new.keys():
            (self.dir / LEDGER).unlink(missing_ok=True)  # the states are about to change
        self._update(dirty, new, changed)
        self.docs = new

    def _update(self, dirty: set[str], new: dict, changed: dict[str, Header]) -> None:
        """Each dirty group's state: the items of every document in it, then its totals."""
        fresh: dict[str, dict[str, list]] = {g: {} for g in dirty}
        for name, header in changed.items():
            for group, _, _, items in header.groups():
                if group in fresh:
                    fresh[group][name] = items
        for group in sorted(dirty):
            state = {name: items for name, items in self.state(group).items()
                     if name in new and name not in changed}
            state.update(fresh[group])
            state = self._states[group] = dict(sorted(state.items()))
            if state:
                atomic_write(self._state_path(group), _dump(state))
                self.totals[group] = _totals(state)
                self.keys[group] = content_key(*(f"{name}:{new[name]['groups'][group][1]}"
                                                 for name in state))
            else:
                self._state_path(group).unlink(missing_ok=True)
                self.totals.pop(group, None)
                self.keys.pop(group, None)

    def state(self, group: str) -> dict[str, list]:
        """The items of every document in `group`: name -> [[key, count or end, size]]."""
        if group not in self._states:
            try:
                self._states[group] = json.loads(self._state_path(group).read_bytes())
            except (OSError, ValueError):
                if group in self.totals:
                    raise StateLost(group) from None
                self._states[group] = {}
        return self._states[group]

    def _state_path(self, group: str) -> Path:
        return self.dir / f"{group}.json"

    def documents(self, kind: str) -> int:
        """How many documents have a share of the pages of `kind` (see `kind_of`)."""
        return sum(1 for entry in self.docs.values() if kind in entry["kinds"])

    def contributions(self, group: str) -> Iterator[list[tuple[str, int | str, bytes]]]:
        """Each document's items in `group`, in document order, read from its pieces:
        (key, count or end, bytes)."""
        state = self.state(group)
        for name in sorted(state):
            entry, items = self.docs[name], state[name]
            offset = entry["groups"][group][0]
            size = sum(s for _, _, s in items)
            data = _read(self.out_dir / ".digests" / f"{name}.pieces",
                         entry["base"] + offset, size)
            out, at = [], 0
            for key, extra, s in items:
                out.append((key, extra, data[at:at + s]))
                at += s
            yield out

    def save(self) -> None:
        atomic_write(self.dir / LEDGER, _dump({
            "format": FORMAT, "code": self.code, "docs": self.docs, "totals": self.totals,
            "pages": self.pages, "keys": self.keys}))


def _current(src: Source, stat: list[int]) -> bool:
    """Is the pieces file the one the ledger read, and no older than its digest?"""
    try:
        st, digest = src.pieces.stat(), src.digest.stat()
    except OSError:
        return False
    return [st.st_mtime_ns, st.st_size] == stat and digest.st_mtime_ns <= st.st_mtime_ns


def _fresh(src: Source, expected: Callable[[str], str]) -> Header | None:
    """The header of the pieces file if it was made from the digest as it is now, with
    these stylesheets and authority entries; None if it must be made again. Digest and
    pieces are written together, the pieces last, so pieces older than the digest are
    stale."""
    try:
        if src.pieces.stat().st_mtime_ns < src.digest.stat().st_mtime_ns:
            return None
    except OSError:
        return None
    header = read_header(src.pieces)
    if header is None or header.data["fingerprint"] != expected(header.data["authority"]):
        return None
    return header


def _entry(header: Header, stat: os.stat_result) -> dict:
    data = header.data
    groups = {group: [offset, digest] for group, offset, digest, _ in header.groups()}
    return {"stat": [stat.st_mtime_ns, stat.st_size], "base": header.base,
            "fingerprint": data["fingerprint"], "authority": data["authority"],
            "index": data["index"],
            "groups": groups, "kinds": sorted({kind_of(g) for g in groups}),
            **({"entries": data["entries"]} if data.get("entries") else {})}


def _totals(state: dict[str, list]) -> dict[str, list[int]]:
    """key -> [sum of counts, documents] of a register group; rows and documents
    (under the key "") of a chronology group."""
    out: dict[str, list[int]] = {}
    for items in state.values():
        seen = set()
        for key, extra, _ in items:
            key = key if isinstance(extra, int) else ""
            total = out.setdefault(key, [0, 0])
            total[0] += extra if isinstance(extra, int) else 1
            if key not in seen:
                total[1] += 1
                seen.add(key)
    return out


def _read(path: Path, offset: int, size: int) -> bytes:
    with open(path, "rb") as fh:
        fh.seek(offset)
        data = fh.read(size)
    if len(data) != size:
        raise PipelineError("a pieces file changed while the pages were made; export "
                            "again", str(path))
    return data


def _dump(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

