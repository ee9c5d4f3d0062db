<?xml version="1.0" encoding="UTF-8"?>
<!--
  Helper functions shared by every output format. Pure functions of their
  arguments (and of the global parameters), so the output never depends on
  anything but the input document and params.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Dates in words (a:date-in-words), and which dates have a chronology row. -->
  <xsl:include href="datewords.xsl"/>

  <!-- A letter-word, as in pipeline/build/words.py: Python's [^\W\d_]+ is letters
       plus non-decimal numerics; combining marks end a word there too. -->
  <xsl:variable name="a:not-word" as="xs:string" select="'[^\p{L}\p{Nl}\p{No}]+'"/>

  <!-- The document's title; falls back so that a page never lacks an h1. -->
  <xsl:function name="a:title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="tei" select="root($doc)/TEI"/>
    <xsl:sequence select="(
        $tei/teiHeader/fileDesc/titleStmt/title[normalize-space()][1],
        ($tei/text//head)[normalize-space()][1],
        $tei/@xml:id,
        'Untitled')[1] ! normalize-space()"/>
  </xsl:function>

  <!-- Base name shared by doc-NAME.xml, NAME.html and NAME.txt. -->
  <xsl:function name="a:doc-name" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="tei" select="root($doc)/TEI"/>
    <xsl:sequence select="if (starts-with($tei/@xml:id, 'doc-'))
        then substring-after($tei/@xml:id, 'doc-')
        else replace(string($tei//sourceDesc//idno[@type = 'filename'][1]), '\.[^.]*$', '')"/>
  </xsl:function>

  <!-- Letter-words counted the way the no-word-lost check counts them: the
       source's words, so corrections (corr, reg, expan) and anything the
       pipeline added (@resp="#pipeline") are left out; element boundaries
       separate words, as words.py joins text pieces with a space. -->
  <xsl:function name="a:word-count" as="xs:integer">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="source-text" select="$nodes/descendant-or-self::text()
        [not(ancestor::*[self::corr or self::reg or self::expan or @resp = '#pipeline'])]"/>
    <xsl:sequence select="count(tokenize(string-join($source-text, ' '), $a:not-word)[.])"/>
  </xsl:function>

  <!-- Stable HTML id of a section from its position (sec-2-1 is the first
       div in the second top-level div), so links survive regeneration.
       Divs of front and back (OCR notes, registers) are numbered apart,
       as front-1, back-1, so that they never take a body section's id. -->
  <xsl:function name="a:section-id" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:variable name="number">
      <xsl:number select="$div" level="multiple" count="div" format="1-1"/>
    </xsl:variable>
    <xsl:sequence select="($div/ancestor::front ! 'front-', $div/ancestor::back ! 'back-', 'sec-')[1]
                          || $number"/>
  </xsl:function>

  <!-- $string repeated $count times (underlines of the text edition). -->
  <xsl:function name="a:repeat" as="xs:string">
    <xsl:param name="string" as="xs:string"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:sequence select="string-join((1 to $count) ! $string)"/>
  </xsl:function>

  <!-- Greedy word wrap: whitespace is normalised, lines are filled up to
       $width characters; a word longer than $width is never broken (it
       would no longer be a word of the source) but gets a line of its own.
       Returns the lines, without newlines; no lines for empty text. -->
  <xsl:function name="a:wrap" as="xs:string*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:iterate select="tokenize(normalize-space($text))">
      <xsl:param name="line" as="xs:string" select="''"/>
      <xsl:on-completion select="$line[.]"/>
      <xsl:choose>
        <xsl:when test="$line = ''">
          <xsl:next-iteration>
            <xsl:with-param name="line" select="."/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:when test="string-length($line) + 1 + string-length(.) le $width">
          <xsl:next-iteration>
            <xsl:with-param name="line" select="$line || ' ' || ."/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="$line"/>
          <xsl:next-iteration>
            <xsl:with-param name="line" select="."/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- The ISO value of a date as people read it: "1939-04-07",
       "1942 to 1945", "between 1942-09-01 and 1942-11-30". -->
  <xsl:function name="a:date-label" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="
      if ($date/@when) then string($date/@when)
      else if ($date/@from or $date/@to) then
        string-join((($date/@from, '?')[1], ($date/@to, '?')[1]) ! string(.), ' to ')
      else if ($date/@notBefore or $date/@notAfter) then
        'between ' || string-join((($date/@notBefore, '?')[1], ($date/@notAfter, '?')[1])
                                  ! string(.), ' and ')
      else ''"/>
  </xsl:function>

</xsl:stylesheet>
