<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML hooks for other projects' TEI (common/editorial.xsl, verse.xsl,
  phrases.xsl), kept apart from render.xsl so that each stays short.
  Included by render.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- Hooks for other projects' TEI (common/editorial.xsl, verse.xsl,
       phrases.xsl). -->

  <!-- del and add are HTML's own del and ins; the rest spans. The class is
       the kind (archive.css: struck, raised, dotted, bracketed); the hint
       (reason, extent, place) the title. A gap shows "[…]". -->
  <xsl:template name="a:make-edit">
    <xsl:param name="kind" as="xs:string" required="yes"/>
    <xsl:param name="hint" as="xs:string" select="''"/>
    <xsl:element name="{if ($kind = 'del') then 'del' else if ($kind = 'add') then 'ins' else 'span'}">
      <xsl:attribute name="class" select="$kind"/>
      <xsl:variable name="what" select="map{'del': 'Deleted', 'add': 'Added', 'unclear': 'Unclear',
                                            'gap': 'Gap', 'supplied': 'Supplied by the editor'}($kind)"/>
      <xsl:attribute name="title" select="string-join(($what, $hint[.]), ': ')"/>
      <xsl:choose>
        <xsl:when test="$kind = 'gap'">[…]</xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates mode="#current"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <!-- A stanza is a block; each of its lines a block of its own, so that
       lines never run together whatever the style sheet. -->
  <xsl:template name="a:make-verse-group">
    <div class="lg">
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates mode="#current"/>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="a:make-verse-line">
    <div class="l">
      <xsl:apply-templates mode="#current"/>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A table; its head is the caption (which HTML wants first). -->
  <xsl:template name="a:make-table">
    <table>
      <xsl:apply-templates select="head" mode="#current"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="node() except head" mode="#current"/>
    </table>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="a:make-row">
    <tr>
      <xsl:apply-templates mode="#current"/>
    </tr>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="a:make-cell">
    <xsl:param name="heading" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($heading) then 'th' else 'td'}">
      <xsl:if test="@cols">
        <xsl:attribute name="colspan" select="@cols"/>
      </xsl:if>
      <xsl:if test="@rows">
        <xsl:attribute name="rowspan" select="@rows"/>
      </xsl:if>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <!-- A link; a ptr has no words of its own, so the address is its text. -->
  <xsl:template name="a:make-link">
    <xsl:param name="href" as="xs:string" required="yes"/>
    <a class="{local-name()}" href="{$href}">
      <xsl:apply-templates mode="#current"/>
      <xsl:if test="self::ptr">{$href}</xsl:if>
    </a>
  </xsl:template>

  <!-- Where a page or column begins in the source: its number, set off
       (archive.css); a line of its own when it falls between blocks. -->
  <xsl:template name="a:make-page-break">
    <xsl:param name="unit" as="xs:string" required="yes"/>
    <xsl:param name="block" as="xs:boolean" select="false()"/>
    <xsl:variable name="mark" as="element()">
      <span class="pb {$unit}" title="{if ($unit = 'page') then 'Page' else 'Column'} {@n} begins">
        <xsl:text>|{@n}|</xsl:text>
      </span>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$block">
        <p class="pb-line">
          <xsl:sequence select="$mark"/>
        </p>
        <xsl:text>&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$mark"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
