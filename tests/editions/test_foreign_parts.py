"""Other projects' TEI (issue 19, the rest): drama, title pages and the parts that open
and close a text, quotations with their source, phrases, pictures, milestones, P4 links;
valid HTML (no block inside a <p>), links to ids of the file, the source's lines in the
diplomatic text, the names' wording. Small hand-written snippets, as in
test_foreign_text.py (whose helpers these are: a snippet is a document of another
project, its header naming no application of ours)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from lxml import etree

from pipeline.editions.coverage import handled_elements, unrendered
from test_foreign_text import html_view, snippet, transform, txt

# The start tags that close an open <p> (HTML, "in body" insertion mode), and figcaption,
# which a p cannot hold either.
CLOSES_P = {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "li",
            "dd", "dt"}


class _PChecker(HTMLParser):
    def __init__(self):
        super().__init__()
        self.open_p = 0
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in CLOSES_P and self.open_p:
            self.bad.append(tag)
        if tag == "p":
            self.open_p += 1

    def handle_endtag(self, tag):
        if tag == "p" and self.open_p:
            self.open_p -= 1


def blocks_in_p(page: str) -> list[str]:
    checker = _PChecker()
    checker.feed(page)
    return checker.bad


def page(body: str) -> str:
    return transform(snippet(body), "html")


def cite(n: int, xml_id: str = "") -> str:
    """The end of paragraph n in the reading view: its "cite this passage" link
    (html/cite.xsl), to the paragraph's id (p-N, or its own xml:id)."""
    return (f' <a class="cite-p" href="#{xml_id or f"p-{n}"}" aria-label="Cite paragraph {n}"'
            ' data-pagefind-ignore="">§</a>')


# --- coverage ------------------------------------------------------------------------

NEW = ("ab floatingText spGrp prologue epilogue set move view camera sound caesura rhyme time "
       "index cit publisher pubPlace xref xptr castList castGroup castItem role roleDesc actor sp "
       "speaker stage epigraph byline docTitle titlePart titlePage docAuthor docImprint "
       "docEdition argument trailer seg w pc num measure name rs term gloss mentioned "
       "soCalled emph graphic figure space milestone fw salute signed dateline").split()


def test_every_element_has_a_rendering_of_its_own():
    assert set(NEW) <= handled_elements()
    body = "".join(f"<{n}>x</{n}>" for n in NEW if n not in ("pc",))
    assert not unrendered(etree.fromstring(snippet(f"<p>{body}</p>")))


# --- drama ---------------------------------------------------------------------------

PLAY = ('<castList><head>Persons</head>'
        '<castItem><role>Hamlet</role>, <roleDesc>a prince</roleDesc></castItem>'
        '<castGroup><castItem><role>Rosencrantz</role></castItem>'
        '<castItem><role>Guildenstern</role></castItem><roleDesc>courtiers</roleDesc></castGroup>'
        '</castList>'
        '<sp><speaker>Ham.</speaker><l>To be, or not to be</l>'
        '<stage>Enter Ophelia.</stage><p>Soft you now, <stage>aside</stage> the fair</p></sp>')


def test_cast_list_and_speeches_text():
    out = txt(PLAY)
    assert "Hamlet, a prince\n\nRosencrantz\n\nGuildenstern\n\ncourtiers\n\n" in out
    assert "Ham.\n\nTo be, or not to be\n\nEnter Ophelia.\n\nSoft you now, aside the fair\n" in out


def test_cast_list_and_speeches_html():
    view = html_view(PLAY)
    assert '<div class="castList">' in view and '<div class="castGroup">' in view
    assert ('<p class="castItem"><span class="role">Hamlet</span>, '
            '<span class="roleDesc">a prince</span></p>') in view
    assert '<div class="sp">' in view and '<p class="speaker">Ham.</p>' in view
    assert '<p class="stage">Enter Ophelia.</p>' in view
    assert 'Soft you now, <span class="stage">aside</span> the fair' in view
    assert blocks_in_p(page(PLAY)) == []


def test_more_drama_and_blocks():
    body = ('<spGrp><sp><speaker>A</speaker><ab>Go<move type="exit"/> <caesura/>now</ab></sp></spGrp>'
            '<ab>An <index><term>entry</term></index>ab at <time>noon</time></ab>'
            '<floatingText><body><p>Inner letter.</p></body></floatingText>')
    assert txt(body) == "A\n\nGo now\n\nAn ab at noon\n\nInner letter.\n"
    view = html_view(body)
    assert '<div class="spGrp">' in view and '<p class="ab">Go ' in view
    assert '<span class="time">noon</span>' in view and "entry" not in view
    assert f'<div class="floatingText">\n<p id="p-1">Inner letter.{cite(1)}</p>' in view
    assert blocks_in_p(page(body)) == []


# --- title pages, front and back -----------------------------------------------------

