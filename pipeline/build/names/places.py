"""The gazetteer layer: GeoNames identifiers for places, and places the model missed.

Three jobs, each on one document at a time (build/names/tagger.py calls them):
- a place the model found gets the GeoNames identifier of the place the document
  means (`Resolver`), or, where that is not clear, no identifier and cert="low";
- a name the model took for an organisation or a person is a place when the
  gazetteer knows it as a country, a continent, a large place or a place of the
  document's own countries, and the text says where ("in Moldova", "from Bonn", "to
  Sarandë" in a text on Albania): the context decides, never the gazetteer alone;
- a run of capitalised words that is, as a whole, a country, a continent, or a place
  of the document's own countries or of LARGE people, and that the document does not
  also print in lower case, is tagged even where the model saw nothing (datelines in
  capitals: "BONN").
"""

from __future__ import annotations

import re

from pipeline.build.annotate import Hit
from pipeline.build.dates.calendar import calendar_word
from pipeline.build.names.gazetteer import Gazetteer, Place, Resolver, key
from pipeline.build.names.model import Span

LARGE = 100_000  # people: a place this large needs no other evidence
LOCAL = 1_000  # people: a place of the document's countries this large needs none either
_LOCATIVE = re.compile(r"(?:\b(?:in|at|to|from|near|into|across|outside|inside|towards?|"
                       r"via|through|of|around|north|south|east|west)\s+(?:the\s+)?)$", re.I)
_SENTENCE_START = re.compile(r"(^|[.!?:;«“\"]\s*)$")
ATTRS = {"resp": "#geonames", "cert": "medium"}
_RUN = re.compile(r"\b[^\W\d_a-z][^\W\d_]+(?:[ -][^\W\d_a-z][^\W\d_]+){0,3}")


class PlaceLayer:
    """The gazetteer's part in tagging one document."""

    def __init__(self, gazetteer: Gazetteer):
        from pipeline.build.names.gazetteer import fingerprint

        self.gazetteer = gazetteer
        self.description = f"GeoNames, as {fingerprint().split(',')[0]} ships it"
        self.resolver = Resolver(gazetteer, [])
        self.lower: set[str] = set()

    def prepare(self, texts: list[str], surfaces: list[str]) -> None:
        """Learn the document: the names the model found (for the countries it is
        about) and the words it prints in lower case (common words, not names)."""
        self.resolver = Resolver(self.gazetteer, surfaces)
        self.lower = {w for text in texts for w in re.findall(r"\b[a-z][a-z'-]+\b", text)}
        countries = self.gazetteer.countries()
        for text in texts:  # the countries the document names, model or no model
            for run in _RUN.findall(text):
                code = countries.get(key(run))
                if code and run.lower() not in self.lower:
                    self.resolver.countries.add(code)

    def refine(self, text: str, start: int, end: int, kind: str, attrs: dict
               ) -> tuple[str, dict]:
        """The kind and attributes of a name the model found at text[start:end]."""
        surface = text[start:end]
        place = self.resolver.choose(surface)
        if kind != "place":
            if place is None or not ((kind == "org" and place.kind in ("country", "continent"))
                                     or (_locative(text, start) and self._local(place))):
                return kind, attrs
            kind = "place"
        if place is None:
            return kind, {**attrs, "cert": "low"} if self.gazetteer.places(surface) else attrs
        return kind, {**attrs, "ref": place.uri}

    def revote(self, text: str, span: Span) -> Span:
        """A model span as the context makes it: a person or an org that refine() makes
        a place is a place's vote."""
        if span.kind not in ("person", "org"):
            return span
        kind, _ = self.refine(text, span.start, span.end, span.kind, {})
        return span if kind == span.kind else Span(span.start, span.end, kind)

    def _local(self, place: Place) -> bool:
        """Notable, or a place of the document's own countries with LOCAL people."""
        return _notable(place) or (place.country in self.resolver.countries
                                   and place.population >= LOCAL)

    def known(self, words: tuple[str, ...]) -> bool:
        """Does the gazetteer know any place of this name?"""
        return bool(self.gazetteer.places(" ".join(words)))

    def notable(self, surface: str) -> bool:
        """Is `surface` a country, a continent or a large place, whatever else the
        model called it ("Auckland" a nationality once)?"""
        place = self.resolver.choose(surface)
        return place is not None and _notable(place)

    def find(self, text: str, toks) -> list[Hit]:
        """Places of the gazetteer in runs of capitalised words no other layer took."""
        out = []
        i = 0
        while i < len(toks):
            j = i
            while j < len(toks) and _capital(toks[j].text) and (
                    j == i or text[toks[j - 1].end:toks[j].start] in (" ", "-")):
                j += 1
            if j == i:
                i += 1
                continue
            run = toks[i:j]
            surface = text[run[0].start:run[-1].end]
            place = self._standalone(surface, text, run[0].start)
            if place is not None:
                out.append(Hit(run[0].start, run[-1].end, "placeName",
                               {**ATTRS, "ref": place.uri}))
            i = j
        return out

    def _standalone(self, surface: str, text: str, start: int) -> Place | None:
        if len(surface) < 3 or surface.lower() in self.lower or calendar_word(surface):
            return None
        place = self.resolver.choose(surface)
        if place is None:
            return None
        if place.kind in ("country", "continent"):
            return place
        if _SENTENCE_START.search(text[:start]) and not surface.isupper():
            return None  # a capital a sentence gives any word
        if place.population >= LARGE or (place.country in self.resolver.countries
                                         and place.population >= LOCAL):
            return place
        return None


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _locative(text: str, start: int) -> bool:
    return _LOCATIVE.search(text[max(0, start - 30):start]) is not None


def _notable(place: Place) -> bool:
    return place.kind in ("country", "continent") or place.population >= LARGE
