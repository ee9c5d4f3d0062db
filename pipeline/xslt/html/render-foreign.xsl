<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML hooks for other projects' TEI (common/editorial.xsl, verse.xsl,
  phrases.xsl, words.xsl: edits, verse, tables, links, page beginnings,
  pictures and figures, quotations), and the ids of the elements a link
  of the file points at, kept apart from render.xsl so that each stays
  short.
  Included by render.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- Hooks for other projects' TEI (common/editorial.xsl, verse.xsl,
       phrases.xsl). -->

  <!-- del and add are HTML's own del and ins; the rest spans. The class is
       the kind (archive.css: struck, raised, dotted, bracketed); the hint
       (reason, extent, place) the title. A gap shows "[…]". -->
  <xsl:template name="a:make-edit">
    <xsl:param name="kind" as="xs:string" required="yes"/>
    <xsl:param name="hint" as="xs:string" select="''"/>
    <xsl:element name="{if ($kind = 'del') then 'del' else if ($kind = 'add') then 'ins' else 'span'}">
      <xsl:attribute name="class" select="$kind"/>
      <xsl:variable name="what" select="map{'del': 'Deleted', 'add': 'Added', 'unclear': 'Unclear',
                                            'gap': 'Gap', 'supplied': 'Supplied by the editor'}($kind)"/>
      <xsl:attribute name="title" select="string-join(($what, $hint[.]), ': ')"/>
      <xsl:choose>
        <xsl:when test="$kind = 'gap'">[…]</xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates mode="#current"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <!-- A stanza is a block; each of its lines a block of its own, so that
       lines never run together whatever the style sheet. -->
  <xsl:template name="a:make-verse-group">
    <div class="lg">
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates mode="#current"/>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="a:make-verse-line">
    <div class="l">
      <xsl:apply-templates mode="#current"/>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A table; its head is the caption (which HTML wants first). -->
  <xsl:template name="a:make-table">
    <table>
      <xsl:apply-templates select="head" mode="#current"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="node() except head" mode="#current"/>
    </table>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="a:make-row">
    <tr>
      <xsl:apply-templates mode="#current"/>
    </tr>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="a:make-cell">
    <xsl:param name="heading" as="xs:boolean" select="false()"/>
    <xsl:element name="{if ($heading) then 'th' else 'td'}">
      <xsl:if test="@cols">
        <xsl:attribute name="colspan" select="@cols"/>
      </xsl:if>
      <xsl:if test="@rows">
        <xsl:attribute name="rowspan" select="@rows"/>
      </xsl:if>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <!-- A link; a ptr has no words of its own, so the address is its text.
       A link to an id of the file ("#p3") goes to that element in the same
       view: it has the id, prefixed as the view's ids are (below). -->
  <xsl:template name="a:make-link">
    <xsl:param name="href" as="xs:string" required="yes"/>
    <xsl:param name="id-prefix" as="xs:string" select="''" tunnel="yes"/>
    <a class="{if (self::xref) then 'ref' else if (self::xptr) then 'ptr' else local-name()}"
       href="{if (starts-with($href, '#') and $id-prefix) then '#' || $id-prefix || substring($href, 2) else $href}">
      <xsl:apply-templates mode="#current"/>
      <xsl:if test="self::ptr or self::xptr">{$href}</xsl:if>
    </a>
  </xsl:template>

  <!-- Ids of the file that a ref, ptr, xref or xptr points at ("#p3"; P4's
       target is the id itself). -->
  <xsl:key name="a:pointed-at" match="ref[@target] | ptr[@target] | xref[@target] | xptr[@target]"
           use="for $t in tokenize(@target)
                return if (starts-with($t, '#')) then substring($t, 2)
                       else if (self::xref or self::xptr) then $t else ()"/>

  <!-- The element pointed at carries the id in the page: its rendering's
       first element gets it (or, when that has an id of its own, an empty
       span inside it does); a rendering without elements is wrapped in a
       span. Before the note marks that may follow it (notes.xsl). -->
  <xsl:template match="text//*[@xml:id][key('a:pointed-at', string(@xml:id))]" mode="reading diplomatic"
                priority="4">
    <xsl:param name="id-prefix" as="xs:string" select="''" tunnel="yes"/>
    <xsl:variable name="id" select="$id-prefix || @xml:id"/>
    <xsl:variable name="out" as="node()*">
      <xsl:next-match/>
    </xsl:variable>
    <xsl:variable name="first" select="$out[self::element()][1]"/>
    <xsl:choose>
      <xsl:when test="empty($first)">
        <span id="{$id}">
          <xsl:sequence select="$out"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$out">
          <xsl:choose>
            <xsl:when test=". is $first">
              <xsl:copy>
                <xsl:copy-of select="@*"/>
                <xsl:choose>
                  <xsl:when test="@id = $id"/>  <!-- a paragraph's own (cite.xsl) -->
                  <xsl:when test="@id"><span id="{$id}"/></xsl:when>
                  <xsl:otherwise><xsl:attribute name="id" select="$id"/></xsl:otherwise>
                </xsl:choose>
                <xsl:copy-of select="node()"/>
              </xsl:copy>
            </xsl:when>
            <xsl:otherwise>
              <xsl:sequence select="."/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The quotation marks are text of the source: blockquote, never q
       (browsers add marks of their own to q). A quotation of blocks is
       a blockquote of its blocks (valid HTML: docs/foreign-tei.md). -->
  <xsl:template name="a:make-quotation">
    <!-- A paragraph that is one quotation: its id and link (cite.xsl) go on
         the block that stands for it. -->
    <xsl:variable name="p" select="(parent::p, .)[1]"/>
    <blockquote>
      <xsl:choose>
        <xsl:when test="a:holds-blocks(.)">
          <xsl:call-template name="a:passage-id">
            <xsl:with-param name="p" select="$p"/>
          </xsl:call-template>
          <xsl:apply-templates mode="#current"/>
          <xsl:call-template name="a:passage-link">
            <xsl:with-param name="p" select="$p"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p>
            <xsl:call-template name="a:passage-id">
              <xsl:with-param name="p" select="$p"/>
            </xsl:call-template>
            <xsl:apply-templates mode="#current"/>
            <xsl:call-template name="a:passage-link">
              <xsl:with-param name="p" select="$p"/>
            </xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </blockquote>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A picture is a link to it, never an image that may not load: its
       description (or its file's name) is the link's text. -->
  <xsl:template name="a:make-graphic">
    <xsl:param name="url" as="xs:string" required="yes"/>
    <xsl:param name="alt" as="xs:string" select="''"/>
    <a class="graphic" href="{$url}">Picture: {($alt[.], tokenize($url, '/')[last()][.], $url)[1]}</a>
  </xsl:template>
  <!-- A figure: its picture, if any, as a link (a:make-graphic), and its
       caption; without one only the caption of the picture survives
       (archive.css says so). -->
  <xsl:template name="a:make-figure">
    <xsl:param name="missing" as="xs:boolean" select="true()"/>
    <figure class="{if ($missing) then 'missing' else 'picture'}">
      <xsl:apply-templates mode="#current"/>
    </figure>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>


  <!-- Where a page or column begins in the source: its number, set off
       (archive.css); a line of its own when it falls between blocks. -->
  <xsl:template name="a:make-page-break">
    <xsl:param name="unit" as="xs:string" required="yes"/>
    <xsl:param name="block" as="xs:boolean" select="false()"/>
    <xsl:variable name="mark" as="element()">
      <span class="pb {$unit}" title="{(map{'page': 'Page', 'column': 'Column'}($unit),
        upper-case(substring($unit, 1, 1)) || substring($unit, 2))[1]} {@n} begins">
        <xsl:text>|{@n}|</xsl:text>
      </span>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$block">
        <p class="pb-line">
          <xsl:sequence select="$mark"/>
        </p>
        <xsl:text>&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$mark"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
