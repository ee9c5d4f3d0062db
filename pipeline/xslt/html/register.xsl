<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: a register of names -> persons.html, places.html or
  organisations.html, in two kinds of input (no namespace) written by
  pipeline/collection.py from the authority file and the per-document digests:
    <register kind="person|place|org" entries="89" occurrences="334" documents="5">
      <letter>A</letter> ...                       (the initials, in order)
      <occurrences>...</occurrences>               (names not in the authority file)
    </register>
      the page: title, totals, initials, and a comment "part:entries"
      where the pipeline puts the entries, then the names not in the file;
    <register-part kind="place" letter="A">
      <tei:place xml:id="...">...</tei:place>      (the curated entries, as they are)
      <count key="albania" occurrences="1234" documents="980"/>
    </register-part>
      the entries of one initial, sorted by id (persons' ids are surname-first),
      each with its totals and a comment "occurrences:ID" in its list, where
      the pipeline puts the items of every document;
    <doc-occurrences href="NAME.html" title="...">
      <occ kind="place" key="albania" spelling="Albania" n="12 40 57"/>  (n: the
    </doc-occurrences>                                     name-N ids of the page)
      the items of one document, one per entry it names, each after a comment
      "piece": made once per document (pipeline/pieces.py), so that a changed
      document renders its own items again and nothing else.
  Each entry lists its spellings and every occurrence, document by document,
  linked to the spot. A register of 100,000 occurrences is assembled from
  small parts: the pipeline caches every one of them.
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

  <xsl:template match="/register">
    <xsl:variable name="title" select="$titles(@kind)"/>
    <xsl:variable name="unlisted" select="occurrences/doc/occ"/>
    <xsl:call-template name="a:html-page">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$title}</h1>
        <xsl:text>&#10;</xsl:text>
        <p class="totals">{@entries} entries of the authority file,
          {@occurrences} occurrences in {@documents} documents<xsl:if test="$unlisted">;
          <a href="#unlisted">{a:count($unlisted)} names not in the authority file</a></xsl:if>.</p>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="letter">
          <nav class="letters" aria-label="Initial letters">
            <xsl:for-each select="letter">
              <a href="#letter-{.}">{.}</a>
              <xsl:text> </xsl:text>
            </xsl:for-each>
          </nav>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <xsl:comment>part:entries</xsl:comment>
        <xsl:if test="$unlisted">
          <section class="unlisted" aria-labelledby="unlisted">
            <h2 id="unlisted">Names not in the authority file</h2>
            <p>Found by the pipeline's evidence rules (a title, a known first name, a
              head noun) but not yet curated: candidates for the authority file.</p>
            <xsl:text>&#10;</xsl:text>
            <dl>
              <xsl:for-each-group select="$unlisted" group-by="string(@spelling)">
                <xsl:sort select="lower-case(current-grouping-key())"/>
                <dt>{current-grouping-key()}</dt>
                <dd><xsl:call-template name="occurrences">
                  <xsl:with-param name="occs" select="current-group()"/>
                </xsl:call-template></dd>
                <xsl:text>&#10;</xsl:text>
              </xsl:for-each-group>
            </dl>
          </section>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The entries of one initial, in the order the pipeline gives them. -->
  <xsl:template match="/register-part">
    <section class="letter" aria-labelledby="letter-{@letter}">
      <h2 id="letter-{@letter}">{@letter}</h2>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="tei:*"/>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

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
          <ul class="occurrences"><xsl:comment>occurrences:{@xml:id}</xsl:comment></ul>
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

  <!-- Occurrences document by document: how many in how many documents,
       then one item per document (the names not in the authority file). -->
  <xsl:template name="occurrences">
    <xsl:param name="occs" as="element()+"/>
    <xsl:call-template name="count-line">
      <xsl:with-param name="total" select="a:count($occs)"/>
      <xsl:with-param name="documents" select="count($occs/..)"/>
    </xsl:call-template>
    <ul class="occurrences">
      <xsl:for-each-group select="$occs" group-by="../@href">
        <xsl:call-template name="doc-item">
          <xsl:with-param name="occs" select="current-group()"/>
          <xsl:with-param name="href" select="current-grouping-key()"/>
          <xsl:with-param name="doc" select="string(../@title)"/>
        </xsl:call-template>
      </xsl:for-each-group>
    </ul>
  </xsl:template>

  <xsl:template name="count-line">
    <xsl:param name="total" as="xs:integer"/>
    <xsl:param name="documents" as="xs:integer"/>
    <p class="count">{$total} occurrence{if ($total ne 1) then 's' else ''} in
      {$documents} document{if ($documents ne 1) then 's' else ''}:</p>
  </xsl:template>

  <!-- The items of one document: one per entry (kind and key) it names, in
       the order of their first occurrence, each after a "piece" comment. -->
  <xsl:template match="/doc-occurrences">
    <xsl:variable name="href" select="string(@href)"/>
    <xsl:variable name="doc" select="string(@title)"/>
    <xsl:for-each-group select="occ" group-by="@kind || ' ' || @key">
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

  <xsl:template match="/*[not(self::register or self::register-part or self::doc-occurrences)]">
    <xsl:message terminate="yes">register.xsl: expected a register, got {name()}</xsl:message>
  </xsl:template>

</xsl:stylesheet>
