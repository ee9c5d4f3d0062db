<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: one TEI document -> one HTML5 page with both views.
  The text is rendered twice by the shared templates of common/ with the
  HTML hooks of render.xsl: in mode "reading" and in mode "diplomatic"
  (ids of the second prefixed "d-"). Two radio buttons before them switch
  views through archive.css alone, so the switch works without script and
  without a reload. After the text: the OCR apparatus (apparatus.xsl) and
  the source panel with a citation (source.xsl).
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
  <xsl:include href="../common/editorial.xsl"/>
  <xsl:include href="../common/phrases.xsl"/>
  <xsl:include href="../common/verse.xsl"/>
  <xsl:include href="../common/blocks.xsl"/>
  <xsl:include href="../common/drama.xsl"/>
  <xsl:include href="../common/front.xsl"/>
  <xsl:include href="../common/words.xsl"/>
  <xsl:include href="../common/lists.xsl"/>
  <xsl:include href="../common/letters.xsl"/>
  <xsl:include href="../common/figures.xsl"/>
  <xsl:include href="../common/names.xsl"/>
  <xsl:include href="page.xsl"/>
  <xsl:include href="render.xsl"/>
  <xsl:include href="apparatus.xsl"/>
  <xsl:include href="source.xsl"/>
  <xsl:include href="cite.xsl"/>

  <!-- Saxon would add its own meta element for the encoding; page.xsl
       writes <meta charset> itself, so the output has exactly one. -->
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
              include-content-type="no"/>

  <xsl:template match="/TEI">
    <xsl:variable name="facts" select="a:header-facts(.)"/>
    <xsl:call-template name="a:html-page">
      <xsl:with-param name="title" select="$facts?title"/>
      <xsl:with-param name="lang" select="string((@xml:lang, 'en')[1])"/>
      <!-- The text editions are in the Download list of the source panel
           (cite.xsl), with the TEI, not in the navigation. -->
      <xsl:with-param name="head" as="node()*">
        <link rel="stylesheet" href="cite.css"/>
        <script src="cite.js" defer="defer"></script>
      </xsl:with-param>
      <!-- A text from another project names its makers and licence at the
           foot of the page too: attribution travels with every copy. -->
      <xsl:with-param name="credit" as="node()*">
        <xsl:if test="a:foreign(.)">
          <xsl:call-template name="a:footer-credit"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <!-- When the text opens with the title as its first head, that head
             is the h1 (with its line breaks) and is not repeated below. -->
        <xsl:variable name="title-head" select="a:title-head(.)"/>
        <h1 data-pagefind-meta="title">
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
        <xsl:call-template name="views"/>
        <xsl:apply-templates select="a:search"/>
        <xsl:call-template name="a:apparatus"/>
        <xsl:if test="a:foreign(.)">
          <xsl:call-template name="a:credits-panel"/>
        </xsl:if>
        <xsl:call-template name="a:source-panel">
          <xsl:with-param name="facts" select="$facts"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The radio buttons come first so that archive.css can hide the view
       that is not checked (input:checked ~ .view); their labels are the
       visible switch. The reading view is checked: links from registers,
       the chronology and the apparatus land in it. -->
  <xsl:template name="views">
    <div class="views">
      <xsl:text>&#10;</xsl:text>
      <input type="radio" name="view" id="view-reading" class="view-radio" checked="checked"/>
      <input type="radio" name="view" id="view-diplomatic" class="view-radio"/>
      <xsl:text>&#10;</xsl:text>
      <div class="view-switch" role="group" aria-label="Choose a view of the text">
        <label for="view-reading">Reading text</label>
        <xsl:text> </xsl:text>
        <label for="view-diplomatic">As printed (diplomatic)</label>
      </div>
      <xsl:text>&#10;</xsl:text>
      <!-- The search index (Pagefind, pipeline/editions/search.py) reads this view only. -->
      <div class="view reading" id="reading" aria-label="Reading text" data-pagefind-body="">
        <xsl:text>&#10;</xsl:text>
        <xsl:apply-templates select="text" mode="reading"/>
      </div>
      <xsl:text>&#10;</xsl:text>
      <div class="view diplomatic" id="diplomatic" aria-label="Diplomatic text, as printed">
        <xsl:text>&#10;</xsl:text>
        <p class="view-note">The text as printed in the source: damaged words as they
          stand (the reading on hover or focus), running heads, web furniture and
          citation marks included.</p>
        <xsl:text>&#10;</xsl:text>
        <!-- The front's date is above both views; its web furniture is printed here. -->
        <xsl:apply-templates select="text/front/(node() except docDate), text" mode="diplomatic">
          <xsl:with-param name="id-prefix" select="'d-'" tunnel="yes"/>
          <xsl:with-param name="as-printed" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
      </div>
      <xsl:text>&#10;</xsl:text>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Credits of a text from another project (header.xsl: a:credits):
       one dt/dd per fact, the licence linked. -->
  <xsl:template name="a:credits-panel">
    <xsl:variable name="credits" select="a:credits(.)"/>
    <xsl:if test="exists($credits)">
      <section class="credits source-panel" id="credits" aria-labelledby="credits-title">
        <xsl:text>&#10;</xsl:text>
        <h2 id="credits-title">Credits</h2>
        <xsl:text>&#10;</xsl:text>
        <dl>
          <xsl:for-each select="$credits">
            <dt>{@label}</dt>
            <dd>
              <xsl:choose>
                <xsl:when test="@href"><a rel="license" href="{@href}">{.}</a></xsl:when>
                <xsl:otherwise>{.}</xsl:otherwise>
              </xsl:choose>
            </dd>
          </xsl:for-each>
        </dl>
        <xsl:text>&#10;</xsl:text>
      </section>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- The page foot of a text from another project: who made it available
       and under which licence. -->
  <xsl:template name="a:footer-credit">
    <xsl:variable name="ps" select="teiHeader/fileDesc/publicationStmt"/>
    <xsl:variable name="by" select="string-join(teiHeader/fileDesc/titleStmt/author ! a:plain(.)[.], ', ')[.],
                                    ($ps/(publisher, authority, distributor))[normalize-space()][1] ! a:plain(.)"/>
    <xsl:variable name="licence" select="($ps/availability//licence)[1]"/>
    <xsl:if test="exists($by) or exists($licence)">
      <p class="credit">
        <xsl:text>Text: {string-join($by, '; ')}</xsl:text>
        <xsl:if test="exists($licence)">
          <xsl:text>{if (exists($by)) then '. ' else ''}</xsl:text>
          <xsl:choose>
            <xsl:when test="$licence/@target[normalize-space()]">
              <a rel="license" href="{$licence/@target}">{(a:plain($licence)[.], string($licence/@target))[1]}</a>
            </xsl:when>
            <xsl:otherwise>{a:plain($licence)}</xsl:otherwise>
          </xsl:choose>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- The search filters of the page (set in memory by pipeline/editions/search.py):
       Pagefind reads them; readers never see them. -->
  <xsl:template match="a:search">
    <div class="search-filters" hidden="hidden">
      <xsl:for-each select="a:filter">
        <span data-pagefind-filter="{@name}">{.}</span>
      </xsl:for-each>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Anything but a TEI document is a caller's mistake: fail loudly rather
       than write an empty page. -->
  <xsl:template match="/*[not(self::TEI)]">
    <xsl:message terminate="yes">html.xsl: expected a TEI document, got {name()}</xsl:message>
  </xsl:template>

</xsl:stylesheet>
