"""Relative and partial dates: their values from a reference date.

The spoken rules (dates/spoken.py) mark "yesterday", "last Friday", "the 5th inst." with
a `rel` code instead of a value; resolve.py walks the document, keeps the reference
date of each passage and calls `value()` here. Codes:

- `d+N` / `d-N`: N days after or before the reference ("yesterday" d-1; weeks are
  counted in days); `m+N`: the month N months on ("last month" m-1); `y+N`: the year;
- `dow:K:past|last|next|ahead|near`: the weekday K (0 Monday) on or before the
  reference (past), strictly before it ("last Friday"), after it (next), on or after it
  (ahead: "will meet on Friday"), or the nearest (near);
- `dom:D:0|-1|+1`: day D of the reference's month, the month before or after ("the 5th
  inst.", "ult.", "prox.");
- `mon:M:last|next|near` ("last November"), `q:Q[:YEAR]` (a quarter), `sea:NAME:WHICH`
  ("last fall"), `dec:T:early|mid|late` ("the nineties"): spans, "first/last";
- any other code ("week", "none"): no value.
A partial value ("--05-14", "--05") takes the year that puts it nearest the reference
(complete()).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from pipeline.build.dates.calendar import iso

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "a couple of": 2}  # not "a few", "several": no calendar point
UNIT = {"day": "d", "week": "w", "month": "m", "year": "y"}


class Reference:
    """A reference date: a year, perhaps a month, perhaps a day."""

    def __init__(self, year: int, month: int | None = None, day: int | None = None):
        self.year, self.month, self.day = year, month, day

    @classmethod
    def parse(cls, value: str | None) -> "Reference | None":
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value or "")
        if not m:
            return None
        return cls(int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                   int(m.group(3)) if m.group(3) else None)

    def as_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.day and self.month else None

    def __repr__(self) -> str:  # for tests and messages
        return iso(self.year, self.month, self.day) or "?"


def value(code: str, ref: Reference) -> str | None:
    """The ISO value of a relative expression `code` against `ref`, or None when the
    reference is not precise enough ("the next day" after "in 1943")."""
    kind, _, arg = code.partition(":")
    if kind[:1] == "d" and kind[1:2] in "+-":
        start = ref.as_date()
        return None if start is None else (start + timedelta(days=int(kind[1:]))).isoformat()
    if kind[:1] == "m" and kind[1:2] in "+-":
        return None if ref.month is None else iso(*_months_on(ref, int(kind[1:])))
    if kind[:1] == "y" and kind[1:2] in "+-":
        return iso(ref.year + int(kind[1:]))
    if kind == "dow":
        start = ref.as_date()
        if start is None:
            return None
        weekday, direction = arg.split(":")
        return _weekday(start, int(weekday), direction).isoformat()
    if kind == "mon":
        month, which = arg.split(":")
        return _month(ref, int(month), which)
    if kind == "q":  # a quarter of the reference's year, or of `year` printed with it
        quarter, _, year = arg.partition(":")
        first = 3 * int(quarter) - 2
        y = int(year) if year else ref.year
        return f"{iso(y, first, 1)}/{iso(y, first + 2, calendar.monthrange(y, first + 2)[1])}"
    if kind == "sea":  # "last fall": the season's last, next or this occurrence
        name, which = arg.split(":")
        return _season(ref, name, which)
    if kind == "dec":  # "the nineties": of the reference's century (the one before if
        tens, q = arg.split(":")  # that would be more than a decade ahead)
        start = (ref.year // 100) * 100 + 10 * int(tens)
        if start > ref.year + 10:
            start -= 100
        lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(q, (0, 9))
        return f"{start + lo:04d}/{start + hi:04d}"
    if kind == "dom":
        if ref.month is None:
            return None
        day, shift = arg.split(":")
        return iso(*_months_on(ref, int(shift)), int(day))
    return None


def _months_on(ref: Reference, n: int) -> tuple[int, int]:
    """(year, month) n months after the reference's month (n < 0: before)."""
    months = ref.year * 12 + ref.month - 1 + n
    return months // 12, months % 12 + 1


def _weekday(start: date, weekday: int, direction: str) -> date:
    back = (start.weekday() - weekday) % 7
    ahead = (weekday - start.weekday()) % 7
    if direction == "past":  # on or before: news reports what happened
        return start - timedelta(days=back)
    if direction == "last":
        return start - timedelta(days=back or 7)
    if direction == "next":
        return start + timedelta(days=ahead or 7)
    if direction == "ahead":  # on or after: "will meet on Thursday"
        return start + timedelta(days=ahead)
    return start - timedelta(days=back) if back <= ahead else start + timedelta(days=ahead)


AHEAD = 2  # months: a news report's yearless date is this far ahead at most


def complete(partial: str, ref: Reference, past: bool = False, future: bool = False,
             forward: bool = False) -> str | None:
    """A yearless value ("--05-14", "--05") with the year that puts it nearest the
    reference: a December letter's "January 3" is in the next year, a January
    article's "December 5" in the year before. `past`: a report looks back (the
    reference is a news article's date), so the date is in the months before it, or
    at most AHEAD months after; `future`: the sentence speaks of what will be;
    `forward`: the reference is the story's last date, and a story moves on, so the
    date is in its year, or the next ("30 December 1943 ... on January 2")."""
    m = re.fullmatch(r"--(\d{2})(?:-(\d{2}))?", partial)
    if not m:
        return None
    month, day = int(m.group(1)), int(m.group(2)) if m.group(2) else None
    year = ref.year
    if ref.month is not None:
        gap = month - ref.month
        if future:  # "will open in August": on or after the reference
            year += 1 if gap < 0 else 0
        elif forward:  # a story told in order: "on January 1, ... on September 10"
            year += 1 if gap < -6 else 0
        elif past:
            year -= 1 if gap > AHEAD else 0
            year += 1 if gap < AHEAD - 12 else 0
        elif gap > 6:
            year -= 1
        elif gap < -6:
            year += 1
    return iso(year, month, day)


def _month(ref: Reference, month: int, which: str) -> str | None:
    if ref.month is None:
        return None
    year = ref.year
    if which == "last":
        year -= 1 if month >= ref.month else 0
    elif which == "next":
        year += 1 if month <= ref.month else 0
    return iso(year, month)


SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season(ref: Reference, name: str, which: str) -> str | None:
    """The span of the season's last ("last fall"), next or current occurrence."""
    if ref.month is None:
        return None
    first = SEASON_MONTHS[name]
    year = ref.year
    started = ref.month >= first or (name == "winter" and ref.month <= 2)
    if name == "winter" and ref.month <= 2:
        year -= 1  # the winter that began last December
    if which == "last":
        year -= 1 if started else 0
        if name == "winter" and not started:
            year -= 1
    elif which == "next":
        year += 1 if started else 0
    last = first + 2
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return f"{iso(year, first, 1)}/{iso(end_year, end_month, calendar.monthrange(end_year, end_month)[1])}"
