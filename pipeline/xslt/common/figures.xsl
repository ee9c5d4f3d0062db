<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "figures": a figure whose picture did not survive, only its
  caption (figDesc).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="figure" mode="reading diplomatic">
    <xsl:call-template name="a:make-figure"/>
  </xsl:template>

  <xsl:template match="figDesc" mode="reading diplomatic">
    <xsl:call-template name="a:make-caption"/>
  </xsl:template>

</xsl:stylesheet>
