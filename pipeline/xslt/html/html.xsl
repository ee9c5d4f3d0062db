<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: one TEI document -> one HTML5 page, reading edition.
  The text itself is rendered in mode "reading" by the shared templates of
  common/ with the HTML hooks of render.xsl; this module only builds the
  page around it. The diplomatic view will be a sibling entry (or mode)
  reusing everything but a few mode-specific templates.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:include href="../params.xsl"/>
  <xsl:include href="../common/functions.xsl"/>
  <xsl:include href="../common/header.xsl"/>
  <xsl:include href="../common/textstructure.xsl"/>
  <xsl:include href="../common/core.xsl"/>
  <xsl:include href="../common/transcr.xsl"/>
  <xsl:include href="../common/omit.xsl"/>
  <xsl:include href="../common/notes.xsl"/>
  <xsl:include href="../common/lists.xsl"/>
  <xsl:include href="../common/letters.xsl"/>
  <xsl:include href="../common/figures.xsl"/>
  <xsl:include href="page.xsl"/>
  <xsl:include href="render.xsl"/>

  <!-- Saxon would add its own meta element for the encoding; page.xsl
       writes <meta charset> itself, so the output has exactly one. -->
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
              include-content-type="no"/>

  <xsl:template match="/TEI">
    <xsl:variable name="facts" select="a:header-facts(.)"/>
    <xsl:call-template name="a:html-page">
      <xsl:with-param name="title" select="$facts?title"/>
      <xsl:with-param name="lang" select="string((@xml:lang, 'en')[1])"/>
      <!-- Without a name there is no known text-edition file to link to. -->
      <xsl:with-param name="nav" as="node()*">
        <xsl:if test="a:doc-name(.)">
          <a href="{$text-href-prefix}{a:doc-name(.)}.txt">Plain text</a>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <!-- When the text opens with the title as its first head, that head
             is the h1 (with its line breaks) and is not repeated below. -->
        <xsl:variable name="title-head" select="a:title-head(.)"/>
        <h1>
          <xsl:choose>
            <xsl:when test="exists($title-head)">
              <xsl:apply-templates select="$title-head/node()" mode="reading"/>
            </xsl:when>
            <xsl:otherwise>{$facts?title}</xsl:otherwise>
          </xsl:choose>
        </h1>
        <xsl:text>&#10;</xsl:text>
        <!-- Front matter: the document's date, under the title. -->
        <xsl:apply-templates select="text/front" mode="reading"/>
        <xsl:call-template name="source-note">
          <xsl:with-param name="facts" select="$facts"/>
        </xsl:call-template>
        <xsl:text>&#10;</xsl:text>
        <div class="text">
          <xsl:text>&#10;</xsl:text>
          <xsl:apply-templates select="text" mode="reading"/>
        </div>
        <xsl:text>&#10;</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Anything but a TEI document is a caller's mistake: fail loudly rather
       than write an empty page. -->
  <xsl:template match="/*[not(self::TEI)]">
    <xsl:message terminate="yes">html.xsl: expected a TEI document, got {name()}</xsl:message>
  </xsl:template>

  <!-- Where the text came from, so a reader can trace it to its seed file.
       Facts the header lacks are left out rather than shown empty. -->
  <xsl:template name="source-note">
    <xsl:param name="facts" as="map(xs:string, item())" required="yes"/>
    <aside class="source-note" aria-labelledby="source-note-title">
      <h2 id="source-note-title">About this text</h2>
      <dl>
        <xsl:if test="exists($facts?source-file)">
          <dt>Source file</dt>
          <dd><code>{$facts?source-file}</code></dd>
        </xsl:if>
        <xsl:if test="exists($facts?sha256)">
          <dt>SHA-256</dt>
          <dd><code class="checksum">{$facts?sha256}</code></dd>
        </xsl:if>
        <dt>Words</dt>
        <dd>{format-number($facts?words, '#,##0')}</dd>
        <xsl:if test="exists($facts?application)">
          <dt>Encoded by</dt>
          <dd>{$facts?application}</dd>
        </xsl:if>
        <xsl:if test="exists($facts?generated)">
          <dt>Generated</dt>
          <dd><time datetime="{$facts?generated}">{$facts?generated}</time></dd>
        </xsl:if>
      </dl>
    </aside>
  </xsl:template>

</xsl:stylesheet>
