<?xml version="1.0" encoding="UTF-8"?>
<!--
  Letters (div type="letter"): opener (dateline, salute), paragraphs,
  closer (salute, signed), postscript. The div itself is a section of
  kind "letter" (textstructure.xsl); its source note is in notes.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The parts of a letter that hold lines or paragraphs. -->
  <xsl:template match="opener | closer | postscript" mode="reading diplomatic">
    <xsl:call-template name="a:make-group">
      <xsl:with-param name="kind" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Each line of an opener or closer is a block of its own. -->
  <xsl:template match="dateline | salute | signed" mode="reading diplomatic">
    <xsl:call-template name="a:make-paragraph">
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
