<?xml version="1.0" encoding="UTF-8"?>
<!--
  Phrases, links and pictures as other projects encode them: emph, term,
  gloss, mentioned, soCalled, name and rs (names without a list of their
  own: never a register entry), seg, w, num, measure (phrases with a
  class); space (a gap left in the source); milestone of any unit but
  our section break (core.xsl); graphic (a link to the picture, never an
  image that may not load) and a figure holding one; TEI P4's xref and
  xptr (as ref and ptr: @url an address, @target an id of the file, @doc
  an entity the edition cannot resolve: the words only).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The format styles each class (archive.css: emph and mentioned
       italic, soCalled in quotation marks, also in the text edition). -->
  <xsl:template match="emph | term | gloss | mentioned | soCalled | name | rs | seg | w | num | measure
                       | time | rhyme"
                mode="reading diplomatic">
    <xsl:call-template name="a:make-inline">
      <xsl:with-param name="style" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An index entry is not text of the source: its terms would add words. -->
  <xsl:template match="index" mode="reading diplomatic"/>

  <!-- A caesura is a pause in a verse line: a word space. -->
  <xsl:template match="caesura" mode="reading diplomatic">
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- A space left blank in the source: a word space (between blocks,
       nothing). -->
  <xsl:template match="space" mode="reading diplomatic">
    <xsl:if test="not(a:between-blocks(.))">
      <xsl:text> </xsl:text>
      <xsl:call-template name="a:make-inline">
        <xsl:with-param name="style" select="'space'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A numbered milestone (a folio, a chapter, a line of a manuscript) is
       marked where it falls in the diplomatic view, as a page beginning;
       the reading view flows on. -->
  <xsl:template match="milestone[not(@unit = 'section')]" mode="reading"/>

  <xsl:template match="milestone[not(@unit = 'section')]" mode="diplomatic">
    <xsl:if test="@n">
      <xsl:call-template name="a:make-page-break">
        <xsl:with-param name="unit" select="string((@unit, 'milestone')[1])"/>
        <xsl:with-param name="block" select="a:between-blocks(.)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A picture: its address, described by its figure's figDesc or its own
       desc. -->
  <xsl:template match="graphic | media" mode="reading diplomatic">
    <xsl:if test="@url[normalize-space()]">
      <xsl:call-template name="a:make-graphic">
        <xsl:with-param name="url" select="normalize-space(@url)"/>
        <xsl:with-param name="alt" select="normalize-space(string-join((desc, ../figDesc) ! string(), ' '))"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="figure[graphic[@url] | media[@url]]" mode="reading diplomatic">
    <xsl:call-template name="a:make-figure">
      <xsl:with-param name="missing" select="false()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="(graphic | media)/desc" mode="reading diplomatic"/>

  <!-- A figure's heading is its caption. -->
  <xsl:template match="figure/head" mode="reading diplomatic">
    <xsl:call-template name="a:make-caption"/>
  </xsl:template>

  <!-- P4 links. -->
  <xsl:template match="xref[@url | @target] | xptr[@url | @target]" mode="reading diplomatic">
    <xsl:call-template name="a:make-link">
      <xsl:with-param name="href" select="if (@url) then normalize-space(@url)
                                          else '#' || tokenize(@target)[1]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="xref | xptr" mode="reading diplomatic" priority="-0.1">
    <xsl:call-template name="a:make-inline">
      <xsl:with-param name="style" select="'ref'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
