"""The building blocks of the date rules: months, days, years, ranges and the rule
itself, shared by the calendar rules (tagger.py) and the spoken ones (spoken.py)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Callable

from pipeline.build.dates.calendar import MONTHS
from pipeline.build.dates.relative import NUMBERS
from pipeline.core import cues

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


def month_number(month: str) -> int:
    return MONTHS[month.rstrip(".").lower()]


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


@dataclass
class Rule:
    name: str
    pattern: re.Pattern
    value: Callable[[dict], dict[str, str] | None]


def rule(name: str, regex: str, value: Callable[[dict], dict | None]) -> Rule:
    # Never start inside a word: "theautumn of 1939" (a lost space) stays one word. A
    # match that opens with a mark (a quote, a bracket) may follow a letter.
    return Rule(name, re.compile(r"(?:(?<![^\W_])|(?![^\W_]))(?:" + regex + ")"), value)


WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
NUMBER = r"(?i:\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
LEAD_WEEKDAY = rf"(?:{WEEKDAY},?\s+)?"  # "Sunday, May 14": the weekday is in the date

ORDINALS = {w: n for n, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
    .split(), start=1)}
ORDINALS.update({f"twenty-{w}": 20 + n for w, n in list(ORDINALS.items())[:9]})
ORDINALS.update({"thirtieth": 30, "thirty-first": 31})
def ordinal_number(word: str) -> int | None:
    """"twenty-third", "Twenty third" -> 23."""
    return ORDINALS.get("-".join(word.lower().replace("-", " ").split()))


ORDINAL = r"(?i:" + "|".join(sorted(ORDINALS, key=len, reverse=True)).replace("-", "[-\\s]") + ")"


def settings() -> tuple[bool, int, int]:
    """(day first?, first year, last year) from data/dates.txt."""
    found = cues.load("dates.txt")
    order = found.get("numeric-order", ("day-first",))[0]
    years = [int(y) for y in found.get("years", ()) if y.isdigit()] or [1000, 2099]
    return order != "month-first", min(years), max(years)


DAY_FIRST, FIRST_YEAR, LAST_YEAR = settings()

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
          "nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_NUMBERS = {w: n for n, w in enumerate(_UNITS, 1)} | {w: n for n, w in enumerate(_TEENS, 10)}
WORD_NUMBERS |= {w: 10 * n for n, w in enumerate(_TENS, 2)}
_TWO = (r"(?:(?:" + "|".join(_TENS) + r")(?:[-\s](?:" + "|".join(_UNITS) + r"))?|"
        + "|".join(_TEENS) + r"|oh[-\s](?:" + "|".join(_UNITS) + r"))")
# "nineteen ninety-six", "eighteen hundred and twelve", "two thousand and one": years
# spoken, as broadcast transcripts print them
YEAR_WORDS = (r"(?i:(?P<cent>eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
              rf"eighteen|nineteen)\s+(?:hundred(?:\s+and)?\s+)?(?P<rest>{_TWO})"
              r"|two\s+thousand(?:\s+and\s+(?P<after>" + "|".join(_UNITS + _TEENS) + r"))?)")


def spoken_year(m: dict) -> int:
    """The year of a YEAR_WORDS match's groups."""
    if not m.get("cent"):
        return 2000 + WORD_NUMBERS.get((m.get("after") or "").lower(), 0)
    rest = m["rest"].lower().replace("-", " ").split()
    value = sum(WORD_NUMBERS.get(w, 0) for w in rest if w != "oh")
    return WORD_NUMBERS[m["cent"].lower()] * 100 + value
