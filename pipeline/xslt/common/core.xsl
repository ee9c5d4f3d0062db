<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "core": p, lb, pc, quote, title, author, date, bibl, milestone, and
  the fallback for elements no module handles yet.

  Every output format implements these named templates (its "hooks"); they
  are called with the TEI element as context and in the current mode, and
  render the element's content with apply-templates mode="#current":
    a:make-section    (depth, id, kind)   a div; kind is its @type
    a:make-heading    (depth)             a head
    a:make-paragraph  (class?)            a p, or a line standing as a
                                          block (dateline, bibl, docDate)
    a:make-quotation                      a quote that is a whole paragraph
    a:make-block                          an unknown element between blocks
    a:make-inline     (style?)            a phrase: title, author, date,
                                          quote, or an unknown element
    a:make-line-break                     an lb
    a:make-break                          a section break (milestone)
    a:make-group      (kind)              a block of blocks: opener, closer,
                                          postscript (common/letters.xsl)
    a:make-list       (kind, labelled, depth)   list, listBibl
    a:make-item       (label?, depth)           item, or bibl of a listBibl
    a:make-caption                        list/head, figDesc
    a:make-figure                         a figure (a missing picture)
    a:make-note-mark                      where a footnote was attached
    a:make-notes      (notes)             the footnotes, after the text
    a:make-forme-work                     an fw, in the diplomatic view
                                          (the reading view leaves it out:
                                          common/omit.xsl)
    a:make-name       (kind, key)         a persName/placeName/orgName;
                                          kind person|place|org, key the
                                          authority id or '' (names.xsl)
    a:make-correction                     a choice in the reading view:
                                          the corr (transcr.xsl)
    a:make-as-printed                     a choice in the diplomatic view:
                                          the sic (transcr.xsl)
  and, for the TEI of other projects (docs/foreign-tei.md):
    a:make-note-mark takes (block?): the mark of a note that stood among
                                          the blocks is a block of its own
    a:make-edit       (kind, hint)        del, add, unclear, gap, supplied
                                          (editorial.xsl)
    a:make-verse-group                    an lg of lines (verse.xsl)
    a:make-verse-line                     an l
    a:make-table / a:make-row / a:make-cell (heading)   table, row, cell
    a:make-link       (href)              ref, ptr with @target (phrases.xsl)
    a:make-page-break (unit, block)       pb, cb in the diplomatic view
    a:make-graphic    (url, alt)          a graphic or media with @url: a
                                          link or an address, never an image
                                          (words.xsl)
  a:make-inline also gets the styles "hi rend-TOKEN ...", "q", "foreign",
  "soCalled", "bibl", "cit", the name of a phrase (words.xsl, drama.xsl,
  front.xsl); a:make-group the kinds "quote" (a block quotation), "cit",
  "sp", "titlePage" ...; a:make-figure (missing) false() for a figure
  whose picture is there; a:make-page-break any milestone unit.
  HTML hooks read the tunnel parameter $id-prefix ('' in the reading view,
  'd-' in the diplomatic one), so that both renderings can share a page
  with unique ids.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The two views, in every format: "reading" (corrections, no forme
       work or citation marks) and "diplomatic" (the text as printed).
       A template shared by both lists both modes; one that differs is
       written once per mode (transcr.xsl, omit.xsl). Text nodes are copied
       by default: text is never dropped unless a template says so. -->
  <!-- The counters of names, dates, notes and corrections (accumulators) are
       kept on the document the caller passes in. -->
  <xsl:mode use-accumulators="#all"/>
  <xsl:mode name="reading" on-no-match="text-only-copy"/>
  <xsl:mode name="diplomatic" on-no-match="text-only-copy"/>

  <!-- Does $el stand among sections and paragraphs (rather than inside
       running text)? -->
  <xsl:function name="a:between-blocks" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/(parent::body | parent::div | parent::front | parent::back
        | parent::div1 | parent::div2 | parent::div3 | parent::div4 | parent::div5 | parent::div6
        | parent::div7))"/>
  </xsl:function>

  <xsl:template match="p" mode="reading diplomatic">
    <xsl:call-template name="a:make-paragraph"/>
  </xsl:template>

  <!-- A paragraph that is one quotation and nothing else (a diary entry)
       is a block quotation. The quotation marks are the source's own text;
       no format adds any. -->
  <xsl:template match="p[count(quote) = 1][not(* except quote)][not(text()[normalize-space()])]"
                mode="reading diplomatic">
    <xsl:for-each select="quote">
      <xsl:call-template name="a:make-quotation"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="lb" mode="reading diplomatic">
    <xsl:call-template name="a:make-line-break"/>
  </xsl:template>

  <!-- A word broken at a line end (lb break="no", after the printed hyphen in a
       pc force="weak"): whole in the reading view; hyphen and break as printed
       in the diplomatic view. -->
  <xsl:template match="lb[@break = 'no']" mode="reading"/>
  <!-- Other projects' spelling of the same ("A<lb type="hyphenInWord"/>pollo"). -->
  <xsl:template match="lb[@type = 'hyphenInWord']" mode="reading"/>
  <xsl:template match="pc[@force = 'weak']" mode="reading"/>
  <xsl:template match="pc" mode="reading diplomatic">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- Phrases with a meaning of their own; the format picks the markup. -->
  <xsl:template match="quote | title | author | date" mode="reading diplomatic">
    <xsl:call-template name="a:make-inline">
      <xsl:with-param name="style" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A bibl outside a list of sources says where the text was published:
       a source line of its own (a listBibl's bibl: common/lists.xsl). -->
  <xsl:template match="bibl" mode="reading diplomatic">
    <xsl:call-template name="a:make-paragraph">
      <xsl:with-param name="class" select="'source'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A section break ("* * *"). Other milestones fall to the fallback,
       which keeps nothing for an empty element. -->
  <xsl:template match="milestone[@unit = 'section']" mode="reading diplomatic">
    <xsl:call-template name="a:make-break"/>
  </xsl:template>

  <!-- Fallback: an element without a template of its own keeps its text.
       Standing among sections and paragraphs it is a block of its own,
       otherwise it flows with the text around it. -->
  <xsl:template match="*" mode="reading diplomatic" priority="-1">
    <xsl:choose>
      <xsl:when test="a:between-blocks(.)">
        <xsl:call-template name="a:make-block"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="a:make-inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
