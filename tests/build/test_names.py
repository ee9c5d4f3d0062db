"""Unit tests for the name tagger: matching, disambiguation, evidence for unknown names."""


import pytest

from conftest import DATA
from pipeline.build.names.authority import key, load
from pipeline.build.names.tagger import NameTagger
from pipeline.core.fold import fold

AUTHORITY = DATA / "authority-sample.xml"


@pytest.fixture
def tagger():
    return NameTagger(load(AUTHORITY), AUTHORITY.parent)


def tags(tagger, text):
    return [(text[h.start:h.end], h.tag, h.attrs.get("ref", "").split("#")[-1])
            for h in tagger.find(text)]


def test_fold_ignores_accents_but_keeps_case():
    assert fold("Këlcyra Pezë Đilas Mit’hat") == "Kelcyra Peze Dilas Mit'hat"
    assert key("Mit’hat Frashëri") == ("Mit'hat", " ", "Frasheri")


def test_accent_insensitive_match(tagger):
    assert tags(tagger, "They met at Peze and Peza.") == [
        ("Peze", "placeName", "peze"), ("Peza", "placeName", "peze")]
    assert tags(tagger, "Mit'hat Frasheri led it.") == [
        ("Mit'hat Frasheri", "persName", "frasheri-midhat")]


def test_case_aware(tagger):
    assert tags(tagger, "the albania question") == []


def test_longest_match_wins(tagger):
    assert tags(tagger, "The Communist Party of Albania was formed.") == [
        ("Communist Party of Albania", "orgName", "communist-party-of-albania")]
    assert tags(tagger, "in the house of Myslym Peza near Peza") == [
        ("Myslym Peza", "persName", "peza-myslym"), ("Peza", "placeName", "peze")]


def test_possessive(tagger):
    assert tags(tagger, "Hitler's support and Hitler’s plans") == [
        ("Hitler", "persName", "hitler-adolf"), ("Hitler", "persName", "hitler-adolf")]


def test_not_inside_words(tagger):
    assert tags(tagger, "the Zogist regime and anti-Zogist elements") == []
    assert tags(tagger, "Zog fled.") == [("Zog", "persName", "zog-i")]


def test_hyphenated_compounds_hold_names(tagger):
    assert tags(tagger, "on the Tirana-Elbasan highway") == [
        ("Tirana", "placeName", "tirana"), ("Elbasan", "placeName", "elbasan")]


def test_shared_short_form_follows_the_last_full_mention(tagger):
    found = tags(tagger, "Fadil Hoxha spoke; then Hoxha left. Enver Hoxha came; Hoxha stayed.")
    assert found == [("Fadil Hoxha", "persName", "hoxha-fadil"),
                     ("Hoxha", "persName", "hoxha-fadil"),
                     ("Enver Hoxha", "persName", "hoxha-enver"),
                     ("Hoxha", "persName", "hoxha-enver")]


def test_shared_short_form_without_context_gets_no_ref():
    fresh = NameTagger(load(AUTHORITY), AUTHORITY.parent)
    assert tags(fresh, "Hoxha spoke.") == [("Hoxha", "persName", "")]


def test_unknown_names_on_strong_evidence(tagger):
    found = tags(tagger, "Lt Colonel Josef Remold remarked, and King Farouk came to the "
                         "village of Borova with comrade Stalin; Enver Kosta too.")
    assert found == [("Josef Remold", "persName", ""), ("King Farouk", "persName", ""),
                     ("Borova", "placeName", ""), ("Stalin", "persName", ""),
                     ("Enver Kosta", "persName", "")]


def test_unknown_organisation_needs_a_head_noun(tagger):
    assert tags(tagger, "the First Shock Brigade was formed") == [
        ("First Shock Brigade", "orgName", "")]
    assert tags(tagger, "They saw Great Lakes and Red Rivers.") == []


def test_no_evidence_no_tag(tagger):
    assert tags(tagger, "Then Skanderbeg Square was quiet.") == []


def test_new_spellings_of_known_names(tagger):
    found = tags(tagger, "ENVER HOXHA met Myslim Pezë at PEZE; Mit'hat Frasheri and the "
                         "National Liberation-Movement.")
    assert found == [("ENVER HOXHA", "persName", "hoxha-enver"),
                     ("Myslim Pezë", "persName", "peza-myslym"),
                     ("PEZE", "placeName", "peze"),
                     ("Mit'hat Frasheri", "persName", "frasheri-midhat"),
                     ("National Liberation-Movement", "orgName", "national-liberation-movement")]
