<?xml version="1.0" encoding="UTF-8"?>
<!--
  "About this text" in readers' words (issue 20): the opening paragraphs of
  the source panel (what the text is, what the edition did with it, what
  its two views show), the panel's lines on the real source (who published
  it, when, where, and which passages each earlier publication covers),
  and the corrections said in words. Everything is built from the header's
  facts (a:header-facts) and from what the text holds (its corrections,
  names, dates, notes, furniture), never from the header's technical prose
  (editorialDecl), which stays in the TEI for editors.
  Included by source.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- What the views leave out or show of the page's furniture, by fw type
       (the pipeline's types and the common TEI ones); others: "furniture". -->
  <xsl:variable name="a:furniture-words" as="map(xs:string, xs:string)" select="map {
      'header': 'running heads', 'footer': 'running feet', 'pageNum': 'page numbers',
      'boilerplate': 'the web page’s menus and notices', 'catch': 'catchwords', 'sig': 'signatures'}"/>

  <!-- "1 word", "3 words". -->
  <xsl:function name="a:count-of" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="noun" as="xs:string"/>
    <xsl:sequence select="$n || ' ' || $noun || (if ($n eq 1) then '' else 's')"/>
  </xsl:function>

  <!-- A date of the header in words ("7 April 2014"), or as written when it
       has no value to read. -->
  <xsl:function name="a:header-date" as="element()">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="words" select="if ($date/(@when, @from, @notBefore, @to, @notAfter)) then a:date-in-words($date) else ''"/>
    <xsl:choose>
      <xsl:when test="matches($date/@when, '^\d{4}(-\d{2}(-\d{2})?)?$')">
        <time datetime="{$date/@when}">{($words[.], normalize-space($date))[1]}</time>
      </xsl:when>
      <xsl:otherwise><span>{($words[.], normalize-space($date))[1]}</span></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Our corrections of character recognition, counted in the text: words
       read otherwise (choice with sic and corr) and damaged words kept as
       printed (a lone sic). -->
  <xsl:function name="a:corrected" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/text//choice[sic][corr][not(ancestor::div[@type = 'ocr-notes'])]"/>
  </xsl:function>

  <xsl:function name="a:kept-damaged" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/text//sic[not(parent::choice)][not(ancestor::div[@type = 'ocr-notes'])]"/>
  </xsl:function>

  <!-- The corrections in one or two sentences, for the panel and the
       apparatus: how many, with which certainty, and what was kept. -->
  <xsl:function name="a:corrections-in-words" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="read" select="a:corrected($tei)"/>
    <xsl:variable name="kept" select="a:kept-damaged($tei)"/>
    <xsl:variable name="certs" select="distinct-values($read/corr/@cert ! string())"/>
    <xsl:variable name="order" select="('high', 'medium', 'low')"/>
    <xsl:variable name="by-cert" select="(($order[. = $certs]), $certs[not(. = $order)])
        ! (let $c := . return count($read[corr/@cert = $c]) || ' ' || $c)"/>
    <xsl:sequence select="if (empty($read) and empty($kept)) then
          'Nothing in the text was corrected: it is given as the source has it.'
        else string-join((
          $read[1] ! (a:count-of(count($read), 'word') || ' that character recognition (OCR) had misread '
            || (if (count($read) eq 1) then 'is' else 'are') || ' corrected in the reading text'
            || (if (exists($by-cert)) then ', each with the certainty of its reading ('
                || string-join($by-cert, ', ') || ')' else '') || '.'),
          $kept[1] ! (a:count-of(count($kept), 'damaged word') || ' with no credible reading '
            || (if (count($kept) eq 1) then 'is' else 'are') || ' left as printed.')), ' ')"/>
  </xsl:function>

  <!-- The earlier publication a line of the header names: the place in
       the text where the same line stands (a source line closing a passage,
       or the heading of one), compared without spaces, as the header joins
       the lines of a heading. -->
  <xsl:key name="a:source-lines" match="text//note[@type = 'source'] | text//head"
           use="replace(string(.), '\s+', '')"/>

  <!-- The words of a paragraph as the reading text has them (no notes, no
       printed form of a corrected word), line breaks as spaces. -->
  <xsl:function name="a:plain-words" as="xs:string*">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="tokenize(normalize-space(string-join($p//(text() | lb)
        [not(ancestor::note | ancestor::sic[parent::choice] | ancestor::orig[parent::choice]
             | ancestor::abbr[parent::choice] | ancestor::fw)]
        ! (if (self::lb) then ' ' else string(.)))))"/>
  </xsl:function>

  <!-- The passage an earlier publication covers, as "from “…” to “…”": its
       first and last words, or () when the text does not say. -->
  <xsl:function name="a:passage-of" as="xs:string?">
    <xsl:param name="bibl" as="element()"/>
    <xsl:variable name="line" select="key('a:source-lines', replace(string($bibl), '\s+', ''), root($bibl))[1]"/>
    <xsl:variable name="part" select="$line/parent::*"/>
    <xsl:variable name="paras" select="if ($line/self::head) then $part//p[not(ancestor::note)][. >> $line]
                                       else $part//p[not(ancestor::note)][. &lt;&lt; $line]"/>
    <xsl:variable name="first" select="$paras[1] ! a:plain-words(.)"/>
    <xsl:variable name="last" select="$paras[last()] ! a:plain-words(.)"/>
    <xsl:sequence select="if (empty($first)) then () else
        'the passage from “' || string-join(subsequence($first, 1, 6), ' ') || (if (count($first) gt 6) then ' …' else '')
        || '” to “' || (if (count($last) gt 6) then '… ' else '')
        || string-join(subsequence($last, max((1, count($last) - 5))), ' ') || '”'"/>
  </xsl:function>

  <!-- The panel's lines on the source: who published it, when, where it
       was found, and its earlier publications with the passages they cover. -->
  <xsl:template name="a:source-lines">
    <xsl:param name="facts" as="map(xs:string, item()*)" required="yes"/>
    <xsl:if test="exists($facts?publisher)">
      <dt>Published by</dt>
      <dd>{$facts?publisher}</dd>
    </xsl:if>
    <xsl:if test="exists($facts?source-date)">
      <dt>Published</dt>
      <dd><xsl:sequence select="a:header-date($facts?source-date)"/></dd>
    </xsl:if>
    <xsl:if test="exists($facts?url)">
      <dt>Address</dt>
      <dd><a href="{$facts?url}">{$facts?url}</a></dd>
    </xsl:if>
    <xsl:for-each select="$facts?originals">
      <dt>{if (count($facts?originals) gt 1) then 'Earlier publication ' || position() else 'Earlier publication'}</dt>
      <dd><xsl:apply-templates mode="a:bibl"/></dd>
      <xsl:for-each select="a:passage-of(.)">
        <dd class="passage">Source of {.}.</dd>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- The opening paragraphs. -->
  <xsl:template name="a:about-text">
    <xsl:param name="facts" as="map(xs:string, item()*)" required="yes"/>
    <xsl:variable name="tei" select="root(.)/TEI"/>
    <xsl:variable name="linked" select="exists($tei/text//(persName | placeName | orgName)
        [not(ancestor::div[@type = 'ocr-notes'])][a:name-key(.)])"/>
    <xsl:variable name="unlinked" select="exists($tei/text//(persName | placeName | orgName)
        [not(ancestor::div[@type = 'ocr-notes'])][not(a:name-key(.))])"/>
    <xsl:variable name="charted" select="exists($tei/text//date/@a:row)"/>
    <!-- Other projects' sic and corr are their editors' work, not recognition's. -->
    <xsl:variable name="damaged" select="not(a:foreign(.)) and (exists(a:corrected($tei)) or exists(a:kept-damaged($tei)))"/>
    <xsl:variable name="furniture" select="distinct-values($tei/text//fw/@type ! string())
                                           ! ($a:furniture-words(.), 'furniture of the page')[1]"/>
    <p class="about">
      <xsl:choose>
        <xsl:when test="a:foreign(.)">
          <xsl:variable name="ps" select="$tei/teiHeader/fileDesc/publicationStmt"/>
          <xsl:variable name="by" select="($ps/(publisher, authority, distributor))[normalize-space()][1] ! a:plain(.)"/>
          <xsl:variable name="held" select="($tei/teiHeader//sourceDesc//msIdentifier/repository)[normalize-space()][1] ! a:plain(.)"/>
          <xsl:text>This text comes from another project{$by ! (', ' || .)}, which encoded it{
            if (exists(a:credits($tei))) then '; who made it, and on which terms it may be used, is listed under Credits' else ''}.{
            $held ! (' The original is a manuscript held by ' || replace(., '\.$', '') || '.')} This edition publishes it as that project encoded it.</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="by" select="$facts?publisher"/>
          <xsl:variable name="on" select="$facts?source-date ! a:header-date(.)"/>
          <xsl:choose>
            <xsl:when test="exists($by) or exists($on)">
              <xsl:text>This text was published{$by ! (' by ' || .)}</xsl:text>
              <xsl:if test="exists($on)"> on <xsl:sequence select="$on"/></xsl:if>
              <xsl:text>{if (empty($by)) then '; the copy the archive received does not name its publisher'
                         else if (empty($on)) then '; the copy the archive received gives no date' else ''}.</xsl:text>
            </xsl:when>
            <xsl:otherwise>The copy of this text the archive received names neither its publisher nor its date.</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="exists($facts?url)"> It was found at <a href="{$facts?url}">{$facts?url}</a>.</xsl:if>
          <xsl:variable name="n" select="count($facts?originals)"/>
          <xsl:text>{if ($n eq 1) then ' It reprints an earlier publication, named below.'
                     else if ($n gt 1) then ' It brings together passages of ' || $n || ' earlier publications, named below.'
                     else ''}{if ($damaged) then ' Its text shows the damage of character recognition (OCR) of a printed original: some words were misread.' else ''}</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
    </p>
    <xsl:text>&#10;</xsl:text>
    <p class="about">
      <!-- A name is unlinked when it is not in the archive's list of names,
           or (another project's) when the list it points into is not here. -->
      <xsl:text>In this edition, </xsl:text>
      <xsl:choose>
        <xsl:when test="$linked">the names of persons, places and organisations link to the registers of names{
          if ($unlinked) then if (a:foreign(.)) then ' (some are marked but not linked)'
                              else ' (names not yet in the archive’s list of names are marked but not linked)' else ''}</xsl:when>
        <xsl:when test="$unlinked">the names of persons, places and organisations are marked, but not linked to a register</xsl:when>
        <xsl:otherwise>no names are marked</xsl:otherwise>
      </xsl:choose>
      <xsl:text>.{if ($charted) then ' Dates link to the chronology.' else ''}</xsl:text>
      <xsl:if test="not(a:foreign(.))"> {a:corrections-in-words($tei)}<xsl:if test="$damaged"> Each correction is marked and listed under <a href="#apparatus">OCR corrections</a>.</xsl:if></xsl:if>
      <xsl:variable name="shown" select="(if ($damaged) then 'the misread words as they stand' else (),
          if (a:shows-printed-marks(., true())) then 'the notes’ marks as printed' else (), $furniture)"/>
      <xsl:text> Two views show the text: the reading text{if ($damaged) then ', with the corrections' else ''}, and “As printed”, the text as the source has it{
        if (exists($shown)) then ', with ' || (if (count($shown) gt 1) then
          string-join($shown[position() lt last()], ', ') || ' and ' else '') || $shown[last()] else ''}.</xsl:text>
    </p>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
