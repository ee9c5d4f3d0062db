"""TEI written by other projects: read it as TEI P5, and resolve its names.

Our own TEI (made by the archive pipeline: its appInfo names `archive-pipeline`) points
its names into the authority file by @ref, and nothing here changes it. TEI from
elsewhere is published as it is, with three allowances, each said in a warning, never a
refusal:

- a TEI P4 document (root `TEI.2`) or a TEI root without namespace is moved into the
  TEI namespace in memory (TEI.2 becomes TEI, `id` and `lang` become xml:id and
  xml:lang): P4's element names are P5's for everything the editions render;
- its names point by @ref (several refs separated by spaces) or @key into the file's
  own listPerson/listPlace/listOrg (header, standOff or back), or into a file beside it
  (`./Personography.xml#EdgeM1`); the entries of files that are there are copied into
  the tree in memory (a standOff of type "archive-external"), and each name that
  resolves gets its entry's id as `a:key`, in memory too: the registers (digest.py)
  and the stylesheets (common/names.xsl) read it, and `key_of` is the only rule;
- a file the names point into that is missing or unreadable makes those names unlinked,
  reported once per file for the whole export (`missing_warnings`).

A teiCorpus is refused with a one-line error: a page is one document, with its own
header, credits and register entries; its members are to be exported one per file.
"""

from __future__ import annotations

import copy
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from pipeline.core.errors import PipelineError
from pipeline.core.ns import NS, TEI_NS, archive, tei, xml
from pipeline.core.xmlsafe import parse_file

NAME_KINDS = {tei("persName"): "person", tei("placeName"): "place", tei("orgName"): "org"}
LISTS = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}
EXTERNAL = "archive-external"  # @type of the standOff holding entries of other files
KEY = archive("key")  # on each name, in memory: the entry it resolves to (names.xsl)
_ENTRY_TAGS = {tei(kind) for kind in LISTS}
_ENTRY_XPATH = " | ".join(f".//tei:{lst}//tei:{kind}[@xml:id]" for kind, lst in LISTS.items())


@dataclass
class Missing:
    """A file names point into that cannot be read: why, and who points into it."""

    reason: str
    keys: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)


@dataclass
class Prepared:
    """A document ready for the stylesheets: its tree, whether it is ours, the entries
    its names resolve to (foreign documents only), and what to warn about."""

    tree: etree._ElementTree
    ours: bool
    entries: dict[str, etree._Element] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    missing: dict[str, Missing] = field(default_factory=dict)


def ours(root: etree._Element) -> bool:
    """Made by the archive pipeline? (common/names.xsl's a:foreign asks the same.)"""
    return bool(root.xpath("tei:teiHeader/tei:encodingDesc/tei:appInfo/"
                           "tei:application[@ident = 'archive-pipeline']", namespaces=NS))


def prepare(tree: etree._ElementTree, tei_file: Path) -> Prepared:
    """The document as the editions read it (see the module's docstring)."""
    notes = _to_p5(tree, tei_file)
    root = tree.getroot()
    if root.tag == tei("teiCorpus"):
        count = len(root.findall(tei("TEI")))
        raise PipelineError(f"a teiCorpus of {count} TEI documents: an edition page is one "
                            "document; export its TEI members one per file", str(tei_file))
    if root.tag != tei("TEI"):
        raise PipelineError(f"not a TEI document (root {root.tag})", str(tei_file))
    if ours(root):
        return Prepared(tree, True, notes=notes)
    prepared = Prepared(tree, False, notes=notes)
    _resolve(prepared, tei_file)
    return prepared


def _to_p5(tree: etree._ElementTree, tei_file: Path) -> list[str]:
    """Move a P4 or namespace-less TEI into the TEI namespace, in memory."""
    root = tree.getroot()
    if not isinstance(root.tag, str) or etree.QName(root).namespace is not None or \
            root.tag not in ("TEI.2", "TEI", "teiCorpus.2", "teiCorpus"):
        return []
    was = root.tag
    for el in root.iter():
        if not isinstance(el.tag, str) or etree.QName(el).namespace is not None:
            continue
        local = {"TEI.2": "TEI", "teiCorpus.2": "teiCorpus"}.get(el.tag, el.tag)
        el.tag = tei(local)
        for old, new in (("id", xml("id")), ("lang", xml("lang"))):
            if old in el.attrib and new not in el.attrib:
                el.set(new, el.attrib.pop(old))
    etree.cleanup_namespaces(tree, top_nsmap={None: TEI_NS})
    kind = "TEI P4" if was.endswith(".2") else "TEI without namespace"
    return [f"{tei_file}: {kind} (root {was}): read as TEI P5, its elements moved into "
            "the TEI namespace in memory; the file is unchanged"]


