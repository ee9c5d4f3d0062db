"""Date tagging: every calendar expression in running text, with its ISO 8601 value.

Each rule is a regular expression whose named groups feed a small function that
computes the value (see docs/dates.md for the conventions). All rules are tried at
every position; the longest match wins, and a four-digit number counts as a year
only with evidence (a month, a preposition, a range, brackets, a publication line).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Callable

from pipeline.build.annotate import Hit
from pipeline.build.dates.calendar import MONTHS, iso
from pipeline.build.dates.relative import NUMBERS, UNIT, WEEKDAYS, month_code

QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
from pipeline.build.dates.resolve import REL

_FULL = {n for n in MONTHS if len(n) > 4 or n in ("may", "june", "july")}
_NAMES = sorted(MONTHS, key=len, reverse=True)
# Full names never take a dot ("by the end of July." ends a sentence); "Sept." does.
MONTH = r"(?:" + "|".join(
    f"{n.capitalize()}|{n.upper()}" if n in _FULL else rf"(?:{n.capitalize()}|{n.upper()})\.?"
    for n in _NAMES) + r")"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
COMMA = r"(?:,\s*|\s+)"  # "March 27, 1941"; "March 27,1941" (a lost space)
YEAR = r"(?<![\d,.])(?:1[0-9]{3}|20[0-9]{2})(?!\d|[,.]\d)"
TO = r"\s*(?:[-–—]|to|until|till|through)\s*"
SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\b"  # not "springing"
QUAL = r"(?:early|mid|late|beginning of|end of|middle of|start of)"
NOT_A_COUNT = r"(?!\s*(?:%|per\b|men\b|people\b|km\b|fighters\b|houses\b|tons\b))"
PREPOSITION = (r"(?:[Ii]n|[Oo]n|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Ff]rom|of|[Dd]uring|[Bb]efore|"
               r"[Aa]fter|to|[Tt]hrough|[Aa]round|circa|c\.)")

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
           "winter": (12, 14)}


def _num(month: str) -> int:
    return MONTHS[month.rstrip(".").lower()]


def _last(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _day_range(y: int, m: int, q: str | None) -> tuple[int, int]:
    """Days of month m that "early", "mid", "late" (or none) cover."""
    q = (q or "").strip(" -").lower().replace(" of", "")
    if q in ("early", "beginning", "start"):
        return 1, 10
    if q in ("mid", "middle"):
        return 11, 20
    if q in ("late", "end"):
        return 21, _last(y, m)
    return 1, _last(y, m)


def _bounds(y: int, m1: int, d1: int, m2: int, d2: int) -> dict[str, str]:
    y2 = y + (m2 - 1) // 12
    m2 = (m2 - 1) % 12 + 1
    if d2 == 0:
        d2 = _last(y2, m2)
    return {"notBefore": iso(y, m1, d1), "notAfter": iso(y2, m2, d2)}


@dataclass
class Rule:
    name: str
    pattern: re.Pattern
    value: Callable[[dict], dict[str, str] | None]


def _rule(name: str, regex: str, value: Callable[[dict], dict | None]) -> Rule:
    # Never start inside a word: "theautumn of 1939" (a lost space) stays one word. A
    # match that opens with a mark (a quote, a bracket) may follow a letter.
    return Rule(name, re.compile(r"(?:(?<![^\W_])|(?![^\W_]))(?:" + regex + ")"), value)


def _full(m: dict, d: str = "d1", mo: str = "m1", y: str = "y1") -> str | None:
    return iso(int(m[y]), _num(m[mo]), int(re.match(r"\d+", m[d]).group()))


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _month_range(m: dict) -> dict | None:
    y = int(m["y1"])
    a, b = _num(m["m1"]), _num(m["m2"])
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


WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
NUMBER = r"(?i:\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
_LEAD_WEEKDAY = rf"(?:{WEEKDAY},?\s+)?"  # "Sunday, May 14": the weekday is in the date


def _iso_day(m: dict) -> dict | None:
    return {"when": iso(int(m["y1"]), int(m["mo"]), int(m["d1"]))}


def _ago(m: dict) -> dict | None:
    n = m["n"].lower()
    count = NUMBERS[n] if n in NUMBERS else int(n)
    unit = UNIT[m["u"].lower()]
    direction = m["dir"].lower()
    sign = "+" if direction in ("later", "afterwards", "on") else "-"
    story = "" if direction == "ago" else "@story"
    if unit == "w":  # a week is no calendar date: "two weeks later" has days
        unit, count = "d", count * 7 + (3 if m.get("half") else 0)
    elif m.get("half") and unit == "d":
        return None  # "two and a half days later": no day
    # "one and a half months later": the month it falls in, counted whole ("m+1")
    return {REL: f"{unit}{sign}{count}{story}"}


def _deictic(m: dict) -> dict | None:
    which, unit = m["w"].lower(), m["u"].lower()
    if unit == "week":
        return {REL: "week"}  # a week: tagged, no calendar value
    shift = {"last": "-1", "this": "+0", "next": "+1", "the following": "+1@story",
             "the previous": "-1@story", "the next": "+1@story", "that": "+0@story",
             "the same": "+0@story"}[" ".join(which.split())]
    return {REL: f"{UNIT[unit]}{shift}"}


def _weekday(m: dict) -> dict | None:
    which = (m.get("w") or "").lower()
    direction = {"last": "last", "next": "next", "this": "near"}.get(which, "past")
    return {REL: f"dow:{WEEKDAYS[m['wd'].lower()]}:{direction}"}


RELATIVE = [
    # A capital only where a sentence starts: "Albania Today" is a title.
    _rule("today", r"(?P<t>(?:(?<=^)|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s))(?:Today|Yesterday|Tomorrow)"
          r"|today|yesterday|tomorrow)\b",
          lambda m: {REL: {"today": "d+0", "yesterday": "d-1", "tomorrow": "d+1"}[m["t"].lower()]}),
    _rule("next-day", r"(?:the\s+)?(?P<span>(?P<w>next|following|previous)\s+day)\b",
          lambda m: {REL: ("d-1" if m["w"] == "previous" else "d+1") + "@story"}),
    _rule("day-after", r"the\s+(?P<span>day\s+(?P<w>after|before))(?!\s+\w+\s+(?:the|a|his|her))",
          lambda m: {REL: ("d+1" if m["w"] == "after" else "d-1") + "@story"}),
    _rule("later", rf"(?P<n>{NUMBER})(?P<half>\s+and\s+a\s+half)?\s+(?P<u>day|week|month|year)s?\s+"
          r"(?P<dir>later|earlier|ago|afterwards)\b", _ago),
    _rule("this-month", r"(?P<w>[Ll]ast|[Tt]his|[Nn]ext|the\s+following|the\s+previous|the\s+next|"
          r"that|the\s+same)\s+(?P<u>week|month|year)\b",
          lambda m: _deictic({**m, "w": m["w"]})),
    # Not "a Monday", "every Friday", "each Sunday": any such day, no date.
    _rule("weekday", rf"(?<!\ba )(?<!\bevery )(?<!\beach )(?<!\bany )"
          rf"(?:(?P<w>last|next|this|[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wd>{WEEKDAY})\b"
          r"(?!,?\s+(?:\d|" + "|".join(n.capitalize() for n in MONTHS if len(n) > 2) + "))",
          _weekday),
    _rule("last-month-name", rf"(?P<w>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<m1>{MONTH})(?![\w]|[\s,]*\d)",
          lambda m: {REL: month_code(_num(m["m1"]), {"last": "last", "next": "next"}.get(
              m["w"].lower(), "near"))}),
    _rule("quarter", rf"(?:(?P<y1>{YEAR})\s+)?(?P<q>first|second|third|fourth|[Ff]irst|[Ss]econd|"
          r"[Tt]hird|[Ff]ourth)[\s-]+quarter\b(?:\s+of\s+(?P<y2>\d{4}))?",
          lambda m: {REL: "q:" + str(QUARTERS[m["q"].lower()])
                     + (":" + (m.get("y1") or m.get("y2")) if m.get("y1") or m.get("y2") else "")}),
    _rule("past-year", r"the\s+(?P<span>(?:past|last)\s+(?P<u>month|year))\b(?!s)",
          lambda m: {REL: f"{UNIT[m['u']]}-1"}),
    _rule("year-ago", r"(?P<span>year[\s-](?:earlier|ago))\b", lambda m: {REL: "y-1"}),
    _rule("the-day", rf"\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Ss]ince)\s+the\s+(?P<span>(?P<d1>"
          r"[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th))\b"
          r"(?!\s+(?:of\b|inst|ult|prox|[A-Z]|centur|floor|time|anniversar|birthday))",
          lambda m: {REL: f"dom:{_day(m['d1'])}:0@story"}),
    _rule("inst", rf"(?:the\s+)?(?P<span>(?P<d1>{DAY})\s+(?P<k>inst|ult|prox)\b\.?)",
          lambda m: {REL: f"dom:{_day(m['d1'])}:{ {'inst': 0, 'ult': -1, 'prox': 1}[m['k']]}"}),
]


def _one(prefix: str) -> str:
    """A date printed in full, its groups named with `prefix`: "January 10, 1913",
    "6 August 1892", "April 1941"."""
    p = prefix
    return (rf"(?:(?P<{p}m>{MONTH})\s+(?P<{p}d>{DAY}){COMMA}(?P<{p}y>{YEAR})"
            rf"|(?P<{p}d2>{DAY})\.?\s+(?P<{p}m2>{MONTH}),?\s+(?P<{p}y2>{YEAR})"
            rf"|(?P<{p}m3>{MONTH}),?\s+(?P<{p}y3>{YEAR}))")


def _full_of(m: dict, p: str) -> str | None:
    if m.get(f"{p}m"):
        return iso(int(m[f"{p}y"]), _num(m[f"{p}m"]), _day(m[f"{p}d"]))
    if m.get(f"{p}m2"):
        return iso(int(m[f"{p}y2"]), _num(m[f"{p}m2"]), _day(m[f"{p}d2"]))
    return iso(int(m[f"{p}y3"]), _num(m[f"{p}m3"]))


def _dates_range(m: dict) -> dict | None:
    a, b = _full_of(m, "a"), _full_of(m, "b")
    return {"from": a, "to": b} if a and b and a < b else None


RULES = [
    _rule("full-to-full", rf"{_one('a')}{TO}{_one('b')}", _dates_range),
    _rule("between-full", rf"\bbetween\s+(?P<span>{_one('a')}\s+and\s+{_one('b')})", _dates_range),
    _rule("iso-day", rf"(?P<y1>{YEAR})-(?P<mo>0[1-9]|1[0-2])-(?P<d1>0[1-9]|[12][0-9]|3[01])(?!\d)",
          _iso_day),
    _rule("days-of-a-month", rf"(?P<m1>{MONTH})\s+(?P<d1>{DAY}){TO}(?P<d2>{DAY}),?\s+(?P<y1>{YEAR})",
          lambda m: {"from": _full(m), "to": _full(m, d="d2")}),
    _rule("days-of-a-month-dmy", rf"(?P<d1>{DAY}){TO}(?P<d2>{DAY})\s+(?P<m1>{MONTH}),?\s+(?P<y1>{YEAR})",
          lambda m: {"from": _full(m), "to": _full(m, d="d2")}),
    _rule("days-across-months", rf"(?P<m1>{MONTH})\s+(?P<d1>{DAY}){TO}(?P<m2>{MONTH})\s+"
          rf"(?P<d2>{DAY}),?\s+(?P<y1>{YEAR})",
          lambda m: {"from": _full(m), "to": _full(m, d="d2", mo="m2")}),
    _rule("days-across-months-dmy", rf"(?P<d1>{DAY})\s+(?P<m1>{MONTH}){TO}(?P<d2>{DAY})\s+"
          rf"(?P<m2>{MONTH}),?\s+(?P<y1>{YEAR})",
          lambda m: {"from": _full(m), "to": _full(m, d="d2", mo="m2")}),
    _rule("months", rf"(?:(?P<q1>{QUAL})[\s-]+)?(?P<m1>{MONTH})(?:{TO}|\s+and\s+)(?:the\s+)?"
          rf"(?:(?P<q2>{QUAL})[\s-]+)?(?P<m2>{MONTH}),?\s+(?P<y1>{YEAR})", _month_range),
    _rule("day-mdy", rf"{_LEAD_WEEKDAY}(?P<m1>{MONTH})\s+(?P<d1>{DAY}){COMMA}"
          r"(?P<y1>(?:1[0-9]{3}|20[0-9]{2})(?!\d|[,.]\d))",
          lambda m: {"when": _full(m)}),
    _rule("day-of-month", rf"(?P<d1>{DAY})\s+of\s+(?P<m1>{MONTH}),?\s+(?P<y1>{YEAR})",
          lambda m: {"when": _full(m)}),
    _rule("century", r"(?:(?P<q1>early|mid|late)[\s-]+)?(?P<c>1[0-9]|20|[1-9])(?:st|nd|rd|th)"
          r"[\s-]+[Cc]entury", _century),
    _rule("day-dmy", rf"{_LEAD_WEEKDAY}(?P<d1>{DAY})\.?\s+(?P<m1>{MONTH}),?\s+(?P<y1>{YEAR})",
          lambda m: {"when": _full(m)}),
    _rule("part-of-month", rf"(?P<q1>{QUAL})[\s-]+(?P<m1>{MONTH}),?\s+(?P<y1>{YEAR})",
          lambda m: _bounds(int(m["y1"]), _num(m["m1"]),
                            _day_range(int(m["y1"]), _num(m["m1"]), m["q1"])[0], _num(m["m1"]),
                            _day_range(int(m["y1"]), _num(m["m1"]), m["q1"])[1])),
    _rule("month", rf"(?P<m1>{MONTH}),?\s+(?P<y1>{YEAR})",
          lambda m: {"when": iso(int(m["y1"]), _num(m["m1"]))}),
    _rule("season", rf"(?:(?P<q1>early|mid|late|[Ee]arly|[Mm]id|[Ll]ate)[\s-]*)?(?P<s>{SEASON})"
          rf"(?:\s+(?:of|in)\s+|,?\s+)(?P<y1>{YEAR})", _season),
    _rule("part-of-year", rf"(?P<q1>{QUAL})[\s-]*(?P<y1>{YEAR})(?!s)", _part_of_year),
    _rule("decade", r"(?:(?P<q1>early|mid|late)[\s-]+)?(?P<dec>(?<!\d)1[0-9]{2}0|20[0-9]0)s\b",
          _decade),
    _rule("years", rf"(?:years?\s+)?(?P<y1>{YEAR}){TO}(?P<y2>{YEAR}|\d{{2}}(?!\d))", _year_range),
    _rule("years-and", rf"\b{PREPOSITION}\s+(?:both\s+)?(?P<span>(?P<y1>{YEAR})(?:,\s+{YEAR})*,?"
          rf"\s+(?:and|or)\s+(?P<y2>{YEAR})){NOT_A_COUNT}",
          lambda m: {"notBefore": m["y1"], "notAfter": m["y2"]} if m["y1"] < m["y2"] else None),
    _rule("years-between", rf"\bbetween\s+(?P<span>(?P<y1>{YEAR})\s+and\s+(?P<y2>{YEAR}))",
          _year_range),
    _rule("the-year", rf"years?\s+(?P<y1>{YEAR}){NOT_A_COUNT}", lambda m: {"when": m["y1"]}),
    _rule("day-no-year", rf"{_LEAD_WEEKDAY}(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?!\d|\s*,?\s*\d{{4}})",
          lambda m: _no_year(m)),
    _rule("part-of-month-no-year", rf"(?P<q1>{QUAL})[\s-]+(?P<m1>{MONTH})(?!\w|[\s,]*\d)",
          lambda m: _part_no_year(m)),
    _rule("season-no-year", rf"\b(?:[Ii]n|[Dd]uring|[Bb]y|[Ss]ince|[Uu]ntil)\s+(?:the\s+)?"
          rf"(?P<span>(?P<s>{SEASON})(?:\s+and\s+(?P<s2>{SEASON}))?)(?!\s+(?:of|in)\s+\d|,?\s+\d)",
          lambda m: _season_no_year(m)),
    _rule("year-after-dash", rf"\s[-–—]\s*(?P<span>(?P<y1>{YEAR}))\s*$",
          lambda m: {"when": m["y1"]}),
    _rule("day-no-year-dmy", rf"{_LEAD_WEEKDAY}(?<!\d)(?P<d1>{DAY})\s+(?P<m1>{MONTH})(?!\w|,?\s+\d)",
          lambda m: _no_year(m)),
    _rule("month-no-year", rf"\b{PREPOSITION}\s+(?P<span>(?P<m1>{MONTH}))(?![\w]|[\s,]*\d)",
          lambda m: {"when": f"--{_num(m['m1']):02d}"}),
    _rule("year-after-preposition", rf"\b{PREPOSITION}\s+(?P<span>(?P<y1>{YEAR})){NOT_A_COUNT}"
          r"(?!s\b)", lambda m: {"when": m["y1"]}),
    _rule("year-in-brackets", rf"\((?P<span>(?P<y1>{YEAR}))\)", lambda m: {"when": m["y1"]}),
    _rule("year-after-title", rf"[”\"»]\s*,?\s*(?P<span>(?P<y1>{YEAR})){NOT_A_COUNT}",
          lambda m: {"when": m["y1"]}),
    _rule("year-after-place", rf"\b[A-Z][a-zà-ž’'-]+\s+(?P<span>(?P<y1>{YEAR})){NOT_A_COUNT}",
          lambda m: {"when": m["y1"]}),
    _rule("year-in-citation", rf"(?:vol|No|no)\.?\s*\d+,\s*(?P<span>(?P<y1>{YEAR}))|"
          rf"(?P<y2>{YEAR})(?=,\s*pp?\.\s*\d)", lambda m: {"when": m.get("y1") or m["y2"]}),
] + RELATIVE


def _part_no_year(m: dict) -> dict | None:
    month = _num(m["m1"])
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
    month, day = _num(m["m1"]), _day(m["d1"])
    return {"when": f"--{month:02d}-{day:02d}"} if day <= _last(2000, month) else None


_ANY = re.compile(r"\d|" + "|".join(sorted({n.capitalize() for n in MONTHS}
                                           | {"Spring", "Summer", "Autumn", "Fall", "Winter",
                                              "day", "week", "month", "year", "today",
                                              "quarter",
                                              "tomorrow"},
                                           key=len, reverse=True)), re.I)


def find(text: str) -> list[Hit]:
    """Every date in `text`, longest first, none overlapping."""
    if not _ANY.search(text):
        return []  # no digit, month or season: most text nodes
    found: list[tuple[int, int, dict]] = []
    for rule in RULES:
        for m in rule.pattern.finditer(text):
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            span = "span" if "span" in groups else 0
            try:
                value = rule.value(groups)
            except (ValueError, KeyError):
                value = None
            if value and all(value.values()):
                found.append((m.start(span), m.end(span), value))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    hits: list[Hit] = []
    end = -1
    for start, stop, value in found:
        if start >= end:
            hits.append(Hit(start, stop, "date", value))
            end = stop
    return hits


SKIP = {"fw", "ref", "date", "docDate", "sic", "corr", "persName", "placeName", "orgName"}


def skip(el) -> bool:
    """Where dates are not tagged: furniture, citation marks, names, OCR readings,
    and dates the structure rules already marked."""
    local = el.tag.rsplit("}", 1)[-1]
    return local in SKIP or (local == "note" and el.get("type") == "editorial")
