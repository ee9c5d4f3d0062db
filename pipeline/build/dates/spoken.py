"""The spoken dates: what a text says of a day by its relation to another ("yesterday",
"the next day", "last Friday", "two days later", "the 5th inst."), marked with a code
that dates/resolve.py turns into a value from the passage's reference date (the codes:
dates/relative.py)."""

from __future__ import annotations

from pipeline.build.dates.calendar import MONTHS
from pipeline.build.dates.patterns import (DAY, MONTH, NUMBER, WEEKDAY, YEAR, day_number,
                                           month_number, rule)
from pipeline.build.dates.relative import NUMBERS, UNIT, WEEKDAYS
from pipeline.build.dates.resolve import REL

QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
DECADES = {w: n for n, w in enumerate(("twenties thirties forties fifties sixties seventies "
                                       "eighties nineties").split(), start=2)}


def _ago(m: dict) -> dict | None:
    n = m["n"].lower()
    count = NUMBERS[n] if n in NUMBERS else int(n)
    unit = UNIT[m["u"].lower()]
    direction = m["dir"].lower()
    sign = "+" if direction in ("later", "afterwards") else "-"
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
    rule("today", r"(?P<t>(?:(?<=^)|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s))(?:Today|Yesterday|Tomorrow)"
          r"|today|yesterday|tomorrow)\b",
          lambda m: {REL: {"today": "d+0", "yesterday": "d-1", "tomorrow": "d+1"}[m["t"].lower()]}),
    rule("next-day", r"(?:the\s+)?(?P<span>(?P<w>next|following|previous)\s+day)\b",
          lambda m: {REL: ("d-1" if m["w"] == "previous" else "d+1") + "@story"}),
    rule("day-after", r"the\s+(?P<span>day\s+(?P<w>after|before))(?!\s+\w+\s+(?:the|a|his|her))",
          lambda m: {REL: ("d+1" if m["w"] == "after" else "d-1") + "@story"}),
    rule("later", rf"(?P<n>{NUMBER})(?P<half>\s+and\s+a\s+half)?\s+(?P<u>day|week|month|year)s?\s+"
          r"(?P<dir>later|earlier|ago|afterwards)\b", _ago),
    rule("this-month", r"(?P<w>[Ll]ast|[Tt]his|[Nn]ext|the\s+following|the\s+previous|the\s+next|"
          r"that|the\s+same)\s+(?P<u>week|month|year)\b",
          lambda m: _deictic({**m, "w": m["w"]})),
    # Not "a Monday", "every Friday", "each Sunday": any such day, no date.
    rule("weekday", rf"(?<!\ba )(?<!\bevery )(?<!\beach )(?<!\bany )"
          rf"(?:(?P<w>last|next|this|[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wd>{WEEKDAY})\b"
          r"(?!,?\s+(?:\d|" + "|".join(n.capitalize() for n in MONTHS if len(n) > 2) + "))",
          _weekday),
    rule("last-month-name", rf"(?P<w>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<m1>{MONTH})(?![\w]|[\s,]*\d)",
          lambda m: {REL: f"mon:{month_number(m['m1'])}:"
                          f"{ {'last': 'last', 'next': 'next'}.get(m['w'].lower(), 'near')}"}),
    rule("quarter", rf"(?:(?P<y1>{YEAR})\s+)?(?P<q>first|second|third|fourth|[Ff]irst|[Ss]econd|"
          r"[Tt]hird|[Ff]ourth)[\s-]+quarter\b(?:\s+of\s+(?P<y2>\d{4}))?",
          lambda m: {REL: "q:" + str(QUARTERS[m["q"].lower()])
                     + (":" + (m.get("y1") or m.get("y2")) if m.get("y1") or m.get("y2") else "")}),
    rule("past-year", r"the\s+(?P<span>(?:past|last)\s+(?P<u>month|year))\b(?!s)",
          lambda m: {REL: f"{UNIT[m['u']]}-1"}),
    rule("year-ago", r"(?P<span>year[\s-](?:earlier|ago))\b", lambda m: {REL: "y-1"}),
    rule("the-day", r"\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Ss]ince)\s+the\s+(?P<span>(?P<d1>"
          r"[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th))\b"
          r"(?!\s+(?:of\b|inst|ult|prox|[A-Z]|centur|floor|time|anniversar|birthday))",
          lambda m: {REL: f"dom:{day_number(m['d1'])}:0@story"}),
    rule("last-season", r"(?P<w>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<s>spring|summer|autumn|fall|winter)\b"
         r"(?!\s+(?:of|in)\b|,?\s+\d)", lambda m: {REL: f"sea:{m['s'].lower()}:{m['w'].lower()}"}),
    rule("decade-words", r"the\s+(?P<span>(?:(?P<q1>early|mid|late)[\s-]+)?(?P<dec>twenties|thirties|"
         r"forties|fifties|sixties|seventies|eighties|nineties))\b",
         lambda m: {REL: f"dec:{DECADES[m['dec']]}:{(m.get('q1') or '').lower()}"}),
    # A quarter or a weekend named by its relation to the time of writing: tagged,
    # with no calendar value of its own ("the latest quarter", "the weekend").
    # (Not "the quarter" alone: a town has quarters.)
    rule("relative-quarter", r"the\s+(?P<span>(?:latest|current|previous|past|year-earlier|year-ago|"
         r"comparable|fiscal)\s+quarter)\b(?!s|\s+of\b|-)", lambda m: {REL: "none"}),
    rule("weekend", r"(?:the\s+)?(?P<span>(?:(?:this|last|next)\s+)?weekend)\b(?!s)",
         lambda m: {REL: "none"}),
    rule("current-year", r"(?:the\s+)?(?P<span>current\s+(?:fiscal\s+|calendar\s+)?year)\b",
         lambda m: {REL: "y+0"}),
    rule("that-day", r"(?P<span>(?:[Tt]hat|[Tt]he\s+same)\s+day)\b(?!s|\s+(?:by|after|to)\s+day)",
         lambda m: {REL: "d+0@story"}),  # not "that day by day": every day
    rule("year-period", rf"the\s+(?P<span>(?P<y1>{YEAR})\s+(?:period|fiscal\s+year|financial\s+year))\b",
         lambda m: {"when": m["y1"]}),
    rule("inst", rf"(?:the\s+)?(?P<span>(?P<d1>{DAY})\s+(?P<k>inst|ult|prox)\b\.?)",
          lambda m: {REL: f"dom:{day_number(m['d1'])}:{ {'inst': 0, 'ult': -1, 'prox': 1}[m['k']]}"}),
]


