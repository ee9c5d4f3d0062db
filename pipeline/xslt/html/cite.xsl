<?xml version="1.0" encoding="UTF-8"?>
<!--
  Citing and downloading a document page: the stable ids of its paragraphs
  with their "cite this passage" links, the page's address for citations,
  and the Download list of the source panel (docs/citation.md).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- Paragraphs are numbered by their place among the text's p elements in
       document order, so p-3 depends on this TEI file alone: never on other
       documents, the export's order or the stylesheets. A note's paragraphs
       are left out (the note has its id, note-N, and stands after the text). -->
  <xsl:accumulator name="a:paragraphs" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="text//p[not(ancestor::note)]" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="a:passage-number" as="xs:integer?">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="$p[self::p][ancestor::text][not(ancestor::note)]
                          ! accumulator-before('a:paragraphs')"/>
  </xsl:function>

  <!-- The id of a paragraph in the reading view: its own xml:id when the TEI
       gives one (an id its project may already cite), else p-N. The
       diplomatic view prefixes it with d-. -->
  <xsl:function name="a:passage-id" as="xs:string?">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="a:passage-number($p) ! string(($p/@xml:id, 'p-' || .)[1])"/>
  </xsl:function>

  <!-- The id attribute of a paragraph's element; nothing for a block that is
       not a paragraph (dateline, bibl ...). Call it first inside the element. -->
  <xsl:template name="a:passage-id">
    <xsl:param name="p" as="element()" select="."/>
    <xsl:param name="id-prefix" as="xs:string" select="''" tunnel="yes"/>
    <xsl:for-each select="a:passage-id($p)">
      <xsl:attribute name="id" select="$id-prefix || ."/>
    </xsl:for-each>
  </xsl:template>

  <!-- The paragraph's link to itself, last inside it: following it puts the
       passage's address in the address bar, with no script; cite.js then
       shows the passage's citation with a copy button. Shown on hover and
       focus (cite.css), a tab stop, left out of print and of the search
       index (Pagefind's data-pagefind-ignore; it reads the reading view only).
       cite.js reads the number from the label. -->
  <xsl:template name="a:passage-link">
    <xsl:param name="p" as="element()" select="."/>
    <xsl:param name="id-prefix" as="xs:string" select="''" tunnel="yes"/>
    <xsl:variable name="n" select="a:passage-number($p)"/>
    <xsl:if test="exists($n)">
      <xsl:text> </xsl:text>
      <a class="cite-p" href="#{$id-prefix}{a:passage-id($p)}" aria-label="Cite paragraph {$n}">
        <xsl:if test="not($id-prefix)">
          <xsl:attribute name="data-pagefind-ignore" select="''"/>
        </xsl:if>
        <xsl:text>§</xsl:text>
      </a>
    </xsl:if>
  </xsl:template>

  <!-- A page's address in a citation: absolute under base-url, else its
       file name (a relative address means nothing once copied out). -->
  <xsl:function name="a:cite-url" as="xs:string">
    <xsl:param name="page" as="xs:string"/>
    <xsl:sequence select="$base-url || $page"/>
  </xsl:function>

  <!-- The end of a citation: the address, a link when it is absolute. -->
  <xsl:template name="a:cite-address">
    <xsl:param name="page" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$base-url">
        <a href="{a:cite-url($page)}">{a:cite-url($page)}</a>
      </xsl:when>
      <xsl:otherwise>{$page}</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- How to cite one paragraph, after the page's citation; cite.js
       makes the full citation of the paragraph chosen. -->
  <xsl:template name="a:cite-passage-note">
    <xsl:param name="page" as="xs:string?"/>
    <xsl:if test="exists($page)">
      <p class="cite-passage-note">
        <xsl:text>To cite a passage, follow the § link at the end of its paragraph: </xsl:text>
        <xsl:text>its address is this page’s with #p-N, N being the paragraph’s number (</xsl:text>
        <code>{a:cite-url($page)}#p-1</code>
        <xsl:text> for the first; #d-p-1 in the text as printed).</xsl:text>
      </p>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- A size as people read it: 812 bytes, 23.4 KB, 1.2 MB. -->
  <xsl:function name="a:file-size" as="xs:string">
    <xsl:param name="bytes" as="xs:integer"/>
    <xsl:sequence select="if ($bytes lt 1024) then $bytes || ' bytes'
        else if ($bytes lt 1024 * 1024) then format-number($bytes div 1024, '#,##0.#') || ' KB'
        else format-number($bytes div (1024 * 1024), '#,##0.#') || ' MB'"/>
  </xsl:function>

  <!-- The Download list of the source panel: the TEI copy the export made
       (a:tei-copy, a:tei-bytes: pipeline/editions/export.py) and the two text
       editions where there are any (text-href-prefix), and the page's PDF
       when the export makes one (pdf-href-prefix). One li per file. The PDF is
       printed from this page, so its size is known only afterwards: the li
       holds the comment pdf-size, which the export replaces with it
       (pipeline/editions/pdf.py). -->
  <xsl:template name="a:downloads">
    <xsl:variable name="tei" select="root()/TEI"/>
    <xsl:variable name="stem" select="a:page-stem($tei)[.]"/>
    <xsl:variable name="items" as="element()*">
      <xsl:if test="$tei/@a:tei-copy">
        <li><a href="{$tei/@a:tei-copy}" type="application/tei+xml">TEI P5 source</a>
          <xsl:text> (XML, {a:file-size(xs:integer($tei/@a:tei-bytes))})</xsl:text></li>
      </xsl:if>
      <xsl:if test="$text-href-prefix and exists($stem)">
        <li><a href="{$text-href-prefix}{$stem}.txt" type="text/plain">Plain text</a>
          <xsl:text> (the reading text, UTF-8)</xsl:text></li>
        <li><a href="{$text-href-prefix}{$stem}.diplomatic.txt" type="text/plain">Text as printed</a>
          <xsl:text> (diplomatic, UTF-8)</xsl:text></li>
      </xsl:if>
      <xsl:if test="$pdf-href-prefix and exists($stem)">
        <li><a href="{$pdf-href-prefix}{$stem}.pdf" type="application/pdf">PDF</a>
          <xsl:text> (the reading text for print, </xsl:text>
          <xsl:comment>pdf-size</xsl:comment>
          <xsl:text>)</xsl:text></li>
      </xsl:if>
    </xsl:variable>
    <xsl:if test="exists($items)">
      <h3 id="download-title">Download</h3>
      <xsl:text>&#10;</xsl:text>
      <ul class="downloads" aria-labelledby="download-title">
        <xsl:for-each select="$items">
          <xsl:text>&#10;</xsl:text>
          <xsl:sequence select="."/>
        </xsl:for-each>
        <xsl:text>&#10;</xsl:text>
      </ul>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
