<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: the map page (map.html), every place of the registers
  that has coordinates, from an input (no namespace) written by
  pipeline/editions/placemap.py:
    <place-map places="89" unmapped="44">
      <place key="tirana" label="Tirana" lat="41.3274" lon="19.8187"/>...
    </place-map>
  (places: every place entry; unmapped: those without usable coordinates;
  the places in the order of the list, by name).
  The page is a table of the places, each linked to its register entry
  (which lists every occurrence), with its coordinates; the table is the
  map's data too (data-lat, data-lon), so the page works without script,
  without network and with a screen reader, and map.js draws it as a
  Leaflet map of circle markers. Only this page loads Leaflet and map.js
  (vendor/leaflet/ and map.js, copied there by pipeline/editions/collection.py),
  and only it asks for tiles ($map-tiles; '' for none).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:include href="../params.xsl"/>
  <xsl:include href="page.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
              include-content-type="no"/>

  <!-- Where collection.py puts the map's code, relative to the page. -->
  <xsl:variable name="leaflet" select="'vendor/leaflet/'"/>
  <xsl:variable name="map-script" select="'map.js'"/>

  <xsl:template match="/place-map">
    <xsl:variable name="mapped" select="count(place)"/>
    <xsl:variable name="unmapped" select="xs:integer(@unmapped)"/>
    <xsl:call-template name="a:html-page">
      <xsl:with-param name="title" select="'Map'"/>
      <xsl:with-param name="head" as="node()*">
        <xsl:if test="$mapped gt 0">
          <link rel="stylesheet" href="{$leaflet}leaflet.css"/>
          <script src="{$leaflet}leaflet.js" defer="defer"></script>
          <script src="{$map-script}" defer="defer"></script>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <h1>Map of places</h1>
        <xsl:text>&#10;</xsl:text>
        <xsl:choose>
          <xsl:when test="$mapped gt 0">
            <p class="totals">{a:places($mapped)} of the <a href="{$places-href}">register
              of places</a> {if ($mapped eq 1) then 'has' else 'have'} coordinates and
              {if ($mapped eq 1) then 'is' else 'are'} shown here. Select a circle for the
              place's name and a link to its register entry, which lists every passage
              that names it. The same places are listed under the map.<xsl:if
                test="$unmapped gt 0">{' '}{a:places($unmapped)} of the register
              {if ($unmapped eq 1) then 'has' else 'have'} no coordinates and
              {if ($unmapped eq 1) then 'is' else 'are'} not on the map.</xsl:if></p>
            <xsl:text>&#10;</xsl:text>
            <!-- Hidden until map.js draws in it: without script or without
                 Leaflet there is no empty box, only the list. -->
            <div id="place-map" class="place-map" hidden="hidden" role="region"
                 aria-label="Map of the places listed below"
                 data-tiles="{$map-tiles}" data-attribution="{$map-attribution}"></div>
            <xsl:text>&#10;</xsl:text>
            <table class="map-places">
              <caption>Places on the map, by name</caption>
              <thead>
                <tr><th scope="col">Place</th><th scope="col">Coordinates</th></tr>
              </thead>
              <tbody>
                <xsl:apply-templates select="place"/>
              </tbody>
            </table>
            <xsl:text>&#10;</xsl:text>
          </xsl:when>
          <xsl:otherwise>
            <p class="totals">No place of the register has coordinates yet, so there
              is nothing to draw on a map<xsl:if test="$unmapped gt 0">{' '}({a:places($unmapped)}
              without coordinates)</xsl:if>. The <a href="{$places-href}">register of
              places</a> lists them all.</p>
            <xsl:text>&#10;</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One place: its name linked to its register entry; the row's id is the
       entry's key, so map.html#KEY lands on the row without script and
       opens the map on the place with it (map.js). -->
  <xsl:template match="place">
    <xsl:text>&#10;</xsl:text>
    <tr id="{@key}" data-lat="{@lat}" data-lon="{@lon}">
      <td><a href="{a:register-page('place', a:initial(@key))}#{@key}">{@label}</a></td>
      <td class="coords">{a:degrees(@lat, 'N', 'S')}, {a:degrees(@lon, 'E', 'W')}</td>
    </tr>
  </xsl:template>

  <!-- "41.3274° N", "0.1278° W": the digits as the authority file has them. -->
  <xsl:function name="a:degrees" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:param name="plus" as="xs:string"/>
    <xsl:param name="minus" as="xs:string"/>
    <xsl:sequence select="if (starts-with($value, '-')) then substring($value, 2) || '° ' || $minus
                          else $value || '° ' || $plus"/>
  </xsl:function>

  <xsl:function name="a:places" as="xs:string">
    <xsl:param name="count" as="xs:integer"/>
    <xsl:sequence select="a:n($count) || (if ($count eq 1) then ' place' else ' places')"/>
  </xsl:function>

  <xsl:template match="/*[not(self::place-map)]">
    <xsl:message terminate="yes">map.xsl: expected a place map, got {name()}</xsl:message>
  </xsl:template>

</xsl:stylesheet>
