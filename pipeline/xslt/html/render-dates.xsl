<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML rendering of the dates of the text: each a time element with its ISO
  value, numbered (date-N) as pipeline/editions/digest.py numbers them, and
  linked to its chronology row. Kept apart from render.xsl so that each
  stays short. Included by render.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">
  <!-- Dates of the text counted in one pass (date-N), as pipeline/editions/digest.py counts. -->
  <xsl:accumulator name="a:dates" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="text//date" select="$value + 1"/>
  </xsl:accumulator>

  <!-- The content of the context element; in a time element when it
       carries a date HTML can read (a day, a month or a year), otherwise
       as it is, or in a span of class $otherwise if one is given. -->
  <xsl:template name="a:dated-content">
    <xsl:param name="otherwise" as="xs:string?" select="()"/>
    <xsl:param name="id-prefix" as="xs:string" select="''" tunnel="yes"/>
    <xsl:choose>
      <!-- A date of the text: numbered in document order (the chronology
           page links to date-N), its value in words and ISO shown on hover, and
           a link to its row of the chronology: a:row, which the export sets
           in memory on each date that has a row (editions/export.py: none for a
           citation's date); no link inside a link or a name, which would nest. -->
      <xsl:when test="self::date[@when or @from or @notBefore]">
        <xsl:variable name="n" as="xs:integer" select="accumulator-before('a:dates')"/>
        <xsl:variable name="row" select="if (ancestor::*[self::ref or self::ptr or self::persName
            or self::placeName or self::orgName or self::name or self::rs]) then ()
            else @a:row"/>
        <xsl:variable name="time" as="element()">
          <time id="{$id-prefix}date-{$n}" class="date{if (@evidence = 'internal') then ' inferred' else ''}"
                title="{a:date-in-words(.)} ({a:date-label(.)}){if (@evidence = 'internal') then ', inferred from the passage, certainty ' || (@cert, 'medium')[1] else ''}">
            <xsl:if test="@when">
              <xsl:attribute name="datetime" select="@when"/>
            </xsl:if>
            <xsl:apply-templates mode="#current"/>
          </time>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="exists($row)">
            <a class="to-chronology" href="{$row}"><xsl:sequence select="$time"/></a>
          </xsl:when>
          <xsl:otherwise>
            <xsl:sequence select="$time"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="matches(@when, '^\d{4}(-\d{2}(-\d{2})?)?$')">
        <time datetime="{@when}">
          <xsl:apply-templates mode="#current"/>
        </time>
      </xsl:when>
      <xsl:when test="$otherwise">
        <span class="{$otherwise}">
          <xsl:apply-templates mode="#current"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="#current"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
