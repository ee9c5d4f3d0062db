"""Date tagging: every calendar expression in running text, with its ISO 8601 value.

Each rule is a regular expression whose named groups feed a small function that
computes the value (see docs/dates.md for the conventions). All rules are tried at
every position; the longest match wins, and a four-digit number counts as a year
only with evidence (a month, a preposition, a range, brackets, a publication line).
"""

from __future__ import annotations

import calendar
import re

from pipeline.build.annotate import Hit
from pipeline.build.dates.calendar import MONTHS, iso
from pipeline.build.dates.patterns import (COMMA, DAY, DAY_FIRST, FIRST_YEAR, LAST_YEAR,
                                           LEAD_WEEKDAY, MONTH, NOT_A_COUNT, ORDINAL,
                                           PREPOSITION, QUAL, SEASON, SEASONS, TO,
                                           YEAR, YEAR_WORDS, day_number, last_day,
                                           month_number, ordinal_number, rule, spoken_year)
from pipeline.build.dates.spoken import RELATIVE


def _day_range(y: int, m: int, q: str | None) -> tuple[int, int]:
    """Days of month m that "early", "mid", "late" (or none) cover."""
    q = (q or "").strip(" -").lower().replace(" of", "")
    if q in ("early", "beginning", "start"):
        return 1, 10
    if q in ("mid", "middle"):
        return 11, 20
    if q in ("late", "end"):
        return 21, last_day(y, m)
    return 1, last_day(y, m)


def _bounds(y: int, m1: int, d1: int, m2: int, d2: int) -> dict[str, str]:
    y2 = y + (m2 - 1) // 12
    m2 = (m2 - 1) % 12 + 1
    if d2 == 0:
        d2 = last_day(y2, m2)
    return {"notBefore": iso(y, m1, d1), "notAfter": iso(y2, m2, d2)}


def _full(m: dict, d: str = "d1", mo: str = "m1", y: str = "y1") -> str | None:
    return iso(int(m[y]), month_number(m[mo]), int(re.match(r"\d+", m[d]).group()))


def _month_range(m: dict) -> dict | None:
    y = int(m["y1"])
    a, b = month_number(m["m1"]), month_number(m["m2"])
    if m.get("q1") or m.get("q2"):
        start = _day_range(y, a, m.get("q1"))[0]
        end = _day_range(y, b, m.get("q2"))[1]
        return {"from": iso(y, a, start), "to": iso(y, b, end)}
    return {"from": iso(y, a), "to": iso(y, b)}


def _season(m: dict) -> dict | None:
    y = int(m["y1"])
    season = m["s"].lower()
    q = (m.get("q1") or "").strip(" -").lower()
    if q == "mid" and season == "summer":
        return _bounds(y, 7, 1, 7, 0)
    first, last = SEASONS[season]
    if q == "early":
        last = first
    elif q == "late":
        first = last
    elif q == "mid":
        first = last = first + 1
    return _bounds(y, first, 1, last, 0)


def _part_of_year(m: dict) -> dict | None:
    y = int(m["y1"])
    q = m["q1"].strip(" -").lower().replace(" of", "")
    first, last = {"early": (1, 3), "beginning": (1, 3), "start": (1, 3), "mid": (5, 8),
                   "middle": (5, 8), "late": (10, 12), "end": (10, 12)}[q]
    return _bounds(y, first, 1, last, 0)


def _decade(m: dict) -> dict | None:
    start = int(m["dec"])
    q = (m.get("q1") or "").strip(" -").lower()
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(q, (0, 9))
    return {"notBefore": f"{start + lo:04d}", "notAfter": f"{start + hi:04d}"}


def _century(m: dict) -> dict | None:
    """"the 19th century" is 1801-1900; early/mid/late take its thirds."""
    first = (int(m["c"]) - 1) * 100 + 1
    q = (m.get("q1") or "").lower()
    lo, hi = {"early": (0, 32), "mid": (33, 65), "late": (66, 99)}.get(q, (0, 99))
    return {"notBefore": f"{first + lo:04d}", "notAfter": f"{first + hi:04d}"}