TITLE_PAGE = ('<titlePage><docTitle><titlePart type="main">Castle Rackrent</titlePart>'
              '<titlePart type="sub">An Hibernian Tale</titlePart></docTitle>'
              '<byline>by <docAuthor>Maria Edgeworth</docAuthor></byline>'
              '<docEdition>Second edition</docEdition>'
              '<docImprint><pubPlace>London</pubPlace>: <publisher>J. Johnson</publisher>, '
              '<date>1800</date></docImprint></titlePage>'
              '<epigraph><cit><quote>Brevity is the soul of wit.</quote>'
              '<bibl>Hamlet</bibl></cit></epigraph>'
              '<div><argument><p>In which the tale begins.</p></argument><p>Text.</p>'
              '<trailer>The End</trailer></div>')


def test_title_page_text():
    out = txt(TITLE_PAGE)
    assert out.startswith("Castle Rackrent\n\nAn Hibernian Tale\n\nby Maria Edgeworth\n\n"
                          "Second edition\n\nLondon: J. Johnson, 1800\n\n")
    assert "Brevity is the soul of wit.\n\nHamlet\n\nIn which the tale begins.\n\nText.\n\n" \
           "The End\n" in out


def test_title_page_html():
    view = html_view(TITLE_PAGE)
    assert '<div class="titlePage">' in view and '<div class="docTitle">' in view
    assert '<p class="titlePart main">Castle Rackrent</p>' in view
    assert '<p class="byline">by <span class="docAuthor">Maria Edgeworth</span></p>' in view
    assert ('<p class="docImprint"><span class="pubPlace">London</span>: '
            '<span class="publisher">J. Johnson</span>, ') in view
    assert '<div class="epigraph">' in view and '<div class="cit">' in view
    assert '<div class="argument">' in view and '<p class="trailer">The End</p>' in view
    assert blocks_in_p(page(TITLE_PAGE)) == []


def test_cit_of_paragraphs_is_a_block_quotation_with_its_source():
    body = ('<cit><quote><p>One.</p><p>Two.</p></quote>'
            '<bibl><author>Marx</author>, <publisher>ES</publisher>, <pubPlace>Paris</pubPlace></bibl></cit>')
    view = html_view(body)
    assert f'<div class="cit">\n<blockquote class="quote">\n<p id="p-1">One.{cite(1)}</p>' in view
    assert ('<p class="source"><span class="author">Marx</span>, <span class="publisher">ES</span>, '
            '<span class="pubPlace">Paris</span></p>') in view
    assert txt(body) == "One.\n\nTwo.\n\nMarx, ES, Paris\n"


def test_cit_and_bibl_in_running_text_are_phrases():
    body = '<p>As he said, <cit><quote>all is well</quote> <bibl>Smith 3</bibl></cit>, so.</p>'
    view = html_view(body)
    assert ('<p id="p-1">As he said, <span class="cit"><span class="quote">all is well</span> '
            f'<span class="bibl">Smith 3</span></span>, so.{cite(1)}</p>') in view
    assert txt(body) == "As he said, all is well Smith 3, so.\n"


# --- phrases -------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["emph", "term", "gloss", "mentioned", "name", "rs", "seg", "w",
                                  "num", "measure"])
def test_phrases_with_a_class(name):
    body = f'<p>a <{name}>b</{name}> c</p>'
    assert f'<p id="p-1">a <span class="{name}">b</span> c{cite(1)}</p>' in html_view(body)
    assert txt(body) == "a b c\n" and txt(body, "diplomatic") == "a b c\n"


def test_so_called_has_quotation_marks():
    body = '<p>the <soCalled>experts</soCalled> say</p>'
    assert '<span class="soCalled">experts</span>' in html_view(body)
    assert txt(body) == "the “experts” say\n"


def test_space_is_a_word_space():
    body = '<p>left<space extent="3" unit="chars"/>blank</p>'
    assert txt(body) == "left blank\n"
    assert 'left <span class="space"></span>blank' in html_view(body)


def test_milestones_of_other_units_in_the_diplomatic_view():
    body = '<p>one <milestone unit="folio" n="3r"/>two</p><milestone unit="section"/>'
    assert txt(body) == "one two\n\n" + " " * 35 + "*  *  *\n"
    assert txt(body, "diplomatic").startswith("one |3r| two\n")
    assert '<span class="pb folio" title="Folio 3r begins">|3r|</span>' in html_view(body, "diplomatic")
    assert "|3r|" not in html_view(body)


# --- pictures ------------------------------------------------------------------------

def test_figure_with_a_graphic_is_a_link_and_its_caption():
    body = ('<figure><graphic url="img/castle.jpg"/><head>The castle</head>'
            '<figDesc>A castle on a hill</figDesc></figure>')
    view = html_view(body)
    assert '<figure class="picture">' in view and "<img" not in view
    assert '<a class="graphic" href="img/castle.jpg">Picture: A castle on a hill</a>' in view
    assert "<figcaption>A castle on a hill</figcaption>" in view
    assert txt(body) == "[<img/castle.jpg> The castle A castle on a hill]\n"


