"""Unit tests for the OCR checker: signals, readings, names and born-digital text untouched."""

from pathlib import Path

import pytest
from lxml import etree

from pipeline.build.names.authority import load
from pipeline.build.ocr import Costs, OcrChecker, read_overrides
from pipeline.build.ocr.lexicon import Lexicon
from pipeline.build.source import decode_source
from pipeline.build.stage import encode
from pipeline.core.ns import NS

from conftest import AUTHORITY, SEEDS


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon(load(AUTHORITY))


def findings(lexicon, text, overrides=None):
    checker = OcrChecker(lexicon, overrides)
    return [(f.sic, f.corr, f.kind) for f in checker._scan(text)]


@pytest.mark.parametrize("text, sic, corr", [
    ("the irivaders came", "irivaders", "invaders"),            # ri -> n
    ("a national agreernent was", "agreernent", "agreement"),   # rn -> m
    ("creating th.e conditions", "th.e", "the"),                # stray mark
    ("under the si%uation of", "si%uation", "situation"),
    ("the möst resolute", "möst", "most"),                      # accent on English
    ("kilied a)1 the inhabitants", "a)1", "all"),               # digit and mark
    ("the Albanian resis tance was", "resis tance", "resistance"),  # split
    ("removed from hispost as", "hispost", "his post"),           # joined
    ("the number of pardsan units", "pardsan", "partisan"),     # d -> ti
    ("a number of operatlons against", "operatlons", "operations"),
    ("107 meri, women and children", "meri", "men"),            # real word, one confusion
    ("in Durres, Vlora, Sh6ngjin and", "Sh6ngjin", "Shëngjin"),  # a name of the authority
    ("the Party was s-hedding the blood", "s-hedding", "shedding"),
    ("the pro- perty of Sir", "pro- perty", "property"),          # a lost line break
    ("he said 5The court rose", "5The", "The"),                 # case from the first letter
])
def test_damage_is_found_and_read(lexicon, text, sic, corr):
    assert (sic, corr) in [(s, c) for s, c, _ in findings(lexicon, text)]


@pytest.mark.parametrize("text", [
    "Shefqet Vërlaci met them in Korça and Kuçova.",     # Albanian names with ë and ç
    "The çeta of Myslym Peza fought the Hitlerites.",    # sources' own vocabulary
    "the anti-fascist and clear-cut Marxism–Leninism",   # compounds of known words
    "the inspirers of the demagogical campaign",         # rare but correct English
    "the Albanians and Yugoslavs of Kosovo",             # plurals of names
    "Ask about the don't and we'll, P.S. and 6b of WIPO",
    "see https://www.gnu.org/licenses/ and/or <year>",
    "at half- past forty- four, in pre- and post-war days",   # a hyphen at a word's end
    "he said ``We will go'' and ``Sometimes'' they did",      # TeX's quotation marks
])
def test_correct_text_is_left_alone(lexicon, text):
    assert findings(lexicon, text) == []


def test_certainty_comes_from_the_margin(lexicon):
    checker = OcrChecker(lexicon)
    [strong] = checker._scan("the irivaders came")
    assert strong.cert == "high" and strong.margin >= 1.5


def test_confusions_cost_less_than_other_edits():
    costs = Costs.load()
    assert costs.distance("agreernent", "agreement") == 0.5
    assert costs.distance("cammunist", "communist") == 0.4
    assert costs.distance("impluse", "impulse") == 0.6  # swapped letters
    assert costs.distance("th.e", "the") == 0.3
    assert costs.distance("house", "mouse") == 1.0


def test_overrides_keep_and_correct(lexicon, tmp_path):
    path = tmp_path / "ocr-overrides.tsv"
    path.write_text("# comment\ndocument\tword\taction\treading\n"
                    "*\tirivaders\tkeep\t\nx\tTubo\tcorrect\tTwo\n", encoding="utf-8")
    overrides = read_overrides(path)
    checker = OcrChecker(lexicon, overrides, doc="x")
    found = [(f.sic, f.corr, f.cert) for f in
             checker._scan("the irivaders came Tubo weeks later")]
    assert found == [("Tubo", "Two", "high")]


def _built(name: str, built_seeds) -> etree._Element:
    return etree.parse(str(built_seeds / f"{name}.xml")).getroot()