def _year_range(m: dict) -> dict | None:
    a = int(m["y1"])
    b_text = m["y2"]
    b = int(b_text) if len(b_text) == 4 else (a // 100) * 100 + int(b_text)
    return {"from": f"{a:04d}", "to": f"{b:04d}"} if a < b else None


def _iso_day(m: dict) -> dict | None:
    return {"when": iso(int(m["y1"]), int(m["mo"]), int(m["d1"]))}


def _numeric(m: dict) -> dict | None:
    """"6/12/1996": the order of data/dates.txt where both could be the month (low
    certainty), else the plain one ("25/12/1996")."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y1"])
    if a > 12 or b > 12:
        day, month = (a, b) if a > 12 else (b, a)
        return {"when": iso(y, month, day)}
    day, month = (a, b) if DAY_FIRST else (b, a)
    return {"when": iso(y, month, day), **({"cert": "low"} if a != b else {})}


def _ordinal_day(m: dict) -> dict | None:
    day = ordinal_number(m["dw"])
    month = month_number(m["m1"])
    if m.get("y1"):
        return {"when": iso(int(m["y1"]), month, day)}
    return {"when": f"--{month:02d}-{day:02d}"} if day <= last_day(2000, month) else None


def _winter(m: dict) -> dict | None:
    """"the winter of 1942-43": December 1942 to February 1943."""
    years = _consecutive(_year_range(m))
    if years is None:
        return None
    a, b = int(years["from"]), int(years["to"])
    return {"notBefore": iso(a, 12, 1), "notAfter": iso(b, 2, last_day(b, 2))}


def _consecutive(found: dict | None) -> dict | None:
    """"1942/43": a year and the next (a winter, a school or fiscal year), nothing wider."""
    return found if found and int(found["to"]) == int(found["from"]) + 1 else None


def _one(prefix: str) -> str:
    """A date printed in full, its groups named with `prefix`: "January 10, 1913",
    "6 August 1892", "April 1941"."""
    p = prefix
    return (rf"(?:(?P<{p}m>{MONTH})\s+(?P<{p}d>{DAY}){COMMA}(?P<{p}y>{YEAR})"
            rf"|(?P<{p}d2>{DAY})\.?\s+(?P<{p}m2>{MONTH}),?\s+(?P<{p}y2>{YEAR})"
            rf"|(?P<{p}m3>{MONTH}),?\s+(?P<{p}y3>{YEAR}))")


def _full_of(m: dict, p: str) -> str | None:
    if m.get(f"{p}m"):
        return iso(int(m[f"{p}y"]), month_number(m[f"{p}m"]), day_number(m[f"{p}d"]))
    if m.get(f"{p}m2"):
        return iso(int(m[f"{p}y2"]), month_number(m[f"{p}m2"]), day_number(m[f"{p}d2"]))
    return iso(int(m[f"{p}y3"]), month_number(m[f"{p}m3"]))


def _dates_range(m: dict) -> dict | None:
    a, b = _full_of(m, "a"), _full_of(m, "b")
    return {"from": a, "to": b} if a and b and a < b else None


RULES = [
    rule("numeric", r"(?<![\d/.])(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<y1>1[0-9]{3}|20[0-9]{2})"
         r"(?![\d/]|\.\d)",
         _numeric),
    rule("ordinal-day", rf"(?:the\s+)?(?P<span>(?P<dw>{ORDINAL})\s+(?:day\s+)?of\s+(?P<m1>{MONTH})"
         rf"(?:,?\s+(?P<y1>{YEAR}))?)", _ordinal_day),
    rule("winter-two-years", rf"(?:(?P<q1>[Tt]he)\s+)?(?P<span>[Ww]inter\s+(?:of\s+)?(?P<y1>{YEAR})"
         r"[-–/](?P<y2>\d{4}|\d{2})(?!\d))", _winter),
    rule("academic-years", rf"(?P<y1>{YEAR})/(?P<y2>\d{{2}}|\d{{4}})(?![\d/])",
         lambda m: _consecutive(_year_range(m))),
    rule("full-to-full", rf"{_one('a')}{TO}{_one('b')}", _dates_range),
    rule("between-full", rf"\bbetween\s+(?P<span>{_one('a')}\s+and\s+{_one('b')})", _dates_range),
    rule("iso-day", rf"(?P<y1>{YEAR})-(?P<mo>0[1-9]|1[0-2])-(?P<d1>0[1-9]|[12][0-9]|3[01])(?!\d)",
          _iso_day),
    rule("days-of-a-month", rf"(?P<m1>{MONTH})\s+(?P<d1>{DAY}){TO}(?P<d2>{DAY}),?\s+(?P<y1>{YEAR})",
          lambda m: {"from": _full(m), "to": _full(m, d="d2")}),
    rule("days-of-a-month-dmy", rf"(?P<d1>{DAY}){TO}(?P<d2>{DAY})\s+(?P<m1>{MONTH}),?\s+(?P<y1>{YEAR})",
          lambda m: {"from": _full(m), "to": _full(m, d="d2")}),
    rule("days-across-months", rf"(?P<m1>{MONTH})\s+(?P<d1>{DAY}){TO}(?P<m2>{MONTH})\s+"
          rf"(?P<d2>{DAY}),?\s+(?P<y1>{YEAR})",
          lambda m: {"from": _full(m), "to": _full(m, d="d2", mo="m2")}),
    rule("days-across-months-dmy", rf"(?P<d1>{DAY})\s+(?P<m1>{MONTH}){TO}(?P<d2>{DAY})\s+"
          rf"(?P<m2>{MONTH}),?\s+(?P<y1>{YEAR})",
          lambda m: {"from": _full(m), "to": _full(m, d="d2", mo="m2")}),
    rule("months", rf"(?:(?P<q1>{QUAL})[\s-]+)?(?P<m1>{MONTH})(?:{TO}|\s+and\s+)(?:the\s+)?"
          rf"(?:(?P<q2>{QUAL})[\s-]+)?(?P<m2>{MONTH}),?\s+(?P<y1>{YEAR})", _month_range),
    rule("day-mdy", rf"{LEAD_WEEKDAY}(?P<m1>{MONTH})\s+(?P<d1>{DAY}){COMMA}"
          r"(?P<y1>(?:1[0-9]{3}|20[0-9]{2})(?!\d|[,.]\d))",
          lambda m: {"when": _full(m)}),
    rule("day-of-month", rf"(?P<d1>{DAY})\s+of\s+(?P<m1>{MONTH}),?\s+(?P<y1>{YEAR})",
          lambda m: {"when": _full(m)}),
    rule("century-words", rf"(?:(?P<q1>early|mid|late)[\s-]+)?(?P<cw>{ORDINAL})[\s-]+[Cc]entury",
         lambda m: _century({**m, "c": ordinal_number(m["cw"])})),
    rule("century", r"(?:(?P<q1>early|mid|late)[\s-]+)?(?P<c>1[0-9]|20|[1-9])(?:st|nd|rd|th)"
          r"[\s-]+[Cc]entury", _century),
    rule("day-dmy", rf"{LEAD_WEEKDAY}(?P<d1>{DAY})\.?\s+(?P<m1>{MONTH}),?\s+(?P<y1>{YEAR})",
          lambda m: {"when": _full(m)}),
    rule("part-of-month", rf"(?P<q1>{QUAL})[\s-]+(?P<m1>{MONTH}),?\s+(?P<y1>{YEAR})",
          lambda m: _bounds(int(m["y1"]), month_number(m["m1"]),
                            _day_range(int(m["y1"]), month_number(m["m1"]), m["q1"])[0], month_number(m["m1"]),
                            _day_range(int(m["y1"]), month_number(m["m1"]), m["q1"])[1])),
    rule("month", rf"(?P<m1>{MONTH}),?\s+(?P<y1>{YEAR})",
          lambda m: {"when": iso(int(m["y1"]), month_number(m["m1"]))}),
    rule("season", rf"(?:(?P<q1>early|mid|late|[Ee]arly|[Mm]id|[Ll]ate)[\s-]*)?(?P<s>{SEASON})"
          rf"(?:\s+(?:of|in)\s+|,?\s+)(?P<y1>{YEAR})", _season),
    rule("part-of-year", rf"(?P<q1>{QUAL})[\s-]*(?P<y1>{YEAR})(?!s)", _part_of_year),
    rule("decade", r"(?:(?P<q1>early|mid|late)[\s-]+)?(?P<dec>(?<!\d)1[0-9]{2}0|20[0-9]0)s\b",
          _decade),
    rule("years", rf"(?:years?\s+)?(?P<y1>{YEAR}){TO}(?P<y2>{YEAR}|\d{{2}}(?!\d))", _year_range),
    rule("years-and", rf"\b{PREPOSITION}\s+(?:both\s+)?(?P<span>(?P<y1>{YEAR})(?:,\s+{YEAR})*,?"
          rf"\s+(?:and|or)\s+(?P<y2>{YEAR})){NOT_A_COUNT}",
          lambda m: {"notBefore": m["y1"], "notAfter": m["y2"]} if m["y1"] < m["y2"] else None),
    rule("years-between", rf"\bbetween\s+(?P<span>(?P<y1>{YEAR})\s+and\s+(?P<y2>{YEAR}))",
          _year_range),
    rule("fiscal-year", rf"\b(?:[Ff]iscal|[Cc]alendar|[Tt]ax|[Mm]odel)\s+(?:year\s+)?(?P<y1>{YEAR})"
         rf"{NOT_A_COUNT}", lambda m: {"when": m["y1"]}),
    rule("year-in-words", rf"(?:the\s+)?(?P<span>(?:year\s+)?{YEAR_WORDS})\b(?!-)"
         r"(?!\s+(?:people|men|women|of|and|times|percent|dollars|years|hundred|thousand)\b)",
         lambda m: {"when": f"{spoken_year(m):04d}"}),
    rule("the-year", rf"years?\s+(?P<y1>{YEAR}){NOT_A_COUNT}", lambda m: {"when": m["y1"]}),
    rule("day-no-year", rf"{LEAD_WEEKDAY}(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?!\d|\s*,?\s*\d{{4}})",
          lambda m: _no_year(m)),
    rule("part-of-month-no-year", rf"(?P<q1>{QUAL})[\s-]+(?P<m1>{MONTH})(?!\w|[\s,]*\d)",
          lambda m: _part_no_year(m)),
    rule("season-no-year", rf"\b(?:[Ii]n|[Dd]uring|[Bb]y|[Ss]ince|[Uu]ntil)\s+(?:the\s+)?"
          rf"(?P<span>(?P<s>{SEASON})(?:\s+and\s+(?P<s2>{SEASON}))?)(?!\s+(?:of|in)\s+\d|,?\s+\d)",
          lambda m: _season_no_year(m)),
    rule("year-after-dash", rf"\s[-–—]\s*(?P<span>(?P<y1>{YEAR}))\s*$",
          lambda m: {"when": m["y1"]}),
    rule("day-no-year-dmy", rf"{LEAD_WEEKDAY}(?<!\d)(?P<d1>{DAY})\s+(?P<m1>{MONTH})(?!\w|,?\s+\d)",
          lambda m: _no_year(m)),
    rule("month-no-year", rf"\b(?:{PREPOSITION}|[Ff]or)\s+(?P<span>(?P<m1>{MONTH}))(?![\w]|[\s,]*\d)",
          lambda m: {"when": f"--{month_number(m['m1']):02d}"}),
    rule("year-after-preposition", rf"\b{PREPOSITION}\s+(?P<span>(?P<y1>{YEAR})){NOT_A_COUNT}"
          r"(?!s\b)", lambda m: {"when": m["y1"]}),
    rule("year-in-brackets", rf"\((?P<span>(?P<y1>{YEAR}))\)", lambda m: {"when": m["y1"]}),
    rule("year-after-title", rf"[”\"»]\s*,?\s*(?P<span>(?P<y1>{YEAR})){NOT_A_COUNT}",
          lambda m: {"when": m["y1"]}),
    rule("year-after-place", rf"\b[A-Z][a-zà-ž’'-]+\s+(?P<span>(?P<y1>{YEAR})){NOT_A_COUNT}",
          lambda m: {"when": m["y1"]}),
    rule("year-in-citation", rf"(?:vol|No|no)\.?\s*\d+,\s*(?P<span>(?P<y1>{YEAR}))|"
          rf"(?P<y2>{YEAR})(?=,\s*pp?\.\s*\d)", lambda m: {"when": m.get("y1") or m["y2"]}),
] + RELATIVE


def _part_no_year(m: dict) -> dict | None:
    month = month_number(m["m1"])
    first, last = _day_range(2000, month, m["q1"])  # 2000: a leap year, so Feb 29 exists
    return {"notBefore": f"--{month:02d}-{first:02d}", "notAfter": f"--{month:02d}-{last:02d}"}


def _season_no_year(m: dict) -> dict | None:
    first = SEASONS[m["s"].lower()][0]
    last = SEASONS[(m.get("s2") or m["s"]).lower()][1]
    if last > 12:  # winter runs into the next year: no single yearless span
        return None
    return {"notBefore": f"--{first:02d}-01",
            "notAfter": f"--{last:02d}-{calendar.monthrange(2000, last)[1]:02d}"}


def _no_year(m: dict) -> dict | None:
    month, day = month_number(m["m1"]), day_number(m["d1"])
    return {"when": f"--{month:02d}-{day:02d}"} if day <= last_day(2000, month) else None


_ANY = re.compile(r"\d|" + "|".join(sorted({n.capitalize() for n in MONTHS}
                                           | {"Spring", "Summer", "Autumn", "Fall", "Winter",
                                              "day", "week", "month", "year", "today",
                                              "quarter", "century", "hundred",
                                              "thousand", "nineteen", "eighteen", "ties",
                                              "weekend",
                                              "tomorrow"},
                                           key=len, reverse=True)), re.I)


def may_hold_date(text: str) -> bool:
    """Has `text` a digit, a month or a season? Most text nodes have none."""
    return _ANY.search(text) is not None


def find(text: str) -> list[Hit]:
    """Every date in `text`, longest first, none overlapping."""
    if not may_hold_date(text):
        return []  # no digit, month or season: most text nodes
    found: list[tuple[int, int, dict]] = []
    for each in RULES:
        for m in each.pattern.finditer(text):
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            span = "span" if "span" in groups else 0
            try:
                value = each.value(groups)
            except (ValueError, KeyError):
                value = None
            if value and all(value.values()) and _in_range(value):
                found.append((m.start(span), m.end(span), value))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    hits: list[Hit] = []
    end = -1
    for start, stop, value in found:
        if start >= end:
            hits.append(Hit(start, stop, "date", value))
            end = stop
    return hits


def _in_range(value: dict) -> bool:
    """Are the value's years within data/dates.txt's [years]?"""
    years = [int(v[:4]) for k, v in value.items() if k != "cert" and v[:4].isdigit()]
    return all(FIRST_YEAR <= y <= LAST_YEAR for y in years)


SKIP = {"fw", "ref", "date", "docDate", "sic", "corr", "persName", "placeName", "orgName"}


def skip(el) -> bool:
    """Where dates are not tagged: furniture, citation marks, names, OCR readings,
    and dates the structure rules already marked."""
    local = el.tag.rsplit("}", 1)[-1]
    return local in SKIP or (local == "note" and el.get("type") == "editorial")
