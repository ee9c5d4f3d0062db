<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "textstructure": text, front, body, back, div, head, docDate.
  These templates decide what an element IS (a section of depth N with a
  stable id, a heading of depth N); how it looks is up to the output
  format, through the hooks listed in core.xsl. They run in both views,
  "reading" and "diplomatic" (core.xsl), in every format.
  Letters (opener, closer, ...) are in letters.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The text proper: body, back matter, then the footnotes of the whole
       text (notes.xsl). The front matter (the document's date) belongs
       under the title, so the entry stylesheets render it there. -->
  <xsl:template match="text" mode="reading diplomatic">
    <xsl:apply-templates select="body, back" mode="#current"/>
    <xsl:call-template name="a:footnotes"/>
  </xsl:template>

  <!-- front/back hold web furniture (omit.xsl), docDate and the OCR
       notes (transcr.xsl). -->
  <xsl:template match="front | body | back" mode="reading diplomatic">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- Indentation between blocks is not text of the source; dropping it
       keeps the text edition's blank lines exact. Whitespace inside p,
       head, item and other mixed content is untouched. -->
  <xsl:template match="(front | body | back | div | list | listBibl | figure | opener | closer
                        | postscript | note[p | bibl])/text()[not(normalize-space())]"
                mode="reading diplomatic"/>

  <!-- A section. Depth 1 is a top-level div; formats map it to a heading
       level or an underline style, and its kind (a letter, a diary entry)
       to a layout. -->
  <xsl:template match="div" mode="reading diplomatic">
    <xsl:call-template name="a:make-section">
      <xsl:with-param name="depth" select="count(ancestor-or-self::div)"/>
      <xsl:with-param name="id" select="a:section-id(.)"/>
      <xsl:with-param name="kind" select="string((@type, 'section')[1])"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A section heading gets the depth of its div (a head directly in body
       counts as top level). Inside the div whose head is shown as the
       page's title, the sections are the title's first level: without this,
       a page would go from its title (h1) to h3. Heads of lists are
       captions (lists.xsl). -->
  <xsl:template match="head" mode="reading diplomatic">
    <xsl:variable name="title-div" select="a:title-head(.)/parent::div"/>
    <xsl:variable name="under-title" as="xs:integer"
        select="if (ancestor::div[. is $title-div]) then count($title-div/ancestor-or-self::div) else 0"/>
    <xsl:call-template name="a:make-heading">
      <xsl:with-param name="depth" select="max((1, count(ancestor::div) - $under-title))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The head that opens the text and repeats the title is shown once,
       as the title (see a:title-head). -->
  <xsl:template match="head[. is a:title-head(.)]" mode="reading diplomatic"/>

  <!-- The date of the document, shown under the title. -->
  <xsl:template match="docDate" mode="reading diplomatic">
    <xsl:call-template name="a:make-paragraph">
      <xsl:with-param name="class" select="'docdate'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The head with which the body begins, when it is the document's title
       (the pipeline takes the title from the first heading): the pages
       print it as the title, with its own line breaks, instead of printing
       the same words twice. Empty when the body starts otherwise. Words
       count as in words.py, and as in a title made from a head with lb. -->
  <xsl:function name="a:title-head" as="element()?">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="tei" select="root($doc)/TEI"/>
    <xsl:sequence select="($tei/text/body//div/head)[1]
        [not(preceding::text()[normalize-space()][ancestor::body][not(ancestor::*[a:left-out(.)])])]
        [a:title($tei) = (normalize-space(string-join(.//text(), ' ')), normalize-space(.))]"/>
  </xsl:function>

</xsl:stylesheet>
