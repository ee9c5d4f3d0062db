<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "transcr" / "core" editorial elements: OCR corrections, and
  the choices of other projects (orig/reg, abbr/expan). Additions,
  deletions, gaps and the like are in editorial.xsl.
  The reading view shows the correction (corr), the diplomatic view the
  word as printed (sic); each is a template of its own mode, and the format
  decides through its hook how much of the other reading to show (HTML:
  a tooltip; text: nothing). A word with no credible reading (a lone sic)
  is the printed word in both views. The OCR notes in back are apparatus,
  not text: both views leave them out (the HTML page lists them apart).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Other projects' choices pair orig/reg (spelling, line-end breaks
       "re<lb/>proach") and abbr/expan as well as sic/corr. One reading per
       view, never both: the editor's (corr, reg, expan) in the reading view,
       the source's (sic, orig, abbr) in the diplomatic view; a choice that
       lacks the one (a lone reg, a choice of two seg) shows its first child.
       Nested choices choose again inside the child chosen. -->
  <xsl:function name="a:reading-of" as="element()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="($choice/(corr | reg | expan), $choice/*)[1]"/>
  </xsl:function>

  <xsl:function name="a:as-written-of" as="element()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="($choice/(sic | orig | abbr), $choice/*)[1]"/>
  </xsl:function>

  <xsl:template match="choice[corr | reg | expan]" mode="reading">
    <xsl:call-template name="a:make-correction"/>
  </xsl:template>

  <xsl:template match="choice[sic | orig | abbr]" mode="diplomatic">
    <xsl:call-template name="a:make-as-printed"/>
  </xsl:template>

  <!-- A choice without the reading of this view: its first child, plain
       (a choice of a lone sic is the printed word, as before). -->
  <xsl:template match="choice" mode="reading diplomatic" priority="-0.25">
    <xsl:apply-templates select="*[1]" mode="#current"/>
  </xsl:template>

  <xsl:template match="corr | sic | reg | orig | expan | abbr" mode="reading diplomatic">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- A critical apparatus entry (app): the lemma, the text this edition
       follows, in both views; the other witnesses' readings are apparatus,
       not text (a rdg alone in its app stands in for the lemma). -->
  <xsl:template match="app" mode="reading diplomatic">
    <xsl:apply-templates select="(lem, rdg)[1]" mode="#current"/>
  </xsl:template>

  <xsl:template match="lem | rdg" mode="reading diplomatic">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <xsl:template match="div[@type = 'ocr-notes']" mode="reading diplomatic"/>

  <xsl:accumulator name="a:choices" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="text//choice" select="$value + 1"/>
  </xsl:accumulator>

  <!-- The id of a choice: its own xml:id (ocr-N), or its number. -->
  <xsl:function name="a:choice-id" as="xs:string">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="string(($choice/@xml:id,
                                  'choice-' || $choice/accumulator-before('a:choices'))[1])"/>
  </xsl:function>

</xsl:stylesheet>
