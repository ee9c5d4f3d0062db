<?xml version="1.0" encoding="UTF-8"?>
<!--
  Facts from the teiHeader, gathered into one map so that every edition
  (HTML source note, text-edition source line, later the registers) shows
  the same facts the same way. Each header element contributes its entry
  from its own template in mode "facts"; a new fact is a new template.
  Keys: title, source-file, sha256, source-extent, publisher, source-date,
  originals (the bibl elements of earlier publications), correction (the
  OCR decision, a string), words, application, version, generated.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Elements without a fact of their own are walked through silently. -->
  <xsl:mode name="facts" on-no-match="shallow-skip"/>

  <!-- The facts of the document containing $doc. The title and word count
       are always present. The words are counted in the text only when the
       header does not give their number: counting them anyway took half
       the time of a text edition. -->
  <xsl:function name="a:header-facts" as="map(xs:string, item()*)">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="tei" select="root($doc)/TEI"/>
    <xsl:variable name="found" as="map(*)*">
      <xsl:apply-templates select="$tei/teiHeader" mode="facts"/>
    </xsl:variable>
    <xsl:sequence select="map:merge((
        $found,
        map { 'title': a:title($tei) },
        if (some $fact in $found satisfies map:contains($fact, 'words')) then ()
        else map { 'words': a:word-count($tei/text) }),
      map { 'duplicates': 'use-first' })"/>
  </xsl:function>

  <!-- Name of the raw seed file the TEI was made from. -->
  <xsl:template match="sourceDesc//idno[@type = 'filename']" mode="facts">
    <xsl:map-entry key="'source-file'" select="normalize-space()"/>
  </xsl:template>

  <!-- Checksum of the raw seed file: traces the edition to its exact input. -->
  <xsl:template match="sourceDesc//idno[@type = 'sha256']" mode="facts">
    <xsl:map-entry key="'sha256'" select="normalize-space()"/>
  </xsl:template>

  <!-- Size of the source as the bibl states it ("2210 bytes"). -->
  <xsl:template match="sourceDesc//extent" mode="facts">
    <xsl:map-entry key="'source-extent'" select="normalize-space()"/>
  </xsl:template>

  <!-- Who published the source (a web site's name). -->
  <xsl:template match="sourceDesc/bibl[not(@type)]/publisher" mode="facts">
    <xsl:map-entry key="'publisher'" select="normalize-space()"/>
  </xsl:template>

  <!-- The date the source gives itself (a web page's or a book's date). -->
  <xsl:template match="sourceDesc/bibl[not(@type)]/date" mode="facts">
    <xsl:map-entry key="'source-date'" select="."/>
  </xsl:template>

  <!-- Where the text was first published, as the source says: all of them
       in one entry, so a second does not replace the first. -->
  <xsl:template match="sourceDesc[bibl/@type = 'original']" mode="facts">
    <xsl:map-entry key="'originals'" select="bibl[@type = 'original']"/>
    <xsl:apply-templates mode="facts"/>
  </xsl:template>

  <xsl:template match="editorialDecl/correction" mode="facts">
    <xsl:map-entry key="'correction'" select="normalize-space()"/>
  </xsl:template>

  <!-- Word count recorded by the pipeline; it wins over a recount. -->
  <xsl:template match="fileDesc/extent/measure[@unit = 'words'][@quantity castable as xs:integer]"
                mode="facts">
    <xsl:map-entry key="'words'" select="xs:integer(@quantity)"/>
  </xsl:template>

  <!-- The program (and version) that encoded the TEI. -->
  <xsl:template match="appInfo/application" mode="facts">
    <xsl:map-entry key="'application'" select="normalize-space(string-join((label, @version), ' '))"/>
    <xsl:map-entry key="'version'" select="string(@version)"/>
  </xsl:template>

  <!-- Date of the latest change (ISO dates sort as strings): when the TEI
       was last generated or edited. -->
  <xsl:template match="revisionDesc[change/@when]" mode="facts">
    <xsl:map-entry key="'generated'" select="max(change/@when ! string())"/>
  </xsl:template>

</xsl:stylesheet>
