<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "textstructure": body, div, head. These templates decide what
  an element IS (a section of depth N with a stable id, a heading of depth
  N); how it looks is up to the output format, through the hooks listed in
  core.xsl. They run in every edition mode: "reading" (HTML) and "text"
  (plain text); the diplomatic view will be one more mode in these lists,
  with its own templates only where it differs (sic/corr, boilerplate).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- body: its sections in document order. front/back (notes, OCR notes)
       will get templates of their own, rendered after the body. -->
  <xsl:template match="body" mode="reading text">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- Indentation between sections and paragraphs is not text of the
       source; dropping it keeps the text edition's blank lines exact.
       Whitespace inside p/head (mixed content) is untouched. -->
  <xsl:template match="(body | div)/text()[not(normalize-space())]" mode="reading text"/>

  <!-- A section. Depth 1 is a top-level div; formats map it to a heading
       level or an underline style. -->
  <xsl:template match="div" mode="reading text">
    <xsl:call-template name="a:make-section">
      <xsl:with-param name="depth" select="count(ancestor-or-self::div)"/>
      <xsl:with-param name="id" select="a:section-id(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A section heading gets the depth of its div (a head directly in body
       counts as top level). Heads of lists/tables will need their own rule. -->
  <xsl:template match="head" mode="reading text">
    <xsl:call-template name="a:make-heading">
      <xsl:with-param name="depth" select="max((1, count(ancestor::div)))"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
