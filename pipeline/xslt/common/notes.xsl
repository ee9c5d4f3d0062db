<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes. A footnote (note place="foot") stands in the TEI where its mark
  was printed; the editions put a mark there and gather the notes after
  the text. Other projects' TEI puts notes anywhere (place end, margin,
  inline, display, none at all; in back or a noteGrp; pointing by @target
  to an anchor elsewhere): every one of them is gathered the same way, so
  that no note is ever poured into the running text. Notes are numbered
  1, 2, 3 ... in the order of their marks, whatever was printed (books mix
  "*", "**" and digits, and restart the digits); the view as printed shows
  the printed mark (@n) instead (a:note-mark), the reading view keeps it
  as a hint (HTML: the mark's title). Ids use the number in both views. A note with a
  @target that names an element of the text has its mark after that
  element (an anchor, usually), not where the note stands.
  Not gathered: a source note (note type="source", after a letter), which
  is a source line; editorial notes of web articles (omit.xsl); the OCR
  notes of our apparatus (transcr.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Is $note one of the notes gathered after the text? Every note but the
       kinds above (a footnote always is, as before). -->
  <xsl:function name="a:gathered" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note[@place = 'foot']
        | $note[not(@type = ('source', 'editorial', 'ocr'))]
               [not(ancestor::div[@type = 'ocr-notes'])])"/>
  </xsl:function>

  <!-- The element a note points at (@target="#id", first pointer only), if
       the text has it; its mark goes there. -->
  <xsl:key name="a:by-xml-id" match="text//*[@xml:id]" use="string(@xml:id)"/>
  <xsl:function name="a:note-anchor" as="element()?">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="id" select="tokenize($note/@target)[1][starts-with(., '#')] ! substring(., 2)"/>
    <xsl:sequence select="if (exists($id)) then key('a:by-xml-id', $id, root($note))[1] else ()"/>
  </xsl:function>

  <!-- Gathered notes by the id of the element their mark goes after. -->
  <xsl:key name="a:notes-at" match="text//note[@target][a:gathered(.)][exists(a:note-anchor(.))]"
           use="string(a:note-anchor(.)/@xml:id)"/>

  <!-- Marks counted in one pass, in document order: a note's own mark where
       it stands; the marks of the notes pointing at an element when that
       element ends (they follow its content). -->
  <xsl:accumulator name="a:footnotes" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="text//note[a:gathered(.)][empty(a:note-anchor(.))]"
                          select="$value + 1"/>
    <xsl:accumulator-rule match="text//*[@xml:id][key('a:notes-at', string(@xml:id))]" phase="end"
                          select="$value + count(key('a:notes-at', string(@xml:id)))"/>
  </xsl:accumulator>

  <!-- Number of a note: the place of its mark among the marks of the text. -->
  <xsl:function name="a:note-number" as="xs:integer">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="anchor" select="a:note-anchor($note)"/>
    <xsl:choose>
      <xsl:when test="exists($anchor)">
        <xsl:variable name="here" select="key('a:notes-at', string($anchor/@xml:id), root($note))"/>
        <xsl:sequence select="$anchor/accumulator-after('a:footnotes') - count($here)
                              + (for $i in 1 to count($here) return $i[$here[$i] is $note])"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$note/accumulator-before('a:footnotes')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The mark a note shows. In the reading text its number. As printed,
       the mark the source printed (@n: "*", "**", a digit of its own), so
       that the view is faithful; a note without one, in a text whose other
       notes have one, shows its number in square brackets, the editor's
       supply, so that it is not taken for a printed digit. A text none of
       whose notes has a printed mark shows numbers in both views. -->
  <xsl:key name="a:printed-marks" match="text//note[normalize-space(@n)][a:gathered(.)]" use="'any'"/>
  <xsl:function name="a:note-mark" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="as-printed" as="xs:boolean"/>
    <xsl:sequence select="if (not($as-printed) or empty(key('a:printed-marks', 'any', root($note))))
                          then string(a:note-number($note))
                          else if (normalize-space($note/@n)) then normalize-space($note/@n)
                          else '[' || a:note-number($note) || ']'"/>
  </xsl:function>

  <!-- Does the view show printed marks (some note of the text has one)? -->
  <xsl:function name="a:shows-printed-marks" as="xs:boolean">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="as-printed" as="xs:boolean"/>
    <xsl:sequence select="$as-printed and exists(key('a:printed-marks', 'any', root($doc)))"/>
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

  <!-- In the text: only the mark. A note standing among blocks (directly in
       body or div, or in a noteGrp there) has its mark as a block. -->
  <xsl:template match="note[@place = 'foot']" mode="reading diplomatic">
    <xsl:call-template name="a:make-note-mark">
      <xsl:with-param name="block" select="a:between-blocks(.) or ../self::noteGrp[a:between-blocks(.)]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Notes of every other place (or none): the same as footnotes. Lower
       than note[@type='source'] and omit.xsl's editorial notes. -->
  <xsl:template match="note[a:gathered(.)]" mode="reading diplomatic" priority="-0.25">
    <xsl:call-template name="a:make-note-mark">
      <xsl:with-param name="block" select="a:between-blocks(.) or ../self::noteGrp[a:between-blocks(.)]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A note pointing at an element elsewhere: nothing where it stands; its
       mark follows the element it points at. -->
  <xsl:template match="note[a:gathered(.)][exists(a:note-anchor(.))]" mode="reading diplomatic" priority="1"/>

  <xsl:template match="text//*[@xml:id][key('a:notes-at', string(@xml:id))]" mode="reading diplomatic"
                priority="3">
    <xsl:next-match/>
    <xsl:variable name="block" select="a:between-blocks(.)"/>
    <xsl:for-each select="key('a:notes-at', string(@xml:id))">
      <xsl:call-template name="a:make-note-mark">
        <xsl:with-param name="block" select="$block"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- A group of notes is only its notes. -->
  <xsl:template match="noteGrp" mode="reading diplomatic">
    <xsl:apply-templates select="*" mode="#current"/>
  </xsl:template>

  <!-- An anchor is only a place for marks (above). -->
  <xsl:template match="anchor" mode="reading diplomatic"/>

  <!-- After the text (called by the text template, textstructure.xsl):
       every gathered note, in the order of its mark; nothing for a text
       without notes. -->
  <xsl:template name="a:footnotes">
    <xsl:variable name="notes" as="element()*">
      <xsl:perform-sort select=".//note[a:gathered(.)]">
        <xsl:sort select="a:note-number(.)"/>
      </xsl:perform-sort>
    </xsl:variable>
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
