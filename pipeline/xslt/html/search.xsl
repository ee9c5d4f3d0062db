<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: <search><bundle href="pagefind-0/"/>…</search> -> search.html,
  the page the search box of every page submits to (?q=...). Pagefind's own
  interface (pagefind-ui.js of the first bundle) answers the query from the
  bundles pipeline/editions/search.py made, merged into one search; search.js
  only starts it, hands it the query and makes each result link to its
  passage. Pagefind fetches its index, so the page needs the edition to be
  served over HTTP; opened from disk it says so.
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
    <xsl:variable name="first" select="string(bundle[1]/@href)"/>
    <xsl:call-template name="a:html-page">
      <xsl:with-param name="title" select="'Search'"/>
      <!-- Pagefind's box is the page's one search box. -->
      <xsl:with-param name="search-box" select="false()"/>
      <xsl:with-param name="head" as="node()*">
        <xsl:if test="$first">
          <link rel="stylesheet" href="{$first}pagefind-ui.css"/>
          <script src="{$first}pagefind-ui.js" defer="defer"></script>
        </xsl:if>
        <script src="search.js" defer="defer"></script>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <h1>Search</h1>
        <xsl:text>&#10;</xsl:text>
        <p class="search-help">All the words you type are looked for in the reading
          text of every document; a word also finds the words it begins. Narrow the
          results by person, place, organisation or year.</p>
        <xsl:text>&#10;</xsl:text>
        <div id="search" data-bundles="{string-join(bundle/@href, ' ')}"></div>
        <xsl:text>&#10;</xsl:text>
        <noscript><p class="notice">Searching needs JavaScript. Without it, the
          <a href="{$persons-href}">registers</a> and the
          <a href="{$index-href}">list of documents</a> lead to every text.</p></noscript>
        <xsl:text>&#10;</xsl:text>
        <p class="notice" id="search-offline" hidden="hidden">Search works when the
          edition is served by a web server (for a copy on disk:
          <code>python3 -m http.server</code> in its folder, then open
          <code>http://localhost:8000/search.html</code>). The
          <a href="{$persons-href}">registers</a> and the
          <a href="{$index-href}">list of documents</a> work from disk too.</p>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="not($first)">
          <p class="notice">No document has been published yet.</p>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/*[not(self::search)]">
    <xsl:message terminate="yes">search.xsl: expected search, got {name()}</xsl:message>
  </xsl:template>

</xsl:stylesheet>
