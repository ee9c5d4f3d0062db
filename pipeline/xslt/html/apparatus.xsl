<?xml version="1.0" encoding="UTF-8"?>
<!--
  The OCR apparatus of a document page: every choice of the text, in order,
  with the word as printed, the reading, its certainty and the pipeline's
  note (back/div[@type='ocr-notes']/note[@target]). Each row links to the
  word in both views (#ocr-N in the reading text, #d-ocr-N as printed).
  The decision above the table is said in words (about.xsl).
  Nothing is written for a text without corrections.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:key name="a:ocr-note" match="note[@type = 'ocr'][@target]" use="tokenize(@target) ! substring-after(., '#')"/>

  <xsl:template name="a:apparatus">
    <xsl:variable name="choices" select="text//choice[not(ancestor::div[@type = 'ocr-notes'])]"/>
    <xsl:if test="exists($choices)">
      <section class="apparatus" id="apparatus" aria-labelledby="apparatus-title">
        <xsl:text>&#10;</xsl:text>
        <h2 id="apparatus-title">OCR corrections</h2>
        <xsl:text>&#10;</xsl:text>
        <!-- The decision in readers' words (about.xsl); our header's account,
             with its element names and settings, stays in the TEI. Another
             project's statement is its own words for readers. -->
        <xsl:for-each select="teiHeader//editorialDecl/correction[normalize-space()]">
          <p class="decision">{if (a:foreign(.)) then normalize-space() else a:corrections-in-words(root(.)/TEI)}</p>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
        <table class="apparatus">
          <caption>{count($choices)} words damaged in recognition, with the reading given in
            the reading text. Follow a number to the word in the reading text, the printed
            form to the word as printed.</caption>
          <thead>
            <tr><th scope="col">No.</th><th scope="col">As printed</th><th scope="col">Read as</th>
              <th scope="col">Certainty</th><th scope="col">Note</th></tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="$choices" mode="a:apparatus"/>
          </tbody>
        </table>
        <xsl:text>&#10;</xsl:text>
      </section>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="choice" mode="a:apparatus">
    <xsl:variable name="id" select="a:choice-id(.)"/>
    <xsl:variable name="cert" select="string((corr/@cert, 'none')[1])"/>
    <xsl:text>&#10;</xsl:text>
    <tr id="app-{$id}" class="cert-{$cert}">
      <!-- data-label: the column's name, shown before the cell when a narrow
           screen stacks the row (archive.css). -->
      <td data-label="No."><a href="#{$id}">{position()}</a></td>
      <td class="printed" data-label="As printed"><a href="#d-{$id}">{normalize-space(string-join(sic//text()))}</a></td>
      <td class="reading" data-label="Read as">{if (corr) then normalize-space(string-join(corr//text())) else '—'}</td>
      <td data-label="Certainty">{if (corr) then $cert else 'no reading'}</td>
      <td class="note" data-label="Note">{string-join(key('a:ocr-note', @xml:id) ! normalize-space(), ' ')}</td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
