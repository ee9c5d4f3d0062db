"""Which documents an edit of the authority file can change: the others keep their TEI.

A document's TEI depends on the authority file through names only: the entries'
names and their other forms (the tagger's index), the entries' kinds and main names
(the element, the evidence rules' first names), and the words of the names (the OCR
checker's lexicon: a damaged word is read as a known word within Levenshtein distance
2, or 3 for a word of 8 letters or more, or as pieces joined). So after an edit the
build compares the authority file a document was built with against the current one,
takes the words of every name that changed (added, removed, given to another entry,
or of an entry whose kind or names changed), and builds the document again only when
its text could meet one of them:
- the text holds the word, or the word short of its last one or two letters
  (Albanians, Kosovar, possessives, words run together: "Tiranaand"), also with its
  spaces and hyphens taken out ("Gjiro kastër", "Tir- ana": the checker joins such
  pieces when together they make a known word);
- a word of the text, as the OCR checker reads it (marks dropped, digits read as
  letters), is within the checker's distance of it.
Every other document is up to date with the new file: its manifest entry takes the
new file's hash and its TEI is not touched. `entities geocode`, which adds
coordinates and identifiers, and an edited note reach no document.

What each version of the file held is kept beside the manifest, in
`.archive-authority/SHA.json` (the names only); a document built with a version that
is not kept is built again.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pipeline.build.names.authority import TOKEN, Authority
from pipeline.build.ocr.text import DIGIT_LETTERS
from pipeline.build.source import read_source
from pipeline.core.fold import fold
from pipeline.core.fsutil import atomic_write

FOLDER = ".archive-authority"
REACH = 3  # the OCR checker's search: Levenshtein 3 for printed words of 8 letters or more, else 2
_MARKS = re.compile(r"[^\w'’ -]")
_GAPS = re.compile(r"[\s‐-]+")


def snapshot(authority: Authority | None) -> dict:
    """What the build reads of the file: every name form and its entries, and every
    entry's kind and names (in order: the first is the main name)."""
    if authority is None:
        return {"keys": {}, "entries": {}}
    return {"keys": {"\x1f".join(k): ids for k, ids in sorted(authority.index.items())},
            "entries": {e.id: [e.kind, e.names] for e in authority.entries.values()}}


def changed_words(old: dict, new: dict) -> set[str]:
    """The words (folded, lower case) of every name that differs between two snapshots."""
    names: list[str] = []
    for k in old["keys"].keys() | new["keys"].keys():
        if old["keys"].get(k) != new["keys"].get(k):
            names.append(k.replace("\x1f", " "))
    for entry_id in old["entries"].keys() | new["entries"].keys():
        a, b = old["entries"].get(entry_id), new["entries"].get(entry_id)
        if a != b:
            names += (a[1] if a else []) + (b[1] if b else [])
    return {fold(m.group()).lower() for name in names for m in TOKEN.finditer(name)}


def reaches(text: str, words: set[str]) -> bool:
    """Could a text whose TEI was built with one version of the file come out
    differently with another, whose names differ in `words`? (See the module.)"""
    if not words:
        return False
    folded = fold.__wrapped__(text).lower()  # not the per-word cache: a whole text
    joined = _GAPS.sub("", folded)  # words the scan split or a line end broke
    for word in words:
        stems = {word} | ({word[:-1], word[:-2]} if len(word) >= 5 else set())
        if any(stem in folded or stem in joined for stem in stems
               if len(stem) >= 3 or stem == word):
            return True
    # Each printed word once, as the checker searches it: marks dropped, digits read
    # as letters (candidates.Candidates._search).
    read = {_MARKS.sub("", chunk) for chunk in set(folded.split())}
    read |= {w.translate(DIGIT_LETTERS) for w in read}
    read.discard("")
    from rapidfuzz import distance, process  # the OCR checker's own search

    # The checker's limit is the printed word's: 3 edits from 8 letters on, else 2.
    long = [w for w in read if len(w) >= 8]
    short = [w for w in read if len(w) < 8]
    for word in words:
        for pool, limit in ((long, REACH), (short, REACH - 1)):
            if process.extractOne(word, pool, scorer=distance.Levenshtein.distance,
                                  score_cutoff=limit) is not None:
                return True
    return False


class AuthorityEdits:
    """The authority file of this build against the ones the outputs were built with.

    Example:
        edits = AuthorityEdits(Path("tei"), authority)
        if edits.reaches(entry.authority, Path("seeds/a.txt"), "utf-8"): ...  # build it
    """

    def __init__(self, out_dir: Path, authority: Authority | None):
        self.folder = out_dir / FOLDER
        self.sha = authority.sha256 if authority else ""
        self.current = snapshot(authority)
        self._words: dict[str, set[str] | None] = {}
        self._saved = False

    def reaches(self, built_with: str, seed: Path, encoding: str) -> bool:
        """Does the edit since `built_with` (an authority hash) reach this seed's text?
        True when that version is not kept: then nobody can tell."""
        if built_with == self.sha:
            return False
        if built_with not in self._words:
            old = self._load(built_with)
            self._words[built_with] = None if old is None else changed_words(old, self.current)
        words = self._words[built_with]
        if words is None:
            return True
        try:
            return reaches(read_source(seed, encoding).text, words)
        except Exception:  # an unreadable seed is the build's to report
            return True

    def _load(self, sha: str) -> dict | None:
        if sha == "":
            return None  # built before the manifest kept the hash
        try:
            return json.loads((self.folder / f"{sha}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def save(self, in_use: set[str]) -> None:
        """Keep the current version's names; drop the versions no output was built with."""
        self.folder.mkdir(exist_ok=True)
        path = self.folder / f"{self.sha or 'none'}.json"
        if not path.exists():
            atomic_write(path, json.dumps(self.current, ensure_ascii=False,
                                          sort_keys=True).encode("utf-8"))
        keep = {f"{s or 'none'}.json" for s in in_use | {self.sha}}
        for old in self.folder.glob("*.json"):
            if old.name not in keep:
                old.unlink(missing_ok=True)
