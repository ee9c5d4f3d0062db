"""Reference dates, partial and relative dates (pipeline/build/dates/resolve.py), through
the whole encoding of small texts written for the tests."""

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from lxml import etree

from pipeline.build.dates.relative import Reference, complete, value
from pipeline.build.source import decode_source
from pipeline.build.stage import encode
from pipeline.core.ns import NS


def dates(text: str) -> list[tuple[str, dict]]:
    root = etree.fromstring(encode(decode_source(text.encode(), Path("t.txt")), "2026-01-01"))
    return [(" ".join("".join(d.itertext()).split()), dict(d.attrib))
            for d in root.iterfind(".//tei:text//tei:date", NS)]


def test_a_news_article_dates_its_weekdays_and_months_from_its_first_line():
    found = dict(dates("March 4, 1998\n\nThe council met on Monday. Prices rose last month, "
                       "and yesterday the mayor resigned. He will travel on Friday.\n"))
    assert found["Monday"]["when"] == "1998-03-02"       # the Monday before (a Wednesday)
    assert found["last month"]["when"] == "1998-02"
    assert found["yesterday"]["when"] == "1998-03-03"
    assert found["Friday"]["when"] == "1998-03-06"       # "will travel": the one ahead
    assert all(a["evidence"] == "internal" and a["type"] == "relative"
               for s, a in found.items() if s != "March 4, 1998")


def test_a_yearless_day_takes_the_year_of_the_previous_sentence():
    found = dates("In 1916 the river flooded twice. On 12 March the bridge went, and the "
                  "next day the mill. Two days later the water fell.\n")
    assert [(s, a.get("when"), a.get("cert")) for s, a in found] == [
        ("1916", "1916", None), ("12 March", "1916-03-12", "medium"),
        ("next day", "1916-03-13", "medium"), ("Two days later", "1916-03-15", "medium")]


def test_a_december_letter_looks_ahead_to_january():
    found = dict(dates("London, 20 December 1851.\n\nDear Sir,\n\nI shall call on January 3 "
                       "as you wished, and answer yours of the 5th inst. then.\n"))
    assert found["January 3"]["when"] == "1852-01-03"
    assert found["5th inst."]["when"] == "1851-12-05"


def test_a_relative_date_with_no_reference_is_tagged_without_a_value():
    [(surface, attrs)] = dates("They always met on Monday.\n")
    assert surface == "Monday" and attrs == {"type": "relative"}


@pytest.mark.parametrize("text, surface, when", [
    ("Filed 1996-12-06 by the clerk.", "1996-12-06", "1996-12-06"),
    ("It was Sunday, 14 May 1944, at dawn.", "Sunday, 14 May 1944", "1944-05-14"),
])
def test_more_forms(text, surface, when):
    assert (surface, when) in [(s, a.get("when")) for s, a in dates(text + "\n")]


def test_an_impossible_date_gets_no_value():
    assert [a for s, a in dates("The order of February 30, 1943 was void.\n")
            if "30" in s and a.get("when", "").endswith("-02-30")] == []


@settings(max_examples=60, deadline=None)
@given(st.integers(1000, 2099), st.integers(1, 12), st.integers(1, 28), st.integers(1, 12),
       st.booleans())
def test_a_completed_date_is_within_a_year_of_its_reference(year, month, day, printed, past):
    found = complete(f"--{printed:02d}", Reference(year, month, day), past)
    y = int(found[:4])
    assert abs((y * 12 + printed) - (year * 12 + month)) <= 12
    assert found.endswith(f"-{printed:02d}")


@settings(max_examples=60, deadline=None)
@given(st.integers(1001, 2098), st.integers(1, 12), st.integers(1, 28), st.integers(0, 6))
def test_a_weekday_is_within_a_week_of_its_reference(year, month, day, weekday):
    from datetime import date

    ref = Reference(year, month, day)
    for direction, lo, hi in (("past", -6, 0), ("last", -7, -1), ("next", 1, 7)):
        found = date.fromisoformat(value(f"dow:{weekday}:{direction}", ref))
        assert found.weekday() == weekday
        assert lo <= (found - date(year, month, day)).days <= hi


