"""Rules that overrule the name model: plurals naming groups, one-word headings, and
one sighting of a one-word organisation, which is not spread to other mentions."""

from __future__ import annotations

from hypothesis import given, strategies as st

from pipeline.build.names.model import Span
from pipeline.build.names.screen import group, heading, screen, titled, widened
from pipeline.build.names.tagger import NameTagger, tag

from build.test_name_model import Fake, _names, _text


class Notable:
    """A gazetteer layer that knows only the given places as notable."""

    def __init__(self, *known):
        self.known = set(known)

    def notable(self, surface):
        return surface in self.known


def test_a_plural_of_adherents_or_peoples_is_a_group():
    assert group("Communists", "the rise of the ")
    assert group("Trotskyites", "")
    assert group("Albanians", "", "org")


def test_a_persons_plural_after_the_is_a_group_but_a_team_stays_an_organisation():
    assert group("Serbs", "houses of the ", "person")
    assert not group("Yankees", "beaten by the ", "org")
    assert not group("Serbs", "The ", "person")  # "The Serbs ..." may begin a name


def test_names_that_only_look_like_groups_stay_names():
    assert not group("Williams", "met ", "person")  # no "the", no group suffix
    assert not group("Yugoslav Partisans", "the ", "org")  # several words
    assert not group("Christian", "the ", "person")  # singular
    assert not group("SS", "the ", "org")  # capitals: an abbreviation
    assert not group("Ross", "the ", "person")


def test_a_heading_of_one_common_word_is_no_name_unless_the_gazetteer_knows_it():
    assert heading("Background", "Background")
    assert heading("Aftermath", "  Aftermath:\n")
    assert not heading("Background", "Background to the war")  # not the whole node
    assert not heading("China", "China", Notable("China"))
    assert not heading("Enver Hoxha", "Enver Hoxha")  # two words
    assert not heading("Qemal", "Qemal")  # no common English word


def test_screen_turns_groups_into_no_name_votes_and_drops_headings():
    texts = ["Background", "the houses of the Serbs in Tirana"]
    predicted = {0: [Span(0, 10, "place")],
                 1: [Span(18, 23, "person"), Span(27, 33, "place")]}
    assert screen(texts, predicted) == {0: [], 1: [Span(18, 23, "other"), Span(27, 33, "place")]}


def test_a_group_is_not_tagged_anywhere_in_the_document():
    text = _text("<p>They burnt the houses of the Serbs.</p><p>Serbs fled.</p>")
    tag(text, NameTagger(None, ".", Fake(("Serbs", "person"))))
    assert _names(text) == []


def test_one_sighting_of_a_one_word_org_is_not_spread_but_two_are():
    once = _text("<p>He paid the Tariff twice.</p><p>Tariff rose.</p>")
    tagger = NameTagger(None, ".", _FirstOnly("Tariff", "org"))
    tag(once, tagger)
    assert [n[1] for n in _names(once)] == ["Tariff"]
    twice = _text("<p>The Senate met.</p><p>The Senate sat.</p><p>Senate rose.</p>")
    tag(twice, NameTagger(None, ".", _FirstOnly("Senate", "org", times=2)))
    assert [n[1] for n in _names(twice)] == ["Senate", "Senate", "Senate"]


class _FirstOnly(Fake):
    """A model that sees the name in the first `times` blocks only."""

    def __init__(self, surface, kind, times=1):
        super().__init__((surface, kind))
        self.times = times

    def spans(self, texts):
        found = super().spans(texts)
        return [spans if n < self.times else () for n, spans in enumerate(found)]


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC ", max_size=30))
def test_screen_keeps_every_span_it_does_not_overrule(text):
    spans = {0: [Span(0, len(text), "place")]} if text else {}
    out = screen([text], spans)
    assert all(s.kind == "place" for s in out.get(0, []))
    assert len(out.get(0, [])) <= len(spans.get(0, []))


def _titled(text, surface):
    start = text.index(surface)
    span = titled(text, Span(start, start + len(surface), "person"))
    return text[span.start:span.end]


def test_a_persons_span_keeps_a_royal_title_and_loses_any_other():
    assert _titled("Later King Farouk left.", "Later King Farouk") == "King Farouk"
    assert _titled("Then King Farouk left.", "Farouk") == "King Farouk"
    assert _titled("Prime Minister Tony Blair spoke.", "Prime Minister Tony Blair") == "Tony Blair"
    assert _titled("the British General Wilson", "British General Wilson") == "Wilson"
    assert _titled("John Major spoke.", "John Major") == "John Major"  # a name after it
    assert _titled("the King spoke", "King") == "King"
    assert _titled("He met Enver Hoxha.", "Enver Hoxha") == "Enver Hoxha"


def test_a_persons_span_takes_in_a_given_name_the_model_left_out():
    text = "The brigade under Mehmet Shehu marched. Mehmet Shehu spoke. Yesterday Shehu left."
    spans = [Span(m, m + 5, "person") for m in (25, 47, 70)]
    assert [text[s.start:s.end] for s in (widened(text, s) for s in spans)] == [
        "Mehmet Shehu", "Mehmet Shehu", "Shehu"]  # "Yesterday": a common word
    assert text[widened(text, spans[0], floor=30).start:][:5] == "Shehu"  # another span's
    assert _titled("He met General Shehu.", "Shehu") == "Shehu"  # a title is no given name


def test_a_surname_of_a_full_name_is_that_person_whatever_the_model_called_it_alone():
    text = _text("<p>John Geraghty spoke.</p><p>Geraghty said no.</p><p>So Geraghty left.</p>")
    fake = Fake(("John Geraghty", "person"), ("Geraghty", "org"))
    tag(text, NameTagger(None, ".", fake))
    assert [(n[0], n[1]) for n in _names(text)] == [
        ("persName", "John Geraghty"), ("persName", "Geraghty"), ("persName", "Geraghty")]


def test_month_and_weekday_names_are_never_names_of_the_model():
    texts = ["It rose in August and on Monday."]
    assert screen(texts, {0: [Span(11, 17, "place"), Span(25, 31, "person")]}) == {0: []}
