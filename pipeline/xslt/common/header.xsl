<?xml version="1.0" encoding="UTF-8"?>
<!--
  Facts from the teiHeader, gathered into one map so that every edition
  (HTML source note, text-edition source line, later the registers) shows
  the same facts the same way. Each header element contributes its entry
  from its own template in mode "facts"; a new fact is a new template.
  Keys: title, source-file, sha256, source-extent, publisher, source-date, url,
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

  <!-- The address the source was found at, when the header records one. -->
  <xsl:template match="sourceDesc/bibl[not(@type)]/ref[@target] | sourceDesc/bibl[not(@type)]/ptr[@target]"
                mode="facts">
    <xsl:map-entry key="'url'" select="normalize-space(@target)"/>
  </xsl:template>

  <xsl:template match="sourceDesc/bibl[not(@type)]/idno[lower-case(@type) = ('uri', 'url')]" mode="facts">
    <xsl:map-entry key="'url'" select="normalize-space()"/>
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

  <!-- Credits: who made, published, holds and licenses a text from another
       project (a TEI the archive pipeline did not make: a:foreign), one
       <credit label="" href=""> line per fact in the header's order; the
       HTML page and the text edition show them all, and cite the text by
       them (a:citation-parts). Our own TEI's header is the pipeline's
       record, shown by the source panel: its credits are not listed. -->
  <xsl:mode name="a:credits" on-no-match="shallow-skip"/>

  <xsl:function name="a:credits" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:apply-templates select="$tei/teiHeader" mode="a:credits"/>
  </xsl:function>

  <!-- A name or a phrase as one line: name parts (forename, surname) kept
       apart by a space even when encoded without one. -->
  <xsl:function name="a:plain" as="xs:string">
    <xsl:param name="el" as="node()?"/>
    <xsl:sequence select="normalize-space(if ($el/(forename | surname | addName | roleName | genName | nameLink))
                          then string-join($el//text(), ' ') else string($el))"/>
  </xsl:function>

  <xsl:template name="a:credit">
    <xsl:param name="label" as="xs:string" required="yes"/>
    <xsl:param name="value" as="xs:string?" required="yes"/>
    <xsl:param name="href" as="xs:string?" select="()"/>
    <xsl:if test="normalize-space($value)">
      <credit label="{$label}">
        <xsl:if test="$href"><xsl:attribute name="href" select="$href"/></xsl:if>
        <xsl:value-of select="normalize-space($value)"/>
      </credit>
    </xsl:if>
  </xsl:template>

  <!-- titleStmt: the people and bodies responsible for the text. -->
  <xsl:template match="titleStmt/author | titleStmt/editor | titleStmt/sponsor | titleStmt/funder
                       | titleStmt/principal" mode="a:credits">
    <xsl:call-template name="a:credit">
      <xsl:with-param name="label" select="map {'author': 'Author', 'editor': 'Editor',
          'sponsor': 'Sponsor', 'funder': 'Funder', 'principal': 'Principal investigator'}(local-name())
          || @role ! (' (' || . || ')')"/>
      <xsl:with-param name="value" select="a:plain(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Each respStmt: its resp as the label ("Transcription and coding by"),
       its names (empty ones left out) as the value. -->
  <xsl:template match="titleStmt/respStmt" mode="a:credits">
    <xsl:variable name="resp" select="normalize-space(string-join(resp, '; '))"/>
    <xsl:call-template name="a:credit">
      <xsl:with-param name="label" select="if ($resp) then upper-case(substring($resp, 1, 1)) || substring($resp, 2)
                                           else 'Responsibility'"/>
      <xsl:with-param name="value" select="string-join((* except resp) ! a:plain(.)[.], ', ')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- publicationStmt: who publishes, where, when, under which identifier. -->
  <xsl:template match="publicationStmt/publisher | publicationStmt/distributor | publicationStmt/authority
                       | publicationStmt/pubPlace | publicationStmt/date | publicationStmt/idno"
                mode="a:credits">
    <xsl:call-template name="a:credit">
      <xsl:with-param name="label" select="map {'publisher': 'Publisher', 'distributor': 'Distributor',
          'authority': 'Made available by', 'pubPlace': 'Place of publication', 'date': 'Published',
          'idno': 'Identifier'}(local-name()) || @type ! (' (' || . || ')')"/>
      <xsl:with-param name="value" select="a:plain(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Availability: its statements (courtesy lines), and the licence with
       its link, which CC BY requires to travel with the text. -->
  <xsl:template match="availability/p | availability[not(*)]" mode="a:credits">
    <xsl:call-template name="a:credit">
      <xsl:with-param name="label" select="'Availability'"/>
      <xsl:with-param name="value" select="a:plain(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="availability//licence" mode="a:credits">
    <xsl:call-template name="a:credit">
      <xsl:with-param name="label" select="'Licence'"/>
      <xsl:with-param name="value" select="(a:plain(.)[.], string(@target))[1]"/>
      <xsl:with-param name="href" select="@target[normalize-space()] ! string()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- sourceDesc: where the original is held, and its shelfmark. -->
  <xsl:template match="msIdentifier" mode="a:credits">
    <xsl:call-template name="a:credit">
      <xsl:with-param name="label" select="'Held by'"/>
      <xsl:with-param name="value" select="string-join((country, region, settlement, institution, repository)
                                           ! a:plain(.)[.], ', ')"/>
    </xsl:call-template>
    <xsl:for-each select="collection, msName">
      <xsl:call-template name="a:credit">
        <xsl:with-param name="label" select="if (self::collection) then 'Collection' else 'Manuscript name'"/>
        <xsl:with-param name="value" select="a:plain(.)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="idno, altIdentifier/idno">
      <xsl:call-template name="a:credit">
        <xsl:with-param name="label" select="'Shelfmark' || @type ! (' (' || . || ')')"/>
        <xsl:with-param name="value" select="a:plain(.)"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- A printed or described source: the bibliographic line as written. -->
  <xsl:template match="sourceDesc/bibl | sourceDesc/p | sourceDesc/biblStruct" mode="a:credits">
    <xsl:call-template name="a:credit">
      <xsl:with-param name="label" select="'Source'"/>
      <xsl:with-param name="value" select="a:plain(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="sourceDesc/biblFull" mode="a:credits">
    <xsl:call-template name="a:credit">
      <xsl:with-param name="label" select="'Source'"/>
      <xsl:with-param name="value" select="string-join((titleStmt/(title, author, editor),
          publicationStmt/(publisher, pubPlace, date)) ! a:plain(.)[.], ', ')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A letter's sending and receipt: who, where, when. -->
  <xsl:template match="correspDesc/correspAction" mode="a:credits">
    <xsl:call-template name="a:credit">
      <xsl:with-param name="label" select="(map {'sent': 'Sent by', 'received': 'Received by',
          'transmitted': 'Transmitted by', 'redirected': 'Redirected by', 'forwarded': 'Forwarded by'}(@type),
          'Correspondence')[1]"/>
      <xsl:with-param name="value" select="string-join((
          string-join((persName, orgName, name) ! a:plain(.)[.], ' and '),
          (placeName, settlement) ! a:plain(.)[.],
          date ! (a:plain(.)[.], @when, @notBefore)[1]), ', ')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The name of a document's page and text edition: ours name it in
       their xml:id (a:doc-name); TEI from other projects by its file name
       (the pipeline gives its file as the base URI: editions/saxon.py). -->
  <xsl:function name="a:page-stem" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="if (not(a:foreign($doc)) or a:doc-name($doc)) then a:doc-name($doc)
                          else replace(tokenize(string(base-uri(root($doc))), '/')[last()], '\.[^.]*$', '')"/>
  </xsl:function>

  <!-- The citation of a text from another project, sentence by sentence,
       from what its header has (nothing is left as an empty hole):
       authors, title, editors, publisher and date, identifier, licence. -->
  <xsl:function name="a:citation-parts" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="ts" select="$tei/teiHeader/fileDesc/titleStmt"/>
    <xsl:variable name="ps" select="$tei/teiHeader/fileDesc/publicationStmt"/>
    <xsl:variable name="licence" select="($ps/availability//licence)[1]"/>
    <xsl:sequence select="(
        string-join($ts/author ! a:plain(.)[.], ', '),
        '“' || a:title($tei) || '.”',
        string-join($ts/editor ! a:plain(.)[.], ', ')[.] ! ('Edited by ' || .),
        string-join((($ps/(publisher, authority, distributor))[normalize-space()][1], $ps/pubPlace[1],
                     $ps/date[1]) ! a:plain(.)[.], ', '),
        $ps/idno[normalize-space()][1] ! a:plain(.),
        string-join(($licence ! a:plain(.)[.], $licence/@target[normalize-space()] ! string()), ', ')
      )[normalize-space()] ! (if (matches(., '[.!?”]$')) then . else . || '.')"/>
  </xsl:function>

</xsl:stylesheet>
