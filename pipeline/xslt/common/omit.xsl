<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the reading view leaves out, and the diplomatic view shows. The TEI keeps every word of the
  source, so these stay in the TEI; the reading text does without them:
    fw                        forme work: web furniture ("Skip to main
                              content", type="boilerplate") and running
                              heads printed inside a paragraph ("header")
    ref[@type='citation']     citation marks of web articles ("[17]")
    note[@type='editorial']   editorial remarks of web articles
                              ("[page needed]")
  The diplomatic view shows all three as printed: fw through the hook
  a:make-forme-work, citation marks and editorial notes as phrases
  (core.xsl's fallback).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Is $node left out of the reading editions? -->
  <xsl:function name="a:left-out" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists($node[self::fw or self::ref[@type = 'citation']
                                       or self::note[@type = 'editorial']])"/>
  </xsl:function>

  <!-- What stands in place of a left-out element: one space where dropping
       it would join two words ("one[26]two", "one<fw>...</fw>two"),
       otherwise nothing, so that no double space is left either
       ("one,[26] two"). Of a run of left-out siblings, the last decides. -->
  <xsl:function name="a:gap" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="before" select="$el/preceding-sibling::node()[not(a:left-out(.))][1]"/>
    <xsl:variable name="after" select="$el/following-sibling::node()[1]"/>
    <xsl:sequence select="if ($before[self::text()][matches(., '\S$')]
                              and $after[self::text()][matches(., '^[\p{L}\p{N}]')])
                          then ' ' else ''"/>
  </xsl:function>

  <!-- Higher priority than note[@place] (notes.xsl): a note that is both
       editorial and a footnote is still an editorial remark. -->
  <xsl:template match="*[a:left-out(.)]" mode="reading" priority="2">
    <xsl:value-of select="a:gap(.)"/>
  </xsl:template>

  <xsl:template match="fw" mode="diplomatic">
    <xsl:call-template name="a:make-forme-work"/>
  </xsl:template>

  <!-- Printed where it stands, not gathered at the end. -->
  <xsl:template match="note[@type = 'editorial']" mode="diplomatic" priority="2">
    <xsl:call-template name="a:make-inline">
      <xsl:with-param name="style" select="'editorial'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
