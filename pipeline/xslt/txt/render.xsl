<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain-text implementation of the format hooks declared in common/core.xsl.
  Every block (heading, paragraph) is emitted as finished lines followed by
  one blank line, so blocks never need to know their neighbours.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <!-- A wrapped block of text plus the blank line that ends it; nothing at
       all for a block without words, so empty elements add no blank lines. -->
  <xsl:function name="a:text-block" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="lines" select="a:wrap($text, $line-width)"/>
    <xsl:sequence select="if (empty($lines)) then ''
                          else string-join($lines ! (. || '&#10;')) || '&#10;'"/>
  </xsl:function>

  <!-- $text wrapped with a hanging indent: the first line starts with
       $first ("[3] ", "- "), the others with $rest; no line is longer than
       $line-width unless it holds a single word too long for it. -->
  <xsl:function name="a:hang" as="xs:string*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="first" as="xs:string"/>
    <xsl:param name="rest" as="xs:string"/>
    <xsl:variable name="width" select="$line-width - max((string-length($first), string-length($rest)))"/>
    <xsl:sequence select="a:wrap($text, $width) ! ((if (position() = 1) then $first else $rest) || .)"/>
  </xsl:function>

  <!-- A heading: each of its lines (lb) wrapped on its own, then underlined
       with $char as long as its longest line. -->
  <xsl:function name="a:text-heading" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="char" as="xs:string"/>
    <xsl:variable name="lines" select="tokenize($text, '&#10;') ! a:wrap(., $line-width)"/>
    <xsl:sequence select="if (empty($lines)) then ''
        else string-join(($lines, a:repeat($char, max($lines ! string-length()))) ! (. || '&#10;'))
             || '&#10;'"/>
  </xsl:function>

  <!-- Sections of every kind (letters, diary entries) are their blocks. -->
  <xsl:template name="a:make-section">
    <xsl:param name="depth" as="xs:integer" required="yes"/>
    <xsl:param name="id" as="xs:string" required="yes"/>
    <xsl:param name="kind" as="xs:string" select="'section'"/>
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- '=' for top-level sections (like the title), '-' for deeper ones. -->
  <xsl:template name="a:make-heading">
    <xsl:param name="depth" as="xs:integer" required="yes"/>
    <xsl:variable name="content">
      <xsl:apply-templates mode="#current"/>
    </xsl:variable>
    <xsl:value-of select="a:text-heading(string($content), if ($depth le 1) then '=' else '-')"/>
  </xsl:template>

  <!-- A paragraph; a line standing as a block (dateline, salute, signed,
       source, docDate) is one too, left-aligned like the rest. -->
  <xsl:template name="a:make-paragraph">
    <xsl:param name="class" as="xs:string?" select="()"/>
    <xsl:variable name="content">
      <xsl:apply-templates mode="#current"/>
    </xsl:variable>
    <xsl:value-of select="if (contains($content, '&#x2028;')) then a:text-lines(string($content))
                          else a:text-block(string($content))"/>
  </xsl:template>

  <!-- A paragraph that keeps the source's lines (a:make-line-break): each
       line wrapped on its own. -->
  <xsl:function name="a:text-lines" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="lines" select="tokenize($text, '&#x2028;') ! a:wrap(., $line-width)"/>
    <xsl:sequence select="if (empty($lines)) then ''
                          else string-join($lines ! (. || '&#10;')) || '&#10;'"/>
  </xsl:function>

  <!-- The quotation keeps the source's own marks; nothing is added. -->
  <xsl:template name="a:make-quotation">
    <xsl:call-template name="a:make-paragraph"/>
  </xsl:template>

  <!-- An unknown block is kept as a paragraph of its own. -->
  <xsl:template name="a:make-block">
    <xsl:call-template name="a:make-paragraph"/>
  </xsl:template>

  <!-- Phrases are their words; only q and said (other projects' speech,
       written without its marks) get quotation marks. -->
  <xsl:template name="a:make-inline">
    <xsl:param name="style" as="xs:string?" select="()"/>
    <xsl:if test="$style = ('q', 'soCalled')">“</xsl:if>
    <xsl:apply-templates mode="#current"/>
    <xsl:if test="$style = ('q', 'soCalled')">”</xsl:if>
  </xsl:template>

  <!-- A newline: headings keep their lines; in a paragraph the wrap turns it
       into a plain word space. -->
  <xsl:template name="a:make-line-break">
    <xsl:value-of select="if (a:keeps-line(.)) then '&#x2028;' else '&#10;'"/>
  </xsl:template>

  <!-- In the diplomatic view of other projects' TEI, a line break in a
       paragraph (or in a letter's lines written as a paragraph: closer,
       dateline, address ...) keeps the source's line: a mark (U+2028)
       that the paragraph (a:make-paragraph) turns into a new line. Our own
       TEI's paragraphs flow as they always have. -->
  <xsl:function name="a:keeps-line" as="xs:boolean">
    <xsl:param name="lb" as="element()"/>
    <xsl:sequence select="$view = 'diplomatic' and a:foreign($lb)
        and exists($lb/ancestor::*[self::p or self::ab or self::item or self::label or self::cell or self::l
            or self::head or self::note or self::figDesc or self::bibl or self::list or self::table
            or self::lg or self::castItem or self::speaker or self::stage or self::opener or self::closer
            or self::postscript or self::address or self::dateline or self::salute or self::signed
            or self::byline or self::trailer or self::docImprint][1]
            [self::p or self::ab or self::address or self::dateline or self::salute or self::signed
             or self::byline or self::trailer or self::docImprint
             or (self::opener | self::closer | self::postscript)[text()[normalize-space()]]])"/>
  </xsl:function>

  <!-- A section break: a centred asterism. -->
  <xsl:template name="a:make-break">
    <xsl:value-of select="a:repeat(' ', ($line-width - 7) idiv 2) || '*  *  *&#10;&#10;'"/>
  </xsl:template>

  <!-- Opener, closer, postscript: their lines and paragraphs, in order. -->
  <xsl:template name="a:make-group">
    <xsl:param name="kind" as="xs:string" required="yes"/>
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- A list is one block: its caption, then one entry per item; a nested
       list's entries follow its item's, indented by two spaces a level. -->
  <xsl:template name="a:make-list">
    <xsl:param name="kind" as="xs:string" required="yes"/>
    <xsl:param name="labelled" as="xs:boolean" required="yes"/>
    <xsl:param name="depth" as="xs:integer" required="yes"/>
    <xsl:variable name="indent" select="a:repeat('  ', $depth - 1)"/>
    <xsl:variable name="caption">
      <xsl:apply-templates select="head" mode="#current"/>
    </xsl:variable>
    <xsl:variable name="items">
      <xsl:apply-templates select="node() except head" mode="#current"/>
    </xsl:variable>
    <xsl:variable name="block" select="string-join(a:hang($caption, $indent, $indent) ! (. || '&#10;'))
                                       || $items"/>
    <xsl:value-of select="if ($depth = 1 and $block) then $block || '&#10;' else $block"/>
  </xsl:template>

  <!-- "Label: value" with a hanging indent; an item without a label (a
       nested list's, a source of a listBibl) is "- value". -->
  <xsl:template name="a:make-item">
    <xsl:param name="label" as="element()?" select="()"/>
    <xsl:param name="depth" as="xs:integer" required="yes"/>
    <xsl:variable name="indent" select="a:repeat('  ', $depth - 1)"/>
    <xsl:variable name="name">
      <xsl:apply-templates select="$label/node()" mode="#current"/>
    </xsl:variable>
    <xsl:variable name="value">
      <xsl:apply-templates select="node() except list" mode="#current"/>
    </xsl:variable>
    <xsl:variable name="lines" select="
        if (exists($label))
        then a:hang(string-join((normalize-space($name)[.] ! (if (ends-with(., ':')) then . else . || ':'),
                                 $value), ' '),
                    $indent, $indent || '  ')
        else a:hang($value, $indent || '- ', $indent || '  ')"/>
    <xsl:value-of select="string-join($lines ! (. || '&#10;'))"/>
    <xsl:apply-templates select="list" mode="#current"/>
  </xsl:template>

  <xsl:template name="a:make-caption">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- A figure with its picture (other projects'): "[<address> caption]". -->
  <xsl:template name="a:make-figure">
    <xsl:param name="missing" as="xs:boolean" select="true()"/>
    <xsl:variable name="caption">
      <xsl:apply-templates mode="#current"/>
    </xsl:variable>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:for-each select="*[not($missing)]">
        <xsl:variable name="part">
          <xsl:apply-templates select="." mode="#current"/>
        </xsl:variable>
        <xsl:sequence select="normalize-space($part)[.]"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="a:text-block(if (not($missing)) then '[' || string-join($parts, ' ') || ']'
                                       else if (normalize-space($caption))
                                       then '[Picture: ' || normalize-space($caption) || ']'
                                       else '[Picture]')"/>
  </xsl:template>

  <!-- The footnote's number, where the mark was printed; the text as
       printed has the printed mark ("[*]", common/notes.xsl: a:note-mark). -->
  <xsl:template name="a:make-note-mark">
    <xsl:param name="block" as="xs:boolean" select="false()"/>
    <xsl:value-of select="'[' || a:note-mark(., $view = 'diplomatic') || ']' || (if ($block) then '&#10;&#10;' else '')"/>
  </xsl:template>

  <!-- "Notes", then every note as "[3] text" with a hanging indent; a note
       of several paragraphs keeps them, each a block, indented alike. -->
  <xsl:template name="a:make-notes">
    <xsl:param name="notes" as="element()+" required="yes"/>
    <xsl:value-of select="a:text-heading('Notes', '=')"/>
    <xsl:for-each select="$notes">
      <xsl:variable name="mark" select="'[' || a:note-mark(., $view = 'diplomatic') || '] '"/>
      <xsl:variable name="indent" select="a:repeat(' ', string-length($mark))"/>
      <xsl:variable name="content">
        <xsl:apply-templates mode="#current"/>
      </xsl:variable>
      <!-- Paragraphs of the note come as blocks, ending in a blank line. -->
      <xsl:for-each select="tokenize($content, '&#10;[ \t]*&#10;')[normalize-space()]">
        <xsl:value-of select="string-join(a:hang(., if (position() = 1) then $mark else $indent, $indent)
                                          ! (. || '&#10;')) || '&#10;'"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- Names are plain words in plain text. -->
  <xsl:template name="a:make-name">
    <xsl:param name="kind" as="xs:string" required="yes"/>
    <xsl:param name="key" as="xs:string" required="yes"/>
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- Reading view: the correction only; the diplomatic view: the word as
       printed only. The HTML edition shows the other reading on demand. -->
  <xsl:template name="a:make-correction">
    <xsl:apply-templates select="a:reading-of(.)" mode="#current"/>
  </xsl:template>

  <xsl:template name="a:make-as-printed">
    <xsl:apply-templates select="a:as-written-of(.)" mode="#current"/>
  </xsl:template>

  <!-- Forme work, in the diplomatic view (the reading view leaves it out):
       between blocks a paragraph, in running text words among the others. -->
  <xsl:template name="a:make-forme-work">
    <xsl:choose>
      <xsl:when test="a:between-blocks(.)">
        <xsl:call-template name="a:make-paragraph"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text> </xsl:text>
        <xsl:apply-templates mode="#current"/>
        <xsl:text> </xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Hooks for other projects' TEI (common/editorial.xsl, verse.xsl,
       phrases.xsl). Marks in the Leiden manner, none of them letters, so
       that the words stay the source's: ⟦deleted⟧, \added/, word(?) for
       unclear, [supplied], […] for a gap. -->
  <xsl:template name="a:make-edit">
    <xsl:param name="kind" as="xs:string" required="yes"/>
    <xsl:param name="hint" as="xs:string" select="''"/>
    <xsl:variable name="content">
      <xsl:apply-templates mode="#current"/>
    </xsl:variable>
    <xsl:value-of select="map{'del': '⟦' || $content || '⟧', 'add': '\' || $content || '/',
                              'unclear': $content || '(?)', 'supplied': '[' || $content || ']',
                              'gap': '[…]'}($kind)"/>
  </xsl:template>

  <!-- A stanza: one line per verse line, then a blank line. -->
  <xsl:template name="a:make-verse-group">
    <xsl:variable name="lines">
      <xsl:apply-templates mode="#current"/>
    </xsl:variable>
    <xsl:value-of select="if (normalize-space($lines)) then $lines || '&#10;' else ''"/>
  </xsl:template>

  <!-- A verse line on a line of its own (a long one wraps, indented); a
       line standing alone is a block of its own. -->
  <xsl:template name="a:make-verse-line">
    <xsl:variable name="content">
      <xsl:apply-templates mode="#current"/>
    </xsl:variable>
    <xsl:value-of select="string-join(a:hang($content, '', '    ') ! (. || '&#10;'))
                          || (if (parent::lg) then '' else '&#10;')"/>
  </xsl:template>

  <!-- A table: its caption, then a line per row, cells parted by " | ". -->
  <xsl:template name="a:make-table">
    <xsl:variable name="caption">
      <xsl:apply-templates select="head" mode="#current"/>
    </xsl:variable>
    <xsl:variable name="rows">
      <xsl:apply-templates select="node() except head" mode="#current"/>
    </xsl:variable>
    <xsl:value-of select="string-join(a:wrap($caption, $line-width) ! (. || '&#10;')) || $rows || '&#10;'"/>
  </xsl:template>

  <xsl:template name="a:make-row">
    <xsl:variable name="cells" as="xs:string*">
      <xsl:for-each select="cell">
        <xsl:variable name="content">
          <xsl:apply-templates select="." mode="#current"/>
        </xsl:variable>
        <xsl:sequence select="normalize-space($content)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="string-join(a:hang(string-join($cells, ' | '), '', '  ') ! (. || '&#10;'))"/>
  </xsl:template>

  <xsl:template name="a:make-cell">
    <xsl:param name="heading" as="xs:boolean" select="false()"/>
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- A link is its words; a ptr, which has none, its address. -->
  <xsl:template name="a:make-link">
    <xsl:param name="href" as="xs:string" required="yes"/>
    <xsl:apply-templates mode="#current"/>
    <xsl:if test="self::ptr or self::xptr">&lt;{$href}&gt;</xsl:if>
  </xsl:template>

  <!-- A picture is its address, a word of its own. -->
  <xsl:template name="a:make-graphic">
    <xsl:param name="url" as="xs:string" required="yes"/>
    <xsl:param name="alt" as="xs:string" select="''"/>
    <xsl:text> &lt;{$url}&gt; </xsl:text>
  </xsl:template>

  <!-- "|2|" where page 2 begins; a block of its own between blocks. -->
  <xsl:template name="a:make-page-break">
    <xsl:param name="unit" as="xs:string" required="yes"/>
    <xsl:param name="block" as="xs:boolean" select="false()"/>
    <xsl:value-of select="if ($block) then '|' || @n || '|&#10;&#10;' else ' |' || @n || '| '"/>
  </xsl:template>

</xsl:stylesheet>
