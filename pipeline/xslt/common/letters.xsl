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

  <!-- Other projects write an opener or closer as plain lines ("Always
       yours<lb/>Harriet Edgeworth<lb/>Thursday"): a paragraph of its own,
       with its line breaks. -->
  <xsl:template match="(opener | closer | postscript)[text()[normalize-space()]]" mode="reading diplomatic">
    <xsl:call-template name="a:make-paragraph">
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An address (of a letter's recipient) is a block; its lines flow. -->
  <xsl:template match="address" mode="reading diplomatic">
    <xsl:call-template name="a:make-paragraph">
      <xsl:with-param name="class" select="'address'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="addrLine" mode="reading diplomatic">
    <xsl:call-template name="a:make-inline">
      <xsl:with-param name="style" select="'addrLine'"/>
    </xsl:call-template>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- Each line of an opener or closer is a block of its own. -->
  <xsl:template match="dateline | salute | signed" mode="reading diplomatic">
    <xsl:call-template name="a:make-paragraph">
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