def test_born_digital_seeds_get_no_corrections(built_seeds):
    for seed in SEEDS[:4]:
        root = _built(seed.stem, built_seeds)
        assert root.find(".//tei:text//tei:choice", NS) is None, seed.name
        decl = root.findtext(".//tei:editorialDecl/tei:correction/tei:p", namespaces=NS)
        assert decl.startswith("Not treated as OCR output"), seed.name


def test_ocr_seed_is_marked_with_notes(built_seeds):
    root = _built(SEEDS[4].stem, built_seeds)
    decl = root.findtext(".//tei:editorialDecl/tei:correction/tei:p", namespaces=NS)
    assert decl.startswith("Treated as OCR output")
    choices = root.findall(".//tei:body//tei:choice", NS)
    notes = root.findall(".//tei:back/tei:div[@type='ocr-notes']/tei:note[@type='ocr']", NS)
    assert len(choices) > 40 and len(notes) >= len(choices)
    targets = {n.get("target")[1:] for n in notes}
    assert {c.get("{http://www.w3.org/XML/1998/namespace}id") for c in choices} <= targets
    for corr in root.iterfind(".//tei:corr", NS):
        assert corr.get("resp") == "#pipeline" and corr.get("cert") in ("high", "medium", "low")


def test_no_authority_name_is_flagged(built_seeds, lexicon):
    authority = load(AUTHORITY)
    names = {n for e in authority.entries.values() for n in e.names}
    for seed in SEEDS:
        root = _built(seed.stem, built_seeds)
        for sic in root.iterfind(".//tei:sic", NS):
            assert sic.text not in names, (seed.name, sic.text)


def test_words_of_damaged_text_are_kept(lexicon):
    text = ("A Scanned Chapter\n\nThe irivaders came at dawn and the people were ready for "
            "them. Tubo weeks after th.e founding of the party, resis tance grew in the "
            "mountains and the towns.\n\nThe agreernent was broken and the si%uation of the "
            "partisans grew worse every day, but the möst resolute fighters held on.\n")
    src = decode_source(text.encode(), Path("seeds/scan.txt"))
    root = etree.fromstring(encode(src, "2026-01-01", load(AUTHORITY)))  # checks the words
    assert root.find(".//tei:choice", NS) is not None


def test_english_list_cache_gives_the_same_words_and_survives_damage(tmp_path, monkeypatch):
    """The cached list of English candidates equals the one worked out from wordfreq; a
    damaged cache file is worked out again and rewritten."""
    from pipeline.build.ocr import lexicon as lex

    monkeypatch.setenv("ARCHIVE_CACHE_DIR", str(tmp_path))
    lex._english_list.cache_clear()
    try:
        computed = lex._english_list()
        [cache] = tmp_path.iterdir()
        lex._english_list.cache_clear()
        assert lex._english_list() == computed
        cache.write_text("[[\"the\"", encoding="utf-8")  # cut short
        lex._english_list.cache_clear()
        assert lex._english_list() == computed
        assert len(computed[0]) > 40_000 and computed[1]["the"] > 7
    finally:
        lex._english_list.cache_clear()


def test_plain_zipf_equals_wordfreq():
    """The table lookup for plain lower-case words gives wordfreq's own numbers."""
    import random
    import string

    import wordfreq

    from pipeline.build.wordtable import _frequencies, _plain_zipf

    rnd = random.Random(7)
    words = rnd.sample(sorted(w for w in _frequencies() if w.isascii() and w.isalpha()), 5000)
    words += ["".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(1, 9)))
              for _ in range(2000)]
    assert [_plain_zipf(w) for w in words] == [wordfreq.zipf_frequency(w, "en") for w in words]
    # Through english_zipf: plain words, accented words and possessives are read from
    # the table; words wordfreq splits or strips still go through it.
    from pipeline.build.ocr.lexicon import english_zipf

    letters = "abcçdeëfghijklmnopqrstuvwxyzàáâäèéêìíîïòóôöùúûüñšžčćđ"
    tricky = ["th'at", "don't", "o'clock", "l'amour", "ma'am", "'tis", "boys'", "o'",
              "d'artagnan", "rock'n'roll", "straße", "ﬁne", "café", "këlcyra’s", "tirana's"]
    tricky += [w + rnd.choice(["'s", "’s"]) for w in words[:500]]
    tricky += ["".join(rnd.choice(letters) for _ in range(rnd.randint(2, 9)))
               for _ in range(2000)]
    assert [english_zipf(w) for w in tricky] == [wordfreq.zipf_frequency(w, "en")
                                                  for w in tricky]


