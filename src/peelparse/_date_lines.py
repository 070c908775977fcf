"""Dates as pages write them on a line of their own: "Thursday, 22nd March 2018, 6:39 am",
"Published: 2 March 2017", "Updated 14 Nov 2022". One reader for every kind that has them."""

from __future__ import annotations

import datetime
import re

import attrs

from peelparse._lazy import LazyPattern

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
"""Month names and their abbreviations, lower case, with their numbers."""

_TIME = r"\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|[AP]M))?(?:\s+(?:GMT|BST|UTC))?"
DATE_LINE = LazyPattern(
    r"(?P<label>(?:First\s+)?(?:Published|Publication\s+date|Date(?:\s+published)?|"
    r"Last\s+updated|Updated|Released|Posted)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{_TIME}\s*,?\s+)?"
    r"(?:(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>" + _MONTH + r")\.?,?\s+(?P<y1>\d{4})"
    r"|(?P<m2>" + _MONTH + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})"
    r"|(?P<d3>\d{1,2})/(?P<m3>\d{1,2})/(?P<y3>\d{4}))"
    rf"(?:\s*,?\s*(?:at\s+)?{_TIME})?\s*$",
    re.IGNORECASE,
)
"""A line that is only a date, perhaps labelled and with a time. A month without a day is
not a date."""
_LONGEST = 90
"""A date line is short: longer lines are not tried."""


@attrs.frozen
class DateLine:
    """A date read off a line."""

    iso: str | None
    """As ``YYYY-MM-DD``; ``None`` when the day does not exist (31 February)."""
    label: str | None
    """The label before it, as written without its colon ("Published", "Updated")."""


def read_date_line(text: str) -> DateLine | None:
    """The date a line holds when the line is only a date (see ``DATE_LINE``), else ``None``."""
    line = text.strip()
    if not line or len(line) > _LONGEST or not any(c.isdigit() for c in line[-12:]):
        return None
    match = DATE_LINE.fullmatch(line)
    if match is None:
        return None
    groups = match.groupdict()
    day = groups["d1"] or groups["d2"] or groups["d3"]
    year = groups["y1"] or groups["y2"] or groups["y3"]
    month_name = groups["m1"] or groups["m2"]
    month = MONTHS.get(month_name.lower()) if month_name else int(groups["m3"])
    label = groups["label"]
    label = " ".join(label.replace(":", " ").split()) if label else None
    try:
        iso = datetime.date(int(year), month or 0, int(day)).isoformat()
    except ValueError:
        iso = None
    return DateLine(iso, label)
