<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain-text implementation of the format hooks declared in common/core.xsl.
  Every block (heading, paragraph) is emitted as finished lines followed by
  one blank line, so blocks never need to know their neighbours.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- A wrapped block of text plus the blank line that ends it; nothing at
       all for a block without words, so empty elements add no blank lines. -->
  <xsl:function name="a:text-block" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="lines" select="a:wrap($text, $line-width)"/>
    <xsl:sequence select="if (empty($lines)) then ''
                          else string-join($lines ! (. || '&#10;')) || '&#10;'"/>
  </xsl:function>

  <!-- A heading: each of its lines (lb) wrapped on its own, then underlined
       with $char as long as its longest line. -->
  <xsl:function name="a:text-heading" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="char" as="xs:string"/>
    <xsl:variable name="lines" select="tokenize($text, '&#10;') ! a:wrap(., $line-width)"/>
    <xsl:sequence select="if (empty($lines)) then ''
        else string-join(($lines, a:repeat($char, max($lines ! string-length()))) ! (. || '&#10;'))
             || '&#10;'"/>
  </xsl:function>

  <xsl:template name="a:make-section">
    <xsl:param name="depth" as="xs:integer" required="yes"/>
    <xsl:param name="id" as="xs:string" required="yes"/>
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- '=' for top-level sections (like the title), '-' for deeper ones. -->
  <xsl:template name="a:make-heading">
    <xsl:param name="depth" as="xs:integer" required="yes"/>
    <xsl:variable name="content">
      <xsl:apply-templates mode="#current"/>
    </xsl:variable>
    <xsl:value-of select="a:text-heading(string($content), if ($depth le 1) then '=' else '-')"/>
  </xsl:template>

  <xsl:template name="a:make-paragraph">
    <xsl:variable name="content">
      <xsl:apply-templates mode="#current"/>
    </xsl:variable>
    <xsl:value-of select="a:text-block(string($content))"/>
  </xsl:template>

  <!-- An unknown block is kept as a paragraph of its own. -->
  <xsl:template name="a:make-block">
    <xsl:call-template name="a:make-paragraph"/>
  </xsl:template>

  <xsl:template name="a:make-inline">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- A newline: headings keep their lines; in a paragraph the wrap turns it
       into a plain word space. -->
  <xsl:template name="a:make-line-break">
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
