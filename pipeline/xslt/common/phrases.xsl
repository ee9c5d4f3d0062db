<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "core" phrases and milestones as other projects use them:
  hi (a class per @rend token: italic, bold, underline, superscript,
  small-caps ...), q and said (speech or a quotation inside a sentence),
  foreign (with its language), ref and ptr (links), pb and cb (page and
  column beginnings), numbered divisions (div1 ... div7). Our own TEI
  has only pb of these; quote, title and lb are in core.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- "hi rend-underline rend-small-caps": the format styles each token. -->
  <xsl:template match="hi" mode="reading diplomatic">
    <xsl:call-template name="a:make-inline">
      <xsl:with-param name="style" select="string-join(('hi', tokenize(@rend) ! ('rend-' || .)), ' ')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Unlike our quote, their q and said usually leave the marks out of the
       text: the format adds them. -->
  <xsl:template match="q | said" mode="reading diplomatic">
    <xsl:call-template name="a:make-inline">
      <xsl:with-param name="style" select="'q'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="foreign" mode="reading diplomatic">
    <xsl:call-template name="a:make-inline">
      <xsl:with-param name="style" select="'foreign'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A link. A ref without a target (our citation marks, omit.xsl) keeps
       the fallback's span. -->
  <xsl:template match="ref[@target] | ptr[@target]" mode="reading diplomatic">
    <xsl:call-template name="a:make-link">
      <xsl:with-param name="href" select="tokenize(@target)[1]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Page and column beginnings: where they fall in the source, in the
       diplomatic view only. The reading view flows on (for pb the
       fallback's empty span stays, as our own editions always had it). -->
  <xsl:template match="pb | cb" mode="diplomatic">
    <xsl:call-template name="a:make-page-break">
      <xsl:with-param name="unit" select="if (self::pb) then 'page' else 'column'"/>
      <xsl:with-param name="block" select="a:between-blocks(.) or exists(parent::opener | parent::closer | parent::postscript)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="cb" mode="reading"/>

  <!-- A page whose number was printed and kept (an fw type="pageNum" among
       the forme work right after its pb, as in our book builds) shows that
       number itself: no second marker, the fallback's empty element. -->
  <xsl:function name="a:page-number-printed" as="xs:boolean">
    <xsl:param name="pb" as="element()"/>
    <xsl:sequence select="some $fw in $pb/following-sibling::fw[@type = 'pageNum'][1]
                          satisfies empty($fw/preceding-sibling::*[. >> $pb][not(self::fw)])"/>
  </xsl:function>

  <xsl:template match="pb[a:page-number-printed(.)]" mode="diplomatic">
    <xsl:choose>
      <xsl:when test="a:between-blocks(.)">
        <xsl:call-template name="a:make-block"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="a:make-inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Numbered divisions are divisions of the depth they name. -->
  <xsl:template match="div1 | div2 | div3 | div4 | div5 | div6 | div7" mode="reading diplomatic">
    <xsl:variable name="number">
      <xsl:number level="multiple" count="div1 | div2 | div3 | div4 | div5 | div6 | div7" format="1-1"/>
    </xsl:variable>
    <xsl:call-template name="a:make-section">
      <xsl:with-param name="depth" select="xs:integer(substring(local-name(), 4))"/>
      <xsl:with-param name="id" select="'sec-' || $number"/>
      <xsl:with-param name="kind" select="string((@type, 'section')[1])"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="(div1 | div2 | div3 | div4 | div5 | div6 | div7)/head" mode="reading diplomatic">
    <xsl:call-template name="a:make-heading">
      <xsl:with-param name="depth" select="xs:integer(substring(local-name(..), 4))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="(div1 | div2 | div3 | div4 | div5 | div6 | div7)/text()[not(normalize-space())]"
                mode="reading diplomatic"/>

</xsl:stylesheet>