@pytest.mark.parametrize("text, surface, attrs", [
    ("It closed on 25/12/1996 for good.", "25/12/1996", {"when": "1996-12-25"}),
    ("It closed on 6/12/1996 for good.", "6/12/1996", {"when": "1996-12-06", "cert": "low"}),
    ("It rained on the twenty-third of May, 1943.", "twenty-third of May, 1943",
     {"when": "1943-05-23"}),
    ("Towns grew in the nineteenth century.", "nineteenth century",
     {"notBefore": "1801", "notAfter": "1900"}),
    ("It froze in the winter of 1942-43.", "winter of 1942-43",
     {"notBefore": "1942-12-01", "notAfter": "1943-02-28"}),
    ("The budget for 1942/43 was cut.", "1942/43", {"from": "1942", "to": "1943"}),
])
def test_more_forms_and_their_values(text, surface, attrs):
    assert (surface, attrs) in dates(text + "\n")


def test_years_outside_the_settings_are_no_dates(monkeypatch):
    from pipeline.build.dates import patterns, tagger

    assert (patterns.FIRST_YEAR, patterns.LAST_YEAR) == (1000, 2099)  # data/dates.txt
    assert tagger.find("They left in 1990.")
    monkeypatch.setattr(tagger, "LAST_YEAR", 1950)  # an archive of the 19th century
    assert tagger.find("They left in 1990.") == []
    assert tagger.find("They left in 1890.")


@pytest.mark.parametrize("text, surface, when", [
    ("Sales rose in nineteen ninety-six, he said.", "nineteen ninety-six", "1996"),
    ("It was built in eighteen hundred and twelve.", "eighteen hundred and twelve", "1812"),
    ("Profits for fiscal 1989 fell.", "fiscal 1989", "1989"),
])
def test_years_in_words_and_fiscal_years(text, surface, when):
    assert (surface, when) in [(s, a.get("when")) for s, a in dates(text + "\n")]


def test_spoken_seasons_decades_and_weeks_count_from_the_document_date():
    found = dict(dates("October 30, 1989\n\nThe plant closed last fall. Prices doubled in the "
                       "nineties, and the weekend was calm. Nineteen ninety-six people came.\n"))
    assert (found["last fall"]["notBefore"], found["last fall"]["notAfter"]) == (
        "1988-09-01", "1988-11-30")
    assert (found["nineties"]["notBefore"], found["nineties"]["notAfter"]) == ("1990", "1999")
    assert found["weekend"] == {"type": "relative"}  # no calendar value of its own
    assert not any("ninety" in s and "six" in s for s in found)  # a count, not a year


def test_that_day_and_the_current_year_follow_their_references():
    found = dict(dates("March 4, 1998\n\nOn 2 March the plant shut. That day the union met, "
                       "and profits for the current fiscal year fell. Prices rose day by day.\n"))
    assert found["That day"]["when"] == "1998-03-02"          # the story's day
    assert found["current fiscal year"]["when"] == "1998"     # the time of writing
    assert not any("day by day" in s for s in found)


def test_a_large_seed_carries_its_reference_dates_from_part_to_part():
    """build/large.py resolves each part with the anchors of the parts before it."""
    from pipeline.build.dates.resolve import resolve

    def part(body: str):
        return etree.fromstring(f'<text xmlns="http://www.tei-c.org/ns/1.0"><body>{body}'
                                '</body></text>')

    first = part('<p>The war came in <date when="1943">1943</date>.</p>')
    second = part('<p>On <date when="--09-27">27 September</date> the town fell.</p>')
    state = resolve(first)
    resolve(second, state)
    date = second.find(".//tei:date", NS)
    assert (date.get("when"), date.get("cert")) == ("1943-09-27", "low")
