<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "transcr" / "core": what a writer or an editor did to the text,
  as other projects encode it (our own pipeline makes none of these):
    del       left out of the reading view (the writer took it back); in
              the diplomatic view, struck through as written
    add       in both views (the writer wanted it); marked as an addition
              in the diplomatic view only
    subst     a del and an add that go together: each as above
    unclear   in both views; marked, with its @reason, in the diplomatic
              view (the reading view reads it as the editor read it)
    gap       in both views a visible marker, so that no one takes the text
              as whole; its @reason/@extent as a hint
    supplied  in both views, in square brackets (text) or a class that
              archive.css brackets (HTML): the editor's words, shown as such
  The format draws each mark through the hook a:make-edit (kind, hint).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The attributes that say why or how much, as a hint: "illegible, 3 words". -->
  <xsl:function name="a:edit-hint" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="string-join((
        $el/@reason, $el/@agent, $el/@rend, $el/@place, $el/@hand,
        $el/@extent, $el/@quantity ! (. || ' ' || ($el/@unit, 'units')[1])) ! normalize-space()[.], ', ')"/>
  </xsl:function>

  <xsl:template match="del" mode="reading"/>

  <xsl:template match="del" mode="diplomatic">
    <xsl:call-template name="a:make-edit">
      <xsl:with-param name="kind" select="'del'"/>
      <xsl:with-param name="hint" select="a:edit-hint(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="add" mode="reading">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <xsl:template match="add" mode="diplomatic">
    <xsl:call-template name="a:make-edit">
      <xsl:with-param name="kind" select="'add'"/>
      <xsl:with-param name="hint" select="a:edit-hint(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Its del and add do the work; the whitespace between them is not text. -->
  <xsl:template match="subst" mode="reading diplomatic">
    <xsl:apply-templates select="*" mode="#current"/>
  </xsl:template>

  <xsl:template match="unclear" mode="reading">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <xsl:template match="unclear" mode="diplomatic">
    <xsl:call-template name="a:make-edit">
      <xsl:with-param name="kind" select="'unclear'"/>
      <xsl:with-param name="hint" select="a:edit-hint(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A gap has no words; its marker is the same in both views. -->
  <xsl:template match="gap" mode="reading diplomatic">
    <xsl:call-template name="a:make-edit">
      <xsl:with-param name="kind" select="'gap'"/>
      <xsl:with-param name="hint" select="a:edit-hint(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="supplied" mode="reading diplomatic">
    <xsl:call-template name="a:make-edit">
      <xsl:with-param name="kind" select="'supplied'"/>
      <xsl:with-param name="hint" select="a:edit-hint(.)"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
