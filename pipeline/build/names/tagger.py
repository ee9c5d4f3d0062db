"""Names: tag persons, places and organisations and link them to the authority file.

Matching works on words, not characters: the text is cut into tokens, folded to
ignore accents (case is kept), and walked through a trie of every name and variant,
longest match first. So "Communist Party of Albania" is one organisation, "Zogist"
is not "Zog", and "Hitler's" tags "Hitler". Names the authority lacks are tagged,
without @ref, only on strong evidence (a title, a known first name, "the village of").
"""

from __future__ import annotations

import re

from pipeline.build.annotate import Hit
from pipeline.build.names.authority import Authority, gap_kind, key
from pipeline.build.names.trie import Token, Trie, tokens
from pipeline.core import cues
from pipeline.core.fold import fold

CONNECTORS = {"of", "the", "for", "and", "de", "i", "e", "del", "von", "van", "al"}
_SENTENCE_START = re.compile(r"(^|[.!?:;«“\"]\s*)$")


class NameTagger:
    """Tags names in one document at a time, remembering who was mentioned before."""

    def __init__(self, authority: Authority | None, href_dir, model=None, places=None,
                 rejected: frozenset = frozenset()):
        self.authority = authority
        self.rejected = rejected  # keys of names an archivist rejected (rejected.py)
        self.model = model  # a NameModel (build/names/model.py), or None for no model
        self.places = places  # a PlaceLayer (build/names/places.py), or None
        self.href_dir = href_dir
        self.trie = Trie.build(authority.index) if authority else Trie()
        self.recent: list[str] = []  # entry ids in order of mention, for ambiguous forms
        lists = cues.load("name-cues.txt")
        self.royal = set(lists["royal-titles"])
        self.titles = _by_first_word(list(lists["person-titles"]) + list(lists["royal-titles"]))
        self.place_phrases = _by_first_word(lists["place-phrases"])
        self.org_heads = set(lists["org-heads"])
        self.event_heads = set(lists.get("event-heads", ()))
        self.learned: dict[tuple[str, ...], str] = {}
        self.forms: set[tuple[str, ...]] = set()
        self.longest_learned = 0
        self.first_names = {fold(e.main.split()[0]) for e in
                            (authority.entries.values() if authority else [])
                            if e.kind == "person" and len(e.main.split()) > 1}

    def find(self, text: str, predicted=()) -> list[Hit]:
        """The names in one text node. Layers in order of trust, each keeping only what
        no earlier layer covers: the authority file, the model's spans (`predicted`,
        build/names/model.py; the gazetteer gives their places an identifier and may
        make a place of an org "in Moldova"), places of the gazetteer alone, the
        evidence rules, then the document's other mentions of what the model found."""
        toks = tokens(text)
        known: list[Hit] = []
        evidence: list[Hit] = []
        i = 0
        while i < len(toks):
            match = self.trie.longest(text, toks, i)
            if match:
                j, ids = match
                known.append(self._known(toks, i, j, ids))
                i = j + 1
                continue
            found = self._evidence(text, toks, i)
            if found:
                evidence.append(found[0])
                i = found[1]
                continue
            i += 1
        hits = list(known)
        for span in predicted:
            # The kind the document gives this name most often ("Shearer" an org once,
            # a person as the surname of "Alan Shearer" twice: a person).
            words = tuple(t.folded for t in tokens(text[span.start:span.end]))
            learned = self.learned.get(_vote_key(words))
            kind, attrs = learned or span.kind, dict(MODEL_ATTRS)
            if words and words[-1].lower() in self.event_heads:
                continue
            if kind == "other":  # a nationality elsewhere, unless it is a known place
                if not (self.places and self.places.notable(text[span.start:span.end])):
                    continue
                kind = "place"
            if self.places:  # context may make a place of it, unless the document decided
                refined, more = self.places.refine(text, span.start, span.end, kind, attrs)
                if learned is None or refined == kind:
                    kind, attrs = refined, more
            _add(hits, Hit(span.start, span.end, TAGS[kind], attrs))
        if self.places:
            for hit in self.places.find(text, toks):
                words = _vote_key(tuple(t.folded for t in tokens(text[hit.start:hit.end])))
                if self.learned.get(words) != "other" or self.places.notable(
                        text[hit.start:hit.end]):  # "German": a nationality here
                    _add(hits, hit)
        for hit in evidence:
            _add(hits, hit)
        if self.learned:
            for hit in self._consistent(text, toks):
                _add(hits, hit)
        if self.rejected:  # the authority's names stay; every other layer's go
            authority = {id(h) for h in known}
            hits = [h for h in hits if id(h) in authority
                    or key(text[h.start:h.end]) not in self.rejected]
        return sorted(hits, key=lambda h: h.start)

    def learn(self, texts: list[str], predicted: dict[int, list]) -> None:
        """Remember the names the model found anywhere in the document (`texts` are its
        text nodes, `predicted` the model's spans by node), with the kind most often
        given, so that its other mentions are tagged alike: the same form, the form
        in capitals, and a person's surname alone."""
        votes: dict[tuple[str, ...], dict[str, int]] = {}
        self.forms = set()  # the exact forms found: only these are tagged again
        surnames = set()
        for n, spans in predicted.items():
            for span in spans:
                exact = tuple(t.folded for t in tokens(texts[n][span.start:span.end]))
                words = _vote_key(exact)
                if not words:
                    continue
                self.forms.add(exact)
                kind = "other" if words[-1].lower() in self.event_heads else span.kind
                votes.setdefault(words, {}).setdefault(kind, 0)
                votes[words][kind] += 1
                if span.kind == "person" and len(words) > 1 and len(words[-1]) > 2:
                    # A full name is strong evidence for its surname alone.
                    votes.setdefault(words[-1:], {}).setdefault("person", 0)
                    votes[words[-1:]]["person"] += SURNAME_VOTES
                    self.forms.add(exact[-1:])
                    surnames.add(words[-1:])
        self.learned = {}
        self.support = {words: kinds.get("org", 0) for words, kinds in votes.items()}
        for words, kinds in votes.items():
            best = max(sorted(kinds), key=kinds.get)
            if kinds.get("other", 0) * 2 >= sum(kinds.values()):
                self.learned[words] = "other"  # half the votes say no name: none
            elif words in surnames and (best != "place" or (self.places
                                                             and not self.places.known(words))):
                self.learned[words] = "person"  # "said Geraghty", after "John Geraghty"
            elif kinds[best] * 2 > sum(kinds.values()):  # a clear majority, else nothing
                self.learned[words] = best
        self.longest_learned = max((len(w) for w in self.learned), default=0)

    def _consistent(self, text: str, toks: list[Token]) -> list[Hit]:
        out = []
        i = 0
        while i < len(toks):
            for n in range(min(self.longest_learned, len(toks) - i), 0, -1):
                run = toks[i:i + n]
                if not _capitalised(run[0].text) or not _capitalised(run[-1].text):
                    continue
                words = tuple(t.folded.capitalize() if t.folded.isupper() and len(t.folded) > 1
                              else t.folded for t in run)
                folded = tuple(t.folded for t in run)
                form = words if words in self.forms else folded if folded in self.forms else None
                kind = self.learned.get(_vote_key(form)) if form else None
                if kind == "org" and len(form) == 1 and self.support[_vote_key(form)] < 2:
                    kind = None  # one sighting of a one-word org is too weak to spread
                if kind and kind != "other" and all(gap_kind(text[a.end:b.start]) is not None
                                for a, b in zip(run, run[1:])):
                    out.append(Hit(run[0].start, run[-1].end, TAGS[kind],
                                   {"resp": "#ner", "cert": "low"}))
                    i += n - 1
                    break
            i += 1
        return out

    def _known(self, toks: list[Token], i: int, j: int, ids: list[str]) -> Hit:
        entry_id = self._choose(ids)
        kind = self.authority.entries[ids[0]].kind
        attrs = {"ref": self.authority.href(entry_id, self.href_dir)} if entry_id else {}
        if entry_id:
            self.recent.append(entry_id)
        tag = {"person": "persName", "place": "placeName", "org": "orgName"}[kind]
        return Hit(toks[i].start, toks[j].end, tag, attrs)

    def _choose(self, ids: list[str]) -> str | None:
        """One entry for a form several entries share: the one mentioned last, if any."""
        if len(ids) == 1:
            return ids[0]
        for entry_id in reversed(self.recent):
            if entry_id in ids:
                return entry_id
        return None

    # --- names the authority does not know -----------------------------------

    def _evidence(self, text: str, toks: list[Token], i: int) -> tuple[Hit, int] | None:
        return (self._titled_person(text, toks, i) or self._first_name(text, toks, i)
                or self._place_phrase(text, toks, i) or self._org(text, toks, i))

    def _capitalised_run(self, text: str, toks: list[Token], i: int, limit: int = 3) -> int:
        """Index after the run of capitalised words starting at i (joined by spaces)."""
        j = i
        while (j < len(toks) and j - i < limit and _capitalised(toks[j].text)
               and (j == i or gap_kind(text[toks[j - 1].end:toks[j].start]) in (" ", "-"))
               and self.trie.longest(text, toks, j) is None):
            j += 1
        return j

    def _titled_person(self, text: str, toks: list[Token], i: int):
        n, title = _phrase_at(self.titles, toks, i)
        if not n or i + n >= len(toks):
            return None
        if gap_kind(text[toks[i + n - 1].end:toks[i + n].start]) != " ":
            return None  # "the supreme commander. The ..." is no title
        end = self._capitalised_run(text, toks, i + n)
        if end == i + n or toks[i + n].text.lower() in self.org_heads:
            return None
        start = toks[i].start if title in self.royal else toks[i + n].start
        return self._unknown(text, start, toks[end - 1].end, "person"), end

    def _first_name(self, text: str, toks: list[Token], i: int):
        if toks[i].folded not in self.first_names or i + 1 >= len(toks):
            return None
        end = self._capitalised_run(text, toks, i + 1, limit=2)
        if end == i + 1:
            return None
        return self._unknown(text, toks[i].start, toks[end - 1].end, "person"), end

    def _place_phrase(self, text: str, toks: list[Token], i: int):
        n, _ = _phrase_at(self.place_phrases, toks, i)
        if not n or i + n >= len(toks) or not _capitalised(toks[i + n].text):
            return None
        end = self._capitalised_run(text, toks, i + n, limit=2)
        if end == i + n:
            return None
        return self._unknown(text, toks[i + n].start, toks[end - 1].end, "place"), end

    def _org(self, text: str, toks: list[Token], i: int):
        """"First Shock Brigade": capitalised words (with 'of', 'the' between) holding a
        head noun of an organisation."""
        if not _capitalised(toks[i].text) or toks[i].folded.lower() in CONNECTORS:
            return None
        j, last_cap, heads = i, i, 0
        while j < len(toks) and j - i < 8:
            word = toks[j].text
            if j > i and gap_kind(text[toks[j - 1].end:toks[j].start]) != " ":
                break
            if _capitalised(word):
                last_cap = j
                heads += word.lower() in self.org_heads
            elif word.lower() not in CONNECTORS:
                break
            if j > i and self.trie.longest(text, toks, j):
                break
            j += 1
        caps = sum(1 for t in toks[i:last_cap + 1] if _capitalised(t.text))
        # A sentence's first word is capitalised anyway: ask for one more word there.
        need = 3 if _SENTENCE_START.search(text[:toks[i].start]) else 2
        if heads and caps >= need:
            return self._unknown(text, toks[i].start, toks[last_cap].end, "org"), last_cap + 1
        return None

    def _unknown(self, text: str, start: int, end: int, kind: str) -> Hit:
        tag = {"person": "persName", "place": "placeName", "org": "orgName"}[kind]
        return Hit(start, end, tag)


