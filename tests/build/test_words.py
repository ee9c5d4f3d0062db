"""The no-word-lost check: what it lets through and what it refuses."""

from types import SimpleNamespace

import pytest
from hypothesis import given, strategies as st
from lxml import etree

from pipeline.build.words import WordsLost, check_conservation
from pipeline.core.ns import TEI_NS

LOWER = st.text(alphabet="abcdefghij", min_size=1, max_size=6)


def _tei(body: str):
    return etree.fromstring(f'<TEI xmlns="{TEI_NS}"><text><body>{body}</body></text></TEI>')


def _source(text: str):
    return SimpleNamespace(text=text, path="seed.txt")


def test_a_label_glued_to_its_value_may_be_split():
    check_conservation(_source("DateMay 3, 1940"),
                       _tei("<list><label>Date</label><item>May 3, 1940</item></list>"))


def test_a_lost_word_is_refused_with_its_name():
    with pytest.raises(WordsLost, match=r"lost \['Location'\]"):
        check_conservation(_source("Date May Location"), _tei("<p>Date May</p>"))


def test_a_split_at_no_case_junction_is_refused():
    # "Datemay" has no capital inside: "Date" + "may" is a change, not a lost space.
    with pytest.raises(WordsLost):
        check_conservation(_source("Datemay"), _tei("<p>Date may</p>"))


def test_a_split_needs_both_halves_in_the_tei():
    with pytest.raises(WordsLost):
        check_conservation(_source("DateMay"), _tei("<p>Date June</p>"))


@given(st.lists(st.tuples(LOWER, LOWER), min_size=1, max_size=5))
def test_every_glued_pair_is_accepted_once_and_only_once(pairs):
    glued = " ".join(f"X{a}Y{b}" for a, b in pairs)
    split = " ".join(f"X{a} Y{b}" for a, b in pairs)
    check_conservation(_source(glued), _tei(f"<p>{split}</p>"))
    # One glued word more in the source than split pairs in the TEI is a loss.
    with pytest.raises(WordsLost):
        check_conservation(_source(glued + f" X{pairs[0][0]}Y{pairs[0][1]}"),
                           _tei(f"<p>{split}</p>"))
