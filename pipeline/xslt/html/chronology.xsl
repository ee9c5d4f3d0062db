<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: every dated passage of every document, an overview
  (chronology.html) and a page per year (chronology-1944.html), from inputs
  (no namespace) written by pipeline/editions/collection.py:
    <chronology dates="142" documents="5">
      <year name="1939" dates="12" documents="3"/>...  (and name="yearless")
    </chronology>
      the overview: totals and every year with its totals;
    <chronology-part year="1939" dates="12" documents="3" previous="1938" next="1940"/>
      the page of a year: titles, totals, links to the years around it and a
      table whose rows are left as the comment "part:rows" for the pipeline
      to fill: sorted by @key (the start: when, from or notBefore), then by
      their end. Days and months printed without a year (year="yearless")
      cannot be placed on the time line and come apart, by month and day;
    <doc-rows><date href="NAME.html#date-3" doc="Title" key="1939-04-07" when="1939-04-07">
        <surface>7 April 1939</surface><context>The sentence it stands in.</context>
      </date>...</doc-rows>
      the rows of one document, each after a comment "piece": made once per
      document (pipeline/editions/pieces.py), so that a changed document renders its
      own rows again and no other. A date may carry @cert, @evidence and @inferred
      (its certainty, when the pipeline inferred it).
  Readers see dates in words (a:date-in-words, ../common/datewords.xsl), the ISO
  value in the title; a row's id is NAME-date-3, where the document's date links
  (render-dates.xsl, from the a:row the export sets), and the row links back to NAME.html#date-3.
  Dates of bibliographic references have no rows (digest.py, cited_date).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:include href="../params.xsl"/>
  <xsl:include href="page.xsl"/>
  <xsl:include href="../common/datewords.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
              include-content-type="no"/>

  <xsl:template match="/chronology">
    <xsl:call-template name="a:html-page">
      <xsl:with-param name="title" select="'Chronology'"/>
      <xsl:with-param name="content" as="node()*">
        <h1>Chronology</h1>
        <xsl:text>&#10;</xsl:text>
        <p class="totals">{a:totals(.)}.</p>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="year[@name ne 'yearless']">
          <table class="years">
            <caption>Years, earliest first</caption>
            <thead>
              <tr><th scope="col">Year</th><th scope="col" class="num">Dated passages</th>
                <th scope="col" class="num">Documents</th></tr>
            </thead>
            <tbody>
              <xsl:for-each select="year[@name ne 'yearless']">
                <xsl:text>&#10;</xsl:text>
                <tr><td><a href="{a:year-page(@name)}">{@name}</a></td>
                  <td class="num">{a:n(@dates)}</td><td class="num">{a:n(@documents)}</td></tr>
              </xsl:for-each>
            </tbody>
          </table>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <xsl:for-each select="year[@name eq 'yearless']">
          <p><a href="{a:year-page(@name)}">{a:counted(@dates, 'day or month', 'days and months')}
            printed without a year</a>, in {a:counted(@documents, 'document', 'documents')}.</p>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/chronology-part">
    <xsl:variable name="yearless" select="@year eq 'yearless'"/>
    <xsl:variable name="title" select="if ($yearless) then 'Chronology: without a year'
                                       else 'Chronology: ' || @year"/>
    <xsl:call-template name="a:html-page">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$title}</h1>
        <xsl:text>&#10;</xsl:text>
        <p class="totals">{a:totals(.)}.</p>
        <xsl:text>&#10;</xsl:text>
        <nav class="years" aria-label="Years">
          <xsl:if test="@previous"><a href="{a:year-page(@previous)}" rel="prev">← {@previous}</a><xsl:text> · </xsl:text></xsl:if>
          <a href="{$chronology-href}">All years</a>
          <xsl:if test="@next"><xsl:text> · </xsl:text><a href="{a:year-page(@next)}" rel="next">{@next} →</a></xsl:if>
        </nav>
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="table">
          <xsl:with-param name="part" select="'rows'"/>
          <xsl:with-param name="caption" select="if ($yearless) then
            'Days and months printed without a year, by month and day'
            else 'Dated passages of ' || @year || ', earliest first'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- "1 dated passage in 1 document", "12 dated passages in 3 documents". -->
  <xsl:function name="a:totals" as="xs:string">
    <xsl:param name="counts" as="element()"/>
    <xsl:sequence select="a:counted($counts/@dates, 'dated passage', 'dated passages') || ' in '
                          || a:counted($counts/@documents, 'document', 'documents')"/>
  </xsl:function>

  <xsl:function name="a:counted" as="xs:string">
    <xsl:param name="count" as="xs:string?"/>
    <xsl:param name="one" as="xs:string"/>
    <xsl:param name="many" as="xs:string"/>
    <xsl:sequence select="a:n($count) || ' ' || (if (number($count) eq 1) then $one else $many)"/>
  </xsl:function>

  <!-- The page of a year: the overview's name with "-YEAR" before ".html". -->
  <xsl:function name="a:year-page" as="xs:string">
    <xsl:param name="year" as="xs:string"/>
    <xsl:sequence select="replace($chronology-href, '\.html$', '') || '-' || $year || '.html'"/>
  </xsl:function>

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

  <!-- One row: the date in words (its ISO value in the title and, where HTML
       can read it, in @datetime), the sentence with the date marked, and a link
       to the very spot in the document, which links here: the row's id is the
       document's stem and the date's id (NAME-date-3), as render.xsl links. -->
  <xsl:template match="date">
    <xsl:variable name="surface" select="string(surface)"/>
    <xsl:variable name="context" select="string(context)"/>
    <xsl:variable name="at" select="if (contains($context, $surface)) then
                                    string-length(substring-before($context, $surface)) else -1"/>
    <xsl:text>&#10;</xsl:text>
    <tr id="{substring-before(@href, '.html#')}-{substring-after(@href, '#')}">
      <td class="value{if (@inferred) then ' inferred' else ''}"><time title="{a:date-label(.)}">
          <xsl:if test="matches(@when, '^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$')">
            <xsl:attribute name="datetime" select="@when"/></xsl:if>
          <xsl:value-of select="a:date-in-words(.)"/>
        </time>
        <!-- A value the pipeline worked out from the passage's reference date
             ("April 12th" under a diary entry of 1939, "the next day"): said, with
             its certainty, so a reader can tell it from a date printed in full. -->
        <xsl:if test="@inferred">
          <span class="inferred" title="inferred from the passage's reference date (certainty {@inferred})"> (inferred)</span>
        </xsl:if></td>
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

  <!-- The ISO value, for the title: "1939-04-07", "1942 to 1945",
       "between 1942-09-01 and 1942-11-30" (as functions.xsl's a:date-label). -->
  <xsl:function name="a:date-label" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="
      if ($d/@when) then string($d/@when)
      else if ($d/@from or $d/@to) then
        string-join((($d/@from, '?')[1], ($d/@to, '?')[1]) ! string(.), ' to ')
      else 'between ' || string-join((($d/@notBefore, '?')[1], ($d/@notAfter, '?')[1])
                                     ! string(.), ' and ')"/>
  </xsl:function>

  <xsl:template match="/*[not(self::chronology or self::chronology-part or self::doc-rows)]">
    <xsl:message terminate="yes">chronology.xsl: expected a chronology, got {name()}</xsl:message>
  </xsl:template>

</xsl:stylesheet>