def entries_of(root: etree._Element) -> dict[str, etree._Element]:
    """The person/place/org entries of a tree's own lists, by xml:id (the first wins)."""
    out: dict[str, etree._Element] = {}
    for el in root.xpath(_ENTRY_XPATH, namespaces=NS):
        out.setdefault(el.get(xml("id")), el)
    return out


def pointers(el: etree._Element) -> list[tuple[str, str]]:
    """(file, id) of each @ref token with an id, then ('', @key): '' is this file."""
    out = []
    for token in el.get("ref", "").split():
        if "#" in token:
            target, key = token.split("#", 1)
            if key and not urlsplit(target).scheme:
                out.append((target, key))
    if el.get("key"):
        out.append(("", el.get("key")))
    return out


def key_of(el: etree._Element, entries: dict[str, etree._Element]) -> str:
    """The entry a foreign name resolves to: its first pointer whose id is an entry of
    the name's kind (persName: person), or ''."""
    kind = NAME_KINDS.get(el.tag)
    for _, key in pointers(el):
        entry = entries.get(key)
        if entry is not None and entry.tag == tei(kind):
            return key
    return ""


def _resolve(prepared: Prepared, tei_file: Path) -> None:
    """Copy the entries of readable external files into the tree; note the others."""
    root = prepared.tree.getroot()
    own = entries_of(root)
    wanted: dict[str, set[str]] = {}
    for el in root.iter(*NAME_KINDS):
        for target, key in pointers(el):
            if target:
                wanted.setdefault(target, set()).add(key)
    extra: dict[str, etree._Element] = {}
    for target in sorted(wanted):
        path = Path(os.path.normpath(tei_file.parent / target))
        try:
            found = _external(path)
        except PipelineError as exc:  # missing, unreadable or not well-formed
            found, reason = None, ("not found" if not path.exists()
                                   else f"cannot be read ({exc.message})")
        if found is None:
            miss = prepared.missing.setdefault(str(path), Missing(reason))
            miss.keys |= wanted[target]
            miss.docs.add(str(tei_file))
            continue
        for key in sorted(wanted[target]):
            if key in found and key not in own:
                extra.setdefault(key, found[key])
    if extra:
        holder = etree.SubElement(root, tei("standOff"), {"type": EXTERNAL})
        for kind, lst in LISTS.items():
            mine = [e for e in extra.values() if e.tag == tei(kind)]
            if mine:
                group = etree.SubElement(holder, tei(lst))
                group.extend(copy.deepcopy(e) for e in mine)
    entries = {**extra, **own}
    used = set()
    for el in root.iter(*NAME_KINDS):
        key = key_of(el, entries)
        if key:
            used.add(key)
            if not any(a.tag in _ENTRY_TAGS for a in el.iterancestors()):
                el.set(KEY, key)  # an entry's own names stay as written (the digest copies it)
    prepared.entries = {k: entries[k] for k in sorted(used)}


def _external(path: Path) -> dict[str, etree._Element]:
    """The entries of a file names point into; read once per process while unchanged
    (a personography serves every letter of its project)."""
    try:
        stat = path.stat()
    except OSError:
        raise PipelineError("no such file", str(path)) from None
    return _entries_at(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _entries_at(path: Path, _mtime: int, _size: int) -> dict[str, etree._Element]:
    return entries_of(parse_file(path).getroot())


def merge_missing(into: dict[str, Missing], more: dict[str, Missing]) -> None:
    for path, miss in more.items():
        mine = into.setdefault(path, Missing(miss.reason))
        mine.keys |= miss.keys
        mine.docs |= miss.docs


def missing_warnings(missing: dict[str, Missing], shown: int = 6) -> list[str]:
    """One line per file that names point into and that cannot be read."""
    out = []
    for path, miss in sorted(missing.items()):
        keys = sorted(miss.keys)
        listed = ", ".join(keys[:shown]) + (f" and {len(keys) - shown} more"
                                            if len(keys) > shown else "")
        docs = len(miss.docs)
        out.append(f"{path}: {miss.reason}; the names of {docs} document"
                   f"{'s' if docs != 1 else ''} that point into it are published "
                   f"unlinked ({len(keys)} id{'s' if len(keys) != 1 else ''}: {listed})")
    return out
