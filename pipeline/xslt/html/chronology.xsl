<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: every dated passage of every document -> chronology.html,
  in two kinds of input (no namespace), written by pipeline/collection.py:
    <chronology dates="142" documents="5" yearless="9"/>
      the page: titles, totals and two tables whose rows are left as the
      comments "part:dated" and "part:yearless" for the pipeline to fill;
    <doc-rows><date href="NAME.html#date-3" doc="Title" key="1939-04-07" when="1939-04-07">
        <surface>7 April 1939</surface><context>The sentence it stands in.</context>
      </date>...</doc-rows>
      the rows of one document, each after a comment "piece": made once per
      document (pipeline/pieces.py); the pipeline sorts dates with a year by
      @key (the start: when, from or notBefore), then by their end; days and
      months printed without a year cannot be placed on the time line and come
      apart, by month and day. A changed document renders its own rows again
      and no other.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:include href="../params.xsl"/>
  <xsl:include href="page.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
              include-content-type="no"/>

  <xsl:template match="/chronology">
    <xsl:call-template name="a:html-page">
      <xsl:with-param name="title" select="'Chronology'"/>
      <xsl:with-param name="content" as="node()*">
        <h1>Chronology</h1>
        <xsl:text>&#10;</xsl:text>
        <p class="totals">{@dates} dated passages in {@documents} documents.</p>
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="table">
          <xsl:with-param name="part" select="'dated'"/>
          <xsl:with-param name="caption" select="'Dated passages, earliest first'"/>
        </xsl:call-template>
        <xsl:if test="xs:integer(@yearless) gt 0">
          <h2 id="without-year">Days and months printed without a year</h2>
          <xsl:text>&#10;</xsl:text>
          <xsl:call-template name="table">
            <xsl:with-param name="part" select="'yearless'"/>
            <xsl:with-param name="caption" select="'Without a year, by month and day'"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/doc-rows">
    <xsl:for-each select="date">
      <xsl:comment>piece</xsl:comment>
      <xsl:apply-templates select="."/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="table">
    <xsl:param name="part" as="xs:string"/>
    <xsl:param name="caption" as="xs:string"/>
    <table class="chronology">
      <caption>{$caption}</caption>
      <thead>
        <tr><th scope="col">Date</th><th scope="col">Passage</th><th scope="col">Document</th></tr>
      </thead>
      <tbody>
        <xsl:comment>part:{$part}</xsl:comment>
      </tbody>
    </table>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- One row: the normalised value, the sentence with the date marked, and a
       link to the very spot in the document. -->
  <xsl:template match="date">
    <xsl:variable name="surface" select="string(surface)"/>
    <xsl:variable name="context" select="string(context)"/>
    <xsl:variable name="at" select="if (contains($context, $surface)) then
                                    string-length(substring-before($context, $surface)) else -1"/>
    <xsl:text>&#10;</xsl:text>
    <tr>
      <td class="value"><time>
          <xsl:if test="@when"><xsl:attribute name="datetime" select="@when"/></xsl:if>
          <xsl:value-of select="a:value(.)"/>
        </time></td>
      <td class="passage">
        <xsl:choose>
          <xsl:when test="$at ge 0">
            <xsl:value-of select="substring($context, 1, $at)"/>
            <mark><xsl:value-of select="$surface"/></mark>
            <xsl:value-of select="substring($context, $at + string-length($surface) + 1)"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$context"/>
            <xsl:text> (</xsl:text><mark><xsl:value-of select="$surface"/></mark><xsl:text>)</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="doc"><a href="{@href}">{@doc}</a></td>
    </tr>
  </xsl:template>

  <xsl:function name="a:value" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="
      if ($d/@when) then string($d/@when)
      else if ($d/@from or $d/@to) then string($d/@from) || ' – ' || string($d/@to)
      else 'c. ' || string($d/@notBefore) || ' – ' || string($d/@notAfter)"/>
  </xsl:function>

  <xsl:template match="/*[not(self::chronology or self::doc-rows)]">
    <xsl:message terminate="yes">chronology.xsl: expected a chronology, got {name()}</xsl:message>
  </xsl:template>

</xsl:stylesheet>
