"""`archive eval`: every report printed once, and no figure where there is nothing to score."""

from __future__ import annotations

import shutil

from pipeline.cli import cli
from pipeline.tools.evaluate import OcrReport, Score, format_ocr

from conftest import ROOT

GOLD = ROOT / "tests" / "gold"


def test_correction_accuracy_is_not_claimed_when_nothing_was_detected():
    nothing = OcrReport(detection=Score(tp=0, pred=0, gold=12))
    line = format_ocr(nothing)[1]
    assert "n/a" in line and "1.000" not in line.split("|")[1]
    some = OcrReport(detection=Score(tp=4, pred=5, gold=8), corrected=3)
    assert "0.750" in format_ocr(some)[1]


def test_eval_errors_lists_each_report_once_without_synthetic_gold(runner, built_seeds,
                                                                   tmp_path):
    gold = tmp_path / "gold"
    shutil.copytree(GOLD, gold, ignore=shutil.ignore_patterns("ocr-synthetic"))
    result = runner.invoke(cli, ["eval", "--gold", str(gold), "--tei", str(built_seeds),
                                 "--errors"])
    assert result.exit_code == 0, result.output
    errors = [l for l in result.stdout.splitlines() if l.startswith("  004: ")]
    assert errors, "the OCR gold of 004 has misses"
    assert len(errors) == len(set(errors)), "an error line printed twice"
    assert "synthetic" not in result.stdout


def test_eval_on_a_malformed_gold_file_is_one_clear_error(runner, built_seeds, tmp_path):
    bad = tmp_path / "gold"
    (bad / "names").mkdir(parents=True)
    (bad / "names" / "000_c0d44cffea4e97c8.tsv").write_text("wrong\theader\nX\tY\n")
    result = runner.invoke(cli, ["eval", "--gold", str(bad), "--tei", str(built_seeds)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot evaluate: ")
    assert "Traceback" not in result.output
