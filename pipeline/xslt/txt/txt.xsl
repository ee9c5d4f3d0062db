<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: one TEI document -> the plain-text reading edition
  (UTF-8, wrapped at $line-width). Title, then the text in mode "text",
  then one source line; the rest of the header stays in the TEI/HTML.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:include href="../params.xsl"/>
  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="../common/header.xsl"/>
  <xsl:include href="../common/textstructure.xsl"/>
  <xsl:include href="../common/core.xsl"/>
  <xsl:include href="render.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/TEI">
    <xsl:variable name="facts" select="a:header-facts(.)"/>
    <xsl:variable name="body">
      <xsl:apply-templates select="text/body" mode="text"/>
    </xsl:variable>
    <xsl:variable name="source" select="string-join(('Source:', $facts?source-file,
        $facts?sha256 ! ('(sha256 ' || . || ')')), ' ')"/>
    <!-- Blocks end in a blank line; the file ends in exactly one newline. -->
    <xsl:value-of select="replace(
        a:text-heading($facts?title, '=') || string($body)
          || (if (exists($facts?source-file)) then a:text-block($source) else ''),
        '&#10;+$', '&#10;')"/>
  </xsl:template>

  <xsl:template match="/*[not(self::TEI)]">
    <xsl:message terminate="yes">txt.xsl: expected a TEI document, got {name()}</xsl:message>
  </xsl:template>

</xsl:stylesheet>
