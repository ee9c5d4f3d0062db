"""The date rules' hits kept per text (build/dates/kept.py): the same hits as the rules,
whether worked out or read back from what an earlier run kept."""

import json

from hypothesis import given, settings, strategies as st

from pipeline.build.dates import kept, tagger
from pipeline.build.ocr.lexicon import Kept

PIECES = ["On 3 May 1944 ", "in the spring of 1943", " the 12th of June, ", "1,200 men ",
          "Monday", " and ", "they left", " May ", "the next day", "\n", "in 1890s",
          "from 1939 to 1945", "June 4", " 7 ", "winter"]


class _Lexicon:
    def __init__(self, source=None):
        self.date_cache = Kept()
        self.date_cache.source = source
        self.fresh = {kept.TABLE: {}}


def _plain(hits):
    return [(h.start, h.end, h.tag, h.attrs) for h in hits]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8).map("".join))
def test_kept_hits_are_the_rules_hits(text):
    first = _Lexicon()
    worked_out = kept.finder(first)(text)
    assert _plain(worked_out) == _plain(tagger.find(text))
    stored = {k: json.loads(json.dumps(v)) for k, v in first.fresh[kept.TABLE].items()}
    assert bool(stored) == tagger.may_hold_date(text)  # texts without a digit or month: none
    later = _Lexicon(source=stored.get)  # a later run, reading what this one kept
    assert _plain(kept.finder(later)(text)) == _plain(worked_out)
    assert later.fresh[kept.TABLE] == {}  # nothing worked out again


def test_a_text_without_dates_is_kept_as_none_found():
    lexicon = _Lexicon()
    assert kept.finder(lexicon)("a 12-page letter") == []
    assert list(lexicon.fresh[kept.TABLE].values()) == [[]]
