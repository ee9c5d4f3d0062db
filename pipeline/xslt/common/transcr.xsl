<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "transcr" / "core" editorial elements: OCR corrections.
  The reading text shows the correction (corr); a word with no credible reading
  (a lone sic) is shown as printed. The OCR notes in back are apparatus, not
  text: the reading editions leave them out (the HTML apparatus lists them).
  The diplomatic view is a mode of its own (html/diplomatic.xsl), not a branch here.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="choice[corr]" mode="reading text">
    <xsl:apply-templates select="corr" mode="#current"/>
  </xsl:template>

  <xsl:template match="corr | sic" mode="reading text">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <xsl:template match="div[@type = 'ocr-notes']" mode="reading text"/>

</xsl:stylesheet>
