<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dates in words, for readers (issue 20): one function, a:date-in-words, that
  says every shape of TEI date value the pipeline writes (docs/dates.md) the
  way a reader says it. The ISO value stays machine-readable elsewhere
  (time/@datetime, a title); this is the text on the page.

    @when="1939-04-07"                        7 April 1939
    @when="1939-04"                           April 1939
    @when="1943"                              1943
    @when="- -05-14" (no year)                14 May, year not stated
    @when="- -05"                             May, year not stated
    @from="1942" @to="1945"                   1942–1945
    @from="1939-04-07" @to="1939-04-12"       7–12 April 1939
    @from="1944-05" @to="1944-06"             May–June 1944
    @notBefore="1943-09-01" notAfter="…-10"   1–10 September 1943
    @notBefore="1942-03-01" notAfter="…05-31" spring 1942 (summer, autumn; winter 1943–44)
    @notBefore="1990" @notAfter="1999"        the 1990s
    @notBefore="1901" @notAfter="2000"        the twentieth century
    only one end                              from 1942, until 1945, not before 1942, not after 1945
    @cert="low", or a value the pipeline inferred (@evidence="internal") with a
    certainty below high                      about 1943, about 7 April 1939

  from/to and notBefore/notAfter read alike: the passage beside them says
  whether the span is a duration or the bounds of an uncertain date.
  A value of another shape (a time of day, a week) is shown as written.
  The functions read attributes only, so they take TEI dates and the rows
  of the chronology (no namespace) alike.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="urn:archive:functions"
    exclude-result-prefixes="#all">

  <xsl:variable name="a:month-names" as="xs:string+" select="('January', 'February',
      'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
      'November', 'December')"/>
  <xsl:variable name="a:century-names" as="xs:string+" select="('first', 'second',
      'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
      'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth',
      'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'twenty-first')"/>

  <!-- The words of a date element's value ('' when it has none). -->
  <xsl:function name="a:date-in-words" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="start" select="($date/@when, $date/@from, $date/@notBefore)[1] ! string()"/>
    <xsl:variable name="end" select="if ($date/@when) then () else
                                     ($date/@to, $date/@notAfter)[1] ! string()"/>
    <xsl:variable name="words" as="xs:string" select="
        if (empty($start) and empty($end)) then ''
        else if (empty($end)) then
          (if ($date/@when) then a:point-in-words($start)
           else if ($date/@from) then 'from ' || a:point-in-words($start)
           else 'not before ' || a:point-in-words($start))
        else if (empty($start)) then
          (if ($date/@to) then 'until ' else 'not after ') || a:point-in-words($end)
        else a:span-in-words($start, $end)"/>
    <xsl:sequence select="if ($words and a:date-uncertain($date)) then 'about ' || $words
                          else $words"/>
  </xsl:function>

  <!-- Does the reader need "about": a low certainty, or a value worked out from
       the passage's reference date (docs/dates.md) that is not certain. -->
  <xsl:function name="a:date-uncertain" as="xs:boolean">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="$date/@cert = 'low'
                          or ($date/@evidence = 'internal' and not($date/@cert = 'high'))"/>
  </xsl:function>

  <!-- One ISO value: YYYY, YYYY-MM, YYYY-MM-DD, - -MM, - -MM-DD. -->
  <xsl:function name="a:point-in-words" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="p" select="a:parts($iso)"/>
    <xsl:sequence select="if (empty($p)) then $iso
        else a:join-parts($p[2], $p[3], $p[1])"/>
  </xsl:function>

  <!-- (year or '', month or '', day or '') of an ISO value, or () if it has
       another shape. -->
  <xsl:function name="a:parts" as="xs:string*">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="v" select="if (matches($iso, '^\d{4}-\d{2}-\d{2}T')) then substring($iso, 1, 10)
                                   else $iso"/>
    <xsl:sequence select="
        if (matches($v, '^\d{4}$')) then ($v, '', '')
        else if (matches($v, '^\d{4}-(0[1-9]|1[0-2])$')) then (substring($v, 1, 4), substring($v, 6, 2), '')
        else if (matches($v, '^\d{4}-(0[1-9]|1[0-2])-\d{2}$')) then
          (substring($v, 1, 4), substring($v, 6, 2), substring($v, 9, 2))
        else if (matches($v, '^--(0[1-9]|1[0-2])$')) then ('', substring($v, 3, 2), '')
        else if (matches($v, '^--(0[1-9]|1[0-2])-\d{2}$')) then ('', substring($v, 3, 2), substring($v, 6, 2))
        else ()"/>
  </xsl:function>

  <!-- "7 April 1939", "April 1939", "1939", "14 May, year not stated". -->
  <xsl:function name="a:join-parts" as="xs:string">
    <xsl:param name="month" as="xs:string"/>
    <xsl:param name="day" as="xs:string"/>
    <xsl:param name="year" as="xs:string"/>
    <xsl:sequence select="string-join((
        $day[.] ! string(xs:integer(.)),
        $month[.] ! $a:month-names[xs:integer($month)]), ' ')
      || (if ($year) then (if ($month) then ' ' else '') || $year
          else ', year not stated')"/>
  </xsl:function>

  <xsl:function name="a:span-in-words" as="xs:string">
    <xsl:param name="start" as="xs:string"/>
    <xsl:param name="end" as="xs:string"/>
    <xsl:variable name="s" select="a:parts($start)"/>
    <xsl:variable name="e" select="a:parts($end)"/>
    <xsl:variable name="named" select="if (exists($s) and exists($e)) then a:named-span($s, $e) else ''"/>
    <xsl:sequence select="
        if (empty($s) or empty($e)) then $start || ' – ' || $end
        else if ($named) then $named
        (: whole months, day 1 to the last day: said as months :)
        else if ($s[1] and $e[1] and $s[3] = '01'
                 and $e[3] = string(a:days-in-month(xs:integer($e[1]), xs:integer($e[2])))) then
          a:span-in-words(substring($start, 1, 7), substring($end, 1, 7))
        else if ($start eq $end) then a:point-in-words($start)
        (: the same year (or both without one) and the same precision: said once :)
        else if ($s[1] eq $e[1] and ($s[2] = '') eq ($e[2] = '') and ($s[3] = '') eq ($e[3] = '')) then
          (if ($s[1] and not($s[2])) then $s[1] || '–' || $e[1]
           else if ($s[2] eq $e[2] and $s[3]) then
             string(xs:integer($s[3])) || '–' || a:join-parts($e[2], $e[3], $e[1])
           else if ($s[3]) then string(xs:integer($s[3])) || ' ' || $a:month-names[xs:integer($s[2])]
                                || ' – ' || a:join-parts($e[2], $e[3], $e[1])
           else $a:month-names[xs:integer($s[2])] || '–' || a:join-parts($e[2], '', $e[1]))
        else if ($s[1] and $e[1] and not($s[2]) and not($e[2])) then $s[1] || '–' || $e[1]
        else a:point-in-words($start) || ' – ' || a:point-in-words($end)"/>
  </xsl:function>

  <!-- Spans with a name: a season, a decade, a century, a whole month or year. -->
  <xsl:function name="a:named-span" as="xs:string">
    <xsl:param name="s" as="xs:string+"/>
    <xsl:param name="e" as="xs:string+"/>
    <xsl:variable name="md" select="$s[2] || '-' || $s[3] || '/' || $e[2] || '-' || $e[3]"/>
    <xsl:variable name="same-year" select="$s[1] and $s[1] eq $e[1]"/>
    <xsl:sequence select="
        if ($same-year and $md = '03-01/05-31') then 'spring ' || $s[1]
        else if ($same-year and $md = '06-01/08-31') then 'summer ' || $s[1]
        else if ($same-year and $md = '09-01/11-30') then 'autumn ' || $s[1]
        else if ($s[1] and $e[1] and xs:integer($e[1]) eq xs:integer($s[1]) + 1
                 and $md = ('12-01/02-28', '12-01/02-29')) then
          'winter ' || $s[1] || '–' || substring($e[1], 3)
        else if ($same-year and $md = '01-01/12-31') then $s[1]
        else if ($same-year and $s[2] eq $e[2] and $s[3] = '01'
                 and $e[3] = string(a:days-in-month(xs:integer($e[1]), xs:integer($e[2])))) then
          a:join-parts($s[2], '', $s[1])
        else if ($s[1] and $e[1] and $md = '-/-') then
          (let $a := xs:integer($s[1]), $b := xs:integer($e[1]) return
            if ($a mod 10 eq 0 and $b eq $a + 9) then 'the ' || $a || 's'
            else if ($a mod 100 eq 1 and $b eq $a + 99 and $b idiv 100 le count($a:century-names))
              then 'the ' || $a:century-names[$b idiv 100] || ' century'
            else '')
        else ''"/>
  </xsl:function>

  <xsl:function name="a:days-in-month" as="xs:integer">
    <xsl:param name="year" as="xs:integer"/>
    <xsl:param name="month" as="xs:integer"/>
    <xsl:sequence select="if ($month eq 2) then
        (if ($year mod 4 eq 0 and ($year mod 100 ne 0 or $year mod 400 eq 0)) then 29 else 28)
      else if ($month = (4, 6, 9, 11)) then 30 else 31"/>
  </xsl:function>

</xsl:stylesheet>
