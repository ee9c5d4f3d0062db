<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet: a register of names -> persons.html, places.html or
  organisations.html. Input, written by the pipeline (pipeline/collection.py)
  from the authority file and the per-document digests:
    <register kind="person|place|org">
      <tei:person xml:id="...">...</tei:person>      (the curated entries, as they are)
      <occurrences>
        <doc href="NAME.html" title="...">
          <occ key="hoxha-enver" spelling="Hoxha" n="12 40 57"/>  (key '' = not in the
        </doc>                                                  authority file; n: the
      </occurrences>                                            name-N ids of the page)
    </register>
  One entry per authority record, sorted by its id (persons' ids are
  surname-first), grouped under initial letters; each lists its spellings
  and every occurrence, document by document, linked to the spot. Names
  the authority file does not know come last, by spelling.
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

  <xsl:key name="occ" match="occ" use="@key"/>

  <xsl:variable name="titles" select="map {'person': 'Persons', 'place': 'Places',
                                          'org': 'Organisations'}"/>

  <xsl:template match="/register">
    <xsl:variable name="title" select="$titles(@kind)"/>
    <xsl:variable name="entries" as="element()*">
      <xsl:perform-sort select="tei:*">
        <xsl:sort select="lower-case(@xml:id)"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:variable name="unlisted" select="occurrences/doc/occ[@key = '']"/>
    <xsl:variable name="listed" select="occurrences/doc/occ[@key != '']"/>
    <xsl:call-template name="a:html-page">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$title}</h1>
        <xsl:text>&#10;</xsl:text>
        <p class="totals">{count($entries)} entries of the authority file,
          {a:count($listed)} occurrences in
          {count(occurrences/doc[occ/@key != ''])} documents<xsl:if test="$unlisted">;
          <a href="#unlisted">{a:count($unlisted)} names not in the authority file</a></xsl:if>.</p>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="exists($entries)">
          <nav class="letters" aria-label="Initial letters">
            <xsl:for-each-group select="$entries" group-by="a:letter(.)">
              <a href="#letter-{current-grouping-key()}">{current-grouping-key()}</a>
              <xsl:text> </xsl:text>
            </xsl:for-each-group>
          </nav>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <xsl:for-each-group select="$entries" group-by="a:letter(.)">
          <section class="letter" aria-labelledby="letter-{current-grouping-key()}">
            <h2 id="letter-{current-grouping-key()}">{current-grouping-key()}</h2>
            <xsl:text>&#10;</xsl:text>
            <xsl:apply-templates select="current-group()"/>
          </section>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each-group>
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

  <xsl:function name="a:letter" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="first" select="upper-case(substring($entry/@xml:id, 1, 1))"/>
    <xsl:sequence select="if (matches($first, '^\p{L}$')) then $first else '0'"/>
  </xsl:function>

  <!-- One authority record: its standard name, the other spellings, dates,
       the curators' note, then where it occurs. -->
  <xsl:template match="tei:person | tei:place | tei:org">
    <xsl:variable name="names" select="*[ends-with(local-name(), 'Name')]"/>
    <xsl:variable name="main" select="($names[@type = 'main'], $names)[1]"/>
    <xsl:variable name="occs" select="key('occ', string(@xml:id))"/>
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
        <xsl:when test="exists($occs)">
          <xsl:call-template name="occurrences">
            <xsl:with-param name="occs" select="$occs"/>
          </xsl:call-template>
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

  <!-- Occurrences document by document: the document, how many, then each
       spelling as printed with numbered links to every spot where it stands
       (the spelling is each link's title). -->
  <xsl:template name="occurrences">
    <xsl:param name="occs" as="element()+"/>
    <xsl:variable name="total" select="a:count($occs)"/>
    <p class="count">{$total} occurrence{if ($total ne 1) then 's' else ''} in
      {count($occs/..)} document{if (count($occs/..) ne 1) then 's' else ''}:</p>
    <ul class="occurrences">
      <xsl:for-each-group select="$occs" group-by="../@href">
        <xsl:variable name="doc" select="string(../@title)"/>
        <xsl:variable name="href" select="current-grouping-key()"/>
        <li><a href="{$href}">{$doc}</a> ({a:count(current-group())}):
          <xsl:for-each select="current-group()">
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
      </xsl:for-each-group>
    </ul>
  </xsl:template>

  <xsl:template match="/*[not(self::register)]">
    <xsl:message terminate="yes">register.xsl: expected a register, got {name()}</xsl:message>
  </xsl:template>

</xsl:stylesheet>
