<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: one TEI document -> the plain-text edition (UTF-8,
  wrapped at $line-width), in the view $view names: "reading" (corrected,
  no web furniture or citation marks) or "diplomatic" (as printed).
  Title, the front matter (date), the text with its footnotes gathered at
  the end, then one source line; the rest of the header stays in the
  TEI/HTML.
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
  <xsl:include href="render.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/TEI">
    <xsl:variable name="facts" select="a:header-facts(.)"/>
    <!-- When the text opens with the title as its first head, that head is
         the title (with its line breaks) and is not repeated below. -->
    <xsl:variable name="title-head" select="a:title-head(.)"/>
    <xsl:variable name="title" as="xs:string">
      <xsl:choose>
        <xsl:when test="exists($title-head)">
          <xsl:variable name="lines">
            <xsl:apply-templates select="$title-head/node()" mode="reading"/>
          </xsl:variable>
          <xsl:sequence select="string($lines)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="$facts?title"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- Front matter (the document's date) right after the title, then the
         text with its footnotes. -->
    <!-- A mode cannot be chosen at run time: one branch per view. -->
    <xsl:variable name="body">
      <xsl:choose>
        <xsl:when test="$view = 'diplomatic'">
          <xsl:apply-templates select="text/front, text" mode="diplomatic"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="text/front, text" mode="reading"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="source" select="string-join(('Source:', $facts?source-file,
        $facts?sha256 ! ('(sha256 ' || . || ')')), ' ')"/>
    <!-- Blocks end in a blank line; the file ends in exactly one newline. -->
    <xsl:value-of select="replace(
        a:text-heading($title, '=') || (if (a:foreign(.)) then a:text-credits(.) else '')
          || translate(string($body), '&#x2028;', ' ')
          || (if (exists($facts?source-file)) then a:text-block($source) else ''),
        '&#10;+$', '&#10;')"/>
  </xsl:template>

  <!-- The head of a text from another project: its credits, one wrapped
       "Label: value" line each (the licence with its address), then how to
       cite it, so that the text file carries its attribution. -->
  <xsl:function name="a:text-credits" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="lines" select="a:credits($tei) ! string-join(a:hang(
        @label || ': ' || . || (if (@href and not(@href = string(.))) then ' &lt;' || @href || '&gt;' else ''),
        '', '    '), '&#10;')"/>
    <xsl:variable name="page" select="a:page-stem($tei)[.] ! (. || (if ($view = 'diplomatic') then '.diplomatic' else '') || '.txt')"/>
    <xsl:variable name="cite" select="string-join((a:citation-parts($tei), 'In ' || $site-title
        || $editor[.] ! (', edited by ' || .) || '; built ' || $build-date
        || (if ($pipeline-version) then ' with archive pipeline ' || $pipeline-version else '')
        || ($page ! (': ' || .)) || '.'), ' ')"/>
    <xsl:sequence select="if (empty($lines)) then ''
        else string-join($lines ! (. || '&#10;')) || '&#10;' || a:text-block('Cite as: ' || $cite)"/>
  </xsl:function>

  <xsl:template match="/*[not(self::TEI)]">
    <xsl:message terminate="yes">txt.xsl: expected a TEI document, got {name()}</xsl:message>
  </xsl:template>

</xsl:stylesheet>
