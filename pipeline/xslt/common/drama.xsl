<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "drama", as other projects encode plays: a speech (sp) is a
  block of its speaker's name and what is said (p, l, lg); a stage
  direction is a line of its own among them and a phrase inside a line
  (so are view, camera, sound); spGrp, prologue, epilogue, set are blocks;
  a cast list is a block with one line per cast item (role, its
  description, the actor as phrases). Our own TEI has none of these.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="sp | castList | castGroup | spGrp | prologue | epilogue | set" mode="reading diplomatic">
    <xsl:call-template name="a:part">
      <xsl:with-param name="group" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- view, camera, sound: the directions of a screenplay or broadcast. -->
  <xsl:template match="speaker | stage | castItem | view | camera | sound" mode="reading diplomatic">
    <xsl:call-template name="a:part"/>
  </xsl:template>

  <xsl:template match="role | roleDesc | actor" mode="reading diplomatic">
    <xsl:call-template name="a:part"/>
  </xsl:template>

  <!-- A movement on or off the stage has no words. -->
  <xsl:template match="move" mode="reading diplomatic"/>

</xsl:stylesheet>