def test_reaches_agrees_with_zipf_without_loading_the_table():
    """`reaches` answers as zipf(word) >= floor does, for list words, rare words,
    accented and unknown strings, names and the vocabulary, at floors above and below
    the list's threshold."""
    import random

    from pipeline.build.wordtable import _frequencies

    lex = Lexicon(load(AUTHORITY))
    rnd = random.Random(11)
    letters = "abcdefghijklmnopqrstuvwxyzëçéß"
    words = rnd.sample(sorted(w for w in _frequencies() if w.isalpha()), 3000)
    words += ["".join(rnd.choice(letters) for _ in range(rnd.randint(2, 8)))
              for _ in range(3000)]
    words += ["korce", "kelcyra", "peze", "tirana", "partisans", "hoxha"]
    floors = (2.6, 3.4, 4.0, 5.5)
    reached = {f: [lex.reaches(w, f) for w in words] for f in floors}
    # Above the threshold only names and words that case folding changes went to wordfreq.
    assert lex.fresh["zipf"] and all("ß" in w or lex.is_name(w) for w in lex.fresh["zipf"])
    reached[1.5] = [lex.reaches(w, 1.5) for w in words]
    for floor in reached:
        assert reached[floor] == [lex.zipf(w) >= floor for w in words], floor


def test_the_reading_is_chosen_in_context(lexicon):
    """'Tube' is one edit from 'Tubo' and 'Two' two, but 'two weeks' is English."""
    found = findings(lexicon, "the Central Committee. Tubo weeks after the founding")
    assert [(s, c) for s, c, _ in found] == [("Tubo", "Two")]
    alone = findings(lexicon, "the Central Committee. Tubo")
    assert [(s, c) for s, c, _ in alone] == [("Tubo", "Tube")]  # no context: the cheaper


def test_the_language_model_can_be_switched_off_for_the_benchmark(monkeypatch):
    """ARCHIVE_OCR_CONTEXT=off: the cheaper reading wins, and the build's fingerprint
    changes so that no output made with the model passes for one made without."""
    from pipeline.build.ocr import context

    monkeypatch.setenv(context.SWITCH, "off")
    context.model.cache_clear()
    try:
        found = findings(Lexicon(), "the Central Committee. Tubo weeks after the founding")
        assert [(s, c) for s, c, _ in found] == [("Tubo", "Tube")]
        assert context.model().pairs == {}
    finally:
        monkeypatch.delenv(context.SWITCH)
        context.model.cache_clear()


def test_the_language_model_prefers_what_follows_often():
    from pipeline.build.ocr import context

    bigrams = context.model()
    zipf = lexicon_zipf()
    assert bigrams.score("two", None, "weeks", zipf) > bigrams.score("tube", None, "weeks", zipf)
    assert bigrams.score("the", "of", None, zipf) > bigrams.score("tho", "of", None, zipf)


def lexicon_zipf():
    import wordfreq

    return lambda w: wordfreq.zipf_frequency(w, "en")


def test_early_modern_spelling_is_not_modernised(lexicon):
    text = ("And he did onely ſay that in thoſe daies they came vpon the towne, and "
            "th.e people fled vnto the hilles.")
    checker = OcrChecker(lexicon)
    decision = checker.decide([text])
    assert decision.historical
    found = [(f.sic, f.corr) for f in checker._scan(text)]
    assert ("th.e", "the") in found  # a mark inside a word is still damage
    assert not any(s in ("onely", "daies", "vpon", "towne", "hilles") for s, _ in found)


def test_modern_text_quoting_old_forms_is_not_taken_for_early_modern(lexicon):
    checker = OcrChecker(lexicon)
    assert not checker.decide(["He said that the Lord hath spoken, and doth so still."]).historical
    assert not checker.decide(["Thou shalt not, said the onely sign."]).historical


