<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "core": p, lb, and the fallback for elements no module handles
  yet.

  Every output format implements these named templates (its "hooks"); they
  are called with the TEI element as context and in the current mode, and
  render the element's content with apply-templates mode="#current":
    a:make-section    (depth, id)  a div
    a:make-heading    (depth)      a head
    a:make-paragraph               a p
    a:make-block                   an unknown element standing between blocks
    a:make-inline                  an unknown element inside running text
    a:make-line-break              an lb
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The edition modes. Text nodes are copied by default: text is never
       dropped unless a template says so on purpose. -->
  <xsl:mode name="reading" on-no-match="text-only-copy"/>
  <xsl:mode name="text" on-no-match="text-only-copy"/>

  <xsl:template match="p" mode="reading text">
    <xsl:call-template name="a:make-paragraph"/>
  </xsl:template>

  <xsl:template match="lb" mode="reading text">
    <xsl:call-template name="a:make-line-break"/>
  </xsl:template>

  <!-- Fallback: an element without a template of its own keeps its text.
       Standing among sections and paragraphs it is a block of its own,
       otherwise it flows with the text around it. -->
  <xsl:template match="*" mode="reading text" priority="-1">
    <xsl:choose>
      <xsl:when test="parent::body or parent::div or parent::front or parent::back">
        <xsl:call-template name="a:make-block"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="a:make-inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
