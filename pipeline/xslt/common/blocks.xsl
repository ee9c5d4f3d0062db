<?xml version="1.0" encoding="UTF-8"?>
<!--
  Where a part of other projects' TEI stands, for the modules that render
  an element as a block when it stands among blocks and as a phrase when
  it is inside running text (drama.xsl, front.xsl):
    a:standing($el)      $el stands among blocks: between sections and
                         paragraphs, or in a part made of blocks (a title
                         page, an epigraph, a speech, a cast list ...)
    a:holds-blocks($el)  $el has, in its own text (not in a note, which is
                         rendered after the text), an element that is
                         always a block (a list, table, stanza, paragraph
                         ...). HTML renders such a p as <div class="p">:
                         a block inside <p> would close the p
                         (docs/foreign-tei.md).
  and the template shared by such parts (a:part).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Parts whose children are blocks. -->
  <xsl:function name="a:block-container" as="xs:boolean">
    <xsl:param name="el" as="element()?"/>
    <xsl:sequence select="exists($el[self::titlePage or self::docTitle or self::epigraph or self::argument
        or self::sp or self::castList or self::castGroup or self::opener or self::closer
        or self::postscript or self::note or self::floatingText or self::spGrp or self::prologue
        or self::epilogue or self::set
        or self::cit[a:standing(.) or a:holds-blocks(.)] or self::quote[a:holds-blocks(.)]])"/>
  </xsl:function>

  <xsl:function name="a:standing" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="a:between-blocks($el) or a:block-container($el/parent::*)"/>
  </xsl:function>

  <xsl:function name="a:holds-blocks" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el//*[self::list or self::listBibl or self::table or self::lg or self::l
        or self::figure or self::p or self::ab or self::head or self::address or self::opener or self::closer
        or self::postscript or self::dateline or self::salute or self::signed or self::docDate
        or self::sp or self::castList or self::titlePage or self::epigraph or self::argument
        or self::floatingText or self::div]
        [empty(ancestor::note[. >> $el])])"/>
  </xsl:function>

  <!-- A part: a block of blocks ($group) or a line of its own (a paragraph
       of class $class) where it stands among blocks or holds some; a
       phrase in running text. A group written as plain words is a
       paragraph, so that no word is left outside a block. -->
  <xsl:template name="a:part">
    <xsl:param name="group" as="xs:boolean" select="false()"/>
    <xsl:param name="class" as="xs:string" select="local-name()"/>
    <xsl:choose>
      <xsl:when test="$group and (a:standing(.) or a:holds-blocks(.)) and not(text()[normalize-space()])">
        <xsl:call-template name="a:make-group">
          <xsl:with-param name="kind" select="$class"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="a:standing(.) or a:holds-blocks(.)">
        <xsl:call-template name="a:make-paragraph">
          <xsl:with-param name="class" select="$class"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="a:make-inline">
          <xsl:with-param name="style" select="$class"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An anonymous block is a paragraph; a text floating in another (a
       letter quoted in a novel) a block of its blocks. -->
  <xsl:template match="ab" mode="reading diplomatic">
    <xsl:call-template name="a:make-paragraph">
      <xsl:with-param name="class" select="'ab'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="floatingText" mode="reading diplomatic">
    <xsl:call-template name="a:make-group">
      <xsl:with-param name="kind" select="'floatingText'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Indentation between the blocks of a part is not text. -->
  <xsl:template match="(titlePage | docTitle | epigraph | argument | sp | castList | castGroup | spGrp | prologue
                        | epilogue | set
                        | cit[a:standing(.) or a:holds-blocks(.)] | quote[a:holds-blocks(.)] | floatingText)/text()[not(normalize-space())]"
                mode="reading diplomatic"/>

</xsl:stylesheet>
