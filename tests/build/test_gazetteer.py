"""The GeoNames layer: a compact index, homonyms chosen by the document, places in
context only, identifiers in valid TEI."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from pipeline.build.names.gazetteer import Gazetteer, Resolver, build_index, key
from pipeline.build.names.places import PlaceLayer
from pipeline.build.names.trie import tokens
from pipeline.cli import cli
from pipeline.core.ns import NS

CITIES = {
    "1": {"geonameid": 1, "name": "Sarandë", "latitude": 39.9, "longitude": 20.0,
          "countrycode": "AL", "population": 22613,
          "alternatenames": ["Santa Quaranta", "Porto Edda", "XSA", "Саранда"]},
    "2": {"geonameid": 2, "name": "Paris", "latitude": 48.9, "longitude": 2.3,
          "countrycode": "FR", "population": 2138551, "alternatenames": []},
    "3": {"geonameid": 3, "name": "Paris", "latitude": 33.7, "longitude": -95.6,
          "countrycode": "US", "population": 24782, "alternatenames": []},
    "4": {"geonameid": 4, "name": "Springfield", "latitude": 39.8, "longitude": -89.6,
          "countrycode": "US", "population": 114394, "alternatenames": []},
    "5": {"geonameid": 5, "name": "Springfield", "latitude": 37.2, "longitude": -93.3,
          "countrycode": "US", "population": 170188, "alternatenames": []},
    "6": {"geonameid": 6, "name": "Bonn", "latitude": 50.7, "longitude": 7.1,
          "countrycode": "DE", "population": 330579, "alternatenames": []},
    "7": {"geonameid": 7, "name": "Mark", "latitude": 51.0, "longitude": 4.0,
          "countrycode": "BE", "population": 3327, "alternatenames": []},
    "8": {"geonameid": 8, "name": "August", "latitude": 51.0, "longitude": 4.1,
          "countrycode": "BE", "population": 150000, "alternatenames": ["Monday"]},
}
COUNTRIES = {"AL": {"geonameid": 783754, "name": "Albania", "iso": "AL", "population": 2866376},
             "MD": {"geonameid": 617790, "name": "Moldova", "iso": "MD", "population": 3545883}}
CONTINENTS = {"EU": {"geonameId": 6255148, "name": "Europe", "asciiName": "Europe",
                     "lat": "48.7", "lng": "9.1", "population": 741000000}}


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    for name, content in (("cities500.json", CITIES), ("countries.json", COUNTRIES),
                          ("continents.json", CONTINENTS)):
        (data / name).write_text(json.dumps(content), encoding="utf-8")
    return Gazetteer(build_index(data.parent / "index.sqlite", data))


def test_names_are_found_by_any_form_in_latin_script(gazetteer):
    assert [p.id for p in gazetteer.places("Santa Quaranta")] == [1]
    assert [p.id for p in gazetteer.places("SARANDE")] == [1]  # accents and case off
    assert gazetteer.places("XSA") == () and gazetteer.places("Саранда") == ()
    assert key("  Porto   Edda ") == "porto edda"


def test_homonyms_are_chosen_by_the_documents_countries_then_by_size(gazetteer):
    plain = Resolver(gazetteer, [])
    assert plain.choose("Paris").country == "FR"  # far larger than the other
    assert plain.choose("Springfield") is None  # two of a size: no identifier
    american = Resolver(gazetteer, ["Moldova", "Springfield"])
    assert american.countries == {"MD", "US"}  # both Springfields are American
    assert Resolver(gazetteer, ["Paris", "Sarandë"]).countries == {"AL"}


def _layer(gazetteer, *texts):
    layer = PlaceLayer(gazetteer)
    layer.prepare(list(texts), [])
    return layer


def test_an_org_of_the_model_is_a_place_if_a_country_or_where_the_text_says_where(gazetteer):
    layer = _layer(gazetteer)
    text = "Moldova signed. The talks in Bonn ended; Bonn said no; Mark Bonn spoke."
    kind, attrs = layer.refine(text, 0, 7, "org", {"resp": "#ner"})  # a country: a place
    assert kind == "place" and attrs["ref"] == "https://www.geonames.org/617790"
    kind, attrs = layer.refine(text, 29, 33, "org", {"resp": "#ner"})  # "in Bonn"
    assert kind == "place" and attrs["ref"] == "https://www.geonames.org/6"
    assert layer.refine(text, 41, 45, "org", {"resp": "#ner"})[0] == "org"  # no context
    assert layer.refine(text, 0, 7, "person", {"resp": "#ner"})[0] == "person"


def test_a_place_of_the_documents_country_needs_the_context_too(gazetteer):
    layer = _layer(gazetteer, "Letters from Albania")
    text = "They rode to Sarandë. Sarandë wrote back."
    assert layer.refine(text, 13, 20, "person", {})[0] == "place"
    assert layer.refine(text, 22, 29, "person", {})[0] == "person"


def test_month_and_weekday_names_are_no_places_of_the_gazetteer(gazetteer):
    layer = _layer(gazetteer, "Letters from Albania")
    layer.resolver.countries.add("BE")
    text = "It rose in August and on Monday, Mark said."
    found = [text[h.start:h.end] for h in layer.find(text, tokens(text))]
    assert "August" not in found and "Monday" not in found


def test_places_alone_in_capitals_datelines_and_not_common_words(gazetteer):
    text = "BONN 1996-08-30 Talks went well in Albania, and Mark said so."
    found = [text[h.start:h.end] for h in _layer(gazetteer, text).find(text, tokens(text))]
    assert found == ["BONN", "Albania"]
    lower = "Europe is large. the europe of old"
    assert _layer(gazetteer, lower).find(lower, tokens(lower)) == []


def test_an_unclear_place_of_the_model_gets_no_identifier_and_low_certainty(gazetteer):
    kind, attrs = _layer(gazetteer).refine("near Springfield", 5, 16, "place", {"cert": "medium"})
    assert kind == "place" and attrs == {"cert": "low"}


def test_built_with_the_gazetteer_places_carry_geonames_and_validate(runner, tmp_path, tei_all):
    seed = tmp_path / "wire.txt"
    seed.write_text("From Tirana\n\nTIRANA, 3 May. Delegates from Albania and Kosovo met in "
                    "Tirana.\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", "--silent", "--gazetteer", "--no-model", "--out",
                                 str(tmp_path / "tei"), str(seed)])
    assert result.exit_code == 0, result.output
    path = tmp_path / "tei" / "wire.xml"
    root = etree.parse(str(path)).getroot()
    refs = {n.text: n.get("ref") for n in root.iterfind(".//tei:body//tei:placeName", NS)}
    assert refs["Albania"] == "https://www.geonames.org/783754"
    assert refs["TIRANA"] == refs["Tirana"] == "https://www.geonames.org/3183875"
    assert root.find(".//tei:titleStmt/tei:respStmt/tei:name[@xml:id='geonames']", NS) is not None
    assert runner.invoke(cli, ["validate", "--silent", str(path)]).exit_code == 0
    assert tei_all.validate(etree.parse(str(path))), tei_all.error_log


def test_the_gazetteers_view_in_context_votes_so_a_document_gives_a_name_one_kind(gazetteer):
    from pipeline.build.names.tagger import NameTagger, tag
    from build.test_name_model import Fake, _names, _text

    text = _text("<p>Letters from Albania.</p><p>They rode to Sarandë at dawn.</p>"
                 "<p>In Sarandë it rained.</p><p>Sarandë was quiet.</p>")
    tagger = NameTagger(None, ".", Fake(("Sarandë", "person")), _layer(gazetteer))
    tag(text, tagger)
    assert [n[0] for n in _names(text) if n[1] == "Sarandë"] == ["placeName"] * 3


def test_a_document_is_read_with_its_own_countries_not_the_last_ones(gazetteer):
    """One worker's gazetteer layer serves many documents: each must be prepared with
    its own countries before any rule asks the gazetteer (a heading "Paris" is kept as
    the notable Paris of France, whatever the worker read before)."""
    from pipeline.build.names.tagger import NameTagger, tag
    from build.test_name_model import Fake, _names, _text

    layer = _layer(gazetteer)
    before = _text("<p>From Springfield to Moldova they rode.</p>")
    tag(before, NameTagger(None, ".", Fake(("Springfield", "place"), ("Moldova", "place")), layer))
    heading = _text("<head>Paris</head><p>They rode on.</p>")
    tag(heading, NameTagger(None, ".", Fake(("Paris", "place")), layer))
    assert [n[1] for n in _names(heading)] == ["Paris"]
