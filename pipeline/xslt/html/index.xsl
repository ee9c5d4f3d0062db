<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: the collection summary -> index.html.
  Input (no namespace), written by the pipeline after the per-document runs:
    <collection>
      <document href="NAME.html" text="../text/NAME.txt" source="NAME.txt"
                publisher="Site name" words="312" title="..." id="doc-NAME"
                names="40" dates="12" corrections="3"/>
    </collection>
  Documents are listed in the summary's order: the pipeline decides it.
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

  <xsl:template match="/collection">
    <xsl:variable name="root" select="."/>
    <xsl:variable name="words" select="sum(document/@words[. castable as xs:integer] ! xs:integer(.))"/>
    <xsl:call-template name="a:html-page">
      <xsl:with-param name="lang" select="string((@xml:lang, 'en')[1])"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$site-title}</h1>
        <xsl:text>&#10;</xsl:text>
        <p class="totals">{count(document)} documents, {format-number($words, '#,##0')} words.</p>
        <xsl:text>&#10;</xsl:text>
        <table class="documents">
          <thead>
            <tr><th scope="col">Title</th><th scope="col">Source</th>
              <th scope="col" class="num">Words</th><th scope="col" class="num">Names</th>
              <th scope="col" class="num">Dates</th><th scope="col" class="num">OCR corrections</th>
              <th scope="col">Plain text</th></tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="document"/>
          </tbody>
          <tfoot>
            <tr><th scope="row" colspan="2">{count(document)} documents</th>
              <td class="num" data-label="Words">{format-number($words, '#,##0')}</td>
              <xsl:for-each select="'names', 'dates', 'corrections'">
                <xsl:variable name="field" select="."/>
                <td class="num" data-label="{a:column-label(.)}">{format-number(sum($root/document/@*[local-name() = $field]
                                                  [. castable as xs:integer] ! xs:integer(.)), '#,##0')}</td>
              </xsl:for-each>
              <td/></tr>
          </tfoot>
        </table>
        <xsl:text>&#10;</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/*[not(self::collection)]">
    <xsl:message terminate="yes">index.xsl: expected a collection summary, got {name()}</xsl:message>
  </xsl:template>

  <!-- One row per document; a missing title falls back to the file name so
       that no document is unreachable from the index. -->
  <xsl:template match="document">
    <xsl:variable name="name" select="replace(string((@href, @source)[1]), '\.[^.]*$', '')"/>
    <!-- The prefix decides, as on the document pages (@text, from the digest,
         holds the default one): with no text editions (''), no link. -->
    <xsl:variable name="text-href" select="$text-href-prefix[.] ! (. || $name || '.txt')"/>
    <xsl:text>&#10;</xsl:text>
    <tr>
      <xsl:if test="@id"><xsl:attribute name="id" select="@id"/></xsl:if>
      <td><a href="{@href}">{(@title[normalize-space()], @source, @href)[1]}</a></td>
      <td data-label="Source">{@publisher[normalize-space()] ! (. || ', ')}<code>{@source}</code></td>
      <xsl:for-each select="@words, @names, @dates, @corrections">
        <td class="num" data-label="{a:column-label(local-name())}">{if (. castable as xs:integer) then format-number(xs:integer(.), '#,##0') else ''}</td>
      </xsl:for-each>
      <td data-label="Plain text"><xsl:if test="$text-href"><a href="{$text-href}">text</a></xsl:if></td>
    </tr>
  </xsl:template>

  <!-- A column's heading, which a narrow screen shows before each cell
       (data-label, archive.css) when it stacks the rows. -->
  <xsl:function name="a:column-label" as="xs:string">
    <xsl:param name="field" as="xs:string"/>
    <xsl:sequence select="map {'words': 'Words', 'names': 'Names', 'dates': 'Dates',
                                'corrections': 'OCR corrections'}($field)"/>
  </xsl:function>

</xsl:stylesheet>
