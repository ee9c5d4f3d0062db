<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: the registers of names. Each register (persons,
  places, organisations) has an overview, a page per initial and a page of
  the names with no entry; the inputs (no namespace) are written by
  pipeline/editions/collection.py from the authority file and the documents' pieces:
    <register kind="place" entries="89" occurrences="334" documents="5"
              unlisted-names="12" unlisted-occurrences="20">
      <letter name="a"><entry key="albania" label="Albania" occurrences="40"
                              documents="5"/>...</letter>...
    </register>
      the overview (places.html): totals, the initials, and every entry with
      its totals, linked to its place on the page of its initial;
    <register-letter kind="place" letter="a">
      <letter name="a"/>...                        (every initial, for the links)
      <tei:place xml:id="...">...</tei:place>      (the curated entries, as they are)
      <count key="albania" slot="0" occurrences="40" documents="5"/>
      <mapped key="albania"/>                      (a place on the map page)
    </register-letter>
      the page of an initial (places-a.html; "other" for ids that do not start
      with a to z): each entry with its totals and a comment "part:SLOT" in
      its list, where the pipeline puts the items of every document;
    <register-unlisted kind="place">
      <count key="Spelling" slot="0" occurrences="3" documents="2"/>
    </register-unlisted>
      the names found with no entry (places-unlisted.html), one per spelling;
    <doc-occurrences href="NAME.html" title="...">
      <occ item="0" kind="place" key="albania" spelling="Albania" n="12"
           left="… troops invaded " right=" on 7 April …" refs=""/>
    </doc-occurrences>  (one occ per spot, an item's in document order; n: the
                         name-N id of the page; left, right: a few words of the
                         reading text either side; refs: the name's @ref web
                         addresses, shown as links where known, as GeoNames)
      the items of one document, one per @item (an entry, or the spelling
      of a name with no entry), each after a comment "piece": made once per
      document (pipeline/editions/pieces.py), so that a changed document renders its
      own items again and nothing else.
  Each entry lists its spellings, its identifiers elsewhere (GeoNames,
  Wikidata, VIAF: idno, or a web address in @ref), and every occurrence,
  document by document, in its context, linked to the spot.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:include href="../params.xsl"/>
  <xsl:include href="page.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
              include-content-type="no"/>

  <xsl:key name="count" match="count" use="@key"/>
  <xsl:key name="mapped" match="mapped" use="@key"/>

  <xsl:variable name="titles" select="map {'person': 'Persons', 'place': 'Places',
                                          'org': 'Organisations'}"/>
  <xsl:variable name="overviews" select="map {'person': $persons-href, 'place': $places-href,
                                             'org': $organisations-href}"/>

  <!-- The overview: totals, initials, every entry with its totals. -->
  <xsl:template match="/register">
    <xsl:variable name="title" select="$titles(@kind)"/>
    <xsl:variable name="kind" select="string(@kind)"/>
    <xsl:call-template name="a:html-page">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$title}</h1>
        <xsl:text>&#10;</xsl:text>
        <p class="totals">{a:n(@entries)} entries of the authority file,
          {a:n(@occurrences)} occurrences in {a:n(@documents)} documents<xsl:if
            test="xs:integer(@unlisted-names) gt 0">; <a
            href="{a:register-page($kind, 'unlisted')}">{a:n(@unlisted-occurrences)} occurrences of
            {a:n(@unlisted-names)} names not in the authority file</a></xsl:if>.</p>
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="letters">
          <xsl:with-param name="kind" select="$kind"/>
        </xsl:call-template>
        <xsl:for-each select="letter">
          <section class="letter" aria-labelledby="letter-{@name}">
            <h2 id="letter-{@name}"><a href="{a:register-page($kind, @name)}">{a:letter-label(@name)}</a></h2>
            <xsl:text>&#10;</xsl:text>
            <ul class="entries">
              <xsl:for-each select="entry">
                <xsl:variable name="total" select="xs:integer(@occurrences)"/>
                <li><a href="{a:register-page($kind, ../@name)}#{@key}">{@label}</a>
                  <xsl:text> </xsl:text>
                  <span class="count">({if ($total eq 0) then 'no occurrence'
                    else a:n($total) || ' in ' || a:n(@documents) || ' document'
                         || (if (@documents ne '1') then 's' else '')})</span></li>
                <xsl:text>&#10;</xsl:text>
              </xsl:for-each>
            </ul>
          </section>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The page of one initial: its entries, each with every occurrence. -->
  <xsl:template match="/register-letter">
    <xsl:variable name="title" select="$titles(@kind) || ': ' || a:letter-label(@letter)"/>
    <xsl:call-template name="a:html-page">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$title}</h1>
        <xsl:text>&#10;</xsl:text>
        <p class="totals"><a href="{$overviews(@kind)}">All {lower-case($titles(@kind))}</a>,
          with their totals.</p>
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="letters">
          <xsl:with-param name="kind" select="string(@kind)"/>
          <xsl:with-param name="current" select="string(@letter)"/>
        </xsl:call-template>
        <xsl:apply-templates select="tei:*"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The names found with no entry, by spelling. -->
  <xsl:template match="/register-unlisted">
    <xsl:variable name="title" select="$titles(@kind) || ' not in the authority file'"/>
    <xsl:call-template name="a:html-page">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$title}</h1>
        <xsl:text>&#10;</xsl:text>
        <!-- One page for the whole collection, so it speaks of both kinds of
             document: ours (names the evidence rules found) and other
             projects' (names their own lists do not identify). -->
        <p>Names with no entry in the authority file or in their document's own
          lists. In this archive's own texts they were found by the pipeline's
          evidence rules (a title, a known first name, a head noun) and are
          candidates for the authority file.
          <a href="{$overviews(@kind)}">All {lower-case($titles(@kind))} of the
          authority file</a>.</p>
        <xsl:text>&#10;</xsl:text>
        <dl class="unlisted">
          <xsl:for-each select="count">
            <dt>{@key}</dt>
            <dd><xsl:call-template name="count-line">
                <xsl:with-param name="total" select="xs:integer(@occurrences)"/>
                <xsl:with-param name="documents" select="xs:integer(@documents)"/>
              </xsl:call-template>
              <ul class="occurrences"><xsl:comment>part:{@slot}</xsl:comment></ul></dd>
            <xsl:text>&#10;</xsl:text>
          </xsl:for-each>
        </dl>
        <xsl:text>&#10;</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Links to the page of every initial. -->
  <xsl:template name="letters">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="current" as="xs:string" select="''"/>
    <xsl:if test="letter">
      <nav class="letters" aria-label="Initial letters">
        <xsl:for-each select="letter">
          <xsl:choose>
            <xsl:when test="@name = $current">
              <strong aria-current="page">{a:letter-label(@name)}</strong>
            </xsl:when>
            <xsl:otherwise>
              <a href="{a:register-page($kind, @name)}">{a:letter-label(@name)}</a>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:text> </xsl:text>
        </xsl:for-each>
      </nav>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:function name="a:letter-label" as="xs:string">
    <xsl:param name="letter" as="xs:string"/>
    <xsl:sequence select="if ($letter eq 'other') then 'Other' else upper-case($letter)"/>
  </xsl:function>

  <!-- One authority record: its standard name, the other spellings, dates,
       the curators' note, then where it occurs. -->
  <xsl:template match="tei:person | tei:place | tei:org">
    <xsl:variable name="names" select="*[ends-with(local-name(), 'Name')]"/>
    <xsl:variable name="main" select="($names[@type = 'main'], $names)[1]"/>
    <xsl:variable name="count" select="key('count', string(@xml:id))"/>
    <article class="reg-entry" id="{@xml:id}" aria-labelledby="{@xml:id}-name">
      <!-- h2: the page's sections are its entries, right under the h1. -->
      <h2 id="{@xml:id}-name">{normalize-space($main)}</h2>
      <xsl:variable name="variants" select="($names except $main) ! normalize-space()"/>
      <xsl:if test="exists($variants)">
        <p class="variants"><span class="label">Also written: </span>{string-join($variants, ' · ')}</p>
      </xsl:if>
      <xsl:variable name="life" select="(tei:birth ! ('born ' || string-join((@when, normalize-space()[.]), ', ')),
                                         tei:death ! ('died ' || string-join((@when, normalize-space()[.]), ', ')))"/>
      <xsl:if test="exists($life)">
        <p class="life">{string-join($life, '; ')}</p>
      </xsl:if>
      <xsl:for-each select="tei:note">
        <p class="note">{normalize-space()}</p>
      </xsl:for-each>
      <xsl:variable name="ids" select="(tei:idno ! a:external-id(., string(@type)),
          (@ref, @sameAs, @corresp, *[ends-with(local-name(), 'Name')]/@ref) ! tokenize(.)
          ! a:external-id(., ''))"/>
      <xsl:if test="exists($ids)">
        <p class="ids"><span class="label">Elsewhere: </span><xsl:call-template name="ids">
            <xsl:with-param name="ids" select="$ids"/>
          </xsl:call-template></p>
      </xsl:if>
      <!-- A place with coordinates (a mapped element, pipeline/editions/placemap.py
           decides which): the map opens on it. -->
      <xsl:if test="exists(key('mapped', string(@xml:id)))">
        <p class="on-map"><a href="{$map-href}#{@xml:id}">On the map</a></p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="exists($count)">
          <xsl:call-template name="count-line">
            <xsl:with-param name="total" select="xs:integer($count/@occurrences)"/>
            <xsl:with-param name="documents" select="xs:integer($count/@documents)"/>
          </xsl:call-template>
          <ul class="occurrences"><xsl:comment>part:{$count/@slot}</xsl:comment></ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="count">No occurrence in the documents of this edition.</p>
        </xsl:otherwise>
      </xsl:choose>
    </article>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- How many spots a set of occ elements stands for. -->
  <xsl:function name="a:count" as="xs:integer">
    <xsl:param name="occs" as="element()*"/>
    <xsl:sequence select="sum($occs ! count(tokenize(@n)))"/>
  </xsl:function>

  <xsl:template name="count-line">
    <xsl:param name="total" as="xs:integer"/>
    <xsl:param name="documents" as="xs:integer"/>
    <p class="count">{a:n($total)} occurrence{if ($total ne 1) then 's' else ''} in
      {a:n($documents)} document{if ($documents ne 1) then 's' else ''}:</p>
  </xsl:template>

  <!-- The items of one document, one per @item, each after a "piece" comment. -->
  <xsl:template match="/doc-occurrences">
    <xsl:variable name="href" select="string(@href)"/>
    <xsl:variable name="doc" select="string(@title)"/>
    <xsl:for-each-group select="occ" group-adjacent="@item">
      <xsl:comment>piece</xsl:comment>
      <xsl:call-template name="doc-item">
        <xsl:with-param name="occs" select="current-group()"/>
        <xsl:with-param name="href" select="$href"/>
        <xsl:with-param name="doc" select="$doc"/>
      </xsl:call-template>
    </xsl:for-each-group>
  </xsl:template>

  <!-- One document's occurrences of a name: the document, how many, the
       external identifiers its names point at (a GeoNames @ref), then every
       spot in document order, a few words either side of the name, which
       links to the spot in the reading view. -->
  <xsl:template name="doc-item">
    <xsl:param name="occs" as="element()+"/>
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="doc" as="xs:string"/>
    <li><a href="{$href}">{$doc}</a> ({a:count($occs)})<xsl:call-template name="ids">
        <xsl:with-param name="ids" select="distinct-values($occs/tokenize(@refs)) ! a:external-id(., '')"/>
        <xsl:with-param name="before" select="' '"/>
      </xsl:call-template>:<ol class="kwic">
        <xsl:for-each select="$occs">
          <li>{@left}<a class="occ" href="{$href}#name-{@n}">{@spelling}</a>{@right}</li>
        </xsl:for-each>
      </ol></li>
  </xsl:template>

  <!-- An identifier of another authority as {label, id, href}, or nothing:
       GeoNames (https://www.geonames.org/ID, or an idno of type geonames),
       Wikidata (a Q-id of type wikidata, or a wikidata.org address), VIAF
       (https://viaf.org/viaf/ID, or of type viaf). -->
  <xsl:function name="a:external-id" as="map(*)?">
    <xsl:param name="value" as="xs:string"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:variable name="t" select="lower-case($type)"/>
    <xsl:variable name="geonames" select="'^https?://(www\.|sws\.)?geonames\.org/([0-9]+)([/?#].*)?$'"/>
    <xsl:variable name="wikidata" select="'^https?://(www\.|m\.)?wikidata\.org/(wiki|entity)/(Q[0-9]+)([/?#].*)?$'"/>
    <xsl:variable name="viaf" select="'^https?://(www\.)?viaf\.org/viaf/([0-9]+)([/?#].*)?$'"/>
    <xsl:variable name="found" as="xs:string*" select="
        if (matches($v, $geonames)) then ('GeoNames', replace($v, $geonames, '$2'))
        else if ($t = 'geonames' and matches($v, '^[0-9]+$')) then ('GeoNames', $v)
        else if (matches($v, $wikidata)) then ('Wikidata', replace($v, $wikidata, '$3'))
        else if ($t = 'wikidata' and matches($v, '^Q[0-9]+$')) then ('Wikidata', $v)
        else if (matches($v, $viaf)) then ('VIAF', replace($v, $viaf, '$2'))
        else if ($t = 'viaf' and matches($v, '^[0-9]+$')) then ('VIAF', $v)
        else ()"/>
    <xsl:if test="exists($found)">
      <xsl:sequence select="map {'label': $found[1], 'id': $found[2], 'href':
          map {'GeoNames': 'https://www.geonames.org/', 'Wikidata': 'https://www.wikidata.org/wiki/',
               'VIAF': 'https://viaf.org/viaf/'}($found[1]) || $found[2]}"/>
    </xsl:if>
  </xsl:function>

  <!-- Identifiers as labelled links ("GeoNames 783754"), each once. -->
  <xsl:template name="ids">
    <xsl:param name="ids" as="map(*)*"/>
    <xsl:param name="before" as="xs:string" select="''"/>
    <xsl:variable name="hrefs" select="distinct-values($ids ! ?href)"/>
    <xsl:if test="exists($hrefs)">
      <xsl:value-of select="$before"/>
      <span class="ids">
        <xsl:for-each select="$hrefs">
          <xsl:variable name="id" select="($ids[?href = current()])[1]"/>
          <xsl:if test="position() gt 1"> · </xsl:if>
          <a class="ext" rel="external" href="{.}">{$id?label} {$id?id}</a>
        </xsl:for-each>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/*[not(self::register or self::register-letter or self::register-unlisted or self::doc-occurrences)]">
    <xsl:message terminate="yes">register.xsl: expected a register, got {name()}</xsl:message>
  </xsl:template>

</xsl:stylesheet>
