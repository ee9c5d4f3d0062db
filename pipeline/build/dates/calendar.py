"""Dates: recognise calendar expressions and give their ISO 8601 value."""

from __future__ import annotations

import calendar
import re

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?"

# Whole-line dates: "April 7, 1939", "7 April 1939", "7. April 1976", "JULY 27, 1939",
# "July 1942"; a leading dash marks the second half of a range printed on two lines.
_LINE_FORMS = [
    re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$", re.I),
    re.compile(rf"^{_DAY}\.?\s+{_MONTH},?\s+{_YEAR}$", re.I),
    re.compile(rf"^{_MONTH},?\s+{_YEAR}$", re.I),
]
# "London, 14th March 1852." : a place before the date on a dateline.
_PLACE = re.compile(r"^[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3},\s+")


_WEEKDAYS = {name.lower() for name in calendar.day_name}


def calendar_word(word: str) -> bool:
    """Is `word` the name of a month or a day of the week ("August", "Monday")?"""
    return word.lower() in MONTHS or word.lower() in _WEEKDAYS


def iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD, or None if the day does not exist."""
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def date_line(text: str) -> str | None:
    """The ISO value of a line that is nothing but a date (perhaps after a place)."""
    found = date_span(text)
    return found[0] if found else None


def date_span(text: str) -> tuple[str, int, int] | None:
    """(ISO value, start, end) of the date on a date line, else None."""
    start = len(text) - len(text.lstrip(" -–—"))
    end = len(text.rstrip(" ."))
    place = _PLACE.match(text, start)
    for offset in ([start, place.end()] if place else [start]):
        s = text[offset:end]
        for form in _LINE_FORMS:
            m = form.match(s)
            if m:
                parts = m.groupdict()
                day = int(parts["day"]) if parts.get("day") else None
                value = iso(int(parts["year"]), MONTHS[parts["month"].lower()], day)
                return (value, offset, end) if value else None
    return None
