"""Dates scored on a corpus in the shared format (pipeline/tools/date_eval.py)."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.cli import cli
from pipeline.tools import date_eval

TEI = "http://www.tei-c.org/ns/1.0"


def test_spans_match_leniently_and_values_are_scored():
    tally = date_eval.DateTally()
    tally.add("d", [("the next day", "1943-09-28"), ("1943", "1943"), ("two weeks", None)],
               [("next day", "1943-09-28"), ("1943", "1942"), ("Friday", None)])
    assert tally.spans == [2, 3, 3]
    assert tally.values == [1, 2]  # "1943" has the wrong value
    assert any("extra  date 'Friday'" in e for e in tally.errors)


def test_the_baseline_is_the_tagger_without_inference():
    tei = (f'<TEI xmlns="{TEI}"><text><body><p><date when="1943">1943</date> '
           '<date when="1943-09-27" evidence="internal" cert="medium">27 September</date> '
           '<date when="1943-09-28" evidence="internal" type="relative">next day</date>'
           '</p></body></text></TEI>').encode()
    assert date_eval.predicted(tei) == [("1943", "1943"), ("27 September", "1943-09-27"),
                                        ("next day", "1943-09-28")]
    assert date_eval.predicted(tei, baseline=True) == [("1943", "1943"), ("27 September", None)]


def test_impossible_dates_are_warnings():
    assert date_eval.impossible("d", "on February 30, 1943 and April 31") == [
        "d: 'February 30, 1943' is no calendar date: kept as text, no value",
        "d: 'April 31' is no calendar date: kept as text, no value"]
    assert date_eval.impossible("d", "February 29, 1944") == []


def test_eval_scores_the_dates_of_a_corpus_through_the_cli(runner, tmp_path: Path):
    corpus = tmp_path / "c"
    (corpus / "text").mkdir(parents=True)
    text = "June 3, 1990\n\nThe board met on Friday. It had met on February 30, 1990 too.\n"
    (corpus / "text" / "a.txt").write_text(text, encoding="utf-8")
    gold = [{"doc": "a", "type": "date", "surface": "June 3, 1990", "value": "1990-06-03",
             "start": 0, "end": 12, "timex_type": "DATE"},
            {"doc": "a", "type": "date", "surface": "Friday", "value": "1990-06-01",
             "start": 30, "end": 36, "timex_type": "DATE"}]
    (corpus / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = runner.invoke(cli, ["eval", "--silent", "--no-model", "--no-gazetteer",
                                 "--corpus", str(corpus)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "dates of c (DATE mentions, lenient span)"
    assert lines[2].split()[:5] == ["pipeline", "1.000", "1.000", "1.000", "|"]
    assert lines[2].split()[5] == "1.000"  # Friday resolved to 1 June 1990
    assert "'February 30, 1990' is no calendar date" in result.output


def test_the_project_eval_warns_of_impossible_dates_in_the_built_texts(tmp_path: Path):
    from pipeline.tools.evaluate import impossible_dates

    (tmp_path / "a.xml").write_text(
        f'<TEI xmlns="{TEI}"><text><body><p>The order of February 30, 1943 was void; '
        'the one of <date when="1943-02-28">February 28, 1943</date> stood.</p></body>'
        '</text></TEI>', encoding="utf-8")
    assert impossible_dates(tmp_path) == [
        "a: 'February 30, 1943' is no calendar date: kept as text, no value"]