TAGS = {"person": "persName", "place": "placeName", "org": "orgName"}
# A name the model found: @resp points at the header's respStmt for it. spaCy's small
# model gives no per-entity probability, so its spans are "medium" and the document's
# other mentions of them "low".
MODEL_ATTRS = {"resp": "#ner", "cert": "medium"}
SURNAME_VOTES = 2


def _vote_key(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words with a plural's "s" off the last, so that "Ballist" and
    "Ballists" share their votes."""
    if words and len(words[-1]) > 3 and words[-1][-1:] in "sS" and words[-1][-2:-1] not in "sS":
        return words[:-1] + (words[-1][:-1],)
    return words


def _add(hits: list[Hit], hit: Hit) -> None:
    """Add `hit` unless it overlaps one already there (an earlier layer wins)."""
    if all(hit.end <= h.start or h.end <= hit.start for h in hits):
        hits.append(hit)


def tag(text_el, tagger: "NameTagger") -> int:
    """Tag the names under `text_el`: the model reads each block once, the tagger
    merges its spans with the authority and the rules in every text node."""
    from pipeline.build.annotate import apply, slot_text, text_slots
    from pipeline.build.names.model import predict
    from pipeline.build.names.screen import screen

    slots = [(p, c) for p, c in text_slots(text_el, skip) if slot_text(p, c).strip()]
    texts = [slot_text(p, c) for p, c in slots]
    predicted = predict(tagger.model, slots) if tagger.model else {}
    if tagger.places:  # this document's countries, before any rule asks the gazetteer
        tagger.places.prepare(texts, [texts[n][s.start:s.end] for n, spans in predicted.items()
                                      for s in spans])
    predicted = screen(texts, predicted, tagger.places)
    if tagger.places:  # the gazetteer's view in context votes too ("in Hoti": a place)
        predicted = {n: [tagger.places.revote(texts[n], s) for s in spans]
                     for n, spans in predicted.items()}
    tagger.learn(texts, predicted)
    count = 0
    for n, ((parent, child), text) in enumerate(zip(slots, texts)):
        hits = tagger.find(text, predicted.get(n, ()))
        apply(parent, child, hits)
        count += len(hits)
    return count


def _by_first_word(phrases) -> dict[str, list[tuple[str, ...]]]:
    """Cue phrases indexed by their first word, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=lambda p: -len(p.split())):
        words = tuple(phrase.lower().split())
        index.setdefault(words[0], []).append(words)
    return index


def _phrase_at(index: dict, toks: list[Token], i: int) -> tuple[int, str]:
    """(length in words, phrase) of the longest cue phrase starting at token i."""
    for words in index.get(toks[i].text.lower(), ()):
        n = len(words)
        if all(j < len(toks) and toks[j].text.lower() == w
               for j, w in zip(range(i, i + n), words)):
            return n, " ".join(words)
    return 0, ""


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() or (word.isupper() and len(word) > 1
                                                          and word.isalpha())


SKIP = {"fw", "ref", "listBibl", "persName", "placeName", "orgName", "sic", "corr", "date", "label",
        "docDate"}


def skip(el) -> bool:
    """Where names are not tagged: furniture, citation apparatus, the bibliography,
    names already tagged, damaged OCR readings and dates."""
    local = el.tag.rsplit("}", 1)[-1]
    return local in SKIP or (local == "note" and el.get("type") == "editorial")
