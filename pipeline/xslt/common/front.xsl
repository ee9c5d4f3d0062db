<?xml version="1.0" encoding="UTF-8"?>
<!--
  Title pages, the parts that open and close a text, and quotations with
  their source, as other projects encode them: titlePage, docTitle and
  epigraph, argument (blocks of blocks); titlePart, docAuthor,
  docImprint, docEdition, byline, trailer (lines of their own where they
  stand among blocks, phrases in running text); cit (a quotation and its
  bibl), a quote made of paragraphs or verse (a block quotation), a bibl
  inside running text (a phrase), publisher and pubPlace (phrases).
  docDate is in textstructure.xsl, quote and bibl otherwise in core.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="titlePage | docTitle | epigraph | argument | cit" mode="reading diplomatic">
    <xsl:call-template name="a:part">
      <xsl:with-param name="group" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The class is the part and its type ("titlePart main"). -->
  <xsl:template match="titlePart | docAuthor | docImprint | docEdition | byline | trailer"
                mode="reading diplomatic">
    <xsl:call-template name="a:part">
      <xsl:with-param name="class" select="string-join((local-name(), @type ! string()), ' ')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A quotation of paragraphs or stanzas is a block quotation (HTML
       blockquote); its words keep the source's marks, as our quote. -->
  <xsl:template match="quote[a:holds-blocks(.)]" mode="reading diplomatic" priority="0.6">
    <xsl:call-template name="a:make-group">
      <xsl:with-param name="kind" select="'quote'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A quotation of running words standing among blocks (in an epigraph,
       a cit): a block quotation of one paragraph. -->
  <xsl:template match="quote[a:standing(.)]" mode="reading diplomatic">
    <xsl:call-template name="a:make-quotation"/>
  </xsl:template>

  <!-- A reference in running text ("as Marx wrote (<bibl>...</bibl>)") is a
       phrase, not a source line. -->
  <xsl:template match="bibl[not(parent::listBibl)][ancestor::p or ancestor::l or ancestor::head or ../text()[normalize-space()]
                            or parent::cit[not(a:standing(.) or a:holds-blocks(.))]]"
                mode="reading diplomatic">
    <xsl:call-template name="a:make-inline">
      <xsl:with-param name="style" select="'bibl'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="publisher | pubPlace" mode="reading diplomatic">
    <xsl:call-template name="a:make-inline">
      <xsl:with-param name="style" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
