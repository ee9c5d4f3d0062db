<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "verse" (lg, l) and "figures" tables (table, row, cell), as
  other projects encode them. A verse line is a line of its own in every
  format and view: run into a paragraph, a poem loses its form. A line
  group is a stanza (a block); a group of groups (a poem of stanzas) is
  only its stanzas. A table keeps its rows and cells.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="lg" mode="reading diplomatic">
    <xsl:call-template name="a:make-verse-group"/>
  </xsl:template>

  <xsl:template match="lg[lg]" mode="reading diplomatic">
    <xsl:apply-templates select="*" mode="#current"/>
  </xsl:template>

  <!-- A line, in a stanza or standing alone. -->
  <xsl:template match="l" mode="reading diplomatic">
    <xsl:call-template name="a:make-verse-line"/>
  </xsl:template>

  <!-- The heading of a stanza or table is its caption. -->
  <xsl:template match="lg/head | table/head" mode="reading diplomatic">
    <xsl:call-template name="a:make-caption"/>
  </xsl:template>

  <!-- Indentation between lines, rows and cells is not text. -->
  <xsl:template match="(lg | table | row)/text()[not(normalize-space())]" mode="reading diplomatic"/>

  <xsl:template match="table" mode="reading diplomatic">
    <xsl:call-template name="a:make-table"/>
  </xsl:template>

  <xsl:template match="row" mode="reading diplomatic">
    <xsl:call-template name="a:make-row"/>
  </xsl:template>

  <!-- A cell whose role is "label" heads its row or column. -->
  <xsl:template match="cell" mode="reading diplomatic">
    <xsl:call-template name="a:make-cell">
      <xsl:with-param name="heading" select="@role = 'label' or ../@role = 'label'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
