"""Dates as UK pages write them ("13th September 2024", "13 Sept 2024", "13/09/2024",
"Friday 11 November 2022", "September 13, 2024", "October 2023"), and the PEEL cycle whose
reports a date falls among."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

import attrs

from peelparse._lazy import LazyPattern
from peelparse._limits import examined_text

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
MONTH_WRITTEN = _MONTH
"""A month's name, in full or short ("September", "Sept"), to be compiled ignoring case."""
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

DAY_DATE_WRITTEN = (
    r"(?<![\w/.])(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:the\s+)?)?(?:"
    rf"(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH})\b\.?,?\s+(?P<y1>{_YEAR})"
    rf"|\b(?P<m2>{_MONTH})\b\.?\s+(?P<d2>{_DAY}),?\s+(?P<y2>{_YEAR})"
    rf"|(?P<d3>[0-3]?\d)[/.](?P<m3>[01]?\d)[/.](?P<y3>{_YEAR})"
    r")(?![\w/])"
)
"""A day's date in any UK order and form ("13th September 2024", "13 Sept 2024",
"13/09/2024", "September 13, 2024", "Friday 11 November 2022"), to be compiled ignoring
case; its groups are read by ``date_of``."""
DATE_WRITTEN = rf"(?:{DAY_DATE_WRITTEN}|\b(?P<m4>{_MONTH})\b\.?,?\s+(?P<y4>{_YEAR})(?![\w/]))"
"""``DAY_DATE_WRITTEN``, or a month and year alone ("released in October 2023")."""
_ISO_DATE = rf"(?<![\w/.:-])(?P<y5>{_YEAR})-(?P<m5>[01]\d)-(?P<d5>[0-3]\d)(?![\w/]|[-:.]\d)"
"""A date as machines write it ("date 2025-05-14"), as pages label their own; not when it is
part of a longer number or code ("2019-20-21-4", "v2.2025-05-14")."""
DATE = LazyPattern(rf"{DATE_WRITTEN}|{_ISO_DATE}", re.IGNORECASE)
"""A date with its year, in any form above or as ``YYYY-MM-DD``."""


@attrs.frozen
class FoundDate:
    """A date in a text."""

    start: int
    """Where it starts in the text."""
    end: int
    """Where it ends."""
    year: int
    month: int
    day: int | None
    """``None`` for a month and year alone."""

    @property
    def iso(self) -> str | None:
        """``YYYY-MM-DD`` when the date has a day."""
        return None if self.day is None else f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def dates_in(text: str) -> list[FoundDate]:
    """Every real date in ``text``, in order (31 February and month 13 are not)."""
    if not any(c.isdigit() for c in text):
        return []
    found: list[FoundDate] = []
    for match in DATE.finditer(examined_text(text)):
        date = date_of(match)
        if date is not None:
            found.append(date)
    return found


def date_at_start(text: str) -> FoundDate | None:
    """The date ``text`` opens with, if it does."""
    match = DATE.match(text)
    return date_of(match) if match is not None else None


def date_of(match: re.Match[str]) -> FoundDate | None:
    """The date an expression holding ``DATE_WRITTEN`` (or ``DAY_DATE_WRITTEN``) found, when
    it is a real one."""
    groups = match.groupdict()
    day: int | None
    try:
        if groups["d1"]:
            day, month, year = _number(groups["d1"]), _month(groups["m1"]), int(groups["y1"])
        elif groups["d2"]:
            day, month, year = _number(groups["d2"]), _month(groups["m2"]), int(groups["y2"])
        elif groups["d3"]:
            day, month, year = int(groups["d3"]), int(groups["m3"]), int(groups["y3"])
        elif groups.get("d5"):
            day, month, year = int(groups["d5"]), int(groups["m5"]), int(groups["y5"])
        elif groups.get("m4"):
            day, month, year = None, _month(groups["m4"]), int(groups["y4"])
        else:
            return None
        datetime.date(year, month, day or 1)
    except ValueError:
        return None
    return FoundDate(match.start(), match.end(), year, month, day)


def iso_date(text: str) -> str | None:
    """The ISO form of the first day's date in ``text``."""
    return next((date.iso for date in dates_in(text) if date.iso), None)


def _number(day: str) -> int:
    return int(day.rstrip("stndrh"))


def _month(word: str) -> int:
    key = word.lower()[:3]
    return next(i for i, name in enumerate(_MONTHS, start=1) if name.startswith(key))


CYCLE_PUBLISHED = (
    (2014, (2014, 1), (2015, 6)),
    (2015, (2015, 7), (2016, 6)),
    (2016, (2016, 7), (2017, 6)),
    (2017, (2017, 7), (2018, 6)),
    (2018, (2018, 7), (2020, 12)),
    (2021, (2021, 1), (2023, 4)),
    (2023, (2023, 5), (2026, 12)),
)
"""Each PEEL cycle's first year, with the first and last month its reports, releases and
responses came out in: the annual pillar reports of one year came out from that summer to
the next spring ("PEEL: police effectiveness 2016" in March 2017), the 2018/19 reports up to
2020, the 2021/22 reports up to spring 2023."""


def cycle_of(date: FoundDate) -> int | None:
    """The first year of the cycle whose publications ``date`` falls among."""
    key = (date.year, date.month)
    for year, first, last in CYCLE_PUBLISHED:
        if first <= key <= last:
            return year
    return None


