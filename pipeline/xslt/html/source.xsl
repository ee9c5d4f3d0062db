<?xml version="1.0" encoding="UTF-8"?>
<!--
  The source panel of a document page: where the text came from (from the
  teiHeader, through a:header-facts), how it was made, and a line to cite
  the edition by. Facts the header lacks are left out, never shown empty.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- Bibliographic lines of the header: titles are cited, the rest is
       text (header dates must not take the text's date-N ids). -->
  <xsl:mode name="a:bibl" on-no-match="text-only-copy"/>

  <xsl:template match="title" mode="a:bibl">
    <cite><xsl:apply-templates mode="#current"/></cite>
  </xsl:template>

  <xsl:template name="a:source-panel">
    <xsl:param name="facts" as="map(xs:string, item()*)" required="yes"/>
    <xsl:variable name="page" select="a:doc-name(.)[.] ! (. || '.html')"/>
    <aside class="source-panel" id="about" aria-labelledby="about-title">
      <xsl:text>&#10;</xsl:text>
      <h2 id="about-title">About this text</h2>
      <xsl:text>&#10;</xsl:text>
      <dl>
        <dt>Title</dt>
        <dd>{$facts?title}</dd>
        <xsl:if test="exists($facts?publisher) or exists($facts?source-date)">
          <dt>Source</dt>
          <dd>{string-join(($facts?publisher, $facts?source-date ! normalize-space()), ', ')}</dd>
        </xsl:if>
        <xsl:for-each select="$facts?originals">
          <dt>Original publication</dt>
          <dd><xsl:apply-templates mode="a:bibl"/></dd>
        </xsl:for-each>
        <xsl:if test="exists($facts?source-file)">
          <dt>Source file</dt>
          <dd><code>{$facts?source-file}</code>{$facts?source-extent ! (' (' || . || ')')}</dd>
        </xsl:if>
        <xsl:if test="exists($facts?sha256)">
          <dt>SHA-256 of the source file</dt>
          <dd><code class="checksum">{$facts?sha256}</code></dd>
        </xsl:if>
        <dt>Words</dt>
        <dd>{format-number($facts?words, '#,##0')}</dd>
        <xsl:if test="exists($facts?application)">
          <dt>Encoded by</dt>
          <dd>{$facts?application}</dd>
        </xsl:if>
        <xsl:if test="$pipeline-version">
          <dt>Edition built by</dt>
          <dd>archive pipeline {$pipeline-version}, <time datetime="{$build-date}">{$build-date}</time></dd>
        </xsl:if>
        <xsl:if test="exists($facts?generated)">
          <dt>TEI last changed</dt>
          <dd><time datetime="{$facts?generated}">{$facts?generated}</time></dd>
        </xsl:if>
        <xsl:if test="exists($facts?correction)">
          <dt>Character recognition</dt>
          <dd>{$facts?correction}</dd>
        </xsl:if>
      </dl>
      <xsl:text>&#10;</xsl:text>
      <h3 id="cite-title">Cite this edition</h3>
      <xsl:text>&#10;</xsl:text>
      <p class="citation" aria-labelledby="cite-title">
        <xsl:choose>
          <xsl:when test="a:foreign(.)">
            <xsl:call-template name="a:foreign-citation"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="a:citation">
              <xsl:with-param name="facts" select="$facts"/>
              <xsl:with-param name="page" select="$page"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:text>&#10;</xsl:text>
    </aside>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- The citation of our own text: its source file and checksum. -->
  <xsl:template name="a:citation">
    <xsl:param name="facts" as="map(xs:string, item()*)" required="yes"/>
    <xsl:param name="page" as="xs:string?" required="yes"/>
    <xsl:text>“{$facts?title}.” </xsl:text>
    <cite>{$site-title}</cite>
    <xsl:text>, edited by {$editor}. Digital edition (TEI P5) of {
      string-join(($facts?publisher, $facts?source-file ! ('source file ' || .)), ', ')}{
      $facts?sha256 ! (', SHA-256 ' || substring(., 1, 16) || '…')}; built {$build-date}{
      if ($pipeline-version) then ' with archive pipeline ' || $pipeline-version else ''}. </xsl:text>
    <xsl:choose>
      <xsl:when test="$base-url and exists($page)">
        <a href="{$base-url}{$page}">{$base-url}{$page}</a>
      </xsl:when>
      <xsl:otherwise>{($page, string(/TEI/@xml:id))[1]}</xsl:otherwise>
    </xsl:choose>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- The citation of a text from another project, made from its credits
       (common/header.xsl, a:citation-parts): it has no source file or
       publisher of ours, which would leave holes ("of ;"). -->
  <xsl:template name="a:foreign-citation">
    <xsl:variable name="page" select="a:page-stem(.)[.] ! (. || '.html')"/>
    <xsl:text>{string-join(a:citation-parts(.), ' ')} In </xsl:text>
    <cite>{$site-title}</cite>
    <xsl:text>, edited by {$editor}; built {$build-date}{
      if ($pipeline-version) then ' with archive pipeline ' || $pipeline-version else ''}</xsl:text>
    <xsl:choose>
      <xsl:when test="$base-url and exists($page)">
        <xsl:text>: </xsl:text>
        <a href="{$base-url}{$page}">{$base-url}{$page}</a>
      </xsl:when>
      <xsl:when test="exists($page)">: {$page}</xsl:when>
    </xsl:choose>
    <xsl:text>.</xsl:text>
  </xsl:template>

</xsl:stylesheet>
