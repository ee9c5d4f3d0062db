<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "namesdates": persName, placeName, orgName. The kind and the
  authority key (the part of @ref after '#') are worked out here; the
  format decides what a name looks like (hook a:make-name). Names found
  by evidence only have no @ref: their key is ''. Dates are phrases of
  core.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="persName | placeName | orgName" mode="reading diplomatic">
    <xsl:call-template name="a:make-name">
      <xsl:with-param name="kind" select="a:name-kind(.)"/>
      <xsl:with-param name="key" select="a:name-key(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- person, place or org. -->
  <xsl:function name="a:name-kind" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="substring-before(local-name($name), 'Name') ! (if (. = 'pers') then 'person' else .)"/>
  </xsl:function>

  <!-- The authority id a name points at ("authority.xml#tirana" -> "tirana"). -->
  <xsl:function name="a:name-key" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if (contains($name/@ref, '#')) then substring-after($name/@ref, '#') else ''"/>
  </xsl:function>

  <!-- Counted in one pass (xsl:number would recount from the start for every
       name: quadratic in the length of the text). -->
  <xsl:accumulator name="a:names" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="text//persName | text//placeName | text//orgName"
                          select="$value + 1"/>
  </xsl:accumulator>

  <!-- Number of a name among all the names of the text, in document order;
       the pipeline's register summaries count the same way (transform.py). -->
  <xsl:function name="a:name-number" as="xs:integer">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="$name/accumulator-before('a:names')"/>
  </xsl:function>

</xsl:stylesheet>
