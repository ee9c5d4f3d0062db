<?xml version="1.0" encoding="UTF-8"?>
<!--
  Every stylesheet parameter of the edition stylesheets, and nothing else.
  Entry stylesheets include this module; no other module declares xsl:param
  at the top level, so this is the one list a caller has to know.
  Callers set string parameters with make_string_value and integer ones with
  make_integer_value (an xs:string is not converted to xs:integer).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <!-- Date printed as "built on" in page footers. A parameter, not
       current-date(), so that the same input gives byte-identical output. -->
  <xsl:param name="build-date" as="xs:string" select="'2026-11-20'"/>

  <!-- URI of the style sheet, relative to the generated HTML page. -->
  <xsl:param name="css-href" as="xs:string" select="'archive.css'"/>

  <!-- URI of the collection index, relative to a document page; every page
       links back to it. -->
  <xsl:param name="index-href" as="xs:string" select="'index.html'"/>

  <!-- URI of the chronology page (every dated passage), relative to a page. -->
  <xsl:param name="chronology-href" as="xs:string" select="'chronology.html'"/>

  <!-- URI of the map page (every place of the authority file with
       coordinates), relative to a page; a register entry on the map links to
       MAP#KEY, which opens the map on that place. -->
  <xsl:param name="map-href" as="xs:string" select="'map.html'"/>

  <!-- Tiles under the map page's markers: a URL template with {z} (zoom),
       {x} and {y} (the tile) and optionally {s} (a subdomain), as Leaflet's
       L.tileLayer reads it; relative for tiles published with the edition
       (tiles/{z}/{x}/{y}.png). Empty: no tile layer, the markers on a plain
       background and no request outside the edition. Only map.html asks
       for tiles. -->
  <xsl:param name="map-tiles" as="xs:string"
             select="'https://tile.openstreetmap.org/{z}/{x}/{y}.png'"/>

  <!-- The credit the tiles' provider requires, shown in the map's corner
       (HTML: a link is allowed); the default is OpenStreetMap's, for the
       default tiles. Not shown without tiles. -->
  <xsl:param name="map-attribution" as="xs:string"
             select="'© &lt;a href=&quot;https://www.openstreetmap.org/copyright&quot;&gt;OpenStreetMap&lt;/a&gt; contributors'"/>

  <!-- The registers and the search page, relative to a page; a name links
       to REGISTER#KEY, KEY being the authority id. -->
  <xsl:param name="persons-href" as="xs:string" select="'persons.html'"/>
  <xsl:param name="places-href" as="xs:string" select="'places.html'"/>
  <xsl:param name="organisations-href" as="xs:string" select="'organisations.html'"/>
  <xsl:param name="search-href" as="xs:string" select="'search.html'"/>

  <!-- Script of the pages (search; keeps the view switch in step with
       links into a hidden view). Pages work without it. -->
  <xsl:param name="script-href" as="xs:string" select="'archive.js'"/>

  <!-- Where the plain-text editions live, relative to a document page; the
       page's Download list links PREFIX + NAME + '.txt' and '.diplomatic.txt'
       (NAME = xml:id without "doc-"), and the index the same. Empty: there
       are no text editions beside this one (an HTML-only export), and no
       page or index links any, so none 404s; './' is the pages' directory. -->
  <xsl:param name="text-href-prefix" as="xs:string" select="'../text/'"/>

  <!-- Where the PDFs of the document pages are, relative to a page
       ('pdf/' when the export was asked for PDFs: pdf/NAME.pdf, printed
       from the page by WeasyPrint, pipeline/editions/pdf.py); the page's
       Download list then links its PDF with its size. Empty, the default:
       the export made no PDFs and no page promises one. -->
  <xsl:param name="pdf-href-prefix" as="xs:string" select="''"/>

  <!-- Maximum line length, in characters, of the plain-text edition. A word
       longer than this stays whole on a line of its own. -->
  <xsl:param name="line-width" as="xs:integer" select="78"/>

  <!-- View of the plain-text edition: 'reading' (corrections applied, web
       furniture, citation marks and editorial notes left out) or
       'diplomatic' (the text as printed, damage and all). The HTML page
       always carries both views. -->
  <xsl:param name="view" as="xs:string" select="'reading'"/>

  <!-- Address under which the edition is published, ending in '/'
       (https://archive.example.org/editions/). When set, the "cite this
       edition" line gives each page's full URL; empty: the file name. -->
  <xsl:param name="base-url" as="xs:string" select="''"/>

  <!-- Who edits the archive, for the "cite this edition" line ("edited by
       EDITOR"). Empty: the citation names no editor rather than a made-up one. -->
  <xsl:param name="editor" as="xs:string" select="''"/>

  <!-- Name of the whole archive: page titles, site header, index heading. -->
  <xsl:param name="site-title" as="xs:string" select="'Digital Archive'"/>

  <!-- Version of the pipeline that builds the editions, shown in footers.
       Empty means "do not say": the TEI header still records the version
       that encoded the text. -->
  <xsl:param name="pipeline-version" as="xs:string" select="''"/>

</xsl:stylesheet>