@pytest.mark.parametrize("text, found", [
    ("and the men wore tired after the march", [("wore", "were")]),   # o/e in context
    ("I think lie was right about it", [("lie", "he")]),               # li/h in context
    ("she wore a red dress", []),                                      # the word fits
    ("the lie was told to them", []),
])
def test_a_real_word_the_context_rules_out_is_read_as_the_one_it_calls_for(lexicon, text, found):
    assert [(s, c) for s, c, _ in findings(lexicon, text)] == found


@pytest.mark.parametrize("text, sic, corr", [
    ("she kept the letter in herpocket all day", "herpocket", "her pocket"),  # a lost space
    ("we left in theevening for the coast", "theevening", "the evening"),
    ("it was the threatof war that moved them", "threatof", "threat of"),
    ("he sat down with tbe old farmer", "tbe", "the"),         # a rare non-word, one edit
    ("a house in the neigh- bourhood of the mill", "neigh- bourhood", "neighbourhood"),
])
def test_run_together_words_and_rare_non_words_are_read(lexicon, text, sic, corr):
    assert (sic, corr) in [(s, c) for s, c, _ in findings(lexicon, text)]


@pytest.mark.parametrize("text", [
    "his manner bespeaks a long inaccessibility to reason",  # rare dictionary words
    "the airforce had an uptodate fleet",            # an author's closed compounds
    "whither the loaves went nobody knew",           # rare words a dictionary has
])
def test_rare_words_and_compounds_are_not_split_or_changed(lexicon, text):
    assert findings(lexicon, text) == []


def test_a_word_read_as_words_run_together_is_never_high(lexicon):
    checker = OcrChecker(lexicon)
    found = [f for f in checker._scan("we left in theevening for the coast")]
    assert [(f.corr, f.cert) for f in found] == [("the evening", "medium")]


def test_a_rare_word_the_document_repeats_is_its_own_vocabulary(lexicon):
    text = "they sat in the madhe and spoke of the madhe again"
    checker = OcrChecker(lexicon)
    checker.decide([text])
    assert list(checker._scan(text)) == []
    assert [f.corr for f in OcrChecker(lexicon)._scan("they sat in the madhe and spoke")]


@pytest.mark.parametrize("core, margin, cost, reading, cert", [
    ("invaders", 3.0, 0.5, "invaders", "high"),
    ("invaders", 2.0, 0.5, "invaders", "medium"),   # plain, but not far enough ahead
    ("invaders", 1.0, 0.5, "invaders", "low"),      # the runner-up is about as good
    ("tbe", 4.0, 1.0, "the", "medium"),             # short words are never high
    ("invaders", 4.0, 1.4, "invaders", "low"),      # more than one confusion assumed
    ("theevening", 4.0, 0.5, "the evening", "medium"),  # words run together
    ("tothepoint", 4.0, 1.0, "to the point", "low"),
])
def test_certainty_rules(core, margin, cost, reading, cert):
    from pipeline.build.ocr.rules import certainty

    assert certainty(core, margin, cost, reading) == cert


@pytest.mark.parametrize("model, word, out", [
    ("lNorth", "north", "North"),    # a stray letter before the capital
    ("EDWARn", "edward", "EDWARD"),  # capitals, one misread
    ("5The", "the", "The"),
    ("tbe", "the", "the"),
])
def test_a_reading_takes_the_case_of_the_print(model, word, out):
    from pipeline.build.ocr.text import case_like

    assert case_like(model, word) == out


@pytest.mark.parametrize("text", [
    "the t i of it",                  # letters of a damaged word, not halves of one
    "and Ha e said",
    "we met Tarly and Brodie there",   # capitalised words nobody knows: names
])
def test_no_reading_is_made_up_from_letters_or_names(lexicon, text):
    assert findings(lexicon, text) == []


def test_a_damaged_part_of_a_compound_is_read_and_the_rest_kept(lexicon):
    found = findings(lexicon, "a poliee-constable came to the door")
    assert [(s, c) for s, c, _ in found] == [("poliee-constable", "police-constable")]


def test_a_measure_or_ordinal_is_no_damage(lexicon):
    assert findings(lexicon, "he was 5ft 6in tall and weighed 12oz less on the 3rd") == []


def test_spellings_of_the_period_are_words_not_damage(lexicon):
    """data/historical-spellings.txt [period]: 'shew' is not 'show' misread."""
    assert findings(lexicon, "he did shew them the connexion and chuse a waggon") == []
