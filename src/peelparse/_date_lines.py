"""Lines that are only a date, as news and publication pages put them above or below a
headline: "Thursday, 22nd March 2018, 6:39 am", "Published: 2 March 2017", "Updated 14 Nov
2022". The date itself is read by the core's date reader; this adds the label and the time."""

from __future__ import annotations

import re

import attrs

from peelparse._dates import date_at_start
from peelparse._lazy import LazyPattern

_TIME = r"\d{1,2}[:.]\d{2}(?:\s*(?:am|pm))?(?:\s+(?:GMT|BST|UTC))?"
_LABEL = LazyPattern(
    r"(?P<label>(?:First\s+)?(?:Published|Publication\s+date|Date(?:\s+published)?|"
    r"Last\s+updated|Updated|Released|Posted)(?:\s+on)?)\s*:?\s*",
    re.IGNORECASE,
)
_BEFORE = LazyPattern(
    rf"(?:{_TIME}\s*,?\s+)?(?:(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?,?\s+)?", re.IGNORECASE
)
"""A time, or a weekday written short, before the date (a full weekday is the date's own)."""
_AFTER = LazyPattern(rf",?(?<!\s)\s*+(?:at\s+)?{_TIME}", re.IGNORECASE)
"""A time after the date (spaces entered from their first only, so a search is linear)."""
_LONGEST = 90
"""A date line is short: longer lines are not tried."""


@attrs.frozen
class DateLine:
    """A date read off a line."""

    iso: str
    """As ``YYYY-MM-DD``."""
    label: str | None
    """The label before it, as written without its colon ("Published", "Updated")."""


def read_date_line(text: str) -> DateLine | None:
    """The date a line holds when the line is only a date with a day, perhaps labelled and
    with a time; else ``None`` (a month without a day is not a date)."""
    line = text.strip()
    if not line or len(line) > _LONGEST or not any(c.isdigit() for c in line):
        return None
    label = None
    at = 0
    labelled = _LABEL.match(line)
    if labelled is not None:
        label = " ".join(labelled.group("label").split())
        at = labelled.end()
    before = _BEFORE.match(line, at)
    if before is not None:
        at = before.end()
    date = date_at_start(line[at:])
    if date is None or date.iso is None:
        return None
    rest = line[at + date.end :].strip()
    if rest and _AFTER.fullmatch(rest) is None:
        return None
    return DateLine(date.iso, label)
