<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: <search shards="4"/> -> search.html, the page the search
  box of every page submits to (?q=...). archive.js answers the query from
  search-index.js (the register entries) and its shards search-index-N.js
  (the documents), written by the pipeline (pipeline/editions/collection.py); all
  are local files, so the search works from disk without a server.
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

  <xsl:template match="/search">
    <xsl:call-template name="a:html-page">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="content" as="node()*">
        <h1>Search</h1>
        <xsl:text>&#10;</xsl:text>
        <form class="search-page" role="search" action="{$search-href}" method="get">
          <label for="search-q">Words to find (all of them; accents and case do not
            matter; a word finds the words it begins)</label>
          <xsl:text> </xsl:text>
          <input type="search" id="search-q" name="q"/>
          <xsl:text> </xsl:text>
          <button type="submit">Search</button>
        </form>
        <xsl:text>&#10;</xsl:text>
        <noscript><p class="notice">Searching needs JavaScript. Without it, the
          <a href="{$persons-href}">registers</a> and the
          <a href="{$index-href}">list of documents</a> lead to every text.</p></noscript>
        <xsl:text>&#10;</xsl:text>
        <div id="search-results" aria-live="polite"></div>
        <xsl:text>&#10;</xsl:text>
        <script src="search-index.js" defer="defer"></script>
        <xsl:text>&#10;</xsl:text>
        <xsl:for-each select="0 to xs:integer(@shards) - 1">
          <script src="search-index-{.}.js" defer="defer"></script>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/*[not(self::search)]">
    <xsl:message terminate="yes">search.xsl: expected search, got {name()}</xsl:message>
  </xsl:template>

</xsl:stylesheet>
