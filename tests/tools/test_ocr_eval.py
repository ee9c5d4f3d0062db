"""Scoring OCR against ground truth: alignment, detection, words wrong, reliability."""

from __future__ import annotations

from pathlib import Path

from pipeline.cli import cli
from pipeline.tools import ocr_eval

TEI = "http://www.tei-c.org/ns/1.0"


def _tei(body: str) -> bytes:
    return f'<TEI xmlns="{TEI}"><text><body><p>{body}</p></body></text></TEI>'.encode()


def test_flags_are_scored_against_the_truth_word_they_stand_for():
    tally = ocr_eval.OcrTally()
    tally.add("d", "Tbe cat sat on tbe mat ofjewellery", "The cat sat on the mat of jewellery",
              _tei('<choice><sic>Tbe</sic><corr cert="high">The</corr></choice> cat '
                   '<choice><sic>sat</sic><corr cert="medium">set</corr></choice> on tbe mat '
                   '<choice><sic>ofjewellery</sic><corr cert="high">of jewellery</corr>'
                   '</choice>'))
    assert (tally.flagged, tally.hits, tally.damaged) == (3, 2, 3)  # "sat" was right
    assert tally.readings["high"] == [2, 2] and tally.readings["medium"] == [1, 0]
    assert (tally.before, tally.after, tally.truth_words) == (4, 2, 8)


def test_the_reading_text_joins_words_broken_at_line_ends():
    tally = ocr_eval.OcrTally()
    tally.add("d", "the insur- gents", "the insurgents",
              _tei('the insur<pc force="weak">-</pc><lb break="no"/>gents'))
    assert (tally.before, tally.after) == (2, 0)


def test_eval_scores_an_ocr_corpus_through_the_cli(runner, tmp_path: Path):
    for sub, text in (("ocr", "Tbe men of tbe hills\nwent home.\n"),
                      ("gt", "The men of the hills\nwent home.\n")):
        (tmp_path / "c" / sub).mkdir(parents=True)
        (tmp_path / "c" / sub / "a.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["eval", "--silent", "--no-model", "--no-gazetteer",
                                 "--corpus", str(tmp_path / "c")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "corpus c (OCR against its ground truth, 7 words)"
    assert "words wrong    OCR as it came 28.6%" in result.stdout
    assert "certainty   readings   right   share" in result.stdout
