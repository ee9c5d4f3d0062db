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

  <!-- The readers' paragraphs and source lines of the panel. -->
  <xsl:include href="about.xsl"/>

  <xsl:template match="title" mode="a:bibl">
    <cite><xsl:apply-templates mode="#current"/></cite>
  </xsl:template>

  <xsl:template name="a:source-panel">
    <xsl:param name="facts" as="map(xs:string, item()*)" required="yes"/>
    <xsl:variable name="page" select="a:doc-name(.)[.] ! (. || '.html')"/>
    <!-- The page a citation names: ours by their name, another project's
         by its file's (a:foreign-citation). -->
    <xsl:variable name="cite-page" as="xs:string?"
                  select="if (a:foreign(.)) then a:page-stem(.)[.] ! (. || '.html') else $page"/>
    <aside class="source-panel" id="about" aria-labelledby="about-title">
      <xsl:text>&#10;</xsl:text>
      <h2 id="about-title">About this text</h2>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="a:about-text">
        <xsl:with-param name="facts" select="$facts"/>
      </xsl:call-template>
      <dl>
        <dt>Title</dt>
        <dd>{$facts?title}</dd>
        <xsl:call-template name="a:source-lines">
          <xsl:with-param name="facts" select="$facts"/>
        </xsl:call-template>
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
          <dd>archive pipeline {$pipeline-version}, <time datetime="{$build-date}">{a:point-in-words($build-date)}</time></dd>
        </xsl:if>
        <xsl:if test="exists($facts?generated)">
          <dt>TEI last changed</dt>
          <dd><time datetime="{$facts?generated}">{a:point-in-words($facts?generated)}</time></dd>
        </xsl:if>
        <!-- Ours in words (the header's account stays in the TEI); another
             project's statement as it wrote it for its readers. -->
        <xsl:if test="exists($facts?correction)">
          <dt>Corrections</dt>
          <dd>{if (a:foreign(.)) then $facts?correction else a:corrections-in-words(root(.)/TEI)}</dd>
        </xsl:if>
      </dl>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="a:downloads"/>
      <h3 id="cite-title">Cite this edition</h3>
      <xsl:text>&#10;</xsl:text>
      <!-- data-url: the address cite.js gives a passage's citation. -->
      <p class="citation" aria-labelledby="cite-title">
        <xsl:if test="exists($cite-page)">
          <xsl:attribute name="data-url" select="a:cite-url($cite-page)"/>
        </xsl:if>
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
      <xsl:call-template name="a:cite-passage-note">
        <xsl:with-param name="page" select="$cite-page"/>
      </xsl:call-template>
    </aside>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- The citation of our own text, as a citation reads: “Title.” Site,
       edited by EDITOR (when there is one). Digital edition (TEI P5) of its
       source, with the file's checksum. Built DATE. Address. -->
  <xsl:template name="a:citation">
    <xsl:param name="facts" as="map(xs:string, item()*)" required="yes"/>
    <xsl:param name="page" as="xs:string?" required="yes"/>
    <xsl:variable name="of" select="string-join(($facts?publisher,
                                      $facts?source-file ! ('source file ' || .)), ', ')[.]"/>
    <xsl:text>“{$facts?title}.” </xsl:text>
    <cite>{$site-title}</cite>
    <xsl:text>{$editor[.] ! (', edited by ' || .)}. Digital edition (TEI P5){
      $of ! (' of ' || .)}{$facts?sha256 ! (' (SHA-256 ' || substring(., 1, 16) || '…)')}. </xsl:text>
    <xsl:call-template name="a:built"/>
    <xsl:choose>
      <xsl:when test="exists($page)">
        <xsl:call-template name="a:cite-address">
          <xsl:with-param name="page" select="$page"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>{string(/TEI/@xml:id)}</xsl:otherwise>
    </xsl:choose>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- "Built DATE with archive pipeline V. ": the edition's version, which
       the reader's own "accessed" date goes beside. -->
  <xsl:template name="a:built">
    <xsl:text>Built {$build-date}{
      if ($pipeline-version) then ' with archive pipeline ' || $pipeline-version else ''}. </xsl:text>
  </xsl:template>

  <!-- The citation of a text from another project, made from its credits
       (common/header.xsl, a:citation-parts): it has no source file or
       publisher of ours, which would leave holes ("of ;"). -->
  <xsl:template name="a:foreign-citation">
    <xsl:variable name="page" select="a:page-stem(.)[.] ! (. || '.html')"/>
    <xsl:text>{string-join(a:citation-parts(.), ' ')} In </xsl:text>
    <cite>{$site-title}</cite>
    <xsl:text>{$editor[.] ! (', edited by ' || .)}. </xsl:text>
    <xsl:call-template name="a:built"/>
    <xsl:if test="exists($page)">
      <xsl:call-template name="a:cite-address">
        <xsl:with-param name="page" select="$page"/>
      </xsl:call-template>
      <xsl:text>.</xsl:text>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
