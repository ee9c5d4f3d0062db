<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page shell shared by every page (documents, index, registers,
  chronology, map, search), so that every page has the same head, landmarks,
  navigation, search box and footer. Everything it links is a local file.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- The page of a register ('person', 'place' or 'org') for an initial
       (a to z, 'other') or for the names with no entry ('unlisted'): the
       overview's name with "-a" before ".html" (places.html: places-a.html).
       pipeline/editions/pieces.py files the pages by the same rule. -->
  <xsl:function name="a:register-page" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="part" as="xs:string"/>
    <xsl:variable name="overview" select="map {'person': $persons-href, 'place': $places-href,
                                               'org': $organisations-href}($kind)"/>
    <xsl:sequence select="replace($overview, '\.html$', '') || '-' || $part || '.html'"/>
  </xsl:function>

  <!-- A count as readers write it: 273,401. -->
  <xsl:function name="a:n" as="xs:string">
    <xsl:param name="count"/>
    <xsl:sequence select="format-number(xs:integer($count), '#,##0')"/>
  </xsl:function>

  <!-- The initial a register files an entry under, by its id: a to z, or
       'other' (pipeline.pieces.initial). -->
  <xsl:function name="a:initial" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:variable name="first" select="lower-case(substring($key, 1, 1))"/>
    <xsl:sequence select="if (matches($first, '^[a-z]$')) then $first else 'other'"/>
  </xsl:function>

  <!-- $title: the page's own title (the site title is added);
       $nav: extra links after the link home; $content: what goes in main. -->
  <xsl:template name="a:html-page">
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <xsl:param name="nav" as="node()*" select="()"/>
    <xsl:param name="content" as="node()*" required="yes"/>
    <!-- $credit: a line of the footer before the build line (the
         attribution of a text from another project, html.xsl). -->
    <xsl:param name="credit" as="node()*" select="()"/>
    <!-- $head: what one page alone loads (the map page: Leaflet and map.js),
         before the edition's own style sheet, so archive.css has the last word. -->
    <xsl:param name="head" as="node()*" select="()"/>
    <!-- $search-box: false on the search page, whose own box is the one box. -->
    <xsl:param name="search-box" as="xs:boolean" select="true()"/>
    <!-- indent="no" keeps text exactly as encoded; the explicit newlines
         only make the page source readable and keep blocks apart in
         extracted text. -->
    <html lang="{$lang}">
      <head>
        <xsl:text>&#10;</xsl:text>
        <meta charset="UTF-8"/>
        <xsl:text>&#10;</xsl:text>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <xsl:text>&#10;</xsl:text>
        <title>{string-join(($title, $site-title), ' – ')}</title>
        <xsl:text>&#10;</xsl:text>
        <xsl:for-each select="$head">
          <xsl:sequence select="."/>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
        <link rel="stylesheet" href="{$css-href}"/>
        <xsl:text>&#10;</xsl:text>
        <script src="{$script-href}" defer="defer"></script>
        <xsl:text>&#10;</xsl:text>
      </head>
      <xsl:text>&#10;</xsl:text>
      <body>
        <xsl:text>&#10;</xsl:text>
        <a class="skip" href="#main">Skip to content</a>
        <xsl:text>&#10;</xsl:text>
        <header class="site">
          <nav aria-label="Archive">
            <a class="home" href="{$index-href}">{$site-title}</a>
            <xsl:text>&#10;</xsl:text>
            <a href="{$persons-href}">Persons</a>
            <xsl:text>&#10;</xsl:text>
            <a href="{$places-href}">Places</a>
            <xsl:text>&#10;</xsl:text>
            <a href="{$organisations-href}">Organisations</a>
            <xsl:text>&#10;</xsl:text>
            <a href="{$chronology-href}">Chronology</a>
            <xsl:text>&#10;</xsl:text>
            <a href="{$map-href}">Map</a>
            <xsl:for-each select="$nav">
              <xsl:text>&#10;</xsl:text>
              <xsl:sequence select="."/>
            </xsl:for-each>
          </nav>
          <xsl:if test="$search-box">
            <xsl:text>&#10;</xsl:text>
            <form class="search" role="search" action="{$search-href}" method="get">
              <label for="site-search">Search</label>
              <xsl:text> </xsl:text>
              <input type="search" id="site-search" name="q"/>
              <xsl:text> </xsl:text>
              <button type="submit">Search</button>
            </form>
          </xsl:if>
        </header>
        <xsl:text>&#10;</xsl:text>
        <main id="main">
          <xsl:text>&#10;</xsl:text>
          <xsl:sequence select="$content"/>
        </main>
        <xsl:text>&#10;</xsl:text>
        <footer class="site">
          <xsl:if test="exists($credit)">
            <xsl:sequence select="$credit"/>
            <xsl:text>&#10;</xsl:text>
          </xsl:if>
          <!-- Build date and version come from parameters, never the clock. -->
          <p>Built <time datetime="{$build-date}">{$build-date}</time>
            <xsl:if test="$pipeline-version">{' '}with archive pipeline {$pipeline-version}</xsl:if>.</p>
        </footer>
        <xsl:text>&#10;</xsl:text>
      </body>
    </html>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
