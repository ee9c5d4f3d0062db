"""The OCR checker: finds words damaged by character recognition, proposes a
reading and marks it, in documents whose damage rate says they are OCR output.

A document is treated as OCR output only when its rate of damage signals says so (the
decision goes into its header); born-digital texts get no corrections. The checker is
made of its parts: detection (detect.py), candidate readings (candidates.py, by the
edit distance of distance.py) and the rules (rules.py); overrides.py holds the
archivists' decisions and notes.py the apparatus.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree

from pipeline.build.annotate import Hit, text_slots
from pipeline.build.ocr.candidates import Candidates
from pipeline.build.ocr.detect import Decision, Detection
from pipeline.build.ocr.distance import Costs
from pipeline.build.ocr.lexicon import KNOWN_ZIPF, Lexicon
from pipeline.build.ocr.notes import builder, context_of
from pipeline.build.ocr.overrides import Overrides
from pipeline.build.ocr import blocks, context
from pipeline.build.ocr.rules import Rules, certainty, hyphen_end
from pipeline.build.ocr.text import CHUNK, Finding, case_like, in_case_slot, word_core
from pipeline.core.ns import xml



class OcrChecker(Detection, Candidates, Rules):
    """One document's checker: its own word counts, the findings so far, and the
    lexicon (shared by the documents of a run, with its caches)."""

    def __init__(self, lexicon: Lexicon, overrides: Overrides | None = None, doc: str = "*"):
        self.lex = lexicon
        self.costs = Costs.load()
        self.overrides = overrides or Overrides()
        self.doc = doc
        # The counts note what the rules read of them while a text is checked (blocks.py).
        self._recording: list[dict] = []
        self.counts = blocks.Counts("c", self._recording)
        self.exact = blocks.Counts("e", self._recording)
        self._tally = {"c": self.counts, "e": self.exact}  # by the tag a read is noted with
        self._near_cache: dict[tuple[int, int], list[str]] = {}
        # per document, with the counts each read: its counts matter
        self._memo: dict[tuple, tuple[Finding | None, dict]] = {}
        self.findings: list[Finding] = []
        self.historical = False  # set by decide(): early modern spelling

    def find(self, text: str) -> list[Hit]:
        hits = []
        for f in self._findings(text):
            f.context = context_of(text, f)
            self.findings.append(f)
            hits.append(Hit(f.start, f.end, "choice" if f.corr else "sic",
                            {xml("id"): f"ocr-{len(self.findings)}"},
                            build=builder(f)))
        return hits

    def _findings(self, text: str) -> list[Finding]:
        """The findings in `text`: kept from an earlier run when this document's counts
        are as they were then for every word the rules read (blocks.py), else worked out."""
        cache = self.lex.block_cache
        if cache.doc != self.doc:  # the keys name their document: the last one's are dead
            cache.clear()
            cache.asked.clear()
            cache.doc = self.doc
        k = blocks.key(self.doc, self.historical, text)
        kept = cache.get(k)
        found = None if kept is None else blocks.decode(kept, self._tally)
        if found is None:
            self._recording.append({})
            try:
                found = list(self._scan(text))
            finally:
                read = self._recording.pop()
            cache[k] = self.lex.fresh["block"][k] = blocks.encode(read, found)
        return found

    def _reread(self, found: Finding, before: str | None, after: str | None) -> Finding:
        """`found` with its reading chosen again by the words around it."""
        best = context.rerank(self._rank(found.sic), before, after, self.lex.zipf)
        if best is None:
            return found
        reading, cost, runner, margin = best
        return replace(found, corr=case_like(found.sic, reading), runner_up=runner,
                       margin=margin, cert=certainty(found.sic, margin, cost, reading))

    def _ruled_out(self, core: str, s: int, before: str | None, after: str | None
                   ) -> Finding | None:
        """A real word the words around it say was misread ("the men wore tired")."""
        if not (before and after) or self.lex.is_name(core) or core in self.lex.vocabulary:
            return None
        variants = self._variants(core)
        if self.counts.get(core.lower(), 0) < 2:  # not a word the document repeats ("madhe")
            variants = variants + self._rare_variants(core)
        hit = context.real_word(core, variants, before, after, self.lex.zipf)
        if hit is None:
            return None
        reading, margin = hit
        return Finding(s, s + len(core), core, case_like(core, reading), "medium", "context",
                       None, margin)  # right four times in five, whatever the margin

    def _variants(self, core: str) -> list[tuple[str, float]]:
        """The common words one confusion from `core`, with their cost: worked out once
        per word for the documents of a run (on the lexicon), not at every occurrence."""
        found = self.lex.variant_cache.get(core)
        if found is None:
            found = self.lex.variant_cache[core] = [
                (v, self.costs.distance(core, v)) for v in sorted(self._confused(core))
                if v != core.lower() and self.lex.reaches(v, context.VARIANT_ZIPF)]
        return found

    def _rare_variants(self, core: str) -> list[tuple[str, float]]:
        """For a rare word no dictionary has ("tbe", "hier", a word of the web's lists),
        the common words any one edit away, beside the confusions of _variants."""
        if self.lex.zipf(core) >= KNOWN_ZIPF or context.model().in_dictionary(core):
            return []
        seen = {v for v, _ in self._variants(core)}
        return [(r, cost) for r, _, cost in self._rank(core)
                if cost <= 1.0 and " " not in r and r.lower() not in seen
                and self.lex.zipf(r) >= context.VARIANT_ZIPF]

    def _scan(self, text: str):
        chunks = [(m.start(), m.group()) for m in CHUNK.finditer(text)]
        i = 0
        while i < len(chunks):
            start, raw = chunks[i]
            core, offset = word_core(raw)
            if core.startswith("`") and re.search(r"\w'(?!\w)", text[start:]):
                core, offset = core[1:], offset + 1  # `quoted' in the old typewriter style
            s = start + offset
            if self.historical and core.isalpha():
                i += 1  # the period's spelling ("daies", "onely"), not damage
                continue
            reading = self.overrides.reading(self.doc, core)
            if reading:  # an archivist's decision comes before every rule
                yield Finding(s, s + len(core), core, reading, "high", "override")
                i += 1
                continue
            initial = i == 0 or chunks[i - 1][1][-1:] in ".!?:»”\""
            found = None
            if i + 1 < len(chunks):
                found = self._split(text, core, s, chunks[i + 1])
                if found:
                    i += 1
            if not found and hyphen_end(core) and raw[:1] not in OPENERS:
                i += 1  # "forty-", "sub-": a word's end at a lost line break, no damage
                continue  # (after an opening quote, "«liberal-" may be its closing mark)
            found = (found or self._unpaired_opener(text, start, raw, core, s)
                     or self._word(core, s, initial, in_case_slot(chunks, i)))
            before = None if initial else _neighbour(chunks, i - 1)
            after = _neighbour(chunks, i + 1)
            if found and found.corr is not None and found.kind in RERANKED:
                found = self._reread(found, before, after)
            if found is None and core.isalpha() and core.islower() and len(core) >= 3:
                found = self._ruled_out(core, s, before, after)
            if found and not self.overrides.kept(self.doc, found.sic):
                yield found
            i += 1


def _neighbour(chunks: list, k: int) -> str | None:
    """The word of chunk k, for the language model; None past the text's ends."""
    if not 0 <= k < len(chunks):
        return None
    core, _ = word_core(chunks[k][1])
    return core if core.isalpha() else None


RERANKED = {"char", "nonword", "accent", "realword", "join"}  # readings of the edit search
OPENERS = "«“\"‘'(["


# Furniture and apparatus are not checked; nor are elements TEI allows only "limited"
# phrases in (captions, labels, titles, dates of a document), where no choice may stand.
SKIP = {"fw", "ref", "listBibl", "figDesc", "label", "title", "docDate", "date"}


def skip(el) -> bool:
    local = el.tag.rsplit("}", 1)[-1]
    return local in SKIP or (local == "note" and el.get("type") == "editorial")


def check(text_el: etree._Element, checker: OcrChecker) -> Decision:
    """Decide whether the document is OCR output; if so, mark every finding."""
    from pipeline.build.annotate import annotate

    texts = [(p.text if c is None else c.tail) or "" for p, c in text_slots(text_el, skip)]
    decision = checker.decide(texts)
    if decision.is_ocr:
        annotate(text_el, checker.find, skip)
    return decision
