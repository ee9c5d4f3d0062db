<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML implementation of the format hooks declared in common/core.xsl.
  Unknown TEI elements become div/span with class "tei-NAME", so they can
  be styled (or spotted) before they get a proper template.
  Block elements are followed by a newline (the TEI's own indentation is
  dropped): the HTML source stays readable, and text extracted from the
  page (textContent, search indexers) does not glue the last word of one
  block to the first of the next.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:template name="a:make-section">
    <xsl:param name="depth" as="xs:integer" required="yes"/>
    <xsl:param name="id" as="xs:string" required="yes"/>
    <section id="{$id}" class="depth-{$depth}">
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates mode="#current"/>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- h1 is the document title, so sections start at h2; HTML stops at h6. -->
  <xsl:template name="a:make-heading">
    <xsl:param name="depth" as="xs:integer" required="yes"/>
    <xsl:element name="h{min((6, $depth + 1))}">
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="a:make-paragraph">
    <p>
      <xsl:apply-templates mode="#current"/>
    </p>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="a:make-block">
    <div class="tei-{local-name()}">
      <xsl:apply-templates mode="#current"/>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="a:make-inline">
    <span class="tei-{local-name()}">
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <xsl:template name="a:make-line-break">
    <br/>
  </xsl:template>

</xsl:stylesheet>
