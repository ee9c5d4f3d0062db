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
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- The hooks for other projects' TEI. -->
  <xsl:include href="render-foreign.xsl"/>
  <xsl:include href="render-dates.xsl"/>

  <!-- A letter is an article of its own (it could stand alone); every other
       div is a section. The kind (letter, entry) is a class for the layout. -->
  <xsl:template name="a:make-section">
    <xsl:param name="depth" as="xs:integer" required="yes"/>
    <xsl:param name="id" as="xs:string" required="yes"/>
    <xsl:param name="kind" as="xs:string" select="'section'"/>
    <xsl:param name="id-prefix" as="xs:string" select="''" tunnel="yes"/>
    <xsl:element name="{if ($kind = 'letter') then 'article' else 'section'}">
      <xsl:attribute name="id" select="$id-prefix || $id"/>
      <xsl:attribute name="class" select="string-join(('depth-' || $depth, $kind[. ne 'section']), ' ')"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
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

  <!-- $class names what a line standing as a block is: source, dateline,
       salute, signed, docdate. An element that is a date itself (docDate
       with @when) has its content in a time element. -->
  <xsl:template name="a:make-paragraph">
    <xsl:param name="class" as="xs:string?" select="()"/>
    <!-- One that holds a list, a table, a stanza ... is a div (blocks.xsl). -->
    <xsl:variable name="div" select="a:holds-blocks(.)"/>
    <xsl:element name="{if ($div) then 'div' else 'p'}">
      <!-- A paragraph's stable id and its "cite this passage" link (cite.xsl). -->
      <xsl:call-template name="a:passage-id"/>
      <xsl:if test="$class or $div">
        <xsl:attribute name="class" select="($class, 'p')[1]"/>
      </xsl:if>
      <xsl:call-template name="a:dated-content"/>
      <xsl:call-template name="a:passage-link"/>
    </xsl:element>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="a:make-block">
    <div class="tei-{local-name()}">
      <xsl:apply-templates mode="#current"/>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A title is a cite; a date with a machine-readable value a time;
       anything else a span with a class: the style (author, quote, ...),
       or tei-NAME for an element without a template of its own. -->
  <xsl:template name="a:make-inline">
    <xsl:param name="style" as="xs:string?" select="()"/>
    <xsl:choose>
      <xsl:when test="$style = 'title'">
        <cite>
          <xsl:apply-templates mode="#current"/>
        </cite>
      </xsl:when>
      <xsl:when test="$style = 'date'">
        <xsl:call-template name="a:dated-content">
          <xsl:with-param name="otherwise" select="'date'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <span class="{($style, 'tei-' || local-name())[1]}">
          <!-- A foreign phrase says its language (screen readers, fonts). -->
          <xsl:if test="$style = 'foreign' and @xml:lang">
            <xsl:attribute name="lang" select="@xml:lang"/>
          </xsl:if>
          <xsl:apply-templates mode="#current"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="a:make-line-break">
    <br/>
  </xsl:template>

  <!-- A section break: a thematic break; archive.css draws the asterism. -->
  <xsl:template name="a:make-break">
    <hr class="break"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A letter's opener and closer are its header and footer. -->
  <xsl:template name="a:make-group">
    <xsl:param name="kind" as="xs:string" required="yes"/>
    <xsl:element name="{if ($kind = 'opener') then 'header'
                        else if ($kind = 'closer') then 'footer'
                        else if ($kind = 'quote') then 'blockquote' else 'div'}">
      <xsl:attribute name="class" select="$kind"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A key/value list is a dl, any other a ul; a list with a head is a
       figure with the head as its caption. -->
  <xsl:template name="a:make-list">
    <xsl:param name="kind" as="xs:string" required="yes"/>
    <xsl:param name="labelled" as="xs:boolean" required="yes"/>
    <xsl:param name="depth" as="xs:integer" required="yes"/>
    <xsl:variable name="list" as="element()">
      <xsl:element name="{if ($labelled) then 'dl' else 'ul'}">
        <xsl:if test="$kind">
          <xsl:attribute name="class" select="$kind"/>
        </xsl:if>
        <xsl:text>&#10;</xsl:text>
        <xsl:apply-templates select="node() except head" mode="#current"/>
      </xsl:element>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="head">
        <figure class="{string-join(('list', $kind[.]), ' ')}">
          <xsl:apply-templates select="head" mode="#current"/>
          <xsl:text>&#10;</xsl:text>
          <xsl:sequence select="$list"/>
        </figure>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$list"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$depth = 1">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- A labelled item is a dt/dd pair (dd alone if its label is missing),
       an item of a plain list (or a listBibl's bibl) an li. -->
  <xsl:template name="a:make-item">
    <xsl:param name="label" as="element()?" select="()"/>
    <xsl:param name="depth" as="xs:integer" required="yes"/>
    <xsl:choose>
      <xsl:when test="exists($label) or ../label">
        <xsl:if test="exists($label)">
          <dt>
            <xsl:apply-templates select="$label/node()" mode="#current"/>
          </dt>
        </xsl:if>
        <dd>
          <xsl:apply-templates mode="#current"/>
        </dd>
      </xsl:when>
      <xsl:otherwise>
        <li>
          <xsl:apply-templates mode="#current"/>
        </li>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="a:make-caption">
    <figcaption>
      <xsl:apply-templates mode="#current"/>
    </figcaption>
  </xsl:template>

  <!-- The footnote's number, linking to the note; the note links back.
       The printed mark (*, **, a digit of its own) is the link's title in
       the reading text, and the mark itself as printed ($as-printed, set
       by html.xsl for that view), where the title gives the note's number. -->
  <xsl:template name="a:make-note-mark">
    <xsl:param name="block" as="xs:boolean" select="false()"/>
    <xsl:param name="id-prefix" as="xs:string" select="''" tunnel="yes"/>
    <xsl:param name="as-printed" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="mark" as="element()">
      <sup class="note-mark">
        <a id="{$id-prefix}{a:note-ref-id(.)}" href="#{$id-prefix}{a:note-id(.)}" role="doc-noteref">
          <xsl:choose>
            <xsl:when test="a:shows-printed-marks(., $as-printed)">
              <xsl:attribute name="title" select="'Note ' || a:note-number(.) || ' of the reading text'"/>
            </xsl:when>
            <xsl:when test="@n">
              <xsl:attribute name="title" select="'Printed mark: ' || @n"/>
            </xsl:when>
          </xsl:choose>
          <xsl:text>{a:note-mark(., $as-printed)}</xsl:text>
        </a>
      </sup>
    </xsl:variable>
    <!-- A note that stood among the blocks: its mark is a line of its own. -->
    <xsl:choose>
      <xsl:when test="$block">
        <p class="note-place">
          <xsl:sequence select="$mark"/>
        </p>
        <xsl:text>&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$mark"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The notes section closes the text: an ordered list, so its numbers
       are the marks' numbers. Every note is one or more paragraphs; the
       link back ends the last one. As printed, when the marks are the
       source's, each note begins with its mark (note-label) instead, as
       the list's numbers would not match them (archive.css: printed-marks). -->
  <xsl:template name="a:make-notes">
    <xsl:param name="notes" as="element()+" required="yes"/>
    <xsl:param name="id-prefix" as="xs:string" select="''" tunnel="yes"/>
    <xsl:param name="as-printed" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="printed" select="a:shows-printed-marks(., $as-printed)"/>
    <section class="notes" aria-labelledby="{$id-prefix}notes-title">
      <xsl:text>&#10;</xsl:text>
      <h2 id="{$id-prefix}notes-title">Notes</h2>
      <xsl:text>&#10;</xsl:text>
      <ol>
        <xsl:if test="$printed">
          <xsl:attribute name="class" select="'printed-marks'"/>
        </xsl:if>
        <xsl:text>&#10;</xsl:text>
        <xsl:for-each select="$notes">
          <xsl:variable name="back" as="node()+">
            <xsl:text> </xsl:text>
            <a class="note-back" href="#{$id-prefix}{a:note-ref-id(.)}" role="doc-backlink"
               aria-label="Back to mark {a:note-mark(., $as-printed)} in the text">&#x21A9;&#xFE0E;</a>
          </xsl:variable>
          <li id="{$id-prefix}{a:note-id(.)}">
            <xsl:if test="$printed">
              <span class="note-label">{a:note-mark(., true())}</span>
            </xsl:if>
            <xsl:choose>
              <xsl:when test="p">
                <xsl:apply-templates select="node() except p[last()]" mode="#current"/>
                <xsl:element name="{if (a:holds-blocks(p[last()])) then 'div' else 'p'}">
                  <xsl:if test="a:holds-blocks(p[last()])">
                    <xsl:attribute name="class" select="'p'"/>
                  </xsl:if>
                  <xsl:apply-templates select="p[last()]/node()" mode="#current"/>
                  <xsl:sequence select="$back"/>
                </xsl:element>
              </xsl:when>
              <xsl:otherwise>
                <xsl:element name="{if (a:holds-blocks(.)) then 'div' else 'p'}">
                  <xsl:if test="a:holds-blocks(.)">
                    <xsl:attribute name="class" select="'p'"/>
                  </xsl:if>
                  <xsl:apply-templates mode="#current"/>
                  <xsl:sequence select="$back"/>
                </xsl:element>
              </xsl:otherwise>
            </xsl:choose>
          </li>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
      </ol>
      <xsl:text>&#10;</xsl:text>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Forme work, for a view that shows it (the reading edition does not). -->
  <xsl:template name="a:make-forme-work">
    <xsl:element name="{if (a:between-blocks(.)) then 'div' else 'span'}">
      <xsl:attribute name="class" select="string-join(('fw', @type ! ('fw-' || .)), ' ')"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
    <xsl:if test="a:between-blocks(.)">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- A name links to its register entry (persons-h.html#KEY ...); a name
       the authority file does not know is marked but links nowhere, and
       so is a name inside another (links do not nest). The id (name-N)
       is what the registers link to. -->
  <xsl:template name="a:make-name">
    <xsl:param name="kind" as="xs:string" required="yes"/>
    <xsl:param name="key" as="xs:string" required="yes"/>
    <xsl:param name="id-prefix" as="xs:string" select="''" tunnel="yes"/>
    <xsl:element name="{if ($key and not(ancestor::persName | ancestor::placeName | ancestor::orgName))
                        then 'a' else 'span'}">
      <xsl:attribute name="id" select="$id-prefix || 'name-' || a:name-number(.)"/>
      <xsl:attribute name="class" select="string-join(('name', $kind, 'unlisted'[not($key)]), ' ')"/>
      <xsl:if test="$key">
        <xsl:attribute name="href" select="a:register-page($kind, a:initial($key)) || '#' || $key"/>
      </xsl:if>
      <xsl:if test="not($key)">
        <xsl:attribute name="title" select="if (a:foreign(.)) then 'Not in this file''s lists'
                                            else 'Not in the authority file'"/>
      </xsl:if>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <!-- Reading view: the correction (or the regularised or expanded form),
       marked; the other reading in its title, which archive.css also shows
       on keyboard focus or a tap (hence the tab stop), not only on hover.
       The id (ocr-N, the choice's own) is where the apparatus links. -->
  <xsl:template name="a:make-correction">
    <xsl:param name="id-prefix" as="xs:string" select="''" tunnel="yes"/>
    <xsl:variable name="reading" select="a:reading-of(.)"/>
    <xsl:variable name="written" select="(sic | orig | abbr)[1]"/>
    <span id="{$id-prefix}{a:choice-id(.)}">
      <xsl:choose>
        <xsl:when test="$reading/self::corr">
          <xsl:attribute name="class" select="'corr cert-' || (corr/@cert, 'unknown')[1]"/>
          <xsl:attribute name="title" select="'Printed: ' || normalize-space(string-join(sic//text()))"/>
          <xsl:attribute name="tabindex" select="0"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="class" select="local-name($reading)"/>
          <xsl:if test="$written">
            <xsl:attribute name="title" select="(if ($written/self::abbr) then 'Abbreviated: ' else 'As written: ')
                                                || normalize-space(string-join($written//text()))"/>
            <xsl:attribute name="tabindex" select="0"/>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="$reading" mode="#current"/>
    </span>
  </xsl:template>

  <!-- Diplomatic view: the word as printed (or as written, abbreviated);
       the reading appears on hover, keyboard focus or a tap (archive.css),
       so it needs a tab stop. -->
  <xsl:template name="a:make-as-printed">
    <xsl:param name="id-prefix" as="xs:string" select="''" tunnel="yes"/>
    <xsl:variable name="written" select="a:as-written-of(.)"/>
    <xsl:variable name="reading" select="(corr | reg | expan)[1]"/>
    <span id="{$id-prefix}{a:choice-id(.)}" class="{local-name($written)}" tabindex="0">
      <xsl:apply-templates select="$written" mode="#current"/>
      <xsl:if test="$reading">
        <span class="corr-hint" role="tooltip">
          <xsl:value-of select="if ($reading/self::reg) then 'regularised as '
                                else if ($reading/self::expan) then 'expanded as ' else 'read as '"/>
          <xsl:value-of select="normalize-space(string-join($reading//text()))"/>
          <xsl:value-of select="$reading/@cert ! (' (' || . || ')')"/>
        </span>
      </xsl:if>
    </span>
  </xsl:template>

</xsl:stylesheet>
