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
    </register-letter>
      the page of an initial (places-a.html; "other" for ids that do not start
      with a to z): each entry with its totals and a comment "part:SLOT" in
      its list, where the pipeline puts the items of every document;
    <register-unlisted kind="place">
      <count key="Spelling" slot="0" occurrences="3" documents="2"/>
    </register-unlisted>
      the names found with no entry (places-unlisted.html), one per spelling;
    <doc-occurrences href="NAME.html" title="...">
      <occ item="0" kind="place" key="albania" spelling="Albania" n="12 40 57"/>
    </doc-occurrences>                  (n: the name-N ids of the page)
      the items of one document, one per @item (an entry, or the spelling
      of a name with no entry), each after a comment "piece": made once per
      document (pipeline/editions/pieces.py), so that a changed document renders its
      own items again and nothing else.
  Each entry lists its spellings and every occurrence, document by document,
  linked to the spot.
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
      <h3 id="{@xml:id}-name">{normalize-space($main)}</h3>
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

  <!-- One document's occurrences of a name: the document, how many, then
       each spelling as printed with numbered links to every spot where it
       stands (the spelling is each link's title). -->
  <xsl:template name="doc-item">
    <xsl:param name="occs" as="element()+"/>
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="doc" as="xs:string"/>
    <li><a href="{$href}">{$doc}</a> ({a:count($occs)}):
          <xsl:for-each select="$occs">
        <xsl:variable name="spelling" select="string(@spelling)"/>
        <span class="spelling">{$spelling}</span>
        <xsl:for-each select="tokenize(@n)">
          <xsl:text> </xsl:text>
          <a class="occ" href="{$href}#name-{.}" title="{$spelling}"
             aria-label="{$spelling}, occurrence {position()} in {$doc}">{position()}</a>
        </xsl:for-each>
        <xsl:if test="position() ne last()"><xsl:text>; </xsl:text></xsl:if>
      </xsl:for-each>
    </li>
  </xsl:template>

  <xsl:template match="/*[not(self::register or self::register-letter or self::register-unlisted or self::doc-occurrences)]">
    <xsl:message terminate="yes">register.xsl: expected a register, got {name()}</xsl:message>
  </xsl:template>

</xsl:stylesheet>
