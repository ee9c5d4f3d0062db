<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes. A footnote (note place="foot") stands in the TEI where its mark
  was printed; the editions put a mark there and gather the notes after
  the text. Footnotes are numbered 1, 2, 3 ... in document order, whatever
  was printed (books mix "*", "**" and digits, and restart the digits);
  the printed mark (@n) is kept by the formats as a hint (HTML: the mark's
  title). A source note (note type="source", after a letter) is a source
  line. Editorial notes of web articles are left out: omit.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Counted in one pass, not recounted per note. -->
  <xsl:accumulator name="a:footnotes" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="text//note[@place = 'foot']" select="$value + 1"/>
  </xsl:accumulator>

  <!-- Number of a footnote: its place among the footnotes of the text. -->
  <xsl:function name="a:note-number" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note/accumulator-before('a:footnotes')"/>
  </xsl:function>

  <!-- Stable HTML ids of a footnote (fn-3) and of its mark (fnref-3). -->
  <xsl:function name="a:note-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="'fn-' || a:note-number($note)"/>
  </xsl:function>

  <xsl:function name="a:note-ref-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="'fnref-' || a:note-number($note)"/>
  </xsl:function>

  <!-- In the text: only the mark. -->
  <xsl:template match="note[@place = 'foot']" mode="reading diplomatic">
    <xsl:call-template name="a:make-note-mark"/>
  </xsl:template>

  <!-- After the text (called by the text template, textstructure.xsl):
       every footnote, in order; nothing for a text without footnotes. -->
  <xsl:template name="a:footnotes">
    <xsl:variable name="notes" select=".//note[@place = 'foot']"/>
    <xsl:if test="exists($notes)">
      <xsl:call-template name="a:make-notes">
        <xsl:with-param name="notes" select="$notes"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Where a text was first published: its bibl is a source line
       (core.xsl); plain text in the note is a source line itself. -->
  <xsl:template match="note[@type = 'source']" mode="reading diplomatic">
    <xsl:choose>
      <xsl:when test="p | bibl">
        <xsl:apply-templates mode="#current"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="a:make-paragraph">
          <xsl:with-param name="class" select="'source'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
