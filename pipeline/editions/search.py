"""Full-text search of the HTML edition: Pagefind bundles, one per shard of documents.

Pagefind (https://pagefind.app, the `pagefind_bin` wheel: a Rust binary, no network)
indexes the reading view of each document page (`data-pagefind-body`) with the
filters the page carries (persons, places and organisations by their register names,
and years: `filters`). It rebuilds a whole bundle on every run, so the documents are
split into shards by a hash of their name (as many as make ~SHARD_DOCS a shard, a
power of two) and only the shards with a changed page are indexed again; search.html
loads the first bundle and merges the others (Pagefind's mergeIndex), so readers see
one search.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import threading
import zlib
from pathlib import Path

from lxml import etree

from pipeline.core.errors import PipelineError
from pipeline.core.fsutil import atomic_write
from pipeline.core.ns import archive
from pipeline.editions.groups import DIGESTS, label
from pipeline.editions.pages import ExportReport, content_key

# Documents per bundle, about: a one-page change re-indexes its shard. At N=1,000 a shard
# of 62 pages took 2.2 s, one of 16 pages 0.5 s; the search page loads Pagefind's
# program once however many bundles it merges (5 seeds: 1 bundle 386 KB, 4 bundles 390 KB).
SHARD_DOCS = 16
BUNDLE = "pagefind-"  # bundle directories pagefind-0/, pagefind-1/ ... in the edition
STATE = ".pagefind.json"  # shard -> what its bundle was made from, in .digests/
# shard -> that key and its bundle's files: listing 64 bundles for the report cost a
# one-change export at N=1,000 about 0.09 s
FILES = ".pagefind-files.json"
FILTERS = {"person": "Person", "place": "Place", "org": "Organisation"}
YEAR = re.compile(r"^(\d{4})")
SEARCH = archive("search")
FILTER = archive("filter")


def filters(doc: dict, entries: dict[str, etree._Element]) -> dict[str, list[str]]:
    """Filter name -> values of one document: the register name of every entry its
    names point to, and the year of every dated passage (first and last of a range)."""
    found: dict[str, set[str]] = {}
    for _, kind, key, *_ in doc.get("names", []):
        entry = entries.get(key) if key else None
        if entry is not None and etree.QName(entry).localname == kind and kind in FILTERS:
            found.setdefault(FILTERS[kind], set()).add(label(entry))
    for d in doc.get("dates", []):
        for value in (d["key"], d.get("to") or d.get("notAfter") or ""):
            if YEAR.match(value):
                found.setdefault("Year", set()).add(value[:4])
    return {name: sorted(values) for name, values in sorted(found.items())}


def mark(tree: etree._ElementTree, values: dict[str, list[str]]) -> None:
    """Put the filters on the TEI root, in memory, for html.xsl to write into the page
    (<a:search><a:filter name="Person">…</a:filter></a:search>)."""
    box = etree.SubElement(tree.getroot(), SEARCH)
    for name, labels in values.items():
        for text in labels:
            etree.SubElement(box, FILTER, name=name).text = text


def shards(names: list[str]) -> dict[int, list[str]]:
    """Shard -> its documents (by page name), the shard fixed by a hash of the name."""
    count = 1 << max(0, math.ceil(math.log2(max(1, len(names)) / SHARD_DOCS)))
    members: dict[int, list[str]] = {s: [] for s in range(count)}
    for name in sorted(names):
        members[zlib.crc32(name.encode("utf-8")) % count].append(name)
    return {s: m for s, m in members.items() if m}


class Indexing:
    """The shards whose pages changed since their bundle was made, indexed by Pagefind
    in a thread while the other collection pages are made: a one-change export at
    N=1,000 waited 1.35 s for its shard alone. `finish` waits for it, removes the
    bundles of shards that are gone and returns the bundle directories, first to last.

    Example:
        indexing = Indexing(out_dir, ["a.html", "b.html"])
        ...  # the registers, the chronology
        bundles = indexing.finish(report)
    """

    def __init__(self, out_dir: Path, pages: list[str]):
        self.out_dir = out_dir
        self.state_path = out_dir / DIGESTS / STATE
        self.files_path = out_dir / DIGESTS / FILES
        state, self.listed = _read_json(self.state_path), _read_json(self.files_path)
        self.made: dict[str, str] = {}
        self.stale: list[Path] = []
        self.current: list[Path] = []
        todo = []
        for shard, members in shards(pages).items():
            bundle = out_dir / f"{BUNDLE}{shard}"
            key = content_key(*(_stamp(out_dir / page) for page in members))
            self.made[str(shard)] = key
            if state.get(str(shard)) == key and (bundle / "pagefind.js").exists():
                self.current.append(bundle)
            else:
                todo.append((members, bundle))
                self.stale.append(bundle)
        self._error: BaseException | None = None
        self._bundles: list[str] | None = None
        self._thread = threading.Thread(target=self._run, args=(todo,), daemon=True)
        self._thread.start()

    def _run(self, todo: list[tuple[list[str], Path]]) -> None:
        try:
            for members, bundle in todo:
                _index(self.out_dir, members, bundle)
        except BaseException as exc:  # handed to the main thread by finish()
            self._error = exc

    def wait(self) -> None:
        """Wait for the thread (also when the export failed elsewhere: no stray process)."""
        self._thread.join()

    def finish(self, report: ExportReport) -> list[str]:
        self.wait()
        if self._error is not None:
            raise self._error
        if self._bundles is not None:  # the pages made again after a lost state
            return self._bundles
        listed = {}
        for bundle in self.current:
            shard = bundle.name[len(BUNDLE):]
            known = self.listed.get(shard)
            if isinstance(known, dict) and known.get("key") == self.made[shard]:
                files = [bundle / name for name in known.get("files", [])]
            else:
                files = _files(bundle)
            report.unchanged += files
            listed[shard] = files
        for bundle in self.stale:
            listed[bundle.name[len(BUNDLE):]] = files = _files(bundle)
            report.written += files
        for old in self.out_dir.glob(f"{BUNDLE}*"):
            if old.is_dir() and old.name[len(BUNDLE):] not in self.made:
                shutil.rmtree(old, ignore_errors=True)
        atomic_write(self.files_path, json.dumps({
            shard: {"key": self.made[shard],
                    "files": [f.relative_to(self.out_dir / f"{BUNDLE}{shard}").as_posix()
                              for f in files]}
            for shard, files in listed.items()}, sort_keys=True).encode("utf-8"))
        atomic_write(self.state_path, json.dumps(self.made, sort_keys=True).encode("utf-8"))
        self._bundles = [f"{BUNDLE}{shard}/" for shard in sorted(map(int, self.made))]
        return self._bundles


def write_index(out_dir: Path, pages: list[str], report: ExportReport) -> list[str]:
    """Index every shard whose pages changed since its bundle was made; remove bundles
    of shards that are gone. Returns the bundle directories, first to last."""
    return Indexing(out_dir, pages).finish(report)


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _files(bundle: Path) -> list[Path]:
    return sorted(p for p in bundle.rglob("*") if p.is_file())


def _stamp(page: Path) -> str:
    """A page as the index saw it: its name, size and time. Pages are rewritten only
    when their bytes change, so these change with them; hashing the bytes instead
    cost 0.57 s of a one-change export at N=1,000 (880 MB of pages)."""
    st = page.stat()
    return f"{page.name}:{st.st_size}:{st.st_mtime_ns}"


def _index(out_dir: Path, members: list[str], bundle: Path) -> None:
    """Run Pagefind on the shard's pages (hard links in a staging folder, so file names
    never pass through a glob), into a new bundle that then replaces the old one."""
    stage = out_dir / DIGESTS / f".stage-{bundle.name}"
    fresh = out_dir / DIGESTS / f".new-{bundle.name}"
    for tmp in (stage, fresh):
        shutil.rmtree(tmp, ignore_errors=True)
    stage.mkdir()
    try:
        for page in members:
            try:
                os.link(out_dir / page, stage / page)
            except OSError:  # a file system without hard links
                shutil.copy2(out_dir / page, stage / page)
        done = subprocess.run([str(_executable()), "--site", str(stage), "--output-path",
                               str(fresh), "--silent"], capture_output=True, text=True)
        if done.returncode != 0 or not (fresh / "pagefind.js").exists():
            raise PipelineError("the search index could not be made: "
                                + (done.stderr or done.stdout).strip()[-400:], str(bundle))
        old = out_dir / DIGESTS / f".old-{bundle.name}"
        shutil.rmtree(old, ignore_errors=True)
        if bundle.exists():
            bundle.rename(old)
        fresh.rename(bundle)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        for tmp in (stage, fresh):
            shutil.rmtree(tmp, ignore_errors=True)


def _executable() -> Path:
    try:
        import pagefind_bin
        return pagefind_bin.get_executable()
    except (ImportError, FileNotFoundError) as exc:
        raise PipelineError("the search index needs Pagefind: pip install pagefind_bin==1.5.2 "
                            f"(make installs it) ({exc})") from None
