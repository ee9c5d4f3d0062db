<?xml version="1.0" encoding="UTF-8"?>
<!--
  Lists: fact boxes (list type="facts": label/item pairs, an item may hold
  a nested list), plain lists of items, and lists of sources (listBibl,
  one bibl per source). Depth 1 is a list standing among the blocks; a
  list nested in an item has depth 2.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- kind: the list's @type ("facts"), "bibliography" for a listBibl;
       labelled: items come with labels (a key/value list). -->
  <xsl:template match="list | listBibl" mode="reading diplomatic">
    <xsl:call-template name="a:make-list">
      <xsl:with-param name="kind" select="if (self::listBibl) then 'bibliography' else string(@type)"/>
      <xsl:with-param name="labelled" select="exists(label)"/>
      <xsl:with-param name="depth" select="count(ancestor-or-self::*[self::list or self::listBibl])"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A list's head is its caption, not a section heading. -->
  <xsl:template match="list/head" mode="reading diplomatic">
    <xsl:call-template name="a:make-caption"/>
  </xsl:template>

  <!-- An item, with the label that names it (if any). -->
  <xsl:template match="item | listBibl/bibl" mode="reading diplomatic">
    <xsl:call-template name="a:make-item">
      <xsl:with-param name="label" select="preceding-sibling::*[1][self::label]"/>
      <xsl:with-param name="depth" select="count(ancestor::*[self::list or self::listBibl])"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A label is rendered by the item it names; a label without an item
       keeps its text through the fallback. -->
  <xsl:template match="label[following-sibling::*[1][self::item]]" mode="reading diplomatic"/>

</xsl:stylesheet>