def test_graphic_alone_is_named_by_its_file():
    body = '<p>see <graphic url="http://x.org/a/plate2.png"/></p>'
    assert '<a class="graphic" href="http://x.org/a/plate2.png">Picture: plate2.png</a>' in html_view(body)
    assert txt(body) == "see <http://x.org/a/plate2.png>\n"


# --- P4 links, ids -------------------------------------------------------------------

def test_p4_xref_and_xptr_are_links():
    body = ('<p><xref url="http://x.org/">X</xref> <xref doc="SLS">Shop</xref> '
            '<xptr url="http://x.org/rss"/> <xref target="n2">there</xref></p><p xml:id="n2">B</p>')
    view = html_view(body)
    assert '<a class="ref" href="http://x.org/">X</a>' in view
    assert '<span class="ref">Shop</span>' in view
    assert '<a class="ptr" href="http://x.org/rss">http://x.org/rss</a>' in view
    assert '<a class="ref" href="#n2">there</a>' in view
    assert f'<p id="n2">B{cite(2, "n2")}</p>' in view  # its own id is its passage id
    assert txt(body).startswith("X Shop <http://x.org/rss> there\n")


def test_internal_targets_get_their_id_in_each_view():
    body = ('<p>See <ref target="#p2">below</ref> and <ptr target="#w1"/>.</p>'
            '<p xml:id="p2">Here <persName xml:id="w1">Anna</persName>.</p>'
            '<p>Out: <ref target="http://x.org/#p2">x</ref></p>')
    reading, dip = html_view(body), html_view(body, "diplomatic")
    assert '<a class="ref" href="#p2">below</a>' in reading and '<p id="p2">Here ' in reading
    assert '<a class="ref" href="#d-p2">below</a>' in dip and '<p id="d-p2">Here ' in dip
    # The name has an id of its own (the registers link to it): the target's id goes inside.
    assert '<span id="name-1" class="name person unlisted"' in reading
    assert '<span id="w1"></span>Anna' in reading and '<span id="d-w1"></span>Anna' in dip
    assert '<a class="ref" href="http://x.org/#p2">x</a>' in dip
    full = page(body)
    assert full.count('id="p2"') == 1 and full.count('id="d-p2"') == 1


# --- valid HTML ----------------------------------------------------------------------

@pytest.mark.parametrize("inner", [
    "<list><item>cats</item><item>dogs</item></list>",
    "<table><row><cell>1</cell></row></table>",
    "<lg><l>a line</l></lg>",
    "<quote><p>quoted</p></quote>",
    "<cit><quote><lg><l>sung</l></lg></quote><bibl>Song</bibl></cit>",
    "<figure><figDesc>pic</figDesc></figure>",
])
def test_a_paragraph_holding_blocks_is_a_div(inner):
    body = f"<p>before {inner} after<note>n</note></p><p>plain</p>"
    view = html_view(body)
    plain = 3 if "<p>" in inner else 2  # a quotation's paragraph is one of the text's
    assert '<div id="p-1" class="p">before ' in view
    assert f'<p id="p-{plain}">plain{cite(plain)}</p>' in view
    assert blocks_in_p(page(body)) == []


@pytest.mark.parametrize("note", ["see <list><item>a</item></list>",
                                  "<p>see <list><item>a</item></list> here</p>",
                                  "<p>first</p><p>see <lg><l>a</l></lg></p>"])
def test_a_note_holding_a_list_is_valid_html(note):
    full = page(f"<p>one<note>{note}</note> two</p>")
    assert '<p id="p-1">one<sup' in full and blocks_in_p(full) == []  # a note's p: no id


def test_a_quotation_paragraph_of_blocks():
    body = "<p><quote><lg><l>x</l></lg></quote></p>"
    assert blocks_in_p(page(body)) == []


# --- the source's lines, names -------------------------------------------------------

def test_diplomatic_text_keeps_the_lines_of_a_paragraph():
    body = '<p>Miss Edgeworth begs<lb/>to present her<lb/>compli<lb break="no"/>ments</p>'
    assert txt(body, "diplomatic") == "Miss Edgeworth begs\nto present her\ncompli\nments\n"
    assert txt(body) == "Miss Edgeworth begs to present her compliments\n"
    closer = "<closer>I am dear Madam<lb/>Sincerely yours<lb/>Maria</closer>"
    assert txt(closer, "diplomatic") == "I am dear Madam\nSincerely yours\nMaria\n"
    assert txt(closer) == "I am dear Madam Sincerely yours Maria\n"
    # Lines of a list item, a heading or a verse line flow as before.
    assert txt('<list><item>a<lb/>b</item></list>', "diplomatic") == "- a b\n"


def test_foreign_names_are_not_said_to_miss_an_authority_file():
    view = html_view('<p><persName ref="#nobody">Anna</persName></p>')
    assert "title=\"Not in this file's lists\"" in view and "authority file" not in view
