<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "transcr" / "core" editorial elements: OCR corrections.
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

  <xsl:template match="choice[corr]" mode="reading">
    <xsl:call-template name="a:make-correction"/>
  </xsl:template>

  <xsl:template match="choice[sic]" mode="diplomatic">
    <xsl:call-template name="a:make-as-printed"/>
  </xsl:template>

  <xsl:template match="corr | sic" mode="reading diplomatic">
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
