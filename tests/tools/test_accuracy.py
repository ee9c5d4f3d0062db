"""Accuracy floors on the gold annotations: a regression in the taggers fails here.

The floors sit a little below the figures measured when each tagger was written
(see the closing notes); `make accuracy` prints the current figures.
"""

import pytest

from pipeline.tools.evaluate import evaluate_dates, evaluate_names

from conftest import ROOT

GOLD = ROOT / "tests" / "gold"

# (type, precision floor, recall floor), span plus authority id.
NAME_FLOORS = [("person", 0.96, 0.98), ("place", 0.98, 0.98), ("org", 0.95, 0.98)]


@pytest.fixture(scope="module")
def name_report(built_seeds):
    return evaluate_names(GOLD, built_seeds)


@pytest.mark.parametrize("kind, p_floor, r_floor", NAME_FLOORS)
def test_name_accuracy_floor(name_report, kind, p_floor, r_floor):
    score = name_report.total("id", kind)
    assert score.gold > 50, "too little gold to measure"
    assert score.precision >= p_floor, (score.precision, name_report.errors)
    assert score.recall >= r_floor, (score.recall, name_report.errors)


def test_every_gold_ref_is_in_the_authority(name_report):
    from pipeline.build.names.authority import load
    from pipeline.tools.evaluate import read_gold_names

    authority = load(ROOT / "tei" / "authority.xml")
    for path in sorted((GOLD / "names").glob("*.tsv")):
        for surface, kind, ref in read_gold_names(path):
            assert not ref or authority.entries[ref].kind == kind, (path.name, surface, ref)


@pytest.fixture(scope="module")
def date_report(built_seeds):
    return evaluate_dates(GOLD, built_seeds)


def test_date_accuracy_floor(date_report):
    docs = set(date_report.span)
    score, right_value = date_report.total(docs)
    assert score.gold > 100, "too little gold to measure"
    assert score.precision >= 0.98, (score.precision, date_report.errors)
    assert score.recall >= 0.97, (score.recall, date_report.errors)
    assert right_value / score.tp >= 0.98, date_report.errors


def test_ocr_accuracy_floor_on_the_real_scan(built_seeds):
    from pipeline.tools.evaluate import evaluate_ocr

    report = evaluate_ocr(GOLD, built_seeds)
    d = report.detection
    assert d.gold >= 60, "too little gold to measure"
    assert d.precision >= 0.97, report.errors
    assert d.recall >= 0.89, report.errors
    assert report.corrected / d.tp >= 0.92, report.errors
    assert set(report.false_flags.values()) == {0}, report.false_flags  # born-digital seeds


def test_ocr_accuracy_floor_on_synthetic_damage():
    from pipeline.tools.evaluate import evaluate_synthetic

    report = evaluate_synthetic(GOLD, ROOT / "tei" / "authority.xml")
    d = report.detection
    assert d.gold >= 100
    assert d.precision >= 0.97 and d.recall >= 0.79, report.errors
    assert report.corrected / d.tp >= 0.95, report.errors