_PUBLISHED = LazyPattern(
    r"\b(?:[Pp]ubli(?:shed|cation\s+date)|[Ll]ast\s+updated|[Uu]pdated|[Rr]eleased|[Pp]osted"
    r"|[Dd]ated?|PUBLISHED|UPDATED|RELEASED|POSTED|DATED?)\b"
)
"""Words that label the date a page came out ("Published on", "Last updated:")."""
_LABEL_REACH = 80
"""The most characters between such a label and its date ("published today, Friday ...")."""
OWN_YEAR_NAME = r"\bState\s+of\s+Policing\b"
"""A publication with a year of its own, whatever its dates say."""
_OWN_YEAR = LazyPattern(OWN_YEAR_NAME)
TITLE_REACH = 300
"""Where a page's title stands: the start of the text."""
_ABOUT_PEEL = LazyPattern(
    r"\b(?:effectiveness|efficiency|legitimacy|requires?\s+improvement|inadequate|outstanding)\b",
    re.IGNORECASE,
)
"""Words of a PEEL assessment, besides its name: its pillars and its grades. A page with
none of them is about another inspection, whose dates say nothing of a PEEL cycle."""


def published_date(text: str, *, own: bool = False) -> FoundDate | None:
    """The first date a label says the page came out on ("Published 22 March 2018",
    "published today, Friday 11 November 2022", "Last updated: 3 May 2019"). With ``own``,
    only a day's date, and not one a label gives to the report the page is about ("Date
    Inspection Published: 2 March 2017")."""
    text = examined_text(text)
    for label in _labels(text):
        reach = text[label.end() : label.end() + _LABEL_REACH]
        match = DATE.search(reach)
        date = date_of(match) if match is not None else None
        if date is None or (own and date.day is None):
            continue
        if own and _OF_THE_REPORT.search(
            text[max(label.start() - _LABEL_REACH // 2, 0) : label.end() + date.start]
        ):
            continue
        return attrs.evolve(date, start=label.end() + date.start, end=label.end() + date.end)
    return None


_STEMS = ("publi", "updated", "released", "posted", "date")
"""How each label of ``_PUBLISHED`` starts, in lower case (or ends: "last updated")."""


def _labels(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_PUBLISHED`` in ``text``, in order. A search of the lower-cased text
    for each label's letters finds where they can be far faster than the expression can."""
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer: offsets would move
        yield from _PUBLISHED.finditer(text)
        return
    places: set[int] = set()
    for stem in _STEMS:
        at = lower.find(stem)
        while at >= 0:
            places.add(at)
            if stem == "updated" and lower.endswith("last ", 0, at):
                places.add(at - len("last "))
            at = lower.find(stem, at + 1)
    end = 0
    for at in sorted(places):
        match = _PUBLISHED.match(text, at) if at >= end else None
        if match is not None and (at == 0 or not text[at - 1].isalnum()):
            end = match.end()
            yield match


_OF_THE_REPORT = LazyPattern(r"\b(?:inspection|report|deadline)\b", re.IGNORECASE)
"""Words that make a labelled date the report's, not the page's own."""

_BRACKETED = LazyPattern(r"\((?P<date>[^()\n]{6,40})\)[ \t]*$", re.MULTILINE)
"""A line that ends with something in brackets, as a statement's heading ends with its date
("... on the inspection (27 Nov 2014)")."""


def heading_date(text: str) -> FoundDate | None:
    """A day's date in brackets at the end of one of the first lines of ``text``."""
    for match in _BRACKETED.finditer(text, 0, TITLE_REACH):
        date = date_at_start(match.group("date"))
        if date is not None and date.day is not None:
            start = match.start("date")
            return attrs.evolve(date, start=start + date.start, end=start + date.end)
    return None


def year_from_dates(text: str) -> int | None:
    """The first year of the cycle a PEEL text's own date places it in, when it names no
    cycle: the date a label says it came out on, else a line that is only a date (a
    letter's). Dates of events it tells of do not count, and a State of Policing keeps
    its own year."""
    # The name's first word, looked for first, spares most texts the expression.
    if "State" in text[:TITLE_REACH] and _OWN_YEAR.search(text, 0, TITLE_REACH) is not None:
        return None
    if "PEEL" not in text and _ABOUT_PEEL.search(text) is None:
        return None
    date = published_date(text) or _date_line(text)
    return cycle_of(date) if date is not None else None


def _date_line(text: str) -> FoundDate | None:
    """The first line that is only a date (a time of day may come first)."""
    start = 0
    for line in text.split("\n"):
        content = line.rstrip(" \t*")
        if content[-1:].isdigit() and len(content.strip()) <= _LONGEST_DATE_LINE:
            match = _DATE_LINE.fullmatch(content)
            date = date_at_start(match.group("date")) if match is not None else None
            whole = match is not None and date is not None and date.end == len(match.group("date"))
            if whole and date is not None and date.day is not None and match is not None:
                at = start + match.start("date")
                return attrs.evolve(date, start=at + date.start, end=at + date.end)
        start += len(line) + 1
    return None


_LONGEST_DATE_LINE = 60
"""The most characters of a line that is only a date."""
_DATE_LINE = LazyPattern(r"[ \t*#]*(?:\d\d?:\d\d\s+)?(?P<date>\S.*)")
"""A line's marks and a time of day before what may be its date."""
