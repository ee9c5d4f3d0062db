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


def _corpus(tmp_path):
    import json

    folder = tmp_path / "corpus"
    (folder / "text").mkdir(parents=True)
    text = "Kofi Annan spoke in Geneva.\n\nThe World Health Organization agreed.\n"
    (folder / "text" / "d1.txt").write_text(text, encoding="utf-8")
    gold = [{"doc": "d1", "type": t, "surface": s, "start": text.index(s),
             "end": text.index(s) + len(s)}
            for t, s in [("person", "Kofi Annan"), ("place", "Geneva"),
                         ("org", "World Health Organization")]]
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_eval_scores_any_corpus_next_to_the_model_alone(runner, tmp_path):
    result = runner.invoke(cli, ["eval", "--silent", "--corpus", str(_corpus(tmp_path))])
    assert result.exit_code == 0, result.output
    rows = [l.split() for l in result.stdout.splitlines() if l.startswith("  pipeline ")
            or l.startswith("  model alone ")]
    assert len(rows) == 6
    person = next(r for r in rows if r[0] == "pipeline" and r[1] == "person")
    assert person[2:5] == ["1.000", "1.000", "1.000"] and person[-2:] == ["1", "1"]


def test_eval_without_a_model_scores_the_rules_alone(runner, tmp_path):
    result = runner.invoke(cli, ["eval", "--silent", "--no-model", "--errors", "--corpus",
                                 str(_corpus(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "model alone" not in result.stdout
    assert "d1: missed person 'Kofi Annan'" in result.stdout


def test_eval_refuses_a_folder_that_is_no_corpus(runner, tmp_path):
    result = runner.invoke(cli, ["eval", "--no-model", "--corpus", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path}: no text/*.txt: not a corpus in the shared format\n"
