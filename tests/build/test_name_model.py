"""The statistical name layer: blocks read whole, spans handed back per text node,
merged under the authority, provenance in the TEI, clear errors."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from pipeline.build.names import model as name_model
from pipeline.build.names.model import Span
from pipeline.build.names.tagger import NameTagger, tag
from pipeline.build.names.authority import load
from pipeline.cli import cli
from pipeline.core.ns import NS

from conftest import DATA

TEI = "{http://www.tei-c.org/ns/1.0}"


class Fake:
    """A model that finds the given (surface, kind) pairs wherever they occur."""

    description = "fake model 1.0"

    def __init__(self, *names):
        self.names = names
        self.seen: list[str] = []

    def spans(self, texts):
        self.seen += texts
        out = []
        for text in texts:
            found = []
            for surface, kind in self.names:
                for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
                    found.append(Span(m.start(), m.end(), kind))
            out.append(tuple(found))
        return out


def _text(xml: str) -> etree._Element:
    return etree.fromstring(f'<text xmlns="http://www.tei-c.org/ns/1.0"><body>{xml}</body></text>')


def _names(el):
    return [(etree.QName(n).localname, n.text, n.get("resp"), n.get("cert"), n.get("ref"))
            for n in el.iter(f"{TEI}persName", f"{TEI}placeName", f"{TEI}orgName")]


def test_a_block_is_read_whole_and_its_spans_go_back_to_their_text_nodes():
    text = _text("<p>On <date>12 May</date> Donald Tsang met Li Peng in Beijing.</p>")
    fake = Fake(("Donald Tsang", "person"), ("Beijing", "place"))
    tagger = NameTagger(None, ".", fake)
    tag(text, tagger)
    assert fake.seen == ["On 12 May Donald Tsang met Li Peng in Beijing."]  # the date too
    assert _names(text) == [("persName", "Donald Tsang", "#ner", "medium", None),
                            ("placeName", "Beijing", "#ner", "medium", None)]


def test_a_span_across_two_text_nodes_is_dropped():
    text = _text("<p>Tsang <date>1996</date> visited.</p>")
    fake = Fake(("Tsang  visited", "person"))
    tag(text, NameTagger(None, ".", fake))
    assert _names(text) == []


def test_the_authority_wins_over_the_model_where_they_overlap():
    authority = load(DATA / "authority-sample.xml")
    entry = next(e for e in authority.entries.values() if e.kind == "place")
    text = _text(f"<p>They reached {entry.main} at dawn.</p>")
    tag(text, NameTagger(authority, DATA, Fake((entry.main, "org"))))
    kind, surface, resp, _, ref = _names(text)[0]
    assert (kind, surface, resp) == ("placeName", entry.main, None) and ref


def test_the_documents_other_mentions_follow_the_model():
    text = _text("<p>Donald Tsang spoke.</p><p>Later TSANG and Tsang's aides left.</p>")
    tag(text, NameTagger(None, ".", Fake(("Donald Tsang", "person"))))
    assert _names(text) == [("persName", "Donald Tsang", "#ner", "medium", None),
                            ("persName", "TSANG", "#ner", "low", None),
                            ("persName", "Tsang", "#ner", "low", None)]


def test_no_name_in_a_label_which_tei_keeps_plain():
    text = _text('<list type="facts"><label>Size Matters</label><item>x</item></list>')
    tag(text, NameTagger(None, ".", Fake(("Size Matters", "org"))))
    assert _names(text) == []


def test_model_spans_lose_an_article_and_a_possessive():
    spans = name_model._spans("the Hong Kong's port", [(0, 15, "GPE")])
    assert spans == [Span(4, 13, "place")]


@pytest.fixture(scope="module")
def with_model(tmp_path_factory):
    out = tmp_path_factory.mktemp("model")
    seed = out / "news.txt"
    seed.write_text("Talks in Geneva\n\nThe envoy Kofi Annan met officials of the World "
                    "Health Organization in Geneva on Monday.\n", encoding="utf-8")
    return out, seed


def test_built_with_the_model_the_tei_says_who_found_each_name(runner, with_model, tei_all):
    out, seed = with_model
    result = runner.invoke(cli, ["build", "--silent", "--model", name_model.DEFAULT_MODEL,
                                 "--out", str(out / "tei"), str(seed)])
    assert result.exit_code == 0, result.output
    path = out / "tei" / "news.xml"
    root = etree.parse(str(path)).getroot()
    found = {(etree.QName(n).localname, n.text) for n in root.iterfind(".//tei:body//*[@resp='#ner']", NS)}
    assert ("persName", "Kofi Annan") in found and ("placeName", "Geneva") in found
    name = root.find(".//tei:titleStmt/tei:respStmt/tei:name[@xml:id='ner']", NS)
    assert name is not None and name.text.startswith("spaCy 3.8")
    assert runner.invoke(cli, ["validate", "--silent", str(path)]).exit_code == 0
    assert tei_all.validate(etree.parse(str(path))), tei_all.error_log


def test_without_a_model_the_header_says_so(runner, with_model):
    out, seed = with_model
    result = runner.invoke(cli, ["build", "--silent", "--no-model", "--out",
                                 str(out / "plain"), str(seed)])
    assert result.exit_code == 0, result.output
    text = (out / "plain" / "news.xml").read_text(encoding="utf-8")
    assert "No statistical named-entity model was used" in text
    assert 'resp="#ner"' not in text


def test_a_missing_model_is_one_clear_error(runner, with_model):
    out, seed = with_model
    result = runner.invoke(cli, ["build", "--silent", "--model", "no_such_model", "--jobs", "1",
                                 "--out", str(out / "missing"), str(seed)])
    assert result.exit_code == 1
    assert "the spaCy model 'no_such_model' is not installed" in result.stderr
    assert "--no-model" in result.stderr and "Traceback" not in result.output


def test_a_word_the_model_calls_a_nationality_elsewhere_is_no_name_here():
    text = _text("<p>Ballist bands fled.</p><p>The Ballist units and the Ballists met.</p>"
                 "<p>A Ballist was seen.</p>")
    fake = Fake(("Ballist", "other"), ("Ballists", "org"))
    tag(text, NameTagger(None, ".", fake))
    assert _names(text) == []  # two votes for a nationality, one for an org (plural shared)


def test_a_name_ending_in_an_event_word_is_not_tagged():
    text = _text("<p>The Albanian Civil War began. Later the Civil War ended.</p>")
    tag(text, NameTagger(None, ".", Fake(("Albanian Civil War", "org"), ("Civil War", "org"))))
    assert _names(text) == []


def test_the_models_spans_are_kept_between_runs(tmp_path, monkeypatch):
    """An authority edit rebuilds every TEI file, but the model reads no block again."""
    from pipeline.build import stage
    from pipeline.build.names import layers, spancache
    from pipeline.core.settings import BuildSettings

    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path / "cache"))
    seed = tmp_path / "news.txt"
    seed.write_text("Talks in Geneva\n\nThe envoy Kofi Annan met officials in Geneva.\n",
                    encoding="utf-8")
    settings = BuildSettings(out_dir=tmp_path / "tei", model=name_model.DEFAULT_MODEL)
    monkeypatch.setattr(layers, "MODELS", {})
    assert not stage.build([seed], settings).failed
    first = (tmp_path / "tei" / "news.xml").read_bytes()
    assert len(spancache.read(name_model.DEFAULT_MODEL)) == 2  # the heading and the paragraph

    monkeypatch.setattr(layers, "MODELS", {})  # a new process: nothing in memory
    model = layers.name_model(name_model.DEFAULT_MODEL)
    assert not stage.build([seed], BuildSettings(out_dir=tmp_path / "tei", force=True,
                                                 model=name_model.DEFAULT_MODEL)).failed
    assert (tmp_path / "tei" / "news.xml").read_bytes() == first
    assert model._nlp is None  # every block was kept: spaCy was not even loaded


def test_the_model_reads_the_dates_the_tagger_skips():
    """"BONN <date>1996-08-30</date>": without the date the model calls the word an
    organisation; the block it reads keeps the date's text, the spans stay in the nodes."""
    from pipeline.build.annotate import text_slots
    from pipeline.build.names.model import Span, predict
    from pipeline.build.names.tagger import skip

    head = etree.fromstring('<head xmlns="http://www.tei-c.org/ns/1.0">BONN '
                            '<date when="1996-08-30">1996-08-30</date> and Paris</head>')

    class Fake:
        texts: list[str] = []

        def spans(self, texts):
            self.texts = list(texts)
            return [[Span(0, 4, "place"), Span(20, 25, "place")] for _ in texts]

    fake = Fake()
    slots = [(p, c) for p, c in text_slots(head, skip)]
    found = predict(fake, slots)
    assert fake.texts == ["BONN 1996-08-30 and Paris"]
    assert [(n, s.start, s.end) for n, spans in found.items() for s in spans] == [
        (0, 0, 4), (1, 5, 10)]


def test_a_model_loads_without_what_its_ner_does_not_listen_to(tmp_path, monkeypatch):
    assert name_model._not_for_ner(name_model.DEFAULT_MODEL) == [
        "tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    assert name_model.load(name_model.DEFAULT_MODEL).pipe_names == ["ner"]
    # A model whose ner listens to a shared tok2vec (md, lg) loads whole, then loses
    # only what nothing listens to.
    package = tmp_path / "listening_model"
    (package / "listening_model-1.0").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "meta.json").write_text('{"pipeline": ["tok2vec", "ner"]}', encoding="utf-8")
    (package / "listening_model-1.0" / "config.cfg").write_text(
        '[components.ner.model.tok2vec]\n@architectures = "spacy.Tok2VecListener.v1"\n',
        encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert name_model._not_for_ner("listening_model") == []
    assert name_model._not_for_ner("no_such_model") == []
