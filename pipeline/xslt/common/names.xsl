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

  <!-- The authority id a name points at ("authority.xml#tirana" -> "tirana").
       In TEI from other projects, the entry of the document's own lists it
       resolves to: pipeline/editions/foreign.py works it out (key_of) and
       hands it over as a:key, in memory. -->
  <xsl:function name="a:name-key" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if (a:foreign($name)) then string($name/@a:key)
                          else if (contains($name/@ref, '#')) then substring-after($name/@ref, '#') else ''"/>
  </xsl:function>

  <!-- A TEI document the archive pipeline did not make (its appInfo does
       not name it). Nodes of temporary trees are never foreign: our own
       editions stay as they were. pipeline/editions/foreign.py: ours(). -->
  <xsl:function name="a:foreign" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="tei" select="root($node)/TEI"/>
    <xsl:sequence select="exists($tei) and empty($tei/teiHeader/encodingDesc/appInfo/application[@ident = 'archive-pipeline'])"/>
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
